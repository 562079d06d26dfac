import CTextKernels
import Foundation

/// Every word and stem the rules need, numbered: a sentence's words are looked up once, and
/// each rule's needs are then a few bit tests. Every rule asks of every sentence, and asking
/// word by word was a quarter of the tagger's time.
struct NeedsIndex: Sendable {
    /// A set of numbered words and stems, or of rules, up to `capacity` of them: kept inline,
    /// for sets are made for every sentence, and allocating each cost more than its work.
    struct Bits: Sendable {
        static let capacity = 256
        fileprivate var words = SIMD4<UInt64>()

        init(count: Int) { precondition(count <= Self.capacity, "more than \(Self.capacity) words and stems, or rules, to number") }

        mutating func insert(_ number: Int) { words[number / 64] |= 1 << UInt64(number % 64) }

        mutating func formUnion(_ other: Bits) { words |= other.words }

        func contains(_ number: Int) -> Bool { words[number / 64] & (1 << UInt64(number % 64)) != 0 }

        /// Whether the two sets share a number.
        func intersects(_ other: Bits) -> Bool { words & other.words != SIMD4() }

        /// A set of the numbers below `count`.
        static func below(_ count: Int) -> Bits {
            var bits = Bits(count: count)
            for number in 0..<count { bits.insert(number) }
            return bits
        }
    }

    /// A rule's test laid out flat, for `met`: walking the enum retained and released its arrays
    /// at every step, for every rule and every sentence. A node's children follow it.
    private struct Node: Sendable {
        enum Kind: Sendable { case digit, year, shape, words, all, any }
        var kind: Kind
        var shape: DigitShapes.Shape = []
        /// Of `words`: its mask in `masks`.
        var mask = 0
        /// How many nodes the node and its descendants take: where its next sibling is, and,
        /// of `all` and `any`, where their children end.
        var span = 1
    }

    /// What a text holds of the entries: which, and where (UTF-16 ranges of the words).
    struct Presence {
        var entries: Bits
        var words: [(entry: Int, range: Range<Int>)] = []

        mutating func append(_ entry: Int, at range: Range<Int>) {
            // Room for a sentence's few at once: grown from one, the list was made three or
            // four times over, in most sentences.
            if words.isEmpty { words.reserveCapacity(8) }
            entries.insert(entry)
            words.append((entry, range))
        }
    }

    /// A rule's needs with words replaced by their numbers.
    indirect enum Test: Sendable {
        case digit, year
        case shape(DigitShapes.Shape)
        case words(Bits)
        case all([Test])
        case any([Test])
    }

    struct Entry: Sendable, Hashable {
        var bytes: [UInt8]
        /// A whole word (`anyWord`), not a stem any longer word may start with.
        var isWord: Bool
    }

    private(set) var entries: [Entry] = []
    /// The entries a word may hold, by its first two letters (`pairKey`), as ranges of
    /// `flatCandidates`: most words of a text have no entry with their first two letters, and
    /// are passed over after one look.
    private var candidateRanges: [Range<Int>] = []
    /// Each candidate's entry laid out flat: its letters in `candidateLetters`, no array of its
    /// own to retain for every word of every sentence.
    private var flatCandidates: [FlatEntry] = []
    private var candidateLetters: [UInt8] = []
    /// The keys of the words of ASCII letters that may hold an entry, as bits (see
    /// `folio_letter_runs16`: a word's first three letters and whether it is longer): the
    /// others are passed over, `the` for one, which shares its first two letters with `these`
    /// and `thursday` and was compared with each.
    private var wordKeys = [UInt8](repeating: 0, count: (Int(FOLIO_LETTER_RUN_KEYS) + 7) / 8)

    private struct FlatEntry {
        var number: Int
        var letters: Range<Int>
        var isWord: Bool
    }
    private var nodes: [Node] = []
    /// Each rule's first node.
    private var roots: [Int] = []
    /// The masks of `words` nodes, one after another.
    private var masks: [Bits] = []
    /// For each rule, words and stems of which every match holds one: a rule's places to
    /// look (`TemporalRule.aroundWords`). Of `all`, the first part with words (a rule lists the
    /// rarest first); of `any`, every part; nil where a match may hold none (`any` of a digit).
    private(set) var places: [Bits?] = []
    /// For each entry, the rules whose needs name it; and the rules whose needs name digits
    /// (or a year, or a shape), and those that may pass naming nothing (an empty `all`). A rule
    /// passes only where one of what it names is present: a sentence's few entries name the
    /// rules worth asking (`candidateRules`), and the others are not walked.
    private var rulesNaming: [Bits] = []
    private var rulesNamingDigits: Bits
    private var rulesNamingNothing: Bits

