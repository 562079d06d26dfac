import Testing
@testable import FolioCore

@Suite struct FootnotesStageTests {
    let stages: [any Stage] = [NormalizeStage(), FootnotesStage(), ParagraphsStage()]

    /// A body line at the full width of the column.
    let full = "The text of the paper runs across the full width of the column as set in type"

    /// Body lines that fill a page, as pages are: a dozen lines at the column's width.
    var filler: String { Array(repeating: full, count: 12).joined(separator: "\n") }

    func notes(_ document: Document) -> [String] {
        document.footnotes.map { "\($0.number): " + document.text.readingText($0.span) }
    }

    func markers(_ document: Document) -> [String] {
        document.footnotes.flatMap { note in note.markers.map { "\(note.number)@" + document.text.string(TextRange($0.start - 6, $0.end + 1)) } }
    }

    @Test func notesAtAPageFootAreLiftedOutAndTheParagraphRejoined() throws {
        let text = """
             FIRST PAGE
            \(filler)
            in the United States and Canada4. Then, with its satellites5, the paragraph is cut by
            4 The United States, Canada, Belgium and the Netherlands.
            5 Including Albania and Poland.
             the page break in the middle of a sentence and ends.
            \(filler)
            """
        let document = try process(text, stages: stages)
        #expect(notes(document) == ["4: The United States, Canada, Belgium and the Netherlands.", "5: Including Albania and Poland."])
        #expect(markers(document) == ["4@Canada4.", "5@llites5,"])
        #expect(document.footnotes.allSatisfy { document.text.string($0.markers[0]) == $0.number })
        let blocks = blockTexts(document)
        #expect(blocks.count == 3)  // the heading, the rejoined paragraph, the page after it
        #expect(blocks[1].contains("the paragraph is cut by the page break in the middle of a sentence and ends."))
        #expect(document.repairs.map(\.rule) == ["footnote-lift-out", "page-break-join"])
        // The join's source spans the note block it crossed.
        let join = document.repairs[1]
        #expect(document.source.string(join.source).contains("5 Including Albania and Poland."))
    }

    @Test func aNoteCutOffByThePageGoesOnAboveTheNextPagesNotes() throws {
        let wide = "a note line in small type runs wider than any line of the body text does, as here"
        let text = """
             PAGE ONE
            \(filler)
            about the doctrine7 and more text on the page until the page ends with
            7 By the end of the 1950s, NATO had adopted a strategic doctrine that became known as
             the next page, whose text continues here across the full width of the column
            \(filler)
            with a second marker8 and then the text of this page ends on a line that
            ‘Massive Retaliation’, meaning that in the event of an attack, \(wide)
            by deploying its nuclear arsenal.
            8 The second note.
             THE LAST PAGE
            \(filler)
            """
        let document = try process(text, stages: stages)
        #expect(notes(document).first?.hasSuffix("became known as ‘Massive Retaliation’, meaning that in the event of an attack, \(wide) by deploying its nuclear arsenal.") == true)
        #expect(notes(document).last == "8: The second note.")
        #expect(!blockTexts(document).joined().contains("Massive"))
    }

    @Test func yearsListItemsAndArticleNumbersAreNotNotesOrMarkers() throws {
        let text = """
             PAGE ONE
            \(filler)
            The treaty’s Article 5° binds them all, and 1) the use of force is limited by
            the rules of war2 that the members accepted in the years after the war ended
            2 The laws of armed conflict.
             1999 NATO released a new concept, and 3 members joined the Alliance then.
            \(filler)
            """
        let document = try process(text, stages: stages)
        #expect(notes(document) == ["2: The laws of armed conflict."])
        #expect(markers(document) == ["2@of war2 "])
        #expect(blockTexts(document).joined(separator: " ").contains("1999 NATO released"))
    }

    @Test func aLineStartingWithANumberButNoMarkerIsText() throws {
        let text = "Some text without any marker at all runs on here\n12 apostles sat at the table.\n"
        let document = try process(text, stages: stages)
        #expect(document.footnotes.isEmpty)
        #expect(document.repairs.isEmpty)
    }

    @Test func formFeedsMarkPages() throws {
        let text = "Text with a note1 that runs\n1 The note.\n\u{000C}on the next page.\n"
        let document = try process(text, stages: stages)
        #expect(notes(document) == ["1: The note."])
        #expect(blockTexts(document) == ["Text with a note1 that runs on the next page."])
    }

    @Test func noteOffsetsPointIntoTheInput() throws {
        let text = "Body text with a marker3 here\n3 The note text.\n"
        let document = try process(text, stages: stages)
        let note = try #require(document.footnotes.first)
        #expect(document.source.string(document.text.sourceRange(note.span)) == "The note text.")
        #expect(document.source.string(document.text.sourceRange(note.markers[0])) == "3")
    }

    @Test func markdownIsLeftToItsOwnRules() throws {
        let document = try process("Text4 here\n4 Not a page foot in Markdown.", format: .markdown, stages: stages)
        #expect(document.footnotes.isEmpty)
    }

    @Test func markdownFootnotesAndSuperscripts() throws {
        let text = """
            The treaty[^1] bound them, as the charter<sup>2</sup> says, and [^1] again.

            [^1]: The North Atlantic Treaty,
              signed in 1949.
            <sup>2</sup> The Charter of the United Nations.

            Last paragraph.
            """
        let document = try process(text, format: .markdown, stages: stages)
        #expect(notes(document) == ["1: The North Atlantic Treaty, signed in 1949.", "2: The Charter of the United Nations."])
        #expect(document.footnotes[0].markers.map { document.text.string($0) } == ["1", "1"])
        #expect(document.footnotes[1].markers.map { document.source.string(document.text.sourceRange($0)) } == ["2"])
        #expect(blockTexts(document) == ["The treaty1 bound them, as the charter2 says, and 1 again.", "Last paragraph."])
        #expect(document.repairs.filter { $0.rule == "footnote-marker" }.map(\.before) == ["[^1]", "<sup>2</sup>", "[^1]"])
    }
}

@Suite struct FootnoteMarkersTests {
    /// Property: the marker found by scanning for the number's first digit is the one a look at
    /// every place finds, over random texts of digits, letters, marks and spaces, every range,
    /// and numbers of one to three digits (and a negative one, which no marker prints).
    @Test func findsWhatEveryPlaceFinds() {
        func everyPlace(_ number: Int, in range: TextRange, of text: WorkingText) -> TextRange? {
            let digits = Array(String(number).unicodeScalars)
            guard range.count >= digits.count + 1 else { return nil }
            var index = max(range.start, 1)
            while index + digits.count <= range.end {
                if text.scalars[index..<index + digits.count].elementsEqual(digits), FootnoteMarkers.isGlued(after: text[index - 1]),
                   index + digits.count == text.count || !FootnoteMarkers.isDigit(text[index + digits.count]) {
                    return TextRange(index, index + digits.count)
                }
                index += 1
            }
            return nil
        }
        let pieces = ["1", "2", "3", "12", "123", "a", "b.", " ", ")", "-", "’", "\n", "é", "0"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let line = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let text = WorkingText(source: SourceText(name: "t", format: .plainText, text: line))
            for number in [1, 2, 3, 12, 23, 123, 120, -1] {
                let start = Int.random(in: 0...text.count, using: &generator)
                let range = TextRange(start, Int.random(in: start...text.count, using: &generator))
                #expect(FootnoteMarkers.find(number, in: range, of: text) == everyPlace(number, in: range, of: text), "\(line.debugDescription) \(number) \(range)")
            }
        }
    }
}
