/// Weight rows by the hash of their feature's string (`FeatureHash`), in one flat array, found
/// by open addressing: looking up a token's twenty features is then twenty probes of integers,
/// not twenty strings made and hashed.
struct FeatureTable: Sendable {
    private var keys: [UInt64]
    private var offsets: [Int32]
    private let mask: Int
    let width: Int
    private(set) var weights: [Float] = []

    /// nil when two features' strings share a hash, and only their strings tell them apart.
    init?(_ rows: [String: [Float]], width: Int) {
        var capacity = 16
        while capacity < rows.count * 2 { capacity *= 2 }
        keys = [UInt64](repeating: 0, count: capacity)
        offsets = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
        self.width = width
        weights.reserveCapacity(rows.count * width)
        // In the dictionary's order, which changes from run to run: where a row lies changes,
        // what a lookup finds does not.
        for (feature, row) in rows {
            precondition(row.count == width, "a weight row of the wrong width")
            let key = FeatureHash(feature).value
            var slot = Self.slot(key, mask)
            while keys[slot] != 0 {
                if keys[slot] == key { return nil }
                slot = (slot + 1) & mask
            }
            keys[slot] = key
            offsets[slot] = Int32(weights.count)
            weights += row
        }
    }

    /// Where the row of the feature with hash `key` starts in `weights`.
    func offset(of key: UInt64) -> Int? {
        var slot = Self.slot(key, mask)
        while true {
            let found = keys[slot]
            if found == key { return Int(offsets[slot]) }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// FNV's low bits are weak; the multiply spreads the high ones down.
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }
}