    init(_ needs: [TemporalRule.Needs]) {
        rulesNamingDigits = Bits(count: needs.count)
        rulesNamingNothing = Bits(count: needs.count)
        var numbers: [Entry: Int] = [:]
        func entry(_ text: String, isWord: Bool) -> Entry { Entry(bytes: Array(text.lowercased().utf8), isWord: isWord) }
        func number(_ texts: some Sequence<String>, isWord: Bool) {
            for entry in texts.map({ entry($0, isWord: isWord) }) where numbers[entry] == nil {
                numbers[entry] = entries.count
                entries.append(entry)
            }
        }
        // Two passes: number every entry, then build masks of the final size.
        func collect(_ need: TemporalRule.Needs) {
            switch need {
            case .digit, .year, .shape: break
            case .word(let stems): number(stems, isWord: false)
            case .anyWord(let words): number(words.sorted(), isWord: true)
            case .all(let needs), .any(let needs): needs.forEach(collect)
            }
        }
        needs.forEach(collect)
        let count = entries.count
        func mask(_ texts: some Sequence<String>, isWord: Bool) -> Bits {
            var result = Bits(count: count)
            for text in texts { result.insert(numbers[entry(text, isWord: isWord)]!) }
            return result
        }
        func compile(_ need: TemporalRule.Needs) -> Test {
            switch need {
            case .digit: .digit
            case .year: .year
            case .shape(let shape): .shape(shape)
            case .word(let stems): .words(mask(stems, isWord: false))
            case .anyWord(let words): .words(mask(words, isWord: true))
            case .all(let needs): .all(needs.map(compile))
            case .any(let needs): .any(needs.map(compile))
            }
        }
        let tests = needs.map(compile)
        func layOut(_ test: Test) {
            let start = nodes.count
            switch test {
            case .digit: nodes.append(Node(kind: .digit))
            case .year: nodes.append(Node(kind: .year))
            case .shape(let shape): nodes.append(Node(kind: .shape, shape: shape))
            case .words(let mask):
                nodes.append(Node(kind: .words, mask: masks.count))
                masks.append(mask)
            case .all(let parts):
                nodes.append(Node(kind: .all))
                parts.forEach(layOut)
            case .any(let parts):
                nodes.append(Node(kind: .any))
                parts.forEach(layOut)
            }
            nodes[start].span = nodes.count - start
        }
        for test in tests {
            roots.append(nodes.count)
            layOut(test)
        }
        func placesOf(_ test: Test) -> Bits? {
            switch test {
            case .digit, .year, .shape: return nil
            case .words(let mask): return mask
            case .all(let tests): return tests.lazy.compactMap(placesOf).first
            case .any(let tests):
                var result = Bits(count: count)
                for test in tests {
                    guard let part = placesOf(test) else { return nil }
                    result.formUnion(part)
                }
                return result
            }
        }
        places = tests.map(placesOf)
        rulesNaming = [Bits](repeating: Bits(count: needs.count), count: count)
        func name(_ test: Test, rule: Int) {
            switch test {
            case .digit, .year, .shape: rulesNamingDigits.insert(rule)
            case .words(let mask): for entry in 0..<count where mask.contains(entry) { rulesNaming[entry].insert(rule) }
            case .all(let parts), .any(let parts): parts.forEach { name($0, rule: rule) }
            }
        }
        func passesNamingNothing(_ test: Test) -> Bool {
            switch test {
            case .digit, .year, .shape, .words: false
            case .all(let parts): parts.allSatisfy(passesNamingNothing)
            case .any(let parts): parts.contains(where: passesNamingNothing)
            }
        }
        for (rule, test) in tests.enumerated() {
            name(test, rule: rule)
            if passesNamingNothing(test) { rulesNamingNothing.insert(rule) }
        }
        var byPair = [[Int]](repeating: [], count: 26 * 27)
        for (number, entry) in entries.enumerated() {
            // An entry that does not start with two letters (or is one) is in no word.
            guard let first = entry.bytes.first.flatMap(Self.letterIndex) else { continue }
            if entry.bytes.count == 1 {
                // A one-letter stem starts every word with its letter; a one-letter word is one.
                for second in (entry.isWord ? 0...0 : 0...26) { byPair[first * 27 + second].append(number) }
            } else if let second = Self.letterIndex(entry.bytes[1]) {
                byPair[first * 27 + second + 1].append(number)
            }
        }
        for entry in entries { markWordKeys(of: entry) }
        for numbers in byPair {
            candidateRanges.append(flatCandidates.count..<(flatCandidates.count + numbers.count))
            for number in numbers {
                let bytes = entries[number].bytes
                flatCandidates.append(FlatEntry(number: number, letters: candidateLetters.count..<(candidateLetters.count + bytes.count),
                                                isWord: entries[number].isWord))
                candidateLetters += bytes
            }
        }
    }

