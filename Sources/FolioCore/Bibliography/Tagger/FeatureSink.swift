/// Where a token's features go. A feature is a name and values joined by `|`: `pw=` with `of`
/// and `the` is the feature `pw=of|the`.
protocol FeatureSink {
    mutating func add(_ name: StaticString)
    mutating func add(_ name: StaticString, _ value: String)
    mutating func add(_ name: StaticString, _ first: String, _ second: String)
    mutating func add(_ name: StaticString, _ first: String, _ second: String, _ third: String)
    /// The features given since the last call belong to one token.
    mutating func endToken()
}

/// Features as strings, a list a token: what training counts and the model file names.
struct FeatureStrings: FeatureSink {
    private(set) var tokens: [[String]] = []
    private var current: [String] = []

    mutating func add(_ name: StaticString) { current.append(name.description) }
    mutating func add(_ name: StaticString, _ value: String) { current.append(name.description + value) }
    mutating func add(_ name: StaticString, _ first: String, _ second: String) {
        current.append(name.description + first + "|" + second)
    }
    mutating func add(_ name: StaticString, _ first: String, _ second: String, _ third: String) {
        current.append(name.description + first + "|" + second + "|" + third)
    }
    mutating func endToken() {
        tokens.append(current)
        current.removeAll(keepingCapacity: true)
    }
}

/// Features as the hashes of their strings (`FeatureHash`), a list a token, made without making
/// the strings.
struct FeatureHashes: FeatureSink {
    private(set) var tokens: [[UInt64]] = []
    private var current: [UInt64] = []

    mutating func add(_ name: StaticString) { current.append(FeatureHash(name).value) }
    mutating func add(_ name: StaticString, _ value: String) {
        var hash = FeatureHash(name)
        hash.add(value)
        current.append(hash.value)
    }
    mutating func add(_ name: StaticString, _ first: String, _ second: String) {
        var hash = FeatureHash(name)
        hash.add(first)
        hash.addSeparator()
        hash.add(second)
        current.append(hash.value)
    }
    mutating func add(_ name: StaticString, _ first: String, _ second: String, _ third: String) {
        var hash = FeatureHash(name)
        hash.add(first)
        hash.addSeparator()
        hash.add(second)
        hash.addSeparator()
        hash.add(third)
        current.append(hash.value)
    }
    mutating func endToken() {
        tokens.append(current)
        current.removeAll(keepingCapacity: true)
    }
}

/// A feature string's 64-bit FNV-1a hash over its UTF-8 bytes, built piece by piece: the hash
/// of `pw=` then `of`, `|`, `the` is the hash of `pw=of|the`. Never zero, which marks an empty
/// slot in `FeatureTable`.
struct FeatureHash {
    private var state: UInt64 = 0xCBF2_9CE4_8422_2325

    init() {}

    init(_ name: StaticString) {
        name.withUTF8Buffer { add($0) }
    }

    init(_ text: String) {
        add(text)
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add($0) }
    }

    mutating func addSeparator() { add(UInt8(ascii: "|")) }

    private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes { add(byte) }
    }

    private mutating func add(_ byte: UInt8) {
        state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    var value: UInt64 { state == 0 ? 1 : state }
}
