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

@Suite struct FrontMatterLabelTests {
    /// Property: the label a line opens with is the first whose letters its lower-cased first
    /// 16 code points start with, over labels in any case, accented ones (`RÉSUMÉ`), their
    /// parts, accents and combining marks after their first letter, and the Kelvin sign.
    @Test func theOpeningLabelIsThatOfTheLowerCasedLine() {
        var generator = SystemRandomNumberGenerator()
        let pieces = FrontMatterLabels.labels.map(\.0) + ["Abstract", "KEYWORDS", "RÉSUMÉ", "Résumé", "Mots-Clés", "\u{212A}eywords", "ab", "é", "Ü",
                                                           "\u{301}", " ", ":", "1", "x", "summaries", "İndex terms"]
        var opened = 0
        for _ in 0..<20_000 {
            let line = (0..<Int.random(in: 0...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let text = WorkingText(source: SourceText(name: "t", format: .plainText, text: line))
            let head = String(String.UnicodeScalarView(line.unicodeScalars.prefix(16))).lowercased()
            let expected = FrontMatterLabels.labels.first { head.hasPrefix($0.0) }?.0
            #expect(FrontMatterLabels(text: text).openingLabel(text.all)?.word == expected, "\(line.debugDescription)")
            if expected != nil { opened += 1 }
        }
        #expect(opened > 1_000)
    }
}
