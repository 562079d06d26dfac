import ArgumentParser
import FolioCore
import FolioKit
import Foundation

/// The lines a run prints: failures and warnings on stderr, a one-line summary on stdout.
struct RunSummary {
    let report: RunReport
    let outputFolder: String
    let quiet: Bool

    func print() {
        for problem in report.problems { Console.error(problem.description) }
        for outcome in report.outcomes {
            if let error = outcome.error {
                Console.error(error.description)
            } else if !quiet {
                for warning in outcome.warnings { Console.error(warning.description) }
            }
        }
        let failed = report.failed.count + report.problems.count
        guard !quiet || failed > 0 else { return }
        let succeeded = report.outcomes.count - report.failed.count
        var line = "folio: \(plural(report.outcomes.count, "paper")) processed, \(succeeded) succeeded"
        if failed > 0 { line += ", \(failed) failed" }
        line += "; \(plural(report.filesWritten, "file")) written to \(displayPath(outputFolder))"
        line += String(format: " in %.2f s", report.seconds)
        Console.output(line)
    }

    private func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    private func displayPath(_ path: String) -> String {
        let current = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(current) ? String(path.dropFirst(current.count)) + "/" : path
    }
}

/// Where the CLI writes; stderr for diagnostics so stdout stays clean for data.
enum Console {
    static func output(_ line: String) {
        Swift.print(line)
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// The bytes of `path` (`-` for standard input), or a clear error and exit code 2.
    static func read(_ path: String) throws -> [UInt8] {
        if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        guard let data = FileManager.default.contents(atPath: path) else {
            error(FolioError(file: path, "no such file, or it cannot be read").description)
            throw ExitCode(2)
        }
        return Array(data)
    }
}
