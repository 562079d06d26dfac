import Testing
@testable import FolioCore

@Suite struct LinesTests {
    /// Property: the lines of any part of a random text are those a walk over it one code
    /// point at a time finds: each line feed ends one, a form feed ends a line that has
    /// something and starts a page; white space at either end is outside the content.
    @Test func linesAreWhereTheBreaksAre() {
        let pieces = ["a", "word", " ", "\t", "\n", "\n\n", "\u{0C}", "\r", "\u{0B}", "\u{0D}\u{0A}", "é", "😀", "\u{2028}", "\u{0E}", "\u{10D}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let string = (0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let text = WorkingText(source: SourceText(name: "t", format: .plainText, text: string))
            let start = Int.random(in: 0...text.scalars.count, using: &generator)
            let range = TextRange(start, Int.random(in: start...text.scalars.count, using: &generator))
            #expect(text.lines(in: range) == Self.lines(of: text, in: range), "\(string.debugDescription)")
        }
    }

    private static func lines(of text: WorkingText, in range: TextRange) -> [Line] {
        var lines: [Line] = []
        var start = range.start, startsPage = false
        func close(at end: Int) {
            var content = TextRange(start, end)
            while content.start < content.end && text[content.start].properties.isWhitespace { content.start += 1 }
            while content.end > content.start && text[content.end - 1].properties.isWhitespace { content.end -= 1 }
            lines.append(Line(range: TextRange(start, end), content: content, startsPage: startsPage))
        }
        for index in range.start..<range.end where text[index] == "\n" || text[index] == "\u{0C}" {
            if text[index] == "\n" || index > start { close(at: index) }
            startsPage = text[index] == "\u{0C}"
            start = index + 1
        }
        if start < range.end { close(at: range.end) }
        return lines
    }
}
