import Testing
@testable import FolioCore

@Suite struct HeadingsStageTests {
    let stages: [any Stage] = [NormalizeStage(), ParagraphsStage(), HeadingsStage()]
    let body = "Body text that runs long enough to look like a paragraph of the paper, which it is."

    func headings(_ text: String, format: InputFormat = .plainText) throws -> [String] {
        try blockTexts(process(text, format: format, stages: stages)).filter { $0.hasPrefix("# ") }
    }

    @Test func markdownLevelsNest() throws {
        let text = "# One\n\n\(body)\n\n## One.One\n\n\(body)\n\n# Two\n\n\(body)"
        let document = try process(text, format: .markdown, stages: stages)
        #expect(document.body.subsections.count == 2)
        #expect(document.body.subsections[0].subsections.count == 1)
        #expect(document.text.readingText(document.body.subsections[0].subsections[0].heading!.title) == "One.One")
        #expect(document.body.subsections[0].subsections[0].heading!.level == 2)
    }

    @Test func numberedHeadingsTakeTheirLevelFromTheNumber() throws {
        let text = "2. Methods\n\n\(body)\n\n2.1 Data Sources\n\n\(body)\n\nII. Results\n\n\(body)\n\nA. Appendix\n\n\(body)"
        let document = try process(text, stages: stages)
        let top = document.body.subsections
        #expect(top.map { $0.heading?.number } == ["2", "II", "A"])
        #expect(top[0].subsections.first?.heading?.number == "2.1")
        #expect(top[0].subsections.first?.heading?.level == 2)
        #expect(document.text.readingText(top[0].heading!.title) == "Methods")
    }

    @Test func capitalsAndStandAloneLinesAreHeadings() throws {
        #expect(try headings("INTRODUCTION\n\n\(body)") == ["# INTRODUCTION"])
        #expect(try headings("Presentation of the evolution of relations\n\n\(body)", format: .markdown) == ["# Presentation of the evolution of relations"])
    }

    @Test func sentencesCaptionsAndLabelsAreNotHeadings() throws {
        #expect(try headings("A short sentence.\n\n\(body)").isEmpty)
        #expect(try headings("Figure 1 German children observe the airlift\n\n\(body)").isEmpty)
        #expect(try headings("Keywords:\n\n\(body)", format: .markdown).isEmpty)
        #expect(try headings("1999 was a year\n\n\(body)").isEmpty)  // a year, not a heading number
        #expect(try headings("\(body)\n\nLast words") .isEmpty)     // nothing follows it
    }

    @Test func headingNumberLevels() {
        #expect(HeadingsStage.headingNumberLevel("2.") == 1)
        #expect(HeadingsStage.headingNumberLevel("2.1") == 2)
        #expect(HeadingsStage.headingNumberLevel("2.1.3.") == 3)
        #expect(HeadingsStage.headingNumberLevel("IV.") == 1)
        #expect(HeadingsStage.headingNumberLevel("B.") == 1)
        #expect(HeadingsStage.headingNumberLevel("2") == nil)
        #expect(HeadingsStage.headingNumberLevel("1999.") == nil)
        #expect(HeadingsStage.headingNumberLevel("e.g.") == nil)
    }

    @Test func blocksBeforeTheFirstHeadingStayInTheBody() throws {
        let document = try process("\(body)\n\nMETHODS\n\n\(body)", stages: stages)
        #expect(document.body.blocks.count == 1)
        #expect(document.body.subsections.count == 1)
    }
}
