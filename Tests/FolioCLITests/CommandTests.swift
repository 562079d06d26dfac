import ArgumentParser
import Foundation
import Testing
@testable import FolioCLI

/// The command layer: parsing, exit codes. The work itself is tested in FolioKit.
@Suite struct CommandTests {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func noSubcommandMeansRun() throws {
        let command = try FolioCommand.parseAsRoot([])
        #expect(command is RunCommand)
        #expect((command as? RunCommand)?.config == "pipeline.json")
    }

    @Test func runTakesConfigOutputAndPaths() throws {
        let command = try #require(try FolioCommand.parseAsRoot(["run", "--config", "p.json", "-o", "Out", "a.txt", "dir"]) as? RunCommand)
        #expect(command.config == "p.json" && command.output == "Out" && command.paths == ["a.txt", "dir"])
    }

    @Test func schemaKindsAreChecked() {
        #expect(throws: (any Error).self) { try FolioCommand.parseAsRoot(["schema", "yaml"]) }
        #expect((try? FolioCommand.parseAsRoot(["schema", "tei"])) is SchemaCommand)
    }

    @Test func validateNeedsFiles() {
        #expect(throws: (any Error).self) { try FolioCommand.parseAsRoot(["validate"]) }
    }

    @Test func helpAndVersionAreThere() {
        #expect(FolioCommand.configuration.version.hasPrefix("folio "))
        #expect(FolioCommand.helpMessage().contains("validate"))
        #expect(FolioCommand.helpMessage(for: RunCommand.self).contains("--config"))
    }

    func exitCode(of arguments: [String]) throws -> Int32 {
        var command = try FolioCommand.parseAsRoot(arguments)
        do {
            try command.run()
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        }
    }

    @Test func exitCodesSayWhatHappened() throws {
        let folder = NSTemporaryDirectory() + "folio-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = root.appendingPathComponent("pipeline.json").path
        _ = FileManager.default.createFile(atPath: folder + "/good.txt", contents: Data("A paragraph.".utf8))
        _ = FileManager.default.createFile(atPath: folder + "/bad.txt", contents: Data([0xFF, 0x00]))
        _ = FileManager.default.createFile(atPath: folder + "/broken.json", contents: Data("{\"stages\": [}".utf8))

        #expect(try exitCode(of: ["run", "-q", "--config", config, "-o", folder + "/out", folder + "/good.txt"]) == 0)
        #expect(try exitCode(of: ["run", "-q", "--config", config, "-o", folder + "/out", folder + "/good.txt", folder + "/bad.txt"]) == 1)
        #expect(try exitCode(of: ["run", "-q", "--config", folder + "/broken.json", folder + "/good.txt"]) == 2)
        #expect(try exitCode(of: ["validate", folder + "/out/good.json", folder + "/out/good.tei.xml"]) == 0)
        #expect(try exitCode(of: ["validate", folder + "/broken.json"]) == 1)
        _ = FileManager.default.createFile(atPath: folder + "/refs.txt", contents: Data("Hale, Anna. 2001. A Book. Boston: Press.\n".utf8))
        #expect(try exitCode(of: ["parse-references", folder + "/refs.txt"]) == 0)
        #expect(try exitCode(of: ["parse-references", folder + "/missing.txt"]) == 2)
    }

    /// `bench --write-corpus` writes the typical papers and measures nothing; a folder that
    /// cannot be made is an error (exit 1).
    @Test func benchWritesItsCorpusOrSaysWhyNot() throws {
        let folder = NSTemporaryDirectory() + "folio-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (config, seeds) = (root.appendingPathComponent("pipeline.json").path, root.appendingPathComponent("Input").path)
        #expect(try exitCode(of: ["bench", "--config", config, "--corpus", seeds, "--papers", "4", "--write-corpus", folder + "/corpus"]) == 0)
        let written = try FileManager.default.contentsOfDirectory(atPath: folder + "/corpus").sorted()
        #expect(written == ["paper0.txt", "paper1.txt", "seed0.txt", "seed1.txt"])
        _ = FileManager.default.createFile(atPath: folder + "/taken", contents: Data())
        #expect(try exitCode(of: ["bench", "--config", config, "--corpus", seeds, "--write-corpus", folder + "/taken/corpus"]) == 1)
    }

    @Test func trainingMakesTheModelsFolderOrFailsBeforeItTrains() throws {
        let folder = NSTemporaryDirectory() + "folio-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let examples = #"{"raw": "Hale, Anna. 2001. A Book. Boston: Press.", "gold": {"author": [{"family": "Hale", "given": "Anna"}], "issued": {"date-parts": [[2001]]}, "title": "A Book", "publisher-place": "Boston", "publisher": "Press"}}"#
        _ = FileManager.default.createFile(atPath: folder + "/core.jsonl", contents: Data((examples + "\n").utf8))
        // A folder that is not there yet is made, as `run` makes its output folder.
        #expect(try exitCode(of: ["train-references", folder + "/core.jsonl", "--epochs", "1", "-o", folder + "/new/model.txt"]) == 0)
        #expect(FileManager.default.fileExists(atPath: folder + "/new/model.txt") && FileManager.default.fileExists(atPath: folder + "/new/model.tables"))
        // A file where the folder should be: an error (exit 2) before any training.
        _ = FileManager.default.createFile(atPath: folder + "/taken", contents: Data())
        #expect(try exitCode(of: ["train-references", folder + "/core.jsonl", "--epochs", "1", "-o", folder + "/taken/model.txt"]) == 2)
    }
}
