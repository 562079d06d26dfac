import Foundation
import Testing
@testable import FolioCLI
import FolioCore
import FolioKit

/// A run killed at any moment (`kill -9`) leaves no partial or invalid file among the outputs,
/// and the next run finishes the rest without redoing what is done.
@Suite struct KillAndResumeTests {
    var folio: String { builtFolio }

    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Visible output files: what other tools read.
    func outputs(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") && !$0.hasPrefix("folio-run") }.sorted()
    }

    @Test func aKilledRunLeavesOnlyWholeValidFilesAndTheNextFinishesTheRest() throws {
        try #require(FileManager.default.isExecutableFile(atPath: folio), "build the folio binary first (swift build)")
        let folder = NSTemporaryDirectory() + "folio-kill-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        let sample = try Data(contentsOf: root.appendingPathComponent("Input/000_651e01f2a33d30cf.txt"))
        for index in 0..<30 { _ = FileManager.default.createFile(atPath: folder + "/in/paper\(index).txt", contents: sample) }
        let config = root.appendingPathComponent("pipeline.json").path

        let process = Process()
        process.executableURL = URL(fileURLWithPath: folio)
        process.arguments = ["run", "-q", "--jobs", "2", "--config", config, "-o", folder + "/out", folder + "/in"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it once a few papers are done, in the middle of others.
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline
                && ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/out/.folio/state"))?.count ?? 0) < 3 {
            usleep(20_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let survivors = outputs(folder + "/out")
        #expect(!survivors.isEmpty && survivors.count < 60, "killed mid-run: \(survivors.count) files")
        for file in survivors {
            #expect(OutputValidator.validate(path: folder + "/out/" + file).isEmpty, "\(file) is whole and valid")
        }
        let done = try FileManager.default.contentsOfDirectory(atPath: folder + "/out/.folio/state").count

        let configuration = try PipelineConfiguration.load(path: config, components: .standard)
        let report = try BatchRun(configuration: configuration, outputFolder: folder + "/out").run(paths: [folder + "/in"])
        #expect(report.succeeded && report.processed == 30)
        #expect(report.skipped == done, "what was done is not redone")
        #expect(outputs(folder + "/out").count == 60)
        let leftOver = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/out/.folio/tmp")) ?? []
        #expect(leftOver.isEmpty, "the killed run's temporary files are gone")
        // The same input gives the same file, whether written before the kill or after.
        let first = try String(contentsOfFile: folder + "/out/paper0.json", encoding: .utf8)
        for index in 1..<30 {
            let other = try String(contentsOfFile: folder + "/out/paper\(index).json", encoding: .utf8)
            #expect(other.replacingOccurrences(of: "paper\(index).txt", with: "paper0.txt") == first)
        }
    }
}
