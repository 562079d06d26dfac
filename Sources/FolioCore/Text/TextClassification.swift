/// Questions about a piece of text that several stages ask, answered in one place.
extension WorkingText {
    /// The letters of `range`, for case tests.
    func letters(_ range: TextRange) -> [Unicode.Scalar] {
        scalars[range.start..<range.end].filter { $0.isAlphabetic }
    }

    /// At least three letters and none of them lower case: `INTRODUCTION`, `HALE’S VIEWS`.
    public func isUpperCase(_ range: TextRange) -> Bool {
        // One pass that stops at the first lower-case letter: every line of a paper is asked.
        var letters = 0, sawUpperCase = false
        for scalar in scalars[range.start..<range.end] where scalar.isAlphabetic {
            if scalar.value < 0x80 {
                if scalar.value >= 0x61 { return false }
                sawUpperCase = true
            } else {
                if scalar.properties.isLowercase { return false }
                if scalar.isUppercase { sawUpperCase = true }
            }
            letters += 1
        }
        return letters >= 3 && sawUpperCase
    }

    /// The number of words (runs of letters or digits, an apostrophe inside one included:
    /// `HALE’S` is one word) in `range`.
    public func wordCount(_ range: TextRange) -> Int {
        wordCount(range, countingTo: .max)
    }

    /// `wordCount`, or `limit` when there are at least that many: whether a block is short
    /// need not count a whole paragraph.
    public func wordCount(_ range: TextRange, countingTo limit: Int) -> Int {
        guard limit > 0 else { return 0 }
        var count = 0
        var inWord = false
        for index in range.start..<range.end {
            let scalar = scalars[index]
            let isApostropheInWord = inWord && (scalar == "’" || scalar == "'") && index + 1 < range.end
                && Self.isWordCharacter(scalars[index + 1])
            let isWord = Self.isWordCharacter(scalar) || isApostropheInWord
            if isWord && !inWord {
                count += 1
                if count >= limit { return count }
            }
            inWord = isWord
        }
        return count
    }

    /// The last code point of `range` that is not white space.
    public func lastVisible(_ range: TextRange) -> Unicode.Scalar? {
        scalars[range.start..<range.end].last { !$0.isWhitespace }
    }

    /// Whether `range` ends like a sentence or a clause: `.`, `!`, `?`, `;`, `,`, `:`.
    public func endsWithPunctuation(_ range: TextRange) -> Bool {
        guard let last = lastVisible(range) else { return false }
        return ".!?;,:".unicodeScalars.contains(last)
    }

    /// Whether the first `count` code points of `range` (fewer if it is shorter) are ASCII.
    func isASCII(_ range: TextRange, first count: Int) -> Bool {
        scalars[range.start..<min(range.end, range.start + count)].allSatisfy { $0.value < 0x80 }
    }

    /// False only where `range` cannot open with `word` (in lower case) once lower-cased, as a
    /// string (`String.hasPrefix`, which compares characters): where, before either has a code
    /// point beyond ASCII, a code point of the text differs from the word's in any case. A
    /// character that starts with an ASCII code point starts with it in every canonically
    /// equivalent form, and lower-casing moves no ASCII letter but its own; from the first
    /// code point beyond ASCII on, anything may match (`e` and U+0301 is `é`), and it answers
    /// true. Lines that open with a letter beyond ASCII near their start are told apart from
    /// labels without a string lower-cased for each.
    public func mayOpen(_ range: TextRange, with word: String) -> Bool {
        var index = range.start
        for scalar in word.unicodeScalars {
            guard index < range.end, scalars[index].value < 0x80, scalar.value < 0x80 else { return true }
            let here = scalars[index].asciiLetterLowercased ?? UInt8(scalars[index].value)
            guard here == UInt8(scalar.value) else { return false }
            index += 1
        }
        return true
    }

    /// Whether `range` starts with `prefix`; with `ignoringCase`, ASCII letters match in either
    /// case. Compared in place: asked of every line, with no string or array made for it.
    public func hasPrefix(_ prefix: String, in range: TextRange, ignoringCase: Bool = false) -> Bool {
        var index = range.start
        for scalar in prefix.unicodeScalars {
            guard index < range.end else { return false }
            let here = scalars[index]
            guard here == scalar || ignoringCase && here.asciiLetterLowercased.map({ $0 == scalar.asciiLetterLowercased }) == true else { return false }
            index += 1
        }
        return true
    }
}

/// Bullet characters converters and typesetters print before list items.
public enum Bullets {
    public static let characters: Set<Unicode.Scalar> = [
        "\u{25CF}", "\u{2022}", "\u{25AA}", "\u{25E6}", "\u{25A0}", "\u{25A1}", "\u{27A2}", "\u{25BA}",
        "\u{25B8}", "\u{2023}", "\u{2043}", "\u{25CB}", "\u{25C6}", "\u{2756}", "\u{2713}",
        "\u{F0B7}", "\u{F0A7}",  // Symbol-font bullets as PDF extractors leave them
    ]

    /// Marks that introduce an item only when followed by a space: `- item`, `* item`.
    public static let asciiMarks: Set<Unicode.Scalar> = ["-", "*", "+", "–"]

    /// Whether `scalar` is one of `characters`. Every line of a paper is asked, and most open
    /// below the lowest bullet: those are answered without hashing them into the set.
    public static func isBullet(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= lowestBullet && characters.contains(scalar)
    }

    /// Whether `scalar` is one of `asciiMarks`: ASCII from a set of bytes, no hashing.
    public static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? asciiMarkBytes.contains(UInt8(truncatingIfNeeded: scalar.value)) : asciiMarks.contains(scalar)
    }

    /// Whether `range` of `text` opens a list item: with a bullet, or a mark and a space before
    /// more text (`- item`).
    public static func opensItem(_ range: TextRange, _ text: WorkingText) -> Bool {
        let first = text[range.start]
        return isBullet(first) || (isMark(first) && range.count > 2 && text[range.start + 1] == " ")
    }

    private static let lowestBullet = characters.map(\.value).min()!
    private static let asciiMarkBytes = ASCIIByteSet(asciiMarks.filter(\.isASCII).map { UInt8($0.value) })
}
