/// Pairs of quote marks in prose, by where marks stand: an opening mark after a space or a
/// bracket and before a word, a closing mark after a word and before no letter (so the
/// apostrophe in `Russia’s` closes nothing). Writers' and converters' reversed marks
/// (`”national question“`) pair too; a mark that finds no partner is passed over.
enum QuoteMarks {
    // Switches, not sets: every character of a paper is asked, and hashing it was the cost.
    static func isDoubleOpener(_ mark: Unicode.Scalar) -> Bool {
        switch mark { case "“", "”", "„", "\"", "«": true; default: false }
    }

    static func isDoubleCloser(_ mark: Unicode.Scalar) -> Bool {
        switch mark { case "”", "“", "\"", "»": true; default: false }
    }

    /// What may be a quote mark: of ASCII only `"` opens a quotation.
    static let candidates = ScanMarks("\"", beyondASCII: true)

    /// How far a quotation may run before an unmatched mark is given up.
    static let longest = 3000

    /// The offsets of each opening and closing mark, in order, none nested.
    static func pairs(in text: WorkingText, _ range: TextRange) -> [(open: Int, close: Int)] {
        var result: [(Int, Int)] = []
        var index = range.start
        while index < range.end {
            index = text.firstPosition(from: index, to: range.end, of: Self.candidates)
            guard index < range.end else { break }
            let single = text[index] == "‘"
            guard single || isDoubleOpener(text[index]), opens(text, at: index, range) else {
                index += 1
                continue
            }
            var close = index + 1
            var found: Int?
            while close < range.end && close - index <= longest {
                let mark = text[close]
                if (single ? mark == "’" : isDoubleCloser(mark)) && closes(text, at: close, range) {
                    found = close
                    break
                }
                // A new opening double mark before any close: this one was unmatched.
                if !single, close > index + 1, isDoubleOpener(mark), mark != "”", opens(text, at: close, range) {
                    break
                }
                close += 1
            }
            if let found {
                result.append((index, found))
                index = found + 1
            } else {
                index += 1
            }
        }
        return result
    }

    static func opens(_ text: WorkingText, at index: Int, _ range: TextRange) -> Bool {
        let before = index > range.start ? text[index - 1] : " "
        guard index + 1 < range.end else { return false }
        let after = text[index + 1]
        return (before.isWhitespace || "([{—–-/".unicodeScalars.contains(before))
            && !after.isWhitespace
    }

    static func closes(_ text: WorkingText, at index: Int, _ range: TextRange) -> Bool {
        guard index > range.start, !text[index - 1].isWhitespace else { return false }
        guard index + 1 < range.end else { return true }
        let after = text[index + 1]
        return !after.isAlphabetic
    }
}
