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
        // Counted by length, not sorted: lines are short, and sorting a paper's lengths cost
        // a hundred instructions a line. Lengths beyond the counts are sorted apart.
        var counts = [Int](filledWith: 0, count: lineLengthsCounted)
        var longer: [Int] = []
        var total = 0
        for line in self where !line.isBlank {
            let length = line.content.count
            if length < lineLengthsCounted { counts[length] += 1 } else { longer.append(length) }
            total += 1
        }
        guard total > 0 else { return 0 }
        // The position the length would have among all of them sorted.
        let rank = Swift.min(total - 1, total * percent / 100)
        var below = 0
        for (length, count) in counts.enumerated() where count > 0 {
            below += count
            if below > rank { return length }
        }
        longer.sort()
        return longer[rank - below]
    }
}

/// Line lengths `lengthPercentile` counts: longer lines are few.
private let lineLengthsCounted = 256
