import CTextKernels

extension WorkingText {
    /// The text of `range` as a reader sees it: line breaks, page breaks and indentation fold
    /// into single spaces, and a word broken at a line's end after a hyphen stays joined
    /// (the hyphen kept; deciding to drop it is the dehyphenation stage's job, earlier).
    ///
    /// With `keepingEdgeSpaces`, white space at either end becomes one space instead of
    /// vanishing: for pieces of a paragraph written around inline elements.
    public func readingText(_ range: TextRange, keepingEdgeSpaces: Bool = false) -> String {
        String(unsafeUninitializedCapacity: readingTextCapacity(range)) { buffer in
            writeReadingText(range, keepingEdgeSpaces: keepingEdgeSpaces, into: buffer.baseAddress!)
        }
    }

    /// `readingText(_:keepingEdgeSpaces:)` as UTF-8 in memory lent to `body`, no string made:
    /// for writers that copy it into their output at once (a string is made, checked as UTF-8
    /// and freed for every paragraph, note and piece of text a paper's JSON and TEI hold).
    /// Not generic: the writers are in another module, where a generic function runs
    /// unspecialized and looks its types' metadata up at every call.
    public func withReadingText(_ range: TextRange, keepingEdgeSpaces: Bool = false, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        // Room for the most the text can take (four bytes a code point, and a space) rather than
        // its count: the memory is lent, not kept, and counting was a pass of its own.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: range.count * 4 + 1) { buffer in
            let length = writeReadingText(range, keepingEdgeSpaces: keepingEdgeSpaces, into: buffer.baseAddress!)
            body(UnsafeBufferPointer(rebasing: buffer[..<length]))
        }
    }

    /// Room for the reading text of `range`: every code point as it is, and a space. No more,
    /// as a string made in it keeps it.
    private func readingTextCapacity(_ range: TextRange) -> Int {
        scalars.withUnsafeBufferPointer { scalars in
            var capacity = range.count + 1
            for scalar in scalars[range.start..<range.end] where scalar.value >= 0x80 { capacity += scalar.utf8Length - 1 }
            return capacity
        }
    }

    /// Writes the reading text of `range` at `bytes`; its length.
    private func writeReadingText(_ range: TextRange, keepingEdgeSpaces: Bool, into bytes: UnsafeMutablePointer<UInt8>) -> Int {
        // Every paragraph of the JSON and the TEI passes through here, so the loop keeps its
        // state in locals and writes through a pointer, and what the rules look back at (the
        // last code points written) is read back from the bytes.
        scalars.withUnsafeBufferPointer { scalars in
            let text = UnsafeBufferPointer(rebasing: scalars[range.start..<range.end])
            var length = 0
            var index = 0
            while index < text.count {
                let value = text[index].value
                if value < 0x80 {
                    if value <= 0x20 && Self.isSpaceOrBreak(value) {
                        index = Self.foldSpaces(text, from: index, into: bytes, &length, keepingEdgeSpaces: keepingEdgeSpaces)
                        continue
                    }
                    // Within a line most of the text is printable ASCII and single spaces, copied
                    // as they are: sixteen at a time, from the second code point on.
                    if index > 0 {
                        let copied = folio_copy_plain_ascii(text.codePointValues! + index, text.count - index, bytes + length)
                        if copied > 0 {
                            index += copied
                            length += copied
                            continue
                        }
                    }
                    bytes[length] = UInt8(truncatingIfNeeded: value)
                    length += 1
                } else {
                    length += UTF8Writing.write(value, at: bytes + length)
                }
                index += 1
            }
            return length
        }
    }

    /// Writes what the run of spaces and breaks starting at `start` becomes; where it ends.
    private static func foldSpaces(_ text: UnsafeBufferPointer<Unicode.Scalar>, from start: Int, into bytes: UnsafeMutablePointer<UInt8>,
                                   _ length: inout Int, keepingEdgeSpaces: Bool) -> Int {
        var end = start
        var sawBreak = false
        while end < text.count, isSpaceOrBreak(text[end]) {
            if text[end] != " " && text[end] != "\t" { sawBreak = true }
            end += 1
        }
        if sawBreak && length >= 2 && bytes[length - 2] == 0xC2 && bytes[length - 1] == 0xAD {
            // A soft hyphen (`C2 AD`, which no other code point ends with): the word simply continues.
            length -= 2
        } else if sawBreak && end < text.count && length >= 2 && bytes[length - 1] == UInt8(ascii: "-")
                    && isWordCharacter(lastScalar(bytes, before: length - 1)) && isWordCharacter(text[end]) {
            // `EU-` + `Turkey`: a hyphenated compound broken at its hyphen.
        } else if (length > 0 && end < text.count) || keepingEdgeSpaces {
            bytes[length] = 0x20
            length += 1
        }
        return end
    }

    /// The code point whose UTF-8 ends at `end`, read back.
    private static func lastScalar(_ bytes: UnsafeMutablePointer<UInt8>, before end: Int) -> Unicode.Scalar {
        var start = end - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        var decoder = UTF8()
        var iterator = UnsafeBufferPointer(start: bytes + start, count: end - start).makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { preconditionFailure("reading text wrote ill-formed UTF-8") }
        return scalar
    }

    private static func isSpaceOrBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value <= 0x20 && isSpaceOrBreak(scalar.value)
    }

    /// For a value of at most `0x20`: a space, tab, line feed, form feed or carriage return.
    private static func isSpaceOrBreak(_ value: UInt32) -> Bool {
        let spacesAndBreaks: UInt64 = 1 << 0x20 | 1 << 0x0A | 1 << 0x0C | 1 << 0x09 | 1 << 0x0D
        return spacesAndBreaks & (1 << UInt64(value)) != 0
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isAlphabetic || ("0"..."9").contains(scalar)
    }
}
