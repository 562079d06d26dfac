/// Shapes of words of ASCII letters, in any case: length (up to 63), first and last letter.
/// A word of another kind (a letter beyond ASCII, longer) has none.
struct WordShapes {
    private var bits = [UInt64](repeating: 0, count: 64 * 26 * 26 / 64)

    /// The shape of a word of `count` ASCII letters from `first` to `last` (code points).
    /// (Inlined: every word of a paper has its shape taken.)
    @inline(__always)
    static func shape(count: Int, first: UInt32, last: UInt32) -> Int? {
        guard (1...63).contains(count), let first = letter(first), let last = letter(last) else { return nil }
        return (count * 26 + first) * 26 + last
    }

    /// An ASCII letter's place in the alphabet, either case.
    private static func letter(_ value: UInt32) -> Int? {
        value < 0x80 && (0x61...0x7A).contains(value | 0x20) ? Int((value | 0x20) - 0x61) : nil
    }

    static func shape(of word: some BidirectionalCollection<Unicode.Scalar>) -> Int? {
        guard let first = word.first, let last = word.last, word.allSatisfy({ $0.asciiLetterLowercased != nil }) else { return nil }
        return shape(count: word.count, first: first.value, last: last.value)
    }

    /// The shape of two words written as one: `word` without what stands `between` them (its
    /// indices).
    static func shape(of word: Slice<UnsafeBufferPointer<Unicode.Scalar>>, joining between: Range<Int>) -> Int? {
        guard let first = word.first, let last = word.last,
              word.indices.allSatisfy({ between.contains($0) || word[$0].asciiLetterLowercased != nil }) else { return nil }
        return shape(count: word.count - between.count, first: first.value, last: last.value)
    }

    /// The shape of a word's key (lower-cased UTF-8): a key of ASCII letters is a word of them.
    static func shape(ofKey key: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = key.first, let last = key.last, key.allSatisfy({ (0x61...0x7A).contains($0) }) else { return nil }
        return shape(count: key.count, first: UInt32(first), last: UInt32(last))
    }

    /// Adds a shape; nil, a word of another kind, is kept whatever the shapes.
    mutating func insert(_ shape: Int?) {
        guard let shape else { return }
        bits[shape >> 6] |= 1 << UInt64(shape & 63)
    }

    func contains(_ shape: Int) -> Bool { bits[shape >> 6] & (1 << UInt64(shape & 63)) != 0 }
}
