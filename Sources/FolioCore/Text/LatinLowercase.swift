/// Lower-casing for words of Latin letters (every code point below U+0300, where the combining
/// marks begin), from a table made once: `String.lowercased()` looks every code point beyond
/// ASCII up in Unicode's tables and builds a string, and in French or German text most words
/// have such a letter. It lower-cases a code point at a time, as the table does.
enum LatinLowercase {
    /// The lower case of each code point below U+0300, or nil where it is more than one code
    /// point (`İ` is `i` and a combining dot) or one beyond U+02FF (`Ⱥ` is `ⱥ`).
    private static let table: [UInt16?] = (0..<0x300).map { value in
        let mapping = Unicode.Scalar(UInt32(value))!.properties.lowercaseMapping.unicodeScalars
        guard mapping.count == 1, let scalar = mapping.first, scalar.value < 0x300 else { return nil }
        return UInt16(scalar.value)
    }

    /// The UTF-8 of `String(String.UnicodeScalarView(word)).lowercased()` when every code point
    /// of the word and of its lower case is below U+0300; nil otherwise. Such a word is composed
    /// (NFC) as it stands: a word table's key.
    static func utf8(_ word: some Sequence<Unicode.Scalar>) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(word.underestimatedCount * 2)
        for scalar in word {
            guard scalar.value < 0x300, let lower = table[Int(scalar.value)] else { return nil }
            if lower < 0x80 {
                bytes.append(UInt8(lower))
            } else {
                bytes.append(0xC0 | UInt8(lower >> 6))
                bytes.append(0x80 | UInt8(lower & 0x3F))
            }
        }
        return bytes
    }
}
