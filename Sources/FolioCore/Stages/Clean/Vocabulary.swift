import Foundation

/// The words a document uses, and how: the evidence for deciding about hyphens.
struct Vocabulary {
    /// How a word was seen: how often, and whether ever in lower case.
    struct Sightings {
        var count = 0
        var inLowerCase = false

        mutating func record(inLowerCase: Bool) {
            count += 1
            if inLowerCase { self.inLowerCase = true }
        }
    }

    /// Lower-cased words seen whole (not broken at a line's end): one table, so each word of a
    /// paper is hashed once.
    private(set) var words: [String: Sightings] = [:]
    /// Lower-cased hyphenated compounds seen within a line (`eu-turkey`), keyed by their
    /// letters without hyphens (`euturkey`).
    private(set) var compounds: [String: String] = [:]

    init(_ text: WorkingText) {
        let scalars = text.scalars
        // A paper has at most about one new word in every ten characters: growing the tables as
        // they fill cost more than filling them.
        words.reserveCapacity(scalars.count / 10)
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
                words[Self.lowercased(scalars[start..<index]), default: Sightings()].record(inLowerCase: inLowerCase)
            }
            // `A-B` within a line: a compound the document spells with its hyphen.
            if !brokenBefore, index + 1 < scalars.count, scalars[index] == "-", scalars[index + 1].isAlphabetic {
                var end = index + 1
                while end < scalars.count && (scalars[end].isAlphabetic
                        || (scalars[end] == "-" && end + 1 < scalars.count && scalars[end + 1].isAlphabetic)) { end += 1 }
                let compound = String(scalars: scalars[start..<end]).lowercased()
                compounds[String(compound.unicodeScalars.filter { $0 != "-" })] = compound
            }
        }
    }

    /// A word in lower case, made straight from its scalars when they are ASCII (most words
    /// of most papers): every word of a paper passes here.
    private static func lowercased(_ word: ArraySlice<Unicode.Scalar>) -> String {
        guard word.allSatisfy({ $0.asciiLetterLowercased != nil }) else { return String(scalars: word).lowercased() }
        return String(unsafeUninitializedCapacity: word.count) { buffer in
            for (index, scalar) in word.enumerated() { buffer[index] = scalar.asciiLetterLowercased! }
            return word.count
        }
    }

    func contains(_ word: String) -> Bool { words[word.lowercased()] != nil }

    /// How often `word` was seen whole, in any case.
    func count(of word: String) -> Int { words[word.lowercased()]?.count ?? 0 }

    /// A name or proper adjective: seen capitalized, never in lower case (`Russian`, `UNESCO`).
    func isProper(_ word: String) -> Bool {
        words[word.lowercased()].map { !$0.inLowerCase } ?? false
    }
}

/// A list of the words of a language, one a line (Debian's `wamerican`, hunspell word lists
/// without their affix flags). Loaded once, when the pipeline is configured.
public struct WordList: Sendable {
    /// The words, lower-cased and composed (NFC), one after another: a list has a hundred
    /// thousand lines, read at every start, and a set of strings was most of that.
    private var bytes: [UInt8] = []
    /// Open addressing by the words' hashes: a word's start in `bytes` plus one (zero marks an
    /// empty slot) and its length, as `start + 1 << 20 | length`.
    private var slots: [UInt64]
    private var mask: Int
    public private(set) var count = 0

    public init(words: some Sequence<String>) {
        let words = Array(words)
        self.init(capacity: words.count)
        for word in words { insert(Self.key(word.lowercased())) }
    }

    /// Reads the list at `path`; hunspell's `word/FLAGS` lines count as `word`.
    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FolioError(file: path, "the word list cannot be read")
        }
        self.init(capacity: data.count / 8)
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
                if !word.isEmpty { plain ? insert(Array(word)) : insert(Self.key(String(decoding: word, as: UTF8.self).lowercased())) }
                start = end + 1
            }
        }
    }

    private init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    public func contains(_ word: String) -> Bool {
        Self.key(word.lowercased()).withUnsafeBufferPointer { find($0) != nil }
    }

    /// A lower-cased word as the list keeps it: composed, so that spellings Unicode counts as
    /// the same (`é` as one code point or as `e` and an accent) are one.
    private static func key(_ lowercased: String) -> [UInt8] {
        lowercased.utf8.allSatisfy { $0 < 0x80 } ? Array(lowercased.utf8) : Array(lowercased.precomposedStringWithCanonicalMapping.utf8)
    }

    private mutating func insert(_ word: [UInt8]) {
        precondition(word.count < 1 << 20 && bytes.count + word.count < 1 << 43, "a word list too large")
        let slot = word.withUnsafeBufferPointer { probe($0) }
        guard slots[slot] == 0 else { return }
        slots[slot] = UInt64(bytes.count + 1) << 20 | UInt64(word.count)
        bytes += word
        count += 1
        if count * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        for entry in old where entry != 0 {
            let start = Int(entry >> 20) - 1, length = Int(entry & 0xF_FFFF)
            let slot = bytes.withUnsafeBufferPointer { probe(UnsafeBufferPointer(rebasing: $0[start..<(start + length)])) }
            slots[slot] = entry
        }
    }

    private func find(_ word: UnsafeBufferPointer<UInt8>) -> Int? {
        let slot = probe(word)
        return slots[slot] == 0 ? nil : slot
    }

    /// The slot holding `word`, or the empty slot where it would go.
    private func probe(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        var slot = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        return bytes.withUnsafeBufferPointer { bytes in
            while slots[slot] != 0 {
                let start = Int(slots[slot] >> 20) - 1, length = Int(slots[slot] & 0xF_FFFF)
                if length == word.count && (length == 0 || memcmp(bytes.baseAddress! + start, word.baseAddress!, length) == 0) { return slot }
                slot = (slot + 1) & mask
            }
            return slot
        }
    }
}