    /// Marks in `wordKeys` the keys of every word of ASCII letters that is `entry` (a word) or
    /// starts with it (a stem).
    private mutating func markWordKeys(of entry: Entry) {
        let places = entry.bytes.compactMap(Self.letterIndex)
        // An entry of other than ASCII letters is in no word.
        guard !places.isEmpty, places.count == entry.bytes.count else { return }
        func mark(_ first: Int, _ second: Int, _ third: Int, longer: Bool) {
            let key = folio_letter_run_key(first, second, third, longer ? 1 : 0)
            wordKeys[key / 8] |= 1 << (key % 8)
        }
        // The word's key: its first three letters (one more than their places; 0 past its end).
        let known = (0..<3).map { $0 < places.count ? places[$0] + 1 : 0 }
        if entry.isWord || places.count > 3 {
            mark(places[0], known[1], known[2], longer: places.count > 3)
            return
        }
        // A stem of three letters or fewer: every word it opens, of any letters after it.
        let letterOrEnd = 0...26
        for second in places.count > 1 ? known[1]...known[1] : letterOrEnd {
            for third in places.count > 2 ? known[2]...known[2] : (second == 0 ? 0...0 : letterOrEnd) {
                mark(places[0], second, third, longer: false)
                if third != 0 { mark(places[0], second, third, longer: true) }
            }
        }
    }

    /// A lower-case ASCII letter's place in the alphabet.
    private static func letterIndex(_ byte: UInt8) -> Int? { (0x61...0x7A).contains(byte) ? Int(byte - 0x61) : nil }

    /// Where the candidates of a word of ASCII letters starting at `units[start]` are: by its
    /// first letter and its second (none for a word of one letter).
    private static func pairKey(_ units: UnsafeBufferPointer<UInt16>, _ start: Int, _ end: Int) -> Int {
        let first = Int((units[start] | 0x20) - 0x61)
        return first * 27 + (end - start > 1 ? Int((units[start + 1] | 0x20) - 0x61) + 1 : 0)
    }

    /// The entries the words of `text` hold (whole words equal to it, stems it starts with),
    /// and where.
    func present(in text: String) -> Presence { present(in: text.utf16Units) }

    /// `present(in:)` of a text's UTF-16 units. A word is a run of letters: ASCII ones are
    /// compared with the entries where they stand, lower-cased; a word with a letter beyond
    /// ASCII, which no entry holds, is compared as its letters with each such letter `0x80`.
    func present(in units: [UInt16]) -> Presence {
        var found = Presence(entries: Bits(count: entries.count))
        units.withUnsafeBufferPointer { units in
            flatCandidates.withUnsafeBufferPointer { flat in
                candidateLetters.withUnsafeBufferPointer { letters in find(in: units, flat, letters, into: &found) }
            }
        }
        return found
    }

