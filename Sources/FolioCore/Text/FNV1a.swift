/// The 64-bit FNV-1a hash of bytes, built piece by piece (the hash of `ab` then `c` is the hash
/// of `abc`), which the tables of words find their entries by; and where a hash falls in an
/// open-addressing table, theirs and the reference tagger's (whose features have a hash of
/// their own, `FeatureHash`).
struct FNV1a {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    init() {}

    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes { add(byte) }
    }

    mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// The slot of a table of `mask + 1` slots where `hash` is first looked for. FNV's low bits
    /// are weak; the multiply spreads the high ones down.
    static func slot(of hash: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }
}
