/// Whether a character is upper case, lower case or a number, as `Character` tells, for code
/// points that are characters of their own: those below U+0300 (Latin letters with their
/// accents, but CR, which joins a following LF) and general punctuation (U+2000–U+206F: dashes,
/// curly quotes, spaces, but the two joiners, which join the character before them). No mark
/// combines with them there, so a word of them has a character for each code point, and each
/// character's kind is its code point's, asked of `Character` once. Two characters are equal
/// where their code points are, but for U+2000 and U+2001, which equal the spaces U+2002 and
/// U+2003 (their canonical decompositions), and are left out. A reference's tokens beyond
/// ASCII (`Müller`, `–`) are most often such words, and asking the standard library for their
/// characters' kinds cost about a thousand instructions a character.
struct CharacterKinds: OptionSet, Sendable {
    let rawValue: UInt8

    static let uppercase = CharacterKinds(rawValue: 1)
    static let lowercase = CharacterKinds(rawValue: 2)
    static let number = CharacterKinds(rawValue: 4)

    private static let latinEnd: UInt32 = 0x300
    private static let punctuation: Range<UInt32> = 0x2000..<0x2070

    /// The kinds of the code points below `latinEnd`, then of `punctuation`; nil for those that
    /// are not always characters of their own.
    private static let table: [CharacterKinds?] = (Array(0..<latinEnd) + Array(punctuation)).map { value in
        guard ![0x0D, 0x2000, 0x2001, 0x200C, 0x200D].contains(value) else { return nil }
        let character = Character(Unicode.Scalar(value)!)
        var kinds: CharacterKinds = []
        if character.isUppercase { kinds.insert(.uppercase) }
        if character.isLowercase { kinds.insert(.lowercase) }
        if character.isNumber { kinds.insert(.number) }
        return kinds
    }

    /// The kinds of `scalar`, nil where it is not always a character of its own.
    static func of(_ scalar: Unicode.Scalar) -> CharacterKinds? {
        let value = scalar.value
        if value < latinEnd { return table[Int(value)] }
        return punctuation.contains(value) ? table[Int(latinEnd + value - punctuation.lowerBound)] : nil
    }

    /// The kinds of each of `word`'s characters, one a code point; nil where a code point is not
    /// always a character of its own, and the characters must be asked for.
    static func of(_ word: String) -> [CharacterKinds]? {
        var kinds: [CharacterKinds] = []
        kinds.reserveCapacity(word.utf8.count)
        for scalar in word.unicodeScalars {
            guard let kind = of(scalar) else { return nil }
            kinds.append(kind)
        }
        return kinds
    }
}
