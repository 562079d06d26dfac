import Testing
@testable import FolioCore

@Suite struct ListsStageTests {
    let stages: [any Stage] = [NormalizeStage(), ParagraphsStage(), ListsStage()]

    func lists(_ text: String, format: InputFormat = .markdown) throws -> [(ListBlock.Style, [String])] {
        let document = try process(text, format: format, stages: stages)
        return document.body.blocks.compactMap { block in
            guard case .list(let list) = block else { return nil }
            return (list.style, list.items.map { "\($0.label ?? "")|" + document.text.readingText($0.span) })
        }
    }

    @Test func bulletsOfEveryKind() throws {
        let found = try lists("Its roles:\n\n● To settle disputes.\n\n● To consult together.\n\nAfter the list.")
        #expect(found.count == 1 && found[0].0 == .bulleted)
        #expect(found[0].1 == ["●|To settle disputes.", "●|To consult together."])
        #expect(try lists("- one\n- two").first?.1 == ["-|one", "-|two"])
    }

    @Test func numberedItemsInSequence() throws {
        let found = try lists("1. First step.\n\n2. Second step.\n\n3) Third.\n\n5. Not fourth.\n\nText.")
        #expect(found.first?.0 == .numbered)
        #expect(found.first?.1 == ["1.|First step.", "2.|Second step.", "3)|Third."])  // 5 does not follow 3
    }

    @Test func labelsInParenthesesAndLettersUpToH() throws {
        #expect(try lists("Steps:\n\n(a) First step.\n\n(b) Second step.\n\nText.").first?.1 == ["(a)|First step.", "(b)|Second step."])
        #expect(try lists("(1) One.\n\n(2) Two.").first?.1 == ["(1)|One.", "(2)|Two."])
        #expect(try lists("g) Seventh.\n\nh) Eighth.").isEmpty)  // a list starts at its first letter
        #expect(try lists("a) One.\n\nb) Two.").first?.1 == ["a)|One.", "b)|Two."])
        #expect(try lists("i) One.\n\nj) Two.").isEmpty)
    }

    @Test func aLoneNumberedLineOrAnInitialIsNoList() throws {
        #expect(try lists("1. Introduction\n\nBody text follows here.").isEmpty)
        #expect(try lists("a. b. Smith wrote this.\n\nc. d. Jones too.").isEmpty)
        #expect(try lists("2. Second\n\n3. Third").isEmpty)  // a list starts at its first number
    }
}

@Suite struct QuotedPassageTests {
    let stages: [any Stage] = [NormalizeStage(), ParagraphsStage()]
    let body = Array(repeating: "Body text of the paper runs to the full width of the column in the typeset page", count: 3).joined(separator: "\n")

    func quotes(_ text: String) throws -> [String] {
        let document = try process(text, stages: stages)
        return document.body.blocks.compactMap { block in
            guard case .blockQuote(let quote) = block else { return nil }
            return document.text.readingText(quote.span)
        }
    }

    @Test func aPassageIntroducedByAColonAndEndingInACitation() throws {
        let text = "\(body)\nand then he wrote the following:\nI think it is obvious that the expansion does not\nhave any relation with the modernization of the\nAlliance itself (Putin, 2007)14\nOne year after that, the text of the paper goes on at the full width of it.\n"
        #expect(try quotes(text) == ["I think it is obvious that the expansion does not have any relation with the modernization of the Alliance itself (Putin, 2007)14"])
    }

    @Test func aPassageOpeningWithAnElision() throws {
        let text = "\(body)\nand the United States in particular\n[…] not only paved the way for creating a terrain\nof uncertainty in Europe (Zabolotsky, 2022; our\ntranslation).\nAll these factors taken together run to the full width of the column here.\n"
        #expect(try quotes(text).first?.hasSuffix("(Zabolotsky, 2022; our translation).") == true)
    }

    @Test func fullWidthTextAfterAColonIsNoQuotation() throws {
        let text = "\(body)\nas follows:\n\(body) (Waltz, 2000).\nMore text.\n"
        #expect(try quotes(text).isEmpty)
    }

    @Test func markdownQuotes() throws {
        let document = try process("Intro.\n\n> A quoted passage.\n\nAfter.", format: .markdown, stages: stages)
        guard case .blockQuote(let quote) = document.body.blocks[1] else { Issue.record("no block quote"); return }
        #expect(document.text.readingText(quote.span) == "A quoted passage.")
    }
}
