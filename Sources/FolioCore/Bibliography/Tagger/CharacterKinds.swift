/// Whether a character is upper case, lower case or a number, as `Character` tells, for code
/// points that are characters of their own (`OwnCharacterScalars`: below U+0300, Latin letters
/// with their accents, and general punctuation), asked of `Character` once. A word of them has a
/// character for each code point, but CR before LF, and CR is left out. Two characters are
/// equal where their code points are, but for U+2000 and U+2001, which equal the spaces U+2002
/// and U+2003 (their canonical decompositions), and are left out too. A reference's tokens
/// beyond ASCII (`Müller`, `–`) are most often such words, and asking the standard library for
/// their characters' kinds cost about a thousand instructions a character.
struct CharacterKinds: OptionSet, Sendable {
    let rawValue: UInt8

    static let uppercase = CharacterKinds(rawValue: 1)
    static let lowercase = CharacterKinds(rawValue: 2)
    static let number = CharacterKinds(rawValue: 4)

    /// By `OwnCharacterScalars.tableIndex`; nil for the code points left out.
    private static let table: [CharacterKinds?] = OwnCharacterScalars.tableScalars.map { scalar in
        guard !["\r", "\u{2000}", "\u{2001}"].contains(scalar) else { return nil }
        let character = Character(scalar)
        var kinds: CharacterKinds = []
        if character.isUppercase { kinds.insert(.uppercase) }
        if character.isLowercase { kinds.insert(.lowercase) }
        if character.isNumber { kinds.insert(.number) }
        return kinds
    }

    /// The kinds of `scalar`'s character; nil where it is not always a character of its own.
    static func of(_ scalar: Unicode.Scalar) -> CharacterKinds? {
        OwnCharacterScalars.tableIndex(scalar).flatMap { table[$0] }
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

    /// Whether each of `word`'s code points is a character of its own (`of(word)` is not nil),
    /// asked without making the kinds.
    static func isOneCharacterPerCodePoint(_ word: String) -> Bool {
        word.unicodeScalars.allSatisfy { of($0) != nil }
    }
}
