/// What Unicode says of the code points below U+0300 (where the combining marks begin: Latin
/// letters with their accents, and IPA), from tables made once. Unicode's own tables are
/// searched for every code point beyond ASCII, and `String.lowercased()` builds a string; in
/// French or German text most words have such a letter.
enum LatinLetters {
    /// `properties.isAlphabetic` of each code point below U+0300.
    private static let alphabetic: [Bool] = (0..<0x300).map { Unicode.Scalar(UInt32($0))!.properties.isAlphabetic }

    /// `properties.isAlphabetic`, from the table below U+0300; no punctuation mark is.
    static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x300 ? alphabetic[Int(scalar.value)] : !scalar.isKnownNonAlphanumeric && scalar.properties.isAlphabetic
    }

    /// `Character.isLowercase` of each code point below U+0300, a character of its own.
    private static let lowercase: [Bool] = (0..<0x300).map { Character(Unicode.Scalar(UInt32($0))!).isLowercase }

    /// `Character.isLowercase` of a code point below U+0300 as a character of its own (two of
    /// them are always two characters: none extends another); nil beyond.
    static func isLowercase(_ scalar: Unicode.Scalar) -> Bool? {
        scalar.value < 0x300 ? lowercase[Int(scalar.value)] : nil
    }

    /// The lower case of each code point below U+0300, or nil where it is more than one code
    /// point (`İ` is `i` and a combining dot) or one beyond U+02FF (`Ⱥ` is `ⱥ`).
    private static let table: [UInt16?] = (0..<0x300).map { value in
        let mapping = Unicode.Scalar(UInt32(value))!.properties.lowercaseMapping.unicodeScalars
        guard mapping.count == 1, let scalar = mapping.first, scalar.value < 0x300 else { return nil }
        return UInt16(scalar.value)
    }

    /// The UTF-8 of `String(scalars: word).lowercased()` when every code point of the word and
    /// of its lower case is below U+0300; nil otherwise. `lowercased()` lower-cases a code point
    /// at a time, as the table does. Such a word is composed (NFC) as it stands (`isLatin`): a
    /// word table's key.
    static func utf8(lowercasing word: some Sequence<Unicode.Scalar>) -> [UInt8]? {
        // Appended, not written through `UTF8Writing`'s pointer: that needs the length first,
        // and counting a string's code points is a pass of its own.
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

    /// Whether every code point of `word` is below U+0300. Such a word is composed (NFC) as it
    /// stands: every code point there is its own composition and composes with none (NFC's
    /// quick check says yes, combining class 0), so Foundation need not compose it.
    static func isLatin(_ word: String) -> Bool {
        // A code point below U+0300 is one byte, or two whose lead is below 0xCC.
        word.utf8.allSatisfy { $0 < 0xCC }
    }
}
