import Foundation
import Testing
@testable import FolioCore
@testable import FolioKit

@Suite struct BatchRunTests {
    func write(_ bytes: [UInt8], _ path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    /// The files in `folder`, without Folio's bookkeeping (`.folio/`) and the run report.
    func files(in folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? [])
            .filter { !FilePaths.isDirectory(folder + "/" + $0) && !$0.hasPrefix(".folio/") && !$0.hasPrefix("folio-run") }.sorted()
    }

    @Test func badInputsFailAloneAndLeaveNoFiles() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let input = folder + "/in"
        let paper = "TITLE\n\nA paragraph of text.\n"
        try write(Array(paper.utf8), input + "/good.txt")
        try write(Array("# Heading\n\nText.".utf8), input + "/deep/er/notes.md")
        try write(Array("abc ".utf8) + [0xFF, 0xFE, 0xFD], input + "/bad-utf8.txt")
        try write([0x25, 0x50, 0x44, 0x46, 0x00, 0x00, 0x01], input + "/binary.txt")
        try write([], input + "/empty.txt")
        try write(Array("ignored".utf8), input + "/image.png")
        try write(Array(paper.utf8), input + "/.hidden.txt")

        var configuration = try defaultConfiguration()
        configuration.input = input
        let report = try BatchRun(configuration: configuration, outputFolder: folder + "/out").run(paths: [])

        #expect(report.processed == 5)
        #expect(report.failed.map { ($0.input.path as NSString).lastPathComponent } == ["bad-utf8.txt", "binary.txt", "empty.txt"])
        #expect(report.failed[0].error!.description.contains("bad-utf8.txt: error: at byte 4: invalid UTF-8 (line 1, column 5)"))
        #expect(report.failed[1].error!.description.contains("binary"))
        #expect(report.failed[2].error!.description.contains("empty"))
        #expect(!report.succeeded)
        // Sub-folders are mirrored; nothing is written for failures; no temporary files remain.
        #expect(files(in: folder + "/out") == ["deep/er/notes.json", "deep/er/notes.tei.xml", "good.json", "good.tei.xml"])
    }

    /// Every input of the run report carries the time it took, failures too (they were read).
    @Test func theReportTimesEveryInput() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try write(Array("TITLE\n\nA paragraph of text.\n".utf8), folder + "/in/good.txt")
        try write([], folder + "/in/empty.txt")
        var configuration = try defaultConfiguration()
        configuration.input = folder + "/in"
        let run = BatchRun(configuration: configuration, outputFolder: folder + "/out")
        #expect(run.process(InputFile(path: folder + "/in/good.txt", outputStem: "good")).seconds > 0)
        let report = try run.run(paths: [])
        let lines = try String(contentsOfFile: try #require(report.reportFile), encoding: .utf8).split(separator: "\n")
        let seconds = try lines.map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return try #require(object?["seconds"] as? Double)
        }
        #expect(seconds.count == 2 && seconds.allSatisfy { $0 > 0 }, "\(lines)")
    }

    @Test func namedFilesGoFlatAndClashesAreReported() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try write(Array("One paragraph.".utf8), folder + "/X/Y/name.txt")
        try write(Array("Another paragraph.".utf8), folder + "/Z/name.md")
        let report = try BatchRun(configuration: defaultConfiguration(), outputFolder: folder + "/out")
            .run(paths: [folder + "/X/Y/name.txt", folder + "/Z/name.md", folder + "/missing.txt"])
        #expect(files(in: folder + "/out") == ["name.json", "name.tei.xml"])
        #expect(report.problems.count == 2)
        #expect(report.problems.contains { $0.description.contains("would overwrite the output of") })
        #expect(report.problems.contains { $0.description.contains("missing.txt: error: no such file or folder") })
    }

    @Test func aMissingInputFolderIsAConfigurationError() throws {
        var configuration = try defaultConfiguration()
        configuration.input = "/nonexistent/Input"
        #expect { try BatchRun(configuration: configuration).run(paths: []) } throws: { error in
            "\(error)".contains("at input: the input folder '/nonexistent/Input' does not exist")
        }
    }

    @Test func symbolicLinkLoopsEnd() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try write(Array("Text.".utf8), folder + "/in/a.txt")
        try FileManager.default.createSymbolicLink(atPath: folder + "/in/loop", withDestinationPath: folder + "/in")
        let found = InputDiscovery.discover([folder + "/in"])
        #expect(found.inputs.map(\.outputStem) == ["a"])
    }

    @Test func atomicWritesReplaceWholeFiles() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try AtomicFile.write(Array("old".utf8), to: folder + "/f.json")
        try AtomicFile.write(Array("new".utf8), to: folder + "/f.json")
        #expect(FileManager.default.contents(atPath: folder + "/f.json") == Data("new".utf8))
        #expect(files(in: folder) == ["f.json"])
    }
}

@Suite struct OutputValidatorTests {
    func check(_ text: String, _ name: String) throws -> [String] {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return OutputValidator.validate(path: path).map { $0.description.replacingOccurrences(of: folder + "/", with: "") }
    }

    @Test func validOutputsPass() throws {
        let document = try fullModelDocument()
        #expect(try check(String(decoding: JSONFormat().render(document), as: UTF8.self), "a.json").isEmpty)
        #expect(try check(String(decoding: TEIFormat().render(document), as: UTF8.self), "a.tei.xml").isEmpty)
    }

    @Test func brokenJSONSaysLineAndColumn() throws {
        #expect(try check("{\n  \"folio\": ,\n}", "b.json") == ["b.json:2:12: error: expected a JSON value, found ','"])
    }

    @Test func schemaViolationsSayTheJSONPath() throws {
        var json = String(decoding: try JSONFormat().render(fullModelDocument()), as: UTF8.self)
        json = json.replacingOccurrences(of: "\"kind\": \"soCalled\"", with: "\"kind\": \"scare\"")
        let problems = try check(json, "c.json")
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("c.json: error: at quotations[0].kind: expected one of \"inline\", \"block\", \"soCalled\"") == true)
    }

    @Test func invalidTEISaysTheLineAndElement() throws {
        var xml = String(decoding: try TEIFormat().render(fullModelDocument()), as: UTF8.self)
        xml = xml.replacingOccurrences(of: "<figDesc>", with: "<figDescription>").replacingOccurrences(of: "</figDesc>", with: "</figDescription>")
        let problems = try check(xml, "d.tei.xml")
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.hasPrefix("d.tei.xml:") })
        #expect(problems.contains { $0.contains("figDescription") })
    }

    @Test func malformedXMLSaysTheLine() throws {
        let problems = try check("<TEI>\n<p>\n</TEI>", "e.tei.xml")
        #expect(problems.first?.hasPrefix("e.tei.xml:3: error:") == true)
        #expect(problems.first?.contains("not well-formed XML") == true)
    }

    @Test func otherFilesAreRefused() throws {
        #expect(try check("x", "f.csv").first?.contains("cannot tell what to check it against") == true)
    }
}

@Suite struct FingerprintTests {
    /// SHA-256's own test vectors (FIPS 180-2): the digest, written as lower-case hexadecimal.
    @Test func fingerprintsAreSHA256InHexadecimal() {
        #expect(Fingerprint.of(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Fingerprint.of([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let every = (0...255).map(UInt8.init)
        #expect(Hexadecimal.string(every) == every.map { String(format: "%02x", $0) }.joined())
    }
}
