extension WorkingText {
    /// The text of `range` as a reader sees it: line breaks, page breaks and indentation fold
    /// into single spaces, and a word broken at a line's end after a hyphen stays joined
    /// (the hyphen kept; deciding to drop it is the dehyphenation stage's job, earlier).
    ///
    /// With `keepingEdgeSpaces`, white space at either end becomes one space instead of
    /// vanishing: for pieces of a paragraph written around inline elements.
    public func readingText(_ range: TextRange, keepingEdgeSpaces: Bool = false) -> String {
        // Scalars gathered in an array and made a string at once: a string's scalar view grows
        // slowly, and every paragraph of the TEI passes through here.
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(range.end - range.start)
        var pendingSpace = false
        var index = range.start
        while index < range.end {
            let scalar = scalars[index]
            if Self.isSpaceOrBreak(scalar) {
                var end = index
                var sawBreak = false
                while end < range.end, Self.isSpaceOrBreak(scalars[end]) {
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
        return String(scalars: result)
    }

    private func endsWithWordHyphen(_ text: [Unicode.Scalar]) -> Bool {
        text.count >= 2 && text[text.count - 1] == "-" && Self.isWordCharacter(text[text.count - 2])
    }

    private static func isSpaceOrBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\n" || scalar == "\u{0C}" || scalar == "\t" || scalar == "\r"
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isAlphabetic || ("0"..."9").contains(scalar)
    }
}
