import FolioBytes

/// Where a token's features go. A feature is a name and values joined by `|`: `pw=` with `of`
/// and `the` is the feature `pw=of|the`. A sink says how a feature is begun, how a value is
/// added and how it is ended; the ways of adding a whole feature are made of those.
protocol FeatureSink {
    mutating func begin(_ name: StaticString)
    /// Adds a value, after a `|` when it is not the feature's first.
    mutating func append(_ value: FeatureValue, separated: Bool)
    mutating func end()
    /// The features given since the last call belong to one token.
    mutating func endToken()
}

/// A value of features, with its piece of their hash made once: a token's word or shape is
/// named by a dozen features, its own and its neighbours', and was hashed again for each.
struct FeatureValue {
    let text: String
    let piece: FeatureHash.Piece

    init(_ text: String) {
        self.text = text
        piece = FeatureHash.Piece(text)
    }
}

// One to three values, without an array made for them: twenty features a token, on every
// reference Folio reads. Inlined, so that the feature's name is a literal where it is begun.
extension FeatureSink {
    @inline(__always)
    mutating func add(_ name: StaticString) {
        begin(name)
        end()
    }

    @inline(__always)
    mutating func add(_ name: StaticString, _ value: FeatureValue) {
        begin(name)
        append(value, separated: false)
        end()
    }

    @inline(__always)
    mutating func add(_ name: StaticString, _ first: FeatureValue, _ second: FeatureValue) {
        begin(name)
        append(first, separated: false)
        append(second, separated: true)
        end()
    }

    @inline(__always)
    mutating func add(_ name: StaticString, _ first: FeatureValue, _ second: FeatureValue, _ third: FeatureValue) {
        begin(name)
        append(first, separated: false)
        append(second, separated: true)
        append(third, separated: true)
        end()
    }
}

/// Features as strings, a list a token: what training counts and the model file names.
struct FeatureStrings: FeatureSink {
    private(set) var tokens: [[String]] = []
    private var current: [String] = []
    private var feature = ""

    mutating func begin(_ name: StaticString) { feature = name.description }
    mutating func append(_ value: FeatureValue, separated: Bool) { feature += separated ? "|" + value.text : value.text }
    mutating func end() { current.append(feature) }
    mutating func endToken() {
        tokens.append(current)
        current.removeAll(keepingCapacity: true)
    }
}

/// Each token's weights summed over its features: each feature's row, found by the hash of its
/// string in `table`, added to the token's sums. Tagging keeps no list of feature strings, nor
/// makes them. The sums are made in the order of the features, as adding whole rows would make
/// them: a sum starts at +0 and never becomes -0 (exact cancellation rounds to +0), so adding
/// only a row's non-zero weights gives the same floats to the bit.
///
/// The sink keeps the hashes and looks them up all at once when the features are given
/// (`FeatureTable.rows(of:)`): a paper tags few references, so the table is cold at each, and
/// its lookups, made one by one between the hashing of features, each waited for memory.
struct FeatureWeightSums: FeatureSink {
    /// Every feature's hash, in order: memory `sums(_:in:_:)` holds, written at every feature
    /// (an array's append, checked and not inlined, cost as much as the lookup).
    private var keys: UnsafeMutableBufferPointer<UInt64>
    private var keyCount = 0
    /// Where each token's features end in `keys`.
    private var tokenEnds: [Int] = []
    private var feature = FeatureHash()

    /// Each of `tokens` tokens' sums of the rows of the features `features` gives, and whether
    /// it had any.
    static func sums(_ tokens: Int, in table: FeatureTable, _ features: (inout FeatureWeightSums) -> Void) -> (weights: [Float], present: [Bool]) {
        // Some thirty features a token.
        var sink = FeatureWeightSums(keys: .allocate(capacity: max(tokens * 32, 16)))
        defer { sink.keys.deallocate() }
        sink.tokenEnds.reserveCapacity(tokens)
        features(&sink)
        precondition(sink.tokenEnds.count == tokens, "features for another number of tokens")
        precondition(sink.keyCount == sink.tokenEnds.last ?? 0, "a feature after the last token")
        let rows = table.rows(of: UnsafeBufferPointer(rebasing: sink.keys[..<sink.keyCount]))
        let width = table.width
        var weights = [Float](filledWith: 0, count: tokens * width)
        var present = [Bool](filledWith: false, count: tokens)
        weights.withUnsafeMutableBufferPointer { weights in
            rows.withUnsafeBufferPointer { rows in
                var start = 0
                for (token, end) in sink.tokenEnds.enumerated() {
                    present[token] = table.add(UnsafeBufferPointer(rebasing: rows[start..<end]), to: weights.baseAddress! + token &* width)
                    start = end
                }
            }
        }
        return (weights, present)
    }

    private init(keys: UnsafeMutableBufferPointer<UInt64>) {
        self.keys = keys
    }

    @inline(__always)
    mutating func begin(_ name: StaticString) { feature = FeatureHash(name) }
    mutating func append(_ value: FeatureValue, separated: Bool) {
        if separated { feature.addSeparator() }
        feature.add(value.piece)
    }
    mutating func end() {
        if keyCount == keys.count {
            let larger = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: keys.count * 2)
            _ = larger.initialize(fromContentsOf: keys)
            keys.deallocate()
            keys = larger
        }
        keys[keyCount] = feature.value
        keyCount += 1
    }
    mutating func endToken() { tokenEnds.append(keyCount) }
}

/// A feature string's 64-bit hash over its UTF-8 bytes, built piece by piece: the hash of
/// `pw=` then `of`, `|`, `the` is the hash of `pw=of|the`. A polynomial in the bytes (each plus
/// one, so that no byte counts for nothing), whose pieces join: a piece made once, a word's,
/// joins every feature naming it in two multiplications, not a pass over its bytes. Mixed when
/// read, for the table's slots, and never zero, which marks an empty slot in `FeatureTable`.
struct FeatureHash {
    /// The polynomial of some bytes on their own, and the power of the multiplier that moves a
    /// hash past them.
    struct Piece {
        fileprivate var sum: UInt64 = 0
        fileprivate var scale: UInt64 = 1

        init(_ text: String) {
            text.withUTF8Bytes { bytes in
                for byte in bytes {
                    sum = FeatureHash.step(sum, byte)
                    scale = scale &* FeatureHash.multiplier
                }
            }
        }
    }

    /// Odd, and its bits spread: the golden ratio's.
    fileprivate static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The sum of some bytes followed by `byte`.
    @inline(__always)
    fileprivate static func step(_ sum: UInt64, _ byte: UInt8) -> UInt64 { sum &* multiplier &+ UInt64(byte) &+ 1 }
    private var sum: UInt64 = 0xCBF2_9CE4_8422_2325

    init() {}

    // Inlined where a feature is begun with a literal name, the compiler hashes the name
    // itself: twenty features a token were hashed again at every token.
    @inline(__always)
    init(_ name: StaticString) {
        name.withUTF8Buffer { add($0) }
    }

    init(_ text: String) {
        add(text)
    }

    mutating func add(_ text: String) {
        text.withUTF8Bytes { add($0) }
    }

    @inline(__always)
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes { sum = Self.step(sum, byte) }
    }

    mutating func add(_ piece: Piece) { sum = sum &* piece.scale &+ piece.sum }

    mutating func addSeparator() { sum = Self.step(sum, UInt8(ascii: "|")) }

    /// The sum mixed (MurmurHash3's finalizer): a polynomial's low bits depend on the bytes'
    /// low bits alone.
    var value: UInt64 {
        var hash = sum
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash &*= 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return hash == 0 ? 1 : hash
    }
}
