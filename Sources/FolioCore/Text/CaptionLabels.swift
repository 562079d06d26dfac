/// How captions of figures and tables begin, and the credit lines under them.
public enum CaptionLabels {
    /// Words that begin a caption, and whether they make a table.
    static let words: [(String, Figure.Kind)] = [
        ("figure", .figure), ("fig.", .figure), ("table", .table), ("chart", .figure), ("graph", .figure),
        ("map", .figure), ("plate", .figure), ("illustration", .figure), ("photo", .figure), ("image", .figure),
        ("exhibit", .figure), ("diagram", .figure),
    ]

    /// Each word and the space after it.
    static let wordsSpaced = words.map { $0.0 + " " }

    /// Words that begin a credit line under a caption.
    static let creditWords = ["source:", "sources:", "credit:", "credits:", "photo:", "photograph:", "courtesy"]

    /// A caption's head: `Figure 1.`, `Table IV:`, `Fig. 2 –`; the number must be followed by
    /// punctuation, so `Figure 2 shows…` in running text is not one.
    public struct Head: Equatable {
        public var kind: Figure.Kind
        /// `Figure 1.` as printed.
        public var head: TextRange
        /// `1`.
        public var label: String
        /// Where the caption's words start.
        public var captionStart: Int
    }

    public static func head(in range: TextRange, of text: WorkingText) -> Head? {
        guard let (word, kind) = openingWord(range, of: text) else { return nil }
        var index = range.start + word.count
        while index < range.end && text[index] == " " { index += 1 }
        let numberStart = index
        while index < range.end && (text[index].isAlphabetic || ("0"..."9").contains(text[index])) && index - numberStart < 6 {
            index += 1
        }
        let label = text.string(TextRange(numberStart, index))
        let isNumber = label.first?.isNumber == true || (!label.isEmpty && label.allSatisfy { "IVXLC".contains($0) })
        // `1.`, `IV:` right after the number; a dash may stand apart (`Fig. 3 – A map`).
        var punctuation = index
        while punctuation < range.end && text[punctuation] == " " { punctuation += 1 }
        guard isNumber, punctuation < range.end,
              punctuation == index ? ".:—–-".unicodeScalars.contains(text[index]) : "—–-".unicodeScalars.contains(text[punctuation])
        else { return nil }
        index = punctuation
        let headEnd = index + 1
        var captionStart = headEnd
        while captionStart < range.end && text[captionStart].isWhitespace { captionStart += 1 }
        return Head(kind: kind, head: TextRange(range.start, headEnd), label: label, captionStart: captionStart)
    }

    /// How many code points of a line are compared with the caption words.
    private static let openingLength = 14

    /// The caption word `range` opens with, in either case, followed by a space or a no-break
    /// space (the first of `words` that fits).
    static func openingWord(_ range: TextRange, of text: WorkingText) -> (word: String, kind: Figure.Kind)? {
        // A line opening with no letter (a quotation mark, a dash, a bullet), or with an ASCII
        // letter no caption word starts with (`NATO’s`), opens with no word, in any case: most
        // lines of a paper are done with at their first code point.
        guard range.start < range.end, text[range.start].isAlphabetic else { return nil }
        if let first = text[range.start].asciiLetterLowercased, !firstLetters.contains(first) { return nil }
        // Most others are ASCII as far as a word could reach: told without making a string.
        if opensInASCII(range, of: text), !opensWithSpacedWord(range, of: text) { return nil }
        guard words.contains(where: { text.mayOpen(range, with: $0.0) }) else { return nil }
        let prefix = text.string(TextRange(range.start, min(range.end, range.start + openingLength))).lowercased()
        return words.indices.first { prefix.hasPrefix(wordsSpaced[$0]) || prefix.hasPrefix(wordsNoBreakSpaced[$0]) }.map { words[$0] }
    }

    /// The letters the words start with.
    private static let firstLetters = ASCIIByteSet(words.map { $0.0.utf8.first! })

    /// Each word and the no-break space after it.
    static let wordsNoBreakSpaced = words.map { $0.0 + "\u{A0}" }

    /// Whether a line is ASCII as far as a caption word and its space can reach: through its
    /// first space, or through the code points compared. Then no caption word opens it unless
    /// `opensWithSpacedWord` finds one: a no-break space cannot stand before the first space,
    /// nor a letter beyond ASCII (most lines of French or German open with an ASCII word).
    static func opensInASCII(_ range: TextRange, of text: WorkingText) -> Bool {
        let limit = min(range.end, range.start + openingLength)
        var index = range.start
        while index < limit {
            guard text[index].value < 0x80 else { return false }
            if text[index] == " " { return true }
            index += 1
        }
        return true
    }

    /// Whether `range` opens with one of `wordsSpaced`, in either case. Every line of a paper
    /// is asked: only the words as long as the line's first word are compared, as a word and its
    /// space can only match where the line's first space is.
    static func opensWithSpacedWord(_ range: TextRange, of text: WorkingText) -> Bool {
        let limit = min(range.end, range.start + longestSpacedWord)
        var space = range.start
        while space < limit && text[space] != " " { space += 1 }
        guard space < limit else { return false }
        let length = space - range.start + 1
        return wordsSpaced.indices.contains { spacedLengths[$0] == length && text.hasPrefix(wordsSpaced[$0], in: range, ignoringCase: true) }
    }

    private static let spacedLengths = wordsSpaced.map(\.unicodeScalars.count)
    private static let longestSpacedWord = spacedLengths.max()!

    /// Whether `range` begins like a credit line: `Source: national archives`.
    public static func isCredit(_ range: TextRange, of text: WorkingText) -> Bool {
        let prefix = text.string(TextRange(range.start, min(range.end, range.start + 12))).lowercased()
        return creditWords.contains { prefix.hasPrefix($0) }
    }
}
