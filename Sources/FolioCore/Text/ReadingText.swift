extension WorkingText {
    /// The text of `range` as a reader sees it: line breaks, page breaks and indentation fold
    /// into single spaces, and a word broken at a line's end after a hyphen stays joined
    /// (the hyphen kept; deciding to drop it is the dehyphenation stage's job, earlier).
    ///
    /// With `keepingEdgeSpaces`, white space at either end becomes one space instead of
    /// vanishing: for pieces of a paragraph written around inline elements.
    public func readingText(_ range: TextRange, keepingEdgeSpaces: Bool = false) -> String {
        // Encoded into the string's own storage as it goes, a run of non-space code points at a
        // time: every paragraph of the JSON and the TEI passes through here. What the rules
        // below look back at (the last two code points written, and how many) is kept beside
        // the bytes. Room is made for every code point as it is, and a space: no more, as the
        // string keeps it.
        let capacity = scalars[range.start..<range.end].reduce(1) { $0 + $1.utf8Length }
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            scalars.withUnsafeBufferPointer { scalars in
                var length = 0, written = 0
                var last: Unicode.Scalar?, beforeLast: Unicode.Scalar?, third: Unicode.Scalar?
                var pendingSpace = false
                func encode(_ scalar: Unicode.Scalar) {
                    if scalar.value < 0x80 {
                        buffer[length] = UInt8(truncatingIfNeeded: scalar.value)
                        length += 1
                    } else {
                        UTF8.encode(scalar) { buffer[length] = $0; length += 1 }
                    }
                }
                var index = range.start
                while index < range.end {
                    if Self.isSpaceOrBreak(scalars[index]) {
                        var end = index
                        var sawBreak = false
                        while end < range.end, Self.isSpaceOrBreak(scalars[end]) {
                            if scalars[end] != " " && scalars[end] != "\t" { sawBreak = true }
                            end += 1
                        }
                        if sawBreak && last == "\u{AD}" {
                            // A soft hyphen (two bytes): the word simply continues. A run of
                            // spaces is followed by code points written, so one look back past
                            // it is all the rules need.
                            length -= 2
                            written -= 1
                            (last, beforeLast, third) = (beforeLast, third, nil)
                        } else if sawBreak && end < range.end && written >= 2 && last == "-" && beforeLast.map(Self.isWordCharacter) == true
                                    && Self.isWordCharacter(scalars[end]) {
                            // `EU-` + `Turkey`: a hyphenated compound broken at its hyphen.
                        } else {
                            pendingSpace = written > 0 || keepingEdgeSpaces
                        }
                        index = end
                        continue
                    }
                    if pendingSpace {
                        encode(" ")
                        written += 1
                        (third, beforeLast, last) = (beforeLast, last, " ")
                        pendingSpace = false
                    }
                    // The run up to the next space or break, written as it stands.
                    let start = index
                    while index < range.end && !Self.isSpaceOrBreak(scalars[index]) {
                        encode(scalars[index])
                        index += 1
                    }
                    let count = index - start
                    written += count
                    third = count >= 3 ? scalars[index - 3] : count == 2 ? last : beforeLast
                    beforeLast = count >= 2 ? scalars[index - 2] : last
                    last = scalars[index - 1]
                }
                if pendingSpace && keepingEdgeSpaces {
                    encode(" ")
                }
                return length
            }
        }
    }

    private static func isSpaceOrBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\n" || scalar == "\u{0C}" || scalar == "\t" || scalar == "\r"
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isAlphabetic || ("0"..."9").contains(scalar)
    }
}
