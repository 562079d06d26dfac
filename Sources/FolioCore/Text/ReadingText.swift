extension WorkingText {
    /// The text of `range` as a reader sees it: line breaks, page breaks and indentation fold
    /// into single spaces, and a word broken at a line's end after a hyphen stays joined
    /// (the hyphen kept; deciding to drop it is the dehyphenation stage's job, earlier).
    ///
    /// With `keepingEdgeSpaces`, white space at either end becomes one space instead of
    /// vanishing: for pieces of a paragraph written around inline elements.
    public func readingText(_ range: TextRange, keepingEdgeSpaces: Bool = false) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        var index = range.start
        while index < range.end {
            let scalar = scalars[index]
            if scalar == " " || scalar == "\n" || scalar == "\u{0C}" || scalar == "\t" || scalar == "\r" {
                var end = index
                var sawBreak = false
                while end < range.end, [" ", "\n", "\u{0C}", "\t", "\r"].contains(scalars[end]) {
                    if scalars[end] != " " && scalars[end] != "\t" { sawBreak = true }
                    end += 1
                }
                if sawBreak && result.last == "\u{AD}" {
                    result.removeLast()  // a soft hyphen: the word simply continues
                } else if sawBreak && end < range.end && endsWithWordHyphen(result) && Self.isWordCharacter(scalars[end]) {
                    // `EU-` + `Turkey`: a hyphenated compound broken at its hyphen.
                } else {
                    pendingSpace = !result.isEmpty || keepingEdgeSpaces
                }
                index = end
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(scalar)
            index += 1
        }
        if pendingSpace && keepingEdgeSpaces { result.append(" ") }
        return String(result)
    }

    private func endsWithWordHyphen(_ text: String.UnicodeScalarView) -> Bool {
        guard text.last == "-" else { return false }
        let hyphen = text.index(before: text.endIndex)
        return hyphen > text.startIndex && Self.isWordCharacter(text[text.index(before: hyphen)])
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isAlphabetic || ("0"..."9").contains(scalar)
    }
}
