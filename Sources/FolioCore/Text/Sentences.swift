/// Sentence boundaries in prose: a full stop, question or exclamation mark (with any closing
/// quotes, brackets or note number after it) followed by white space and a capital, a digit or an
/// opening quote; not after an abbreviation (`U.S.`, `e.g.`, `Dr.`), an initial, or inside
/// brackets (`(Hale et al. 2000)`).
public enum Sentences {
    static let abbreviations: Set<String> = [
        "e.g", "i.e", "cf", "al", "etc", "vs", "viz", "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vol", "vols", "pp",
        "p", "fig", "figs", "ch", "art", "sec", "ed", "eds", "inc", "corp", "ltd", "co", "gen", "sen", "rep", "gov", "col",
        "lt", "sgt", "jr", "sr", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx",
        "ca", "est", "op", "cit", "ibid", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m",
    ]

    /// The sentences of `range` in `text`, each trimmed of white space.
    public static func split(_ text: WorkingText, in range: TextRange) -> [TextRange] {
        var sentences: [TextRange] = []
        split(text, in: range, into: &sentences)
        return sentences
    }

    /// Appends the sentences of `range` in `text` to `sentences`: a paper's sentences go into
    /// one array, not an array a paragraph grown from nothing and then copied.
    public static func split(_ text: WorkingText, in range: TextRange, into sentences: inout [TextRange]) {
        // Empty ones are left out as they come, not filtered out of a second array.
        func appendNonEmpty(_ sentence: TextRange) { if sentence.start < sentence.end { sentences.append(sentence) } }
        var start = range.start
        var depth = 0
        var index = range.start
        func isSpace(_ position: Int) -> Bool { text[position].isWhitespace }
        while index < range.end {
            // Most code points are none of the marks asked about: passed over with one look.
            index = text.firstPosition(from: index, to: range.end, of: Self.marks)
            guard index < range.end else { break }
            let scalar = text[index]
            if scalar == "(" || scalar == "[" { depth += 1 }
            if (scalar == ")" || scalar == "]") && depth > 0 { depth -= 1 }
            if depth == 0, scalar == "." || scalar == "?" || scalar == "!" {
                var end = index + 1
                // Closing quotes, brackets and a note number belong to the sentence they end.
                while end < range.end, closers.contains(text[end]) || text[end].hasNumericType && end - index <= 3 {
                    end += 1
                }
                var next = end
                while next < range.end && isSpace(next) { next += 1 }
                if next > end, next < range.end, startsSentence(text[next]), !(scalar == "." && endsAbbreviation(text, before: index, from: start)) {
                    appendNonEmpty(trimmed(text, TextRange(start, end)))
                    start = next
                    index = next
                    continue
                }
            }
            index += 1
        }
        if start < range.end { appendNonEmpty(trimmed(text, TextRange(start, range.end))) }
    }

    /// The brackets, and the marks that may end a sentence.
    static let marks = ScanMarks("(", ")", "[", "]", ".", "?", "!")
    /// Closing quotes and brackets, which belong to the sentence they end.
    static let closers: ScalarSet = "\"”’')]"
    /// Opening quotes and brackets, with which a sentence may start.
    static let openers: ScalarSet = "\"“‘'(«„["

    static func startsSentence(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isUppercase || scalar.hasNumericType || openers.contains(scalar)
    }

    /// Whether the word before the full stop at `position` is an abbreviation or an initial.
    static func endsAbbreviation(_ text: WorkingText, before position: Int, from start: Int) -> Bool {
        var wordStart = position
        while wordStart > start, !text[wordStart - 1].isWhitespace, text[wordStart - 1] != "(" {
            wordStart -= 1
            // Abbreviations are short: a long word ends a sentence (and is not made a string).
            if position - wordStart > Self.longestAbbreviation { return false }
        }
        return isASCIIAbbreviation(text.scalars[wordStart..<position]) ?? isAbbreviation(text.string(TextRange(wordStart, position)))
    }

    /// `isAbbreviation` of a word of ASCII code points, asked without making a string of
    /// every word before a full stop; nil for a word with any other.
    private static func isASCIIAbbreviation(_ word: ArraySlice<Unicode.Scalar>) -> Bool? {
        guard word.allSatisfy(\.isASCII) else { return nil }
        if word.count == 1 && ("A"..."Z").contains(word.first!) { return true }
        if word.count <= 5 && word.contains(".") { return true }
        guard word.count <= longestListedAbbreviation else { return false }
        let lowerCased = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count) { bytes in
            for (offset, scalar) in word.enumerated() { bytes[offset] = scalar.asciiLetterLowercased ?? UInt8(scalar.value) }
            return String(decoding: bytes, as: UTF8.self)
        }
        return abbreviations.contains(lowerCased)
    }

    /// The length of the longest word in `abbreviations`.
    private static let longestListedAbbreviation = abbreviations.map(\.count).max()!

    /// More code points than any abbreviation has, with room for accents written apart.
    static let longestAbbreviation = 16

    /// Whether `word`, followed by a full stop, is an abbreviation or an initial.
    public static func isAbbreviation(_ word: String) -> Bool {
        if word.count == 1, word.unicodeScalars.first!.isUppercase { return true }  // an initial
        // A character, not a string: Foundation's search for a string bridges it to UTF-16.
        if word.contains(Character(".")), word.count <= 5 { return true }  // U.S, e.g, i.e
        return abbreviations.contains(word.lowercased())
    }

    static func trimmed(_ text: WorkingText, _ range: TextRange) -> TextRange {
        var result = range
        while result.start < result.end && text[result.start].isWhitespace { result.start += 1 }
        while result.end > result.start && text[result.end - 1].isWhitespace { result.end -= 1 }
        return result
    }
}
