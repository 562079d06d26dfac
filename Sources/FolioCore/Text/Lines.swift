/// One line of a working text.
public struct Line: Sendable, Hashable {
    /// From the line's first code point to its last, without the line break.
    public var range: TextRange
    /// The part without leading and trailing white space; empty for a blank line.
    public var content: TextRange
    /// Whether a form feed (a page break) comes right before the line.
    public var startsPage: Bool

    public var isBlank: Bool { content.isEmpty }
    /// Columns of indentation before the content.
    public var indentation: Int { content.start - range.start }
}

extension WorkingText {
    /// The text cut into lines at line feeds and form feeds.
    public func lines(in range: TextRange? = nil) -> [Line] {
        let range = range ?? all
        var lines: [Line] = []
        var start = range.start
        var startsPage = false
        var index = range.start
        func close(at end: Int) {
            var contentStart = start
            while contentStart < end && scalars[contentStart].isWhitespace { contentStart += 1 }
            var contentEnd = end
            while contentEnd > contentStart && scalars[contentEnd - 1].isWhitespace { contentEnd -= 1 }
            lines.append(Line(range: TextRange(start, end), content: TextRange(contentStart, contentEnd), startsPage: startsPage))
        }
        scalars.withUnsafeBufferPointer { scalars in
            while index < range.end {
                index = scalars.firstAtOrBelowFormFeed(from: index, to: range.end)
                guard index < range.end else { break }
                let scalar = scalars[index]
                if scalar.isLineBreak {
                    if scalar == "\n" || index > start { close(at: index) }
                    startsPage = scalar == "\u{0C}"
                    start = index + 1
                }
                index += 1
            }
        }
        if start < range.end { close(at: range.end) }
        return lines
    }
}

extension Collection where Element == Line {
    /// The length, in code points, that `percent` of the non-blank lines do not exceed (0 for
    /// none): at 90, a column's width; at 80, how long a full line typically is.
    func lengthPercentile(_ percent: Int) -> Int {
        let lengths = filter { !$0.isBlank }.map { $0.content.count }.sorted()
        return lengths.isEmpty ? 0 : lengths[Swift.min(lengths.count - 1, lengths.count * percent / 100)]
    }
}
