import Foundation

/// A table of words, each with a value, kept as bytes in one buffer and found through open
/// addressing: filling it from a paper's words or a language's word list makes no string per
/// word and hashes no string, which a dictionary of strings did (the largest cost of both).
///
/// A word is its lower-cased UTF-8, composed (NFC) when beyond ASCII: the table finds what a
/// dictionary keyed by lower-cased strings finds, where Unicode's equal spellings are one.
struct WordTable<Value: Sendable>: Sendable {
    private var bytes: [UInt8] = []
    /// Per word, in the order added: where its bytes start, how many, its hash, its value.
    private var starts: [Int] = []
    private var lengths: [Int32] = []
    private var hashes: [UInt32] = []
    private(set) var values: [Value] = []
    /// A word's number plus one by its hash; zero where no word is.
    private var slots: [Int32]
    private var mask: Int

    var count: Int { values.count }

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        starts.reserveCapacity(capacity)
        lengths.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// The key of a lower-cased word: its UTF-8, composed when beyond ASCII.
    static func key(_ lowercased: String) -> [UInt8] {
        // Foundation's composing bridges each word to an NSString and back, and in French or
        // German text most words have a letter beyond ASCII: Latin letters are composed already.
        LatinLetters.isLatin(lowercased) ? Array(lowercased.utf8) : Array(lowercased.precomposedStringWithCanonicalMapping.utf8)
    }

    /// The value of `word` (a key), if the table has it.
    func value(of word: [UInt8]) -> Value? {
        word.withUnsafeBufferPointer { value(of: $0) }
    }

    /// `value(of:)` for a key in memory the caller holds.
    func value(of word: UnsafeBufferPointer<UInt8>) -> Value? {
        let number = slots[probe(word, Self.hash(word))]
        return number == 0 ? nil : values[Int(number) - 1]
    }

    /// The value of the lower-cased `word`, if the table has it.
    func value(ofWord word: String) -> Value? { value(of: Self.key(ofWord: word.unicodeScalars)) }

    /// The key of a word in any case: `key(word.lowercased())`, made straight from a word of
    /// Latin letters (`LatinLetters`).
    static func key(ofWord word: some Collection<Unicode.Scalar>) -> [UInt8] {
        LatinLetters.utf8(lowercasing: word) ?? key(String(scalars: word).lowercased())
    }

    /// Changes the value of `word` (a key) with `change`, adding the word with `initial` first
    /// when the table does not have it.
    mutating func update(_ word: UnsafeBufferPointer<UInt8>, initial: @autoclosure () -> Value, _ change: (inout Value) -> Void) {
        let hash = Self.hash(word)
        let slot = probe(word, hash)
        if slots[slot] != 0 {
            change(&values[Int(slots[slot]) - 1])
            return
        }
        precondition(values.count < Int(Int32.max) - 1, "too many words")
        starts.append(bytes.count)
        lengths.append(Int32(word.count))
        hashes.append(hash)
        bytes.append(contentsOf: word)
        var value = initial()
        change(&value)
        values.append(value)
        slots[slot] = Int32(values.count)
        if values.count * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for number in hashes.indices {
            var slot = Self.slot(hashes[number], mask)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number + 1)
        }
    }

    /// The slot holding `word`, or the empty slot where it would go.
    private func probe(_ word: UnsafeBufferPointer<UInt8>, _ hash: UInt32) -> Int {
        var slot = Self.slot(hash, mask)
        return bytes.withUnsafeBufferPointer { bytes in
            while slots[slot] != 0 {
                let number = Int(slots[slot]) - 1
                if hashes[number] == hash && Int(lengths[number]) == word.count
                    && (word.isEmpty || memcmp(bytes.baseAddress! + starts[number], word.baseAddress!, word.count) == 0) {
                    return slot
                }
                slot = (slot + 1) & mask
            }
            return slot
        }
    }

    /// FNV-1a, its 64 bits folded to the 32 a word keeps.
    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash = FNV1a()
        hash.add(word)
        return UInt32(truncatingIfNeeded: hash.value ^ (hash.value >> 32))
    }

    private static func slot(_ hash: UInt32, _ mask: Int) -> Int { FNV1a.slot(of: UInt64(hash), mask: mask) }
}
