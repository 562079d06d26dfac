/// Code points that stand as characters of their own beside one another: those below U+0300
/// (Latin letters with their accents; no combining mark is among them) and general punctuation
/// (U+2000–U+206F: dashes, curly quotes, spaces), but the two joiners there (U+200C, U+200D),
/// which join the character before them. (CR before LF is one character with it: a reader
/// for which that matters leaves CR out.) Text of them is read code point by code point where
/// the standard library would read it character by character: tables of what each code point
/// is, made once, indexed here.
enum OwnCharacterScalars {
    private static let latinEnd: UInt32 = 0x300
    private static let punctuation: Range<UInt32> = 0x2000..<0x2070
    private static let joiners: ClosedRange<UInt32> = 0x200C...0x200D

    /// Every code point of a table, in the order of its entries: those below U+0300, then
    /// general punctuation (the joiners too, whose entries are never read).
    static let tableScalars: [Unicode.Scalar] = (Array(0..<latinEnd) + Array(punctuation)).map { Unicode.Scalar($0)! }

    /// Where `scalar` is in a table made over `tableScalars`; nil for a code point that is not
    /// always a character of its own.
    @inline(__always)
    static func tableIndex(_ scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        if value < latinEnd { return Int(value) }
        guard punctuation.contains(value), !joiners.contains(value) else { return nil }
        return Int(latinEnd + value - punctuation.lowerBound)
    }
}
