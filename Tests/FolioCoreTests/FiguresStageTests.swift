import Testing
@testable import FolioCore

@Suite struct FiguresStageTests {
    let stages: [any Stage] = [NormalizeStage(), ParagraphsStage(), FiguresStage()]
    let body = "Body text of the paper goes on here for a while, as body text does in papers."

    func figures(_ text: String) throws -> [(head: String, label: String, caption: String, source: String?)] {
        let document = try process(text, stages: stages)
        return document.body.blocks.compactMap { block in
            guard case .figure(let figure) = block else { return nil }
            return (document.text.string(figure.head!), figure.label!, document.text.readingText(figure.caption!),
                    figure.source.map { document.text.readingText($0) })
        }
    }

    @Test func captionsWithTheirCreditLines() throws {
        let text = "\(body)\n Figure 1. German children observe the airlift undertaken by the Western\nPowers (1948)\n\nSource: history.com\nHere the text goes on after the figure and runs to its end.\n"
        let found = try figures(text)
        #expect(found.count == 1)
        #expect(found[0].head == "Figure 1." && found[0].label == "1")
        #expect(found[0].caption == "German children observe the airlift undertaken by the Western Powers (1948)")
        #expect(found[0].source == "Source: history.com")
        let document = try process(text, stages: stages)
        #expect(document.body.blocks.count == 3)  // the paragraph, the figure, the paragraph after it
    }

    @Test func tablesAndOtherNumberings() throws {
        #expect(try figures("Table IV: Results by year\n\n\(body)").first.map { "\($0.head)|\($0.label)" } == "Table IV:|IV")
        let document = try process("Table 2. Results\n\n\(body)", stages: stages)
        if case .figure(let figure) = document.body.blocks[0] { #expect(figure.kind == .table) } else { Issue.record("no table") }
        #expect(try figures("Fig. 3 – A map\n\n\(body)").first?.label == "3")
    }

    @Test func mentionsOfFiguresInTheTextAreNot() throws {
        #expect(try figures("Figure 2 shows how the text refers to a figure without being its caption.\n\n\(body)").isEmpty)
        #expect(try figures("Figures are common in papers, and so are tables.\n\n\(body)").isEmpty)
        #expect(try figures("Source: a paragraph may begin so without a caption above it.\n\n\(body)").isEmpty)
    }
}

@Suite struct CaptionWordTests {
    /// Property: a line opens with a caption word and its space exactly when one of them is
    /// its prefix, over random lines of the words, their parts, capitals and marks.
    @Test func captionWordsAreFoundWhereTheLinesFirstSpaceIs() {
        var generator = SystemRandomNumberGenerator()
        let pieces = CaptionLabels.wordsSpaced + ["Figure", "FIG.", "Table", "fig", "ma", "p", " ", "  ", "1", ".", "x", "illustrations", "é"]
        var opened = 0
        for _ in 0..<20_000 {
            let line = (0..<Int.random(in: 0...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let text = WorkingText(source: SourceText(name: "t", format: .plainText, text: line))
            let expected = CaptionLabels.wordsSpaced.contains { text.hasPrefix($0, in: text.all, ignoringCase: true) }
            #expect(CaptionLabels.opensWithSpacedWord(text.all, of: text) == expected, "\(line.debugDescription)")
            if expected { opened += 1 }
        }
        #expect(opened > 1_000)
    }

    /// Property: the caption word a line opens with is the one its lower-cased first 14 code
    /// points start with, followed by a space or a no-break space, whatever letters and marks
    /// beyond ASCII stand where (accents, a combining mark after the space, the Kelvin sign,
    /// quotation marks and bullets, circled letters).
    @Test func theOpeningWordIsThatOfTheLowerCasedLine() {
        var generator = SystemRandomNumberGenerator()
        let pieces = CaptionLabels.wordsSpaced + ["Figure", "FIG.", "TABLÉ", "Tábla", "fig", "ma", "p", " ", "\u{A0}", "1", ".", "é", "Ü",
                                                  "\u{301}", "\u{212A}", "İ", "illustrations", "Exhibit", "Gráph ", "“", "—", "• ", "ⓕ", "Ⓣ",
                                                  "\u{2160}", "NATO’s ", "Figure’s ", "Map’ ", "Eü "]
        var opened = 0
        for _ in 0..<20_000 {
            let line = (0..<Int.random(in: 0...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let text = WorkingText(source: SourceText(name: "t", format: .plainText, text: line))
            let prefix = String(String.UnicodeScalarView(line.unicodeScalars.prefix(14))).lowercased()
            let expected = CaptionLabels.words.first { prefix.hasPrefix($0.0 + " ") || prefix.hasPrefix($0.0 + "\u{A0}") }?.0
            #expect(CaptionLabels.openingWord(text.all, of: text)?.word == expected, "\(line.debugDescription)")
            if expected != nil { opened += 1 }
        }
        #expect(opened > 1_000)
    }
}
