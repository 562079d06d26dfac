extension WorkingText {
    /// The text of `range` as a reader sees it: line breaks, page breaks and indentation fold
    /// into single spaces, and a word broken at a line's end after a hyphen stays joined
    /// (the hyphen kept; deciding to drop it is the dehyphenation stage's job, earlier).
    ///
    /// With `keepingEdgeSpaces`, white space at either end becomes one space instead of
    /// vanishing: for pieces of a paragraph written around inline elements.
    public func readingText(_ range: TextRange, keepingEdgeSpaces: Bool = false) -> String {
        // Encoded into the string's own storage as it goes, a run of non-space code points at a
        // time: every paragraph of the JSON and the TEI passes through here, so the loops keep
        // their state in locals and write through a pointer. What the rules below look back at
        // (the last three code points written, and how many) is kept beside the bytes. Room is
        // made for every code point as it is, and a space: no more, as the string keeps it.
        scalars.withUnsafeBufferPointer { scalars in
            let text = UnsafeBufferPointer(rebasing: scalars[range.start..<range.end])
            var capacity = text.count + 1
            for scalar in text where scalar.value >= 0x80 { capacity += scalar.value < 0x800 ? 1 : scalar.value < 0x1_0000 ? 2 : 3 }
            return String(unsafeUninitializedCapacity: capacity) { buffer in
                let bytes = buffer.baseAddress!
                var length = 0, written = 0
                var last: Unicode.Scalar?, beforeLast: Unicode.Scalar?, third: Unicode.Scalar?
                var pendingSpace = false
                var index = 0
                while index < text.count {
                    if Self.isSpaceOrBreak(text[index]) {
                        var end = index
                        var sawBreak = false
                        while end < text.count, Self.isSpaceOrBreak(text[end]) {
                            if text[end] != " " && text[end] != "\t" { sawBreak = true }
                            end += 1
                        }
                        if sawBreak && last == "\u{AD}" {
                            // A soft hyphen (two bytes): the word simply continues. A run of
                            // spaces is followed by code points written, so one look back past
                            // it is all the rules need.
                            length -= 2
                            written -= 1
                            (last, beforeLast, third) = (beforeLast, third, nil)
                        } else if sawBreak && end < text.count && written >= 2 && last == "-" && beforeLast.map(Self.isWordCharacter) == true
                                    && Self.isWordCharacter(text[end]) {
                            // `EU-` + `Turkey`: a hyphenated compound broken at its hyphen.
                        } else {
                            pendingSpace = written > 0 || keepingEdgeSpaces
                        }
                        index = end
                        continue
                    }
                    if pendingSpace {
                        bytes[length] = 0x20
                        length += 1
                        written += 1
                        (third, beforeLast, last) = (beforeLast, last, " ")
                        pendingSpace = false
                    }
                    // The run up to the next space or break, written as it stands.
                    let start = index
                    while index < text.count {
                        let value = text[index].value
                        if value < 0x80 {
                            if value <= 0x20 && Self.isSpaceOrBreak(value) { break }
                            bytes[length] = UInt8(truncatingIfNeeded: value)
                            length += 1
                        } else {
                            length += Self.encode(value, at: bytes + length)
                        }
                        index += 1
                    }
                    let count = index - start
                    written += count
                    third = count >= 3 ? text[index - 3] : count == 2 ? last : beforeLast
                    beforeLast = count >= 2 ? text[index - 2] : last
                    last = text[index - 1]
                }
                if pendingSpace && keepingEdgeSpaces {
                    bytes[length] = 0x20
                    length += 1
                }
                return length
            }
        }
    }

    private static func isSpaceOrBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value <= 0x20 && isSpaceOrBreak(scalar.value)
    }

    /// For a value of at most `0x20`: a space, tab, line feed, form feed or carriage return.
    private static func isSpaceOrBreak(_ value: UInt32) -> Bool {
        let spacesAndBreaks: UInt64 = 1 << 0x20 | 1 << 0x0A | 1 << 0x0C | 1 << 0x09 | 1 << 0x0D
        return spacesAndBreaks & (1 << UInt64(value)) != 0
    }

    /// Writes a code point beyond ASCII as UTF-8 at `bytes`; how many bytes it took.
    private static func encode(_ value: UInt32, at bytes: UnsafeMutablePointer<UInt8>) -> Int {
        if value < 0x800 {
            bytes[0] = UInt8(truncatingIfNeeded: 0xC0 | value >> 6)
            bytes[1] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            return 2
        }
        if value < 0x1_0000 {
            bytes[0] = UInt8(truncatingIfNeeded: 0xE0 | value >> 12)
            bytes[1] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
            bytes[2] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            return 3
        }
        bytes[0] = UInt8(truncatingIfNeeded: 0xF0 | value >> 18)
        bytes[1] = UInt8(truncatingIfNeeded: 0x80 | value >> 12 & 0x3F)
        bytes[2] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
        bytes[3] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
        return 4
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isAlphabetic || ("0"..."9").contains(scalar)
    }
}
