import Foundation
import Testing
@testable import FolioCore

/// A format for configuration tests; FolioKit has the real ones.
struct PlainFormat: OutputFormat {
    static let name = "plain"
    static let fileExtension = "txt"
    static let summary = "the reading text"
    let width: Int
    init(options: inout Options) throws { width = try options.integer("width", default: 80, in: 10...200) }
    func render(_ document: Document) throws -> [UInt8] { Array(document.text.readingText(document.text.all).utf8) }
}

@Suite struct PipelineConfigurationTests {
    let components = Components(stages: Components.coreStages, formats: [PlainFormat.self])

    func load(_ json: String) throws -> PipelineConfiguration {
        try PipelineConfiguration.decode(JSONParser.parse(json, file: "pipeline.json"), file: "pipeline.json",
                                         baseDirectory: "/work", components: components)
    }

    /// The error message loading `json` gives.
    func error(_ json: String) -> String {
        do {
            _ = try load(json)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    let stages = #"[{"stage": "normalize"}, {"stage": "paragraphs"}, {"stage": "headings"}]"#

    @Test func aFullConfigurationLoads() throws {
        let configuration = try load(#"{"input": "In", "output": "/tmp/Out", "referenceDate": "2024-02-29", "stages": \#(stages), "formats": {"plain": {"width": 40}}}"#)
        #expect(configuration.input == "/work/In")
        #expect(configuration.output == "/tmp/Out")
        #expect(configuration.referenceDate == "2024-02-29")
        #expect(configuration.stages.map { type(of: $0).name } == ["normalize", "paragraphs", "headings"])
        #expect((configuration.formats.first as? PlainFormat)?.width == 40)
    }

    @Test func anUnknownStageSuggestsTheClosestName() {
        let message = error(#"{"stages": [{"stage": "normalise"}], "formats": {"plain": {}}}"#)
        #expect(message.contains("pipeline.json: error: at stages[0].stage: unknown stage 'normalise'"))
        #expect(message.contains("did you mean 'normalize'?"))
    }

    @Test func anUnknownOptionSuggestsTheClosestName() {
        let message = error(#"{"stages": [{"stage": "normalize", "options": {"ligatres": true}}], "formats": {"plain": {}}}"#)
        #expect(message.contains("at stages[0].options.ligatres: unknown option 'ligatres' for 'normalize'"))
        #expect(message.contains("did you mean 'ligatures'?"))
    }

    @Test func aWrongTypeSaysWhatWasExpected() {
        let message = error(#"{"stages": [{"stage": "normalize", "options": {"ligatures": "yes"}}], "formats": {"plain": {}}}"#)
        #expect(message.contains("at stages[0].options.ligatures: expected true or false, found a string"))
        let range = error(#"{"stages": [{"stage": "normalize"}], "formats": {"plain": {"width": 5}}}"#)
        #expect(range.contains("at formats.plain.width: 5 is out of range"))
    }

    @Test func unknownSettingsAndFormatsAreErrors() {
        #expect(error(#"{"ouput": "x", "stages": [], "formats": {"plain": {}}}"#).contains("unknown setting 'ouput' (did you mean 'output'?)"))
        #expect(error(#"{"stages": [], "formats": {"plian": {}}}"#).contains("unknown output format 'plian' (did you mean 'plain'?)"))
        #expect(error(#"{"stages": []}"#).contains("at formats: missing"))
        #expect(error(#"{"formats": {"plain": {}}}"#).contains("at stages: missing"))
        #expect(error(#"{"stages": [], "formats": {}}"#).contains("at least one output format"))
    }

    @Test func stageOrderAndRequirementsAreChecked() {
        #expect(error(#"{"stages": [{"stage": "paragraphs"}], "formats": {"plain": {}}}"#)
            .contains("'paragraphs' needs the stage 'normalize' to run before it"))
        #expect(error(#"{"stages": [{"stage": "normalize"}, {"stage": "paragraphs"}, {"stage": "normalize"}], "formats": {"plain": {}}}"#)
            .contains("listed twice"))
    }

    @Test func aStageThatChangesTheLayoutComesAfterTheStagesThatReadIt() {
        let message = error(#"{"stages": [{"stage": "normalize"}, {"stage": "hyphenation"}, {"stage": "paragraphs"}], "formats": {"plain": {}}}"#)
        #expect(message.contains("at stages[1].stage: the stage 'hyphenation' must come after 'paragraphs'"))
        // Absent, a stage imposes nothing.
        #expect(error(#"{"stages": [{"stage": "normalize"}, {"stage": "hyphenation"}], "formats": {"plain": {}}}"#) == "no error")
    }

    @Test func badReferenceDatesAndStageEntriesAreRefused() {
        #expect(error(#"{"referenceDate": "2023-02-30", "stages": [], "formats": {"plain": {}}}"#).contains("at referenceDate: expected a date"))
        #expect(error(#"{"stages": ["normalize"], "formats": {"plain": {}}}"#).contains("at stages[0]: expected an object"))
        #expect(error(#"{"stages": [{"stage": "normalize", "option": {}}], "formats": {"plain": {}}}"#).contains("at stages[0].option: unknown key"))
        #expect(error(#"[1, 2]"#).contains("expected an object"))
    }

    @Test func jsonSyntaxErrorsGiveLineAndColumn() {
        #expect(error("{\n  \"stages\": [\n    {\"stage\": \"normalize\",}\n  ]\n}").contains("pipeline.json:3:27: error: expected a key"))
    }

    @Test func aMissingConfigurationFileIsNamed() {
        #expect { try PipelineConfiguration.load(path: "/nonexistent/pipeline.json", components: components) }
            throws: { "\($0)".contains("/nonexistent/pipeline.json: error: the configuration file does not exist") }
    }

    @Test func aMissingFileInAnOptionIsNamed() throws {
        var options = Options(["wordList": "missing.txt"], path: JSONPath().appending("stages").appending(2).appending("options"),
                              file: "pipeline.json", baseDirectory: "/nonexistent")
        #expect { try options.existingFile("wordList", default: nil) }
            throws: { "\($0)".contains("at stages[2].options.wordList: the file 'missing.txt' does not exist") }
    }

    @Test func theCommittedPipelineListsEveryStage() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../pipeline.json").path
        let json = try JSONParser.parse(Array(FileManager.default.contents(atPath: path)!))
        let named = json["stages"]?.arrayValue?.compactMap { $0["stage"]?.stringValue } ?? []
        #expect(named == Components.coreStages.map { $0.name })
    }
}

