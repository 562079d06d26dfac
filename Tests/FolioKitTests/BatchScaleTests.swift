import Foundation
import Synchronization
import Testing
@testable import FolioCore
@testable import FolioKit

/// Runs at archive scale: parallel workers, skipping what is up to date, shards, bad inputs.
@Suite struct BatchScaleTests {
    func write(_ text: String, _ path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }

    /// A folder of small papers, some in sub-folders.
    func corpus(_ count: Int) throws -> String {
        let folder = try temporaryFolder()
        for index in 0..<count {
            let path = folder + "/in/" + (index % 3 == 0 ? "sub/" : "") + "paper\(index).txt"
            try write("A TITLE NUMBER \(index)\n\nIn 1998 the board met on \(index % 28 + 1) March 1999, as “the minutes of that meeting” say.\n", path)
        }
        return folder
    }

    /// Output files (bookkeeping and report left out) and their bytes.
    func outputs(_ folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder)?.allObjects ?? []
        where !path.hasPrefix(".folio") && !path.hasPrefix("folio-run") && !FilePaths.isDirectory(folder + "/" + path) {
            result[path] = FileManager.default.contents(atPath: folder + "/" + path)
        }
        return result
    }

    @Test func manyWorkersWriteTheSameFilesAsOne() throws {
        let folder = try corpus(24)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let batch = try BatchRun(configuration: defaultConfiguration(), outputFolder: folder + "/one")
        let one = try batch.run(paths: [folder + "/in"], options: BatchOptions(jobs: 1))
        let four = try BatchRun(configuration: defaultConfiguration(), outputFolder: folder + "/four")
            .run(paths: [folder + "/in"], options: BatchOptions(jobs: 4))
        #expect(one.processed == 24 && four.processed == 24 && one.succeeded && four.succeeded)
        #expect(outputs(folder + "/one").count == 48)
        #expect(outputs(folder + "/one") == outputs(folder + "/four"))
    }

    @Test func anUnchangedInputIsSkippedAndAChangedOneRedone() throws {
        let folder = try corpus(6)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var configuration = try defaultConfiguration()
        let run = { (configuration: PipelineConfiguration, force: Bool) in
            try BatchRun(configuration: configuration, outputFolder: folder + "/out").run(paths: [folder + "/in"], options: BatchOptions(force: force))
        }
        #expect(try run(configuration, false).skipped == 0)
        #expect(outputs(folder + "/out").count == 12)
        #expect(try run(configuration, false).skipped == 6)
        try write("ANOTHER TITLE\n\nChanged text.\n", folder + "/in/paper1.txt")
        let second = try run(configuration, false)
        #expect(second.skipped == 5 && second.filesWritten == 2)
        try FileManager.default.removeItem(atPath: folder + "/out/paper2.tei.xml")
        #expect(try run(configuration, false).skipped == 5, "a missing output is made again")
        // What a power cut can leave of a file written without waiting for the disk.
        let json = folder + "/out/paper4.json"
        try Data(FileManager.default.contents(atPath: json)!.prefix(10)).write(to: URL(fileURLWithPath: json))
        #expect(try run(configuration, false).skipped == 5, "a short output is made again")
        #expect(FilePaths.size(of: json)! > 10)
        #expect(try run(configuration, true).skipped == 0, "--force redoes everything")
        configuration.referenceDate = "2001-01-01"
        #expect(try run(configuration, false).skipped == 0, "another configuration makes other outputs")
    }

    @Test func shardsShareTheInputsOutExactlyOnce() throws {
        let folder = try corpus(30)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var reports: [String] = []
        var processed = 0
        for index in 1...3 {
            let report = try BatchRun(configuration: defaultConfiguration(), outputFolder: folder + "/out")
                .run(paths: [folder + "/in"], options: BatchOptions(shard: Shard(index: index, count: 3)))
            processed += report.processed
            #expect(report.processed > 3, "a hash spreads the inputs")
            reports.append(try #require(report.reportFile))
        }
        #expect(processed == 30)
        #expect(reports.map { ($0 as NSString).lastPathComponent } == ["folio-run-1-of-3.jsonl", "folio-run-2-of-3.jsonl", "folio-run-3-of-3.jsonl"])
        #expect(outputs(folder + "/out").count == 60)
        let merged = try RunReportMerge.merge(reports)
        #expect(merged.lines.count == 30 && merged.duplicates.isEmpty && merged.counts == ["succeeded": 30])
        let inputs = merged.lines.map { String(decoding: $0, as: UTF8.self) }
        #expect(inputs == inputs.sorted(), "merged lines are in input order")
        #expect(throws: FolioError.self) { try Shard(parsing: "4/3") }
        #expect(throws: FolioError.self) { try Shard(parsing: "two") }
    }

    @Test func everyInputIsReportedAndProgressSeesEachOnce() throws {
        let folder = try corpus(5)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try write("", folder + "/in/empty.txt")
        let events = Mutex<[String]>([])
        let report = try BatchRun(configuration: defaultConfiguration(), outputFolder: folder + "/out")
            .run(paths: [folder + "/in", folder + "/missing.md"], options: BatchOptions(jobs: 2)) { event in
                events.withLock { events in
                    switch event {
                    case .started(let inputs, _): events.append("started \(inputs)")
                    case .finished(let outcome): events.append(outcome.status.rawValue)
                    case .problem: events.append("problem")
                    }
                }
            }
        let seen = events.withLock { $0 }
        #expect(seen.first == "started 6")
        #expect(seen.filter { $0 == "succeeded" }.count == 5 && seen.filter { $0 == "failed" }.count == 1 && seen.contains("problem"))
        let lines = try String(contentsOfFile: try #require(report.reportFile), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 7)
        #expect(lines.contains { $0.contains("empty.txt") && $0.contains("\"status\":\"failed\"") && $0.contains("the file is empty") })
        #expect(lines.contains { $0.contains("missing.md") && $0.contains("no such file") })
        #expect(!FileManager.default.fileExists(atPath: folder + "/out/.folio/tmp/" + (try FileManager.default.contentsOfDirectory(atPath: folder + "/out/.folio/tmp").first ?? "none")),
                "the run's temporary folder is gone")
    }

    @Test func badInputsEachGetAReasonAndTheBatchGoesOn() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let input = folder + "/in"
        try write("A TITLE\n\nA good paper.\n", input + "/good.txt")
        try write("   \n\n\t", input + "/blank.txt")
        try write(String(repeating: "(((« [“ ‘{", count: 2_000), input + "/punctuation.txt")
        // A file larger than the limit is refused before it is read.
        _ = FileManager.default.createFile(atPath: input + "/huge.txt", contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: input + "/huge.txt"))
        try handle.truncate(atOffset: 50_000_000)
        try handle.close()
        try write("Unreadable.\n", input + "/locked.txt")
        chmod(input + "/locked.txt", 0)
        let locked = FileManager.default.contents(atPath: input + "/locked.txt") == nil  // root reads anything
        try FileManager.default.createSymbolicLink(atPath: input + "/dangling.txt", withDestinationPath: input + "/gone.txt")

        let report = try BatchRun(configuration: defaultConfiguration(), outputFolder: folder + "/out").run(paths: [input])
        let reasons = Dictionary(uniqueKeysWithValues: report.failed.map { (($0.input.path as NSString).lastPathComponent, $0.error!.description) })
        #expect(reasons["blank.txt"]?.contains("only white space") == true)
        #expect(reasons["huge.txt"]?.contains("the file is 50.0 MB, more than the 32.0 MB Folio reads") == true)
        #expect(reasons["dangling.txt"]?.contains("does not exist") == true)
        if locked { #expect(reasons["locked.txt"]?.contains("cannot be read") == true) }
        #expect(reasons["good.txt"] == nil && reasons["punctuation.txt"] == nil, "odd but readable text is processed")
        #expect(outputs(folder + "/out").keys.sorted() == ["good.json", "good.tei.xml"] + (locked ? [] : ["locked.json", "locked.tei.xml"])
                + ["punctuation.json", "punctuation.tei.xml"])
    }

    @Test func aFileThatVanishesMidRunFailsAlone() throws {
        let folder = try corpus(4)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // The walk counts the file, then it is gone before a worker reads it.
        let report = try BatchRun(configuration: defaultConfiguration(), outputFolder: folder + "/out")
            .run(paths: [folder + "/in"], options: BatchOptions(jobs: 1)) { event in
                if case .started = event { try? FileManager.default.removeItem(atPath: folder + "/in/paper2.txt") }
            }
        #expect(report.processed == 3 || report.failed.contains { $0.error!.description.contains("paper2.txt: error: the file does not exist") })
    }
}
