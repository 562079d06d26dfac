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

    /// Property: a length percentile is the length at its place among the non-blank lines'
    /// lengths sorted, over random lines, short and long (beyond the lengths counted), blank,
    /// and percentiles from 0 to 100.
    @Test func aLengthPercentileIsThePlaceAmongTheLengthsSorted() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let lines = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                let start = Int.random(in: 0...5, using: &generator)
                let length = Bool.random(using: &generator) ? Int.random(in: 0...300, using: &generator) : Int.random(in: 0...12, using: &generator)
                return Line(range: TextRange(0, start + length + 2), content: TextRange(start, start + length), startsPage: false)
            }
            let percent = Int.random(in: 0...100, using: &generator)
            let lengths = lines.filter { !$0.isBlank }.map(\.content.count).sorted()
            let expected = lengths.isEmpty ? 0 : lengths[min(lengths.count - 1, lengths.count * percent / 100)]
            #expect(lines.lengthPercentile(percent) == expected, "\(lengths), \(percent)")
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
