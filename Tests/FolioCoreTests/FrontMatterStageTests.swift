import Testing
@testable import FolioCore

@Suite struct FrontMatterStageTests {
    let stages: [any Stage] = [NormalizeStage(), ParagraphsStage(), FrontMatterStage(), HeadingsStage()]
    let body = "Body text of the paper begins here and goes on for a while, as body text does."

    func front(_ text: String, format: InputFormat = .markdown) throws -> (Document, FrontMatter) {
        let document = try process(text, format: format, stages: stages)
        return (document, document.frontMatter)
    }

    @Test func aFullHeadInConverterMarkdown() throws {
        let text = """
            JOURNAL OF STRATEGIC STUDIES

            <https://journal.example.org/>

            The evolution of alliances and their future prospects

            Col. Maria-Elena POPESCU*, John Smith1 and Ann Lee

            *National Defence University, Bucharest
            e-mail: maria@example.ro

            Abstract

            The abstract says what the paper does, in a few sentences.

            Keywords:

            alliances; security; Cold War.

            Introduction

            \(body)
            """
        let (document, front) = try self.front(text)
        let string = { (range: TextRange?) in range.map { document.text.readingText($0) } }
        #expect(string(front.title) == "The evolution of alliances and their future prospects")
        #expect(string(front.journal) == "JOURNAL OF STRATEGIC STUDIES")
        #expect(front.authors.map { "\($0.forename ?? "")|\($0.surname ?? "")" } == ["Maria-Elena|POPESCU", "John|Smith", "Ann|Lee"])
        #expect(front.authors.first.map { $0.affiliations.map { document.text.readingText($0) } } == ["National Defence University, Bucharest"])
        #expect(front.authors.first.map { $0.emails.map { document.text.readingText($0) } } == ["maria@example.ro"])
        #expect(front.abstract.map { document.text.readingText($0.span) } == ["The abstract says what the paper does, in a few sentences."])
        #expect(front.keywords.map { document.text.readingText($0) } == ["alliances", "security", "Cold War"])
        #expect(document.body.subsections.map { document.text.readingText($0.heading!.title) } == ["Introduction"])
    }

    @Test func labelsInlineInExtractedText() throws {
        let text = " ABSTRACT\nThis paper summarizes the relations between two actors over the years of the period.\nKeywords: NATO, Security regimes, Geopolitics.\n INTRODUCTION\n\(body)\n"
        let (document, front) = try self.front(text, format: .plainText)
        #expect(front.abstract.count == 1)
        #expect(front.keywords.map { document.text.readingText($0) } == ["NATO", "Security regimes", "Geopolitics"])
        #expect(front.title == nil && front.authors.isEmpty)
        #expect(document.body.subsections.count == 1)
    }

    @Test func abstractLabelLeadingItsText() throws {
        let (document, front) = try self.front("Abstract: We study things.\n\nKey words — one, two\n\n\(body)")
        #expect(front.abstract.map { document.text.readingText($0.span) } == ["We study things."])
        #expect(front.keywords.count == 2)
    }

    @Test func wordsThatOnlyLookLikeLabelsAreText() throws {
        let (document, front) = try self.front("Abstract algebra is a field of mathematics.\n\nSummary judgments are common in law.\n\n\(body)")
        #expect(front.abstract.isEmpty && front.keywords.isEmpty)
        #expect(document.body.blocks.count == 3)
    }
}
