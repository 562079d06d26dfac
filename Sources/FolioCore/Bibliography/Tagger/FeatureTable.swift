/// Weight rows by the hash of their feature's string (`FeatureHash`), in one flat array, found
/// by open addressing: looking up a token's twenty features is then twenty probes of integers,
/// not twenty strings made and hashed.
struct FeatureTable: Sendable {
    /// A key beside its row's offset: one cache line read finds both, and with a table of
    /// seventy thousand features most lookups miss the cache.
    private struct Slot: Sendable {
        var key: UInt64 = 0
        var offset: Int32 = 0
    }

    private var slots: [Slot]
    private let mask: Int
    let width: Int
    private(set) var weights: [Float] = []

    /// nil when two features' strings share a hash, and only their strings tell them apart.
    init?(_ rows: [String: [Float]], width: Int) {
        var capacity = 16
        while capacity < rows.count * 2 { capacity *= 2 }
        slots = [Slot](repeating: Slot(), count: capacity)
        mask = capacity - 1
        self.width = width
        weights.reserveCapacity(rows.count * width)
        // In the dictionary's order, which changes from run to run: where a row lies changes,
        // what a lookup finds does not.
        for (feature, row) in rows {
            precondition(row.count == width, "a weight row of the wrong width")
            let key = FeatureHash(feature).value
            var slot = Self.slot(key, mask)
            while slots[slot].key != 0 {
                if slots[slot].key == key { return nil }
                slot = (slot + 1) & mask
            }
            slots[slot] = Slot(key: key, offset: Int32(weights.count))
            weights += row
        }
    }

    /// Where the row of the feature with hash `key` starts in `weights`.
    func offset(of key: UInt64) -> Int? {
        var slot = Self.slot(key, mask)
        while true {
            let found = slots[slot]
            if found.key == key { return Int(found.offset) }
            if found.key == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// FNV's low bits are weak; the multiply spreads the high ones down.
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }
}
