/// Where a token's features go. A feature is a name and values joined by `|`: `pw=` with `of`
/// and `the` is the feature `pw=of|the`. A sink says how a feature is begun, how a value is
/// added and how it is ended; the ways of adding a whole feature are made of those.
protocol FeatureSink {
    mutating func begin(_ name: StaticString)
    /// Adds a value, after a `|` when it is not the feature's first.
    mutating func append(_ value: String, separated: Bool)
    mutating func end()
    /// The features given since the last call belong to one token.
    mutating func endToken()
}

// One to three values, without an array made for them: twenty features a token, on every
// reference Folio reads.
extension FeatureSink {
    mutating func add(_ name: StaticString) {
        begin(name)
        end()
    }

    mutating func add(_ name: StaticString, _ value: String) {
        begin(name)
        append(value, separated: false)
        end()
    }

    mutating func add(_ name: StaticString, _ first: String, _ second: String) {
        begin(name)
        append(first, separated: false)
        append(second, separated: true)
        end()
    }

    mutating func add(_ name: StaticString, _ first: String, _ second: String, _ third: String) {
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
    mutating func append(_ value: String, separated: Bool) { feature += separated ? "|" + value : value }
    mutating func end() { current.append(feature) }
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
    private var feature = FeatureHash()

    mutating func begin(_ name: StaticString) { feature = FeatureHash(name) }
    mutating func append(_ value: String, separated: Bool) {
        if separated { feature.addSeparator() }
        feature.add(value)
    }
    mutating func end() { current.append(feature.value) }
    mutating func endToken() {
        tokens.append(current)
        current.removeAll(keepingCapacity: true)
    }
}

/// A feature string's 64-bit FNV-1a hash over its UTF-8 bytes, built piece by piece: the hash
/// of `pw=` then `of`, `|`, `the` is the hash of `pw=of|the`. Never zero, which marks an empty
/// slot in `FeatureTable`.
struct FeatureHash {
    private var hash = FNV1a()

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

    mutating func addSeparator() { hash.add(UInt8(ascii: "|")) }

    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) { hash.add(bytes) }

    var value: UInt64 { hash.value == 0 ? 1 : hash.value }
}
