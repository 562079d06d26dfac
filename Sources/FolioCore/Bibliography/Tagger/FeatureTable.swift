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
    private(set) var weights: [Float]
    private let capacity: Int
    private var rows = 0

    /// nil when two features' strings share a hash, and only their strings tell them apart.
    init?(_ rows: [String: [Float]], width: Int) {
        self.init(capacity: rows.count, width: width)
        // In the dictionary's order, which changes from run to run: where a row lies changes,
        // what a lookup finds does not.
        for (feature, row) in rows {
            precondition(row.count == width, "a weight row of the wrong width")
            guard let offset = addRow(FeatureHash(feature).value) else { return nil }
            weights.replaceSubrange(offset..<(offset + width), with: row)
        }
    }

    /// An empty table with room for `capacity` rows, their weights zero until set.
    init(capacity: Int, width: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Slot](repeating: Slot(), count: size)
        mask = size - 1
        self.width = width
        self.capacity = capacity
        weights = [Float](repeating: 0, count: capacity * width)
    }

    /// Adds a row for the feature with hash `key`, and gives where it starts in `weights`; nil
    /// when a row has that key already.
    mutating func addRow(_ key: UInt64) -> Int? {
        precondition(rows < capacity, "more rows than the table was made for")
        var slot = Self.slot(key, mask)
        while slots[slot].key != 0 {
            if slots[slot].key == key { return nil }
            slot = (slot + 1) & mask
        }
        let offset = rows * width
        slots[slot] = Slot(key: key, offset: Int32(offset))
        rows += 1
        return offset
    }

    /// Sets one weight of a row `addRow` made.
    mutating func setWeight(_ weight: Float, at index: Int) {
        weights[index] = weight
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
