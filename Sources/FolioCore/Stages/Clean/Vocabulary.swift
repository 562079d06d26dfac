import CTextKernels
import Foundation

/// The words a document uses, and how: the evidence for deciding about hyphens.
///
/// Only a few words of a paper are ever asked about: those around a hyphen at a line's end,
/// words in capitals, compounds. The table keeps, of words of ASCII letters, those whose shape
/// (length, first and last letter) a question may have (`WordShapes`), found in the same pass;
/// hashing every word of a paper was most of the stage's cost. A question of another shape
/// fills the table with every word first, so every answer is the whole document's.
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

    /// A word of the text: where it is, its shape, and whether it breaks at a line's end. Kept
    /// in 32 bits (as `WordRuns` keeps offsets): a paper has thousands.
    struct Word {
        private let start: Int32
        private let end: Int32
        /// -1 for none.
        private let shapeValue: Int32
        /// Followed by a hyphen that ends its line: the first half of a word broken there, maybe.
        let breaksAtLineEnd: Bool

        init(range: Range<Int>, shape: Int?, breaksAtLineEnd: Bool) {
            start = Int32(truncatingIfNeeded: range.lowerBound)
            end = Int32(truncatingIfNeeded: range.upperBound)
            shapeValue = Int32(truncatingIfNeeded: shape ?? -1)
            self.breaksAtLineEnd = breaksAtLineEnd
        }

        var range: Range<Int> { Int(start)..<Int(end) }
        /// Of a word of ASCII letters (`WordShapes`); nil for another.
        var shape: Int? { shapeValue < 0 ? nil : Int(shapeValue) }
    }

    /// Lower-cased words seen whole (not broken at a line's end): one table, so each word of a
    /// paper is hashed once.
    private var words: WordTable<Sightings>
    /// Lower-cased hyphenated compounds seen within a line (`eu-turkey`), keyed by their
    /// letters without hyphens (`euturkey`).
    private var compounds = WordTable<String>()
    /// The shapes of ASCII words `words` holds; nil once it holds every word.
    private var shapes: WordShapes?
    /// The text's code points, to fill the table from.
    private let scalars: [Unicode.Scalar]
    /// Every run of letters, told of in C: the runs of ASCII letters seen whole are most of
    /// what the table is filled from.
    private let runs: WordRuns.Classified
    /// The words of runs beyond ASCII seen whole: the rest of it.
    private let wholeBeyondASCII: [Word]
    /// The runs of letters the stage asks about, in the order of the text: broken by a hyphen
    /// at a line's end, or long enough to be two words fused (`HyphenationStage.shortestFusedWord`);
    /// most words are short and whole, and are not.
    private(set) var askedAbout: [Word] = []
    /// The shapes of the compounds' letters: a word of another shape is no compound.
    private var compoundShapes = WordShapes()

    /// A run of ASCII letters with none of these flags, not the word after a break, is done
    /// with at once: `fill` reads it from the runs as evidence, and the stage asks about it
    /// only when it is long. Any other is read again, word by word.
    private static let readAgain = UInt32(FOLIO_RUN_BEYOND_ASCII | FOLIO_RUN_CAPITALS | FOLIO_RUN_HYPHEN_AFTER | FOLIO_RUN_BROKEN_AFTER | FOLIO_RUN_BROKEN_BEFORE)
    /// A run of ASCII letters with either is no evidence of itself.
    private static let broken = UInt32(FOLIO_RUN_BEYOND_ASCII | FOLIO_RUN_BROKEN_AFTER | FOLIO_RUN_BROKEN_BEFORE)

    /// With `filtered` false, the table holds every word from the start (to test that the
    /// filter changes no answer).
    init(_ text: WorkingText, filtered: Bool = true) {
        let scalars = text.scalars
        self.scalars = scalars
        var shapes = WordShapes()
        var compounds = WordTable<String>()
        var compoundShapes = WordShapes()
        var wholeBeyondASCII: [Word] = []
        var askedAbout: [Word] = []
        var pendingLeft: Range<Int>?
        let runs = scalars.withUnsafeBufferPointer { scalars in
            let runs = WordRuns.Classified(scalars, long: HyphenationStage.shortestFusedWord)
            // Four words in ten are long in English; grown from empty, the list was copied a dozen times.
            askedAbout.reserveCapacity(runs.count / 2)
            runs.forEach { run in
                // Most words: what the kernel said of them is all there is to know.
                if run.flags & Self.readAgain == 0 && pendingLeft == nil {
                    if run.flags & UInt32(FOLIO_RUN_LONG) != 0 {
                        askedAbout.append(Word(range: run.range, shape: run.shape, breaksAtLineEnd: false))
                    }
                    return
                }
                // Read again word by word: what the kernel said of a run beyond ASCII is said of
                // the whole run, not of each word within it; a run of ASCII letters is asked the
                // same questions here, one code path for both.
                WordRuns.forEachWord(in: run, of: scalars) { word, isASCII in
                    let (start, index) = (word.lowerBound, word.upperBound)
                    let shape = isASCII ? WordShapes.shape(count: index - start, first: scalars[start].value, last: scalars[index - 1].value) : nil
                    // A word broken at a line's end is not evidence of itself.
                    let brokenAfter = index + 1 < scalars.count && scalars[index] == "-" && scalars[index + 1].isLineBreak
                    var before = start - 1
                    while before > 0 && scalars[before] == " " { before -= 1 }
                    let brokenBefore = before >= 1 && scalars[before].isLineBreak && scalars[before - 1] == "-"
                    if run.isBeyondASCII && !brokenAfter && !brokenBefore {
                        wholeBeyondASCII.append(Word(range: word, shape: shape, breaksAtLineEnd: false))
                    }
                    if brokenAfter || index - start >= HyphenationStage.shortestFusedWord {
                        askedAbout.append(Word(range: word, shape: shape, breaksAtLineEnd: brokenAfter))
                    }
                    // What the questions will ask: the halves of a word broken at a line's end and
                    // the two joined, and the word in capitals that may be two fused.
                    if let left = pendingLeft {
                        shapes.insert(shape)
                        shapes.insert(WordShapes.shape(of: scalars[left.lowerBound..<index], joining: left.upperBound..<start))
                        pendingLeft = nil
                    }
                    if brokenAfter {
                        shapes.insert(shape)
                        pendingLeft = start..<index
                    }
                    if index - start >= HyphenationStage.shortestFusedWord && !scalars[start..<index].contains(where: { (0x61...0x7A).contains($0.value) }) {
                        shapes.insert(shape)
                        for split in (start + 3)...(index - 3) {
                            shapes.insert(WordShapes.shape(of: scalars[start..<split]))
                            shapes.insert(WordShapes.shape(of: scalars[split..<index]))
                        }
                    }
                    // `A-B` within a line: a compound the document spells with its hyphen.
                    if !brokenBefore, index + 1 < scalars.count, scalars[index] == "-", scalars[index + 1].isAlphabetic {
                        var end = index + 1
                        while end < scalars.count && (scalars[end].isAlphabetic
                                || (scalars[end] == "-" && end + 1 < scalars.count && scalars[end + 1].isAlphabetic)) { end += 1 }
                        let (compound, key, shape) = Self.compound(scalars[start..<end])
                        shapes.insert(shape)
                        compoundShapes.insert(shape)
                        key.withUnsafeBufferPointer { compounds.update($0, initial: compound) { $0 = compound } }
                    }
                }
            }
            return runs
        }
        // Filtered, the table holds a few dozen words. Whole, a paper has at most about one new
        // word in every ten characters: growing the table as it fills cost more than filling it.
        words = WordTable(capacity: filtered ? 64 : scalars.count / 10)
        self.compounds = compounds
        self.compoundShapes = compoundShapes
        self.runs = runs
        self.wholeBeyondASCII = wholeBeyondASCII
        self.askedAbout = askedAbout
        self.shapes = filtered ? shapes : nil
        fill()
    }

    /// A compound as the table keeps it: in lower case, keyed by its letters without hyphens,
    /// and the shape of those letters. Of ASCII (most compounds), made from its bytes: a string
    /// lower-cased, filtered and keyed was most of the cost of a paper's few dozen compounds.
    static func compound(_ scalars: Slice<UnsafeBufferPointer<Unicode.Scalar>>) -> (compound: String, key: [UInt8], shape: Int?) {
        guard scalars.allSatisfy({ $0.value < 0x80 }) else {
            let compound = String(scalars: scalars).lowercased()
            // Its bytes without hyphens: in UTF-8 a hyphen's byte is part of no other code point.
            let letters = String(decoding: compound.utf8.filter { $0 != UInt8(ascii: "-") }, as: UTF8.self)
            return (compound, WordTable<String>.key(letters), WordShapes.shape(of: letters.unicodeScalars))
        }
        var lowered: [UInt8] = [], key: [UInt8] = []
        lowered.reserveCapacity(scalars.count)
        key.reserveCapacity(scalars.count)
        for scalar in scalars {
            let byte = UInt8(truncatingIfNeeded: scalar.value)
            let lower = byte &- 0x41 < 26 ? byte | 0x20 : byte
            lowered.append(lower)
            if lower != UInt8(ascii: "-") { key.append(lower) }
        }
        let shape = key.withUnsafeBufferPointer(WordShapes.shape(ofKey:))
        return (String(decoding: lowered, as: UTF8.self), key, shape)
    }

    /// Adds the words seen whole that `shapes` keeps (all when nil) to an empty table: the
    /// runs of ASCII letters, then the words of runs beyond ASCII (the order changes no count).
    private mutating func fill() {
        var key: [UInt8] = []
        // Read once: the loop changes `words`, and would read `self.shapes` again at every run.
        let shapes = self.shapes
        runs.forEach { run in
            guard run.flags & Self.broken == 0 else { return }
            if let shapes, let shape = run.shape, !shapes.contains(shape) { return }
            add(run.range, key: &key)
        }
        for word in wholeBeyondASCII {
            if let shapes, let shape = word.shape, !shapes.contains(shape) { continue }
            add(word.range, key: &key)
        }
    }

    /// Counts the word at `range` of the text seen once more; `key` is room for its key.
    private mutating func add(_ range: Range<Int>, key: inout [UInt8]) {
        let letters = scalars[range]
        let first = letters.first!
        let inLowerCase = first.value < 0x80 ? (0x61...0x7A).contains(first.value) : first.properties.isLowercase
        let length = Self.key(letters, into: &key)
        key.withUnsafeBufferPointer { words.update(UnsafeBufferPointer(rebasing: $0[..<length]), initial: Sightings()) { $0.record(inLowerCase: inLowerCase) } }
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

    /// What the table knows of `word`, filling it with every word first when the word's shape
    /// is not one it keeps.
    private mutating func sightings(of word: String) -> Sightings? {
        let key = WordTable<Sightings>.key(ofWord: word.unicodeScalars)
        if let shapes, let shape = key.withUnsafeBufferPointer(WordShapes.shape(ofKey:)), !shapes.contains(shape) {
            self.shapes = nil
            words = WordTable(capacity: scalars.count / 10)
            fill()
        }
        return words.value(of: key)
    }

    mutating func contains(_ word: String) -> Bool { sightings(of: word) != nil }

    /// Whether the table holds every word: a question of a shape it did not keep was asked.
    var keepsEveryWord: Bool { shapes == nil }

    /// Whether the document spells any compound with its hyphen.
    var hasCompounds: Bool { compounds.count > 0 }

    /// The compound the document spells with its hyphen whose letters are `letters`, in lower case.
    func compound(of letters: String) -> String? { compounds.value(ofWord: letters) }

    /// `compound(of:)` for a word as its key in a table of words (lower-cased, composed UTF-8:
    /// of ASCII letters, their bytes): no string is made.
    func compound(ofKey key: UnsafeBufferPointer<UInt8>) -> String? { compounds.value(of: key) }

    /// Whether a word of ASCII letters of this shape may be a compound's letters.
    func mayBeCompound(shape: Int) -> Bool { compoundShapes.contains(shape) }

    /// How often `word` was seen whole, in any case.
    mutating func count(of word: String) -> Int { sightings(of: word)?.count ?? 0 }

    /// A name or proper adjective: seen capitalized, never in lower case (`Russian`, `UNESCO`).
    mutating func isProper(_ word: String) -> Bool {
        sightings(of: word).map { !$0.inLowerCase } ?? false
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
        // A word of ASCII letters is lower-cased here, byte by byte: only words beyond ASCII
        // are made strings, to lower-case. The list is read before the first paper, and making
        // a string of each of its capitalised names was a quarter of reading it.
        var lowercased: [UInt8] = []
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            while start < bytes.count {
                var end = start, hasCapitals = false, isASCII = true
                while end < bytes.count {
                    let byte = bytes[end]
                    if byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "/") { break }
                    if byte &- 0x41 < 26 { hasCapitals = true } else if byte >= 0x80 { isASCII = false }
                    end += 1
                }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                // Past a `/`, the rest of the line is hunspell's flags.
                while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
                if !isASCII {
                    WordTable<Void>.key(String(decoding: word, as: UTF8.self).lowercased()).withUnsafeBufferPointer { words.update($0, initial: ()) { _ in } }
                } else if hasCapitals {
                    lowercased.removeAll(keepingCapacity: true)
                    for byte in word { lowercased.append(byte &- 0x41 < 26 ? byte | 0x20 : byte) }
                    lowercased.withUnsafeBufferPointer { words.update($0, initial: ()) { _ in } }
                } else if !word.isEmpty {
                    words.update(word, initial: ()) { _ in }
                }
                start = end + 1
            }
        }
        self.words = words
    }

    public var count: Int { words.count }

    public func contains(_ word: String) -> Bool { words.value(ofWord: word) != nil }
}