    /// `present(in:)`'s pass over the words, with the candidates laid out flat at hand.
    ///
    /// The runs of ASCII letters are found in C (`folio_letter_runs16`), which passes over the
    /// words no entry may be (`wordKeys`: most words of a sentence) and gives the others; a
    /// run next to a unit beyond ASCII is read here whole, as the word it is part of.
    private func find(in units: UnsafeBufferPointer<UInt16>, _ flat: UnsafeBufferPointer<FlatEntry>, _ letters: UnsafeBufferPointer<UInt8>,
                      into found: inout Presence) {
        guard let base = units.baseAddress, !units.isEmpty else { return }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: units.count + 1) { runs in
            let count = wordKeys.withUnsafeBufferPointer { folio_letter_runs16(base, units.count, $0.baseAddress!, runs.baseAddress!) }
            // Where the last word read ends: a run within it was read with it.
            var wordEnd = 0
            for run in 0..<count {
                let start = Int(runs[2 * run] & 0x7FFF_FFFF), end = Int(runs[2 * run + 1])
                guard start >= wordEnd else { continue }
                // Not next to a unit beyond ASCII: the run is the word.
                guard runs[2 * run] & 0x8000_0000 != 0 else {
                    wordEnd = end
                    lookUp(start..<end, in: units, flat, letters, into: &found)
                    continue
                }
                let word = Self.word(around: start, in: units)
                wordEnd = word.range.upperBound
                // A word that starts with a letter beyond ASCII holds no entry.
                guard units[word.range.lowerBound] < 0x80 else { continue }
                if word.beyondASCII {
                    lookUpBeyondASCII(word.range, in: units, flat, letters, into: &found)
                } else {
                    lookUp(word.range, in: units, flat, letters, into: &found)
                }
            }
        }
    }

    /// Each entry a word of ASCII letters holds.
    private func lookUp(_ word: Range<Int>, in units: UnsafeBufferPointer<UInt16>, _ flat: UnsafeBufferPointer<FlatEntry>,
                        _ letters: UnsafeBufferPointer<UInt8>, into found: inout Presence) {
        for candidate in flat[candidateRanges[Self.pairKey(units, word.lowerBound, word.upperBound)]]
        where Self.holds(candidate, letters, units[word]) {
            found.append(candidate.number, at: word)
        }
    }

    /// Each entry a word holding a letter beyond ASCII holds, compared as letters, with the
    /// candidates of its ASCII opening: an entry is ASCII where it can match (after an ASCII
    /// letter UTF-8 holds no 0x80), so it must hold the word's first two letters, or be a stem
    /// of its first alone where the second is beyond ASCII. In French or German text most
    /// sentences have such words, and comparing each with every entry made this check cost
    /// more than the rest of the tagger.
    private func lookUpBeyondASCII(_ word: Range<Int>, in units: UnsafeBufferPointer<UInt16>, _ flat: UnsafeBufferPointer<FlatEntry>,
                                   _ letters: UnsafeBufferPointer<UInt8>, into found: inout Presence) {
        var opening = word.lowerBound
        while units[opening] < 0x80 { opening += 1 }
        let numbers = candidateRanges[Self.pairKey(units, word.lowerBound, opening)]
        guard !numbers.isEmpty else { return }
        let wordLetters = Self.letters(units[word])
        for candidate in flat[numbers] where Self.holds(candidate, letters, wordLetters) {
            found.append(candidate.number, at: word)
        }
    }

    /// The word a run of ASCII letters starting at `start` is part of: the run of letters, ASCII
    /// or beyond (a pair of surrogates is one), around it; and whether it holds one beyond ASCII.
    private static func word(around start: Int, in units: UnsafeBufferPointer<UInt16>) -> (range: Range<Int>, beyondASCII: Bool) {
        var first = start
        while first > 0 {
            let unit = units[first - 1]
            if UTF16.isASCIILetter(unit) {
                first -= 1
                continue
            }
            guard unit >= 0x80 else { break }
            // The code point that ends there: a pair of surrogates whose second unit it is, or the unit.
            let width = UTF16.isTrailSurrogate(unit) && first >= 2 && UTF16.isLeadSurrogate(units[first - 2]) ? 2 : 1
            guard isLetterBeyondASCII(units, at: first - width, width: width) else { break }
            first -= width
        }
        var index = first
        var beyondASCII = false
        while index < units.count {
            // Runs of ASCII letters eight units at a time (`folio_ascii_letters16`).
            if UTF16.isASCIILetter(units[index]) {
                index += folio_ascii_letters16(units.baseAddress! + index, units.count - index)
                guard index < units.count else { break }
            }
            guard units[index] >= 0x80 else { break }
            let width = UTF16.isLeadSurrogate(units[index]) && index + 1 < units.count && UTF16.isTrailSurrogate(units[index + 1]) ? 2 : 1
            guard isLetterBeyondASCII(units, at: index, width: width) else { break }
            beyondASCII = true
            index += width
        }
        return (first..<index, beyondASCII)
    }

    /// Whether the code point of `width` units (a pair of surrogates, or one unit beyond ASCII)
    /// at `index` is a letter.
    private static func isLetterBeyondASCII(_ units: UnsafeBufferPointer<UInt16>, at index: Int, width: Int) -> Bool {
        let unit = units[index]
        let scalar = width == 2 ? Unicode.Scalar(UTF16.decode(UTF16.EncodedScalar([unit, units[index + 1]]))) : Unicode.Scalar(unit)
        return scalar?.isAlphabetic ?? false
    }

    /// Whether a word is the candidate's word or starts with its stem: its ASCII letters in
    /// either case (UTF-16 units, or `letters(_:)`, whose `0x80` for a letter beyond ASCII
    /// matches no entry's).
    private static func holds<Word: RandomAccessCollection>(_ candidate: FlatEntry, _ letters: UnsafeBufferPointer<UInt8>, _ word: Word) -> Bool
    where Word.Element: BinaryInteger, Word.Index == Int {
        let count = candidate.letters.count
        guard candidate.isWord ? word.count == count : word.count >= count else { return false }
        var offset = 0
        while offset < count {
            guard UInt8(truncatingIfNeeded: word[word.startIndex + offset]) | 0x20 == letters[candidate.letters.lowerBound + offset] else { return false }
            offset += 1
        }
        return true
    }

    /// A word's letters as entries are compared with them: ASCII lower-cased, others `0x80`
    /// (a pair of surrogates is one letter; a word holds no unpaired one).
    private static func letters(_ units: Slice<UnsafeBufferPointer<UInt16>>) -> [UInt8] {
        var letters: [UInt8] = []
        letters.reserveCapacity(units.count)
        var index = units.startIndex
        while index < units.endIndex {
            let unit = units[index]
            letters.append(unit < 0x80 ? UInt8(unit) | 0x20 : 0x80)
            index += UTF16.isLeadSurrogate(unit) && index + 1 < units.endIndex && UTF16.isTrailSurrogate(units[index + 1]) ? 2 : 1
        }
        return letters
    }

    /// Where the places of rule `rule` (`places`) stand in a text holding `present`.
    func places(of rule: Int, in present: Presence) -> [Range<Int>] {
        guard let places = places[rule] else { preconditionFailure("rule \(rule) looks around words but its needs name none that every match holds") }
        return present.words.compactMap { places.contains($0.entry) ? $0.range : nil }
    }

    /// The rules worth asking `met` of a text holding `present` and `digits`: those naming
    /// something it holds.
    func candidateRules(present: Presence, digits: DigitShapes) -> Bits {
        var rules = rulesNamingNothing
        if digits.longestRun > 0 || !digits.shapes.isEmpty { rules.formUnion(rulesNamingDigits) }
        var named = Bits(count: entries.count)
        for (entry, _) in present.words where !named.contains(entry) {
            named.insert(entry)
            rules.formUnion(rulesNaming[entry])
        }
        return rules
    }

    /// Whether rule `rule` may match a text holding `present` and `digits`.
    func met(_ rule: Int, present: Presence, digits: DigitShapes) -> Bool {
        nodes.withUnsafeBufferPointer { nodes in
            masks.withUnsafeBufferPointer { masks in
                let entries = present.entries
                func passes(_ index: Int) -> Bool {
                    let node = nodes[index]
                    switch node.kind {
                    case .digit: return digits.longestRun > 0
                    case .year: return digits.longestRun >= 4
                    case .shape: return digits.shapes.contains(node.shape)
                    case .words: return entries.intersects(masks[node.mask])
                    case .all, .any:
                        // `all` fails at its first failing part, `any` passes at its first passing one.
                        let decidesOn = node.kind == .any
                        var child = index + 1
                        while child < index + node.span {
                            if passes(child) == decidesOn { return decidesOn }
                            child += nodes[child].span
                        }
                        return !decidesOn
                    }
                }
                return passes(roots[rule])
            }
        }
    }
}

/// The numbers of a set in ascending order: the tagger visits the few rules a sentence may
/// match, not each rule to test its bit.
extension NeedsIndex.Bits: Sequence {
    struct Iterator: IteratorProtocol {
        fileprivate var words: SIMD4<UInt64>
        fileprivate var word = 0

        mutating func next() -> Int? {
            while word < 4 {
                let bits = words[word]
                if bits != 0 {
                    words[word] = bits & (bits &- 1)
                    return word * 64 + bits.trailingZeroBitCount
                }
                word += 1
            }
            return nil
        }
    }

    func makeIterator() -> Iterator { Iterator(words: words) }
}
