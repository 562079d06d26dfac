import ArgumentParser
import FolioCore
import FolioKit
import Foundation

/// `folio merge-reports`: joins the shards' run reports into one.
struct MergeReportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-reports",
        abstract: "Join the run reports of a sharded batch (folio-run-K-of-N.jsonl) into one.",
        discussion: "Lines are sorted by input path. Prints what happened to how many papers; the exit code is 1 when any paper failed, 2 when a report cannot be read."
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("Where the merged report goes.", valueName: "file"))
    var output = "folio-run.jsonl"

    @Argument(help: ArgumentHelp("The shards' reports.", valueName: "reports"))
    var reports: [String]

    func validate() throws {
        if reports.isEmpty { throw ValidationError("Name the reports to merge (folio-run-*-of-*.jsonl).") }
    }

    func run() throws {
        let result: RunReportMerge.Result
        do {
            result = try RunReportMerge.merge(reports)
            try AtomicFile.write(result.lines.flatMap { $0 }, to: output)
        } catch let error as FolioError {
            Console.error(error.description)
            throw ExitCode(2)
        }
        for input in result.duplicates { Console.error("\(input): warning: in more than one report (was a shard run twice?)") }
        for failure in result.failures { Console.error(failure) }
        let counts = ["succeeded", "skipped", "failed"].map { "\(result.counts[$0, default: 0]) \($0)" }.joined(separator: ", ")
        Console.output("folio: \(count(result.lines.count, "paper")) in \(count(reports.count, "report")): \(counts); merged into \(output)")
        if result.counts["failed", default: 0] > 0 { throw ExitCode(1) }
    }
}
