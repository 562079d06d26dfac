import Testing
@testable import FolioCore

@Suite struct ParagraphsStageTests {
    let stages: [any Stage] = [NormalizeStage(), ParagraphsStage()]

    /// A paragraph of full-width lines ending in a short one.
    let filler = """
        This line is set to the full width of the column as a typesetter would.
        So is this one, which carries the sentence on without any kind of break
        """

    @Test func blankLinesSeparateParagraphs() throws {
        let document = try process("First paragraph.\n\nSecond paragraph\nwraps here.", stages: stages)
        #expect(blockTexts(document) == ["First paragraph.", "Second paragraph wraps here."])
    }

    @Test func aShortLineEndingASentenceEndsTheParagraph() throws {
        let document = try process(filler + "\nand stops here.\n" + filler + "\nto its own end.", stages: stages)
        #expect(blockTexts(document).count == 2)
        #expect(blockTexts(document)[0].hasSuffix("and stops here."))
    }

    @Test func aFootnoteNumberAfterTheFullStopStillEndsIt() throws {
        let document = try process(filler + "\nin the long term3.\n" + filler + "\nto its own end.", stages: stages)
        #expect(blockTexts(document).count == 2)
    }

    @Test func aFullLineEndingInAFullStopDoesNotEndTheParagraph() throws {
        let text = filler + "\nThis line also reaches the full width of the column and ends a sentence.\nThe paragraph goes on.\n"
        #expect(try blockTexts(process(text, stages: stages)).count == 1)
    }

    @Test func anIndentedFirstLineAfterASentenceStartsAParagraph() throws {
        let text = filler + "\nThis line also reaches the full width of the column and ends a sentence.\n    Indented, a new paragraph starts.\n"
        #expect(try blockTexts(process(text, stages: stages)).count == 2)
    }

    @Test func aPageBreakAloneDoesNotEndAParagraph() throws {
        let text = filler + "\nand the sentence goes on across the page break, a typesetter's\u{000C}everyday event.\n"
        let blocks = try blockTexts(process(text, stages: stages))
        #expect(blocks.count == 1)
        #expect(blocks[0].contains("typesetter's everyday event."))
    }

    /// Property: laid-out blocks follow one another through the text, none overlapping the
    /// next, in both input styles: the stage finds the block a page break falls
    /// in by searching them in that order.
    @Test func laidOutBlocksFollowOneAnother() throws {
        var generator = SplitMix(seed: 23)
        let pieces = ["A sentence that ends.", "and goes on", "    Indented", "> quoted", "# Heading", "- item", "Figure 1. A caption",
                      "", " ", "\u{000C}", "\u{000C}3", "12", "word-", "THE HEAD IN CAPITALS", String(repeating: "long line of words ", count: 4)]
        for round in 0..<300 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined(separator: "\n")
            for format in [InputFormat.plainText, .markdown] {
                let document = try process(text, format: format, stages: [NormalizeStage()])
                let lines = document.text.lines(in: document.runningText)
                let blocks = ParagraphsStage().layOut(lines, document.text, format: format).map(\.span)
                for (block, next) in zip(blocks, blocks.dropFirst()) {
                    #expect(block.start <= block.end && block.end <= next.start, "round \(round), \(format): \(text.debugDescription)")
                }
            }
        }
    }

    @Test func hyphenatedCompoundsAtLineEndsStayJoined() throws {
        let blocks = try blockTexts(process("the NATO-\nRussia relations\n", stages: stages))
        #expect(blocks == ["the NATO-Russia relations"])
    }

    @Test func linesInCapitalsStandAloneAndWrappedOnesJoin() throws {
        let text = filler + "\nends here.\n INTRODUCTION OF A LONG HEADING THAT\nWRAPS ONTO A SECOND LINE\nBody text starts.\n"
        let blocks = try blockTexts(process(text, stages: stages))
        #expect(blocks.count == 3)
        #expect(blocks[1] == "INTRODUCTION OF A LONG HEADING THAT WRAPS ONTO A SECOND LINE")
    }

    @Test func aBulletAloneOnItsLineJoinsTheTextAfterIt() throws {
        let text = "Its roles:\n●\n\nTo settle disputes by peaceful means.\n\n●\n\nTo consult together.\n"
        let blocks = try blockTexts(process(text, stages: stages))
        #expect(blocks == ["Its roles:", "● To settle disputes by peaceful means.", "● To consult together."])
    }

    @Test func markdownBlocksAreSeparatedByBlankLinesAndHeadingsStandAlone() throws {
        let text = "# Title\nFirst line\nsecond line\n\n- item\n- other\n\nLast."
        let blocks = try blockTexts(process(text, format: .markdown, stages: stages))
        #expect(blocks == ["# Title", "First line second line", "- item", "- other", "Last."])
    }

    @Test func aBlankLineInsideASentenceIsAPageBreakNotAParagraph() throws {
        let text = "NATO decided to end all collaboration, dominated by cooperation and mutual trust,\n\ntransparency and respect.\n\nAs early as February 2022, many states of the world\n\nreacted against this.\n\nA new paragraph.\n\nHeading Without Stop\n\nText after it."
        let document = try process(text, format: .markdown, stages: stages)
        #expect(blockTexts(document) == [
            "NATO decided to end all collaboration, dominated by cooperation and mutual trust, transparency and respect.",
            "As early as February 2022, many states of the world reacted against this.",
            "A new paragraph.", "Heading Without Stop", "Text after it.",
        ])
        #expect(document.repairs.map(\.rule) == ["page-break-join", "page-break-join"])
        let masthead = try process("JOURNAL OF SOME UNIVERSITY PRESS\n\nhttps://journal.example.org/\n\nshort line\n\nlower case start", format: .markdown, stages: stages)
        #expect(blockTexts(masthead).count == 4)
        #expect(document.repairs[0].before == "\n\n")
    }

    @Test func aFigureBetweenTheHalvesOfAParagraphMovesAfterIt() throws {
        let text = filler + "\nand the sentence runs on to the foot of the page where it stops in\n\u{000C}Figure 2. Delegates at the conference table (1949)\n\nSource: archive\nthe middle, then ends.\nNext paragraph.\n"
        let document = try process(text, stages: [NormalizeStage(), ParagraphsStage(), FiguresStage()])
        let blocks = blockTexts(document)
        #expect(blocks.count == 3)
        #expect(blocks[0].hasSuffix("where it stops in the middle, then ends."))
        #expect(blocks[1] == "Figure 2. Delegates at the conference table (1949) Source: archive")
        #expect(document.repairs.map(\.rule) == ["float-moved"])
        if case .figure = document.body.blocks[1] {} else { Issue.record("the figure is not a figure") }
        // A figure after a finished sentence stays where it is.
        let finished = filler + "\nand the sentence ends.\nFigure 2. Delegates\n\nSource: archive\nNew text.\n"
        #expect(try process(finished, stages: [NormalizeStage(), ParagraphsStage()]).repairs.isEmpty)
    }

    @Test func paragraphOffsetsPointAtTheirSource() throws {
        let text = "  Indented start of a paragraph\nthat wraps.\n\nNext one."
        let document = try process(text, stages: stages)
        let scalars = Array(text.unicodeScalars)
        for block in document.body.blocks {
            let range = document.text.sourceRange(block.span)
            let source = String(scalars: scalars[range.start..<range.end])
            #expect(source.split(whereSeparator: \.isWhitespace) == document.text.readingText(block.span).split(separator: " "))
        }
    }
}
