import Foundation

/// The words a document uses, and how: the evidence for deciding about hyphens.
struct Vocabulary {
    /// How a word was seen: how often, and whether ever in lower case.
    struct Sightings: Sendable {
        var count = 0
        var inLowerCase = false

        mutating func record(inLowerCase: Bool) {
            count += 1
            if inLowerCase { self.inLowerCase = true }
        }
    }

    /// Lower-cased words seen whole (not broken at a line's end): one table, so each word of a
    /// paper is hashed once.
    private var words: WordTable<Sightings>
    /// Lower-cased hyphenated compounds seen within a line (`eu-turkey`), keyed by their
    /// letters without hyphens (`euturkey`).
    private var compounds = WordTable<String>()

    init(_ text: WorkingText) {
        let scalars = text.scalars
        // A paper has at most about one new word in every ten characters: growing the tables as
        // they fill cost more than filling them.
        words = WordTable(capacity: scalars.count / 10)
        var word: [UInt8] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index].isAlphabetic else { index += 1; continue }
            let start = index
            while index < scalars.count && scalars[index].isAlphabetic { index += 1 }
            // A word broken at a line's end is not evidence of itself.
            let brokenAfter = index + 1 < scalars.count && scalars[index] == "-" && scalars[index + 1].isLineBreak
            var before = start - 1
            while before > 0 && scalars[before] == " " { before -= 1 }
            let brokenBefore = before >= 1 && scalars[before].isLineBreak && scalars[before - 1] == "-"
            if !brokenAfter && !brokenBefore {
                let first = scalars[start]
                let inLowerCase = first.value < 0x80 ? (0x61...0x7A).contains(first.value) : first.properties.isLowercase
                let length = Self.key(scalars[start..<index], into: &word)
                word.withUnsafeBufferPointer { words.update(UnsafeBufferPointer(rebasing: $0[..<length]), initial: Sightings()) { $0.record(inLowerCase: inLowerCase) } }
            }
            // `A-B` within a line: a compound the document spells with its hyphen.
            if !brokenBefore, index + 1 < scalars.count, scalars[index] == "-", scalars[index + 1].isAlphabetic {
                var end = index + 1
                while end < scalars.count && (scalars[end].isAlphabetic
                        || (scalars[end] == "-" && end + 1 < scalars.count && scalars[end + 1].isAlphabetic)) { end += 1 }
                let compound = String(scalars: scalars[start..<end]).lowercased()
                WordTable<String>.key(String(compound.unicodeScalars.filter { $0 != "-" })).withUnsafeBufferPointer {
                    compounds.update($0, initial: compound) { $0 = compound }
                }
            }
        }
    }

    /// A word's key in `words`, made straight from its scalars when they are ASCII letters
    /// (most words of most papers): every word of a paper passes here.
    /// Written over the start of `key`, which grows only for a longer word; the key's length.
    private static func key(_ word: ArraySlice<Unicode.Scalar>, into key: inout [UInt8]) -> Int {
        if key.count < word.count { key = [UInt8](repeating: 0, count: word.count * 2) }
        var length = 0
        for scalar in word {
            guard let letter = scalar.asciiLetterLowercased else {
                key = WordTable<Sightings>.key(ofWord: word)
                return key.count
            }
            key[length] = letter
            length += 1
        }
        return length
    }

    func contains(_ word: String) -> Bool { words.value(ofWord: word) != nil }

    /// Whether the document spells any compound with its hyphen.
    var hasCompounds: Bool { compounds.count > 0 }

    /// The compound the document spells with its hyphen whose letters are `letters`, in lower case.
    func compound(of letters: String) -> String? { compounds.value(ofWord: letters) }

    /// `compound(of:)` for a word as its key in a table of words (lower-cased, composed UTF-8:
    /// of ASCII letters, their bytes): no string is made.
    func compound(ofKey key: UnsafeBufferPointer<UInt8>) -> String? { compounds.value(of: key) }

    /// How often `word` was seen whole, in any case.
    func count(of word: String) -> Int { words.value(ofWord: word)?.count ?? 0 }

    /// A name or proper adjective: seen capitalized, never in lower case (`Russian`, `UNESCO`).
    func isProper(_ word: String) -> Bool {
        words.value(ofWord: word).map { !$0.inLowerCase } ?? false
    }
}

/// A list of the words of a language, one a line (Debian's `wamerican`, hunspell word lists
/// without their affix flags). Loaded once, when the pipeline is configured.
public struct WordList: Sendable {
    private var words: WordTable<Void>

    public init(words: some Sequence<String>) {
        self.words = WordTable()
        for word in words {
            WordTable<Void>.key(word.lowercased()).withUnsafeBufferPointer { self.words.update($0, initial: ()) { _ in } }
        }
    }

    /// Reads the list at `path`; hunspell's `word/FLAGS` lines count as `word`.
    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FolioError(file: path, "the word list cannot be read")
        }
        var words = WordTable<Void>(capacity: data.count / 8)
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            while start < bytes.count {
                var end = start, wordEnd: Int?, plain = true
                while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D {
                    if bytes[end] == UInt8(ascii: "/") && wordEnd == nil { wordEnd = end }
                    if wordEnd == nil && (bytes[end] >= 0x80 || (0x41...0x5A).contains(bytes[end])) { plain = false }
                    end += 1
                }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<(wordEnd ?? end)])
                // Only words with capitals or beyond ASCII are made strings, to lower-case.
                if plain {
                    if !word.isEmpty { words.update(word, initial: ()) { _ in } }
                } else {
                    WordTable<Void>.key(String(decoding: word, as: UTF8.self).lowercased()).withUnsafeBufferPointer { words.update($0, initial: ()) { _ in } }
                }
                start = end + 1
            }
        }
        self.words = words
    }

    public var count: Int { words.count }

    public func contains(_ word: String) -> Bool { words.value(ofWord: word) != nil }
}
