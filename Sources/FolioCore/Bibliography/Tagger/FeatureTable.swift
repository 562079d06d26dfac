import CTextKernels

/// Weight rows by the hash of their feature's string (`FeatureHash`), found by open addressing:
/// looking up a token's twenty features is then twenty probes of integers, not twenty strings
/// made and hashed.
///
/// Rows are sparse: a feature weighs three or four of its seventeen labels (or of the 289
/// pairs of labels of an edge feature), and dense rows made the tables 16 MB, most of it
/// zeros read from memory at every token.
struct FeatureTable: Sendable {
    /// A key beside where its row's weights are: one cache line read finds both, and with a
    /// table of seventy thousand features most lookups miss the cache.
    fileprivate struct Slot: Sendable {
        var key: UInt64 = 0
        var start: Int32 = 0
        var count: Int16 = 0
        /// Of a row also laid out whole (`denseRows`): which; -1 for another.
        var dense: Int16 = -1
    }

    /// One non-zero weight of a row: the label (or pair of labels) it weighs, and the weight.
    struct Entry: Sendable {
        var index: UInt16
        var weight: Float
    }

    private var slots: [Slot]
    private let mask: Int
    /// How many weights a full row has.
    let width: Int
    private(set) var entries: [Entry] = []
    /// Rows of many weights also laid out whole, `width` weights each, zeros and all: adding
    /// such a row eight weights at a time costs less than adding its weights one by one, and
    /// the rows every token has (its shape, its place) are such rows. Few, so they stay in
    /// the caches.
    private(set) var denseRows: [Float] = []
    private let capacity: Int
    private var rows = 0

    /// nil when two features' strings share a hash, and only their strings tell them apart.
    init?(_ rows: [String: [Float]], width: Int) {
        self.init(capacity: rows.count, width: width)
        // In the dictionary's order, which changes from run to run: where a row lies changes,
        // what a lookup finds does not.
        for (feature, row) in rows {
            precondition(row.count == width, "a weight row of the wrong width")
            guard addRow(FeatureHash(feature).value, row.enumerated().lazy.map { ($0.offset, $0.element) }) else { return nil }
        }
    }

    /// An empty table with room for `capacity` rows.
    init(capacity: Int, width: Int) {
        var size = 16
        // At most two thirds full: a smaller table misses the cache less than probes cost.
        while size * 2 < capacity * 3 { size *= 2 }
        self.init(slotCount: size, capacity: capacity, width: width)!
    }

    /// An empty table of `slotCount` slots (a power of two, more than `capacity`) with room
    /// for `capacity` rows; nil when the numbers cannot make one.
    init?(slotCount size: Int, capacity: Int, width: Int) {
        precondition(width <= Int(Int16.max), "rows too wide")
        guard size > 0, size & (size - 1) == 0, (0..<size).contains(capacity) else { return nil }
        slots = [Slot](repeating: Slot(), count: size)
        mask = size - 1
        self.width = width
        self.capacity = capacity
        entries.reserveCapacity(capacity * 4)
    }

    /// Adds the row of the feature with hash `key`, given its weights by index (zeros are left
    /// out); false when a row has that key already, or more weights than its width (an index
    /// given twice, as no model Folio writes has): only the features' strings tell then.
    mutating func addRow(_ key: UInt64, _ weights: some Sequence<(Int, Float)>) -> Bool {
        precondition(rows < capacity, "more rows than the table was made for")
        var slot = Self.slot(key, mask)
        while slots[slot].key != 0 {
            if slots[slot].key == key { return false }
            slot = (slot + 1) & mask
        }
        let start = entries.count
        for (index, weight) in weights where weight != 0 {
            precondition(index < width, "a weight outside its row")
            entries.append(Entry(index: UInt16(index), weight: weight))
        }
        guard entries.count - start <= width else {
            entries.removeSubrange(start...)
            return false
        }
        place(key, at: slot, entries: start..<entries.count)
        rows += 1
        return true
    }

    /// Puts the row of `key`, whose weights are `entries[range]`, in `slot`, and lays it out
    /// whole as well when it has many.
    private mutating func place(_ key: UInt64, at slot: Int, entries range: Range<Int>) {
        var placed = Slot(key: key, start: Int32(range.lowerBound), count: Int16(range.count))
        let denseCount = denseRows.count / width
        if Self.isDense(count: range.count, width: width), denseCount < Int(Int16.max) {
            placed.dense = Int16(denseCount)
            denseRows.append(contentsOf: repeatElement(0, count: width))
            // Added, not set: an index a damaged file gives twice weighs twice, as in `entries`.
            for entry in entries[range] { denseRows[denseCount * width + Int(entry.index)] += entry.weight }
        }
        slots[slot] = placed
    }

    /// Whether a row of `count` weights of `width` is laid out whole: from a third of its
    /// weights (six of a token's seventeen labels, 97 of an edge's 289 pairs), which tagged
    /// references fastest (a half, a sixth and a tenth were measured too).
    private static func isDense(count: Int, width: Int) -> Bool { count * 3 >= width }

    /// Where the weights of the feature with hash `key` are in `entries`; nil when the table
    /// has no such feature.
    func row(of key: UInt64) -> Range<Int>? {
        lookUp(key).map { $0.entries }
    }

    /// The row of the feature with hash `key`; nil when the table has no such feature.
    @inline(__always)
    func lookUp(_ key: UInt64) -> FoundRow? {
        slot(of: key).map(FoundRow.init)
    }

    /// The slot of the feature with hash `key`; nil when the table has no such feature.
    @inline(__always)
    private func slot(of key: UInt64) -> Slot? {
        var slot = Self.slot(key, mask)
        while true {
            let found = slots[slot]
            if found.key == key { return found }
            if found.key == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// A row as a lookup finds it, in eight bytes: a reference's thousand lookups (`rows(of:)`)
    /// are kept until their rows are added, and a range and an optional start took thirty-two.
    struct FoundRow: Sendable {
        private var start: Int32
        /// -1 where the table has no such feature.
        private var count: Int16
        private var dense: Int16

        static let missing = FoundRow(start: 0, count: -1, dense: -1)

        private init(start: Int32, count: Int16, dense: Int16) {
            (self.start, self.count, self.dense) = (start, count, dense)
        }

        fileprivate init(_ slot: Slot) {
            self.init(start: slot.start, count: slot.count, dense: slot.dense)
        }

        var isMissing: Bool { count < 0 }
        /// Where its weights are in `entries`.
        var entries: Range<Int> { Int(start)..<(Int(start) + Int(count)) }
        /// Where it starts in `denseRows`, for a row laid out whole; nil for another.
        func denseStart(width: Int) -> Int? { dense < 0 ? nil : Int(dense) &* width }
    }

    /// `lookUp` of each of `keys`, in their order (`FoundRow.missing` where the table has none).
    /// The slot of the key a few places on, and the weights of each row found, are asked of
    /// memory before they are read: the table is two megabytes, most lookups miss the cache,
    /// and a lookup at a time waited for each miss in turn.
    func rows(of keys: UnsafeBufferPointer<UInt64>) -> [FoundRow] {
        let ahead = 16
        return [FoundRow](unsafeUninitializedCapacity: keys.count) { rows, initialized in
            slots.withUnsafeBufferPointer { slots in
                entries.withUnsafeBufferPointer { entries in
                    denseRows.withUnsafeBufferPointer { denseRows in
                        for (index, key) in keys.enumerated() {
                            if index &+ ahead < keys.count { folio_prefetch(slots.baseAddress! + Self.slot(keys[index &+ ahead], mask)) }
                            guard let found = slot(of: key) else {
                                rows.initializeElement(at: index, to: .missing)
                                continue
                            }
                            let row = FoundRow(found)
                            Self.prefetch(row, entries: entries, denseRows: denseRows, width: width)
                            rows.initializeElement(at: index, to: row)
                        }
                    }
                }
            }
            initialized = keys.count
        }
    }

    /// Adds the weights of `rows` (lookups of this table) to the `width` floats at `sums`, in
    /// their order: a row laid out whole eight at a time, another weight by weight. Whether any
    /// row was found. Through pointers, unchecked: the rows' places were checked when the table
    /// was made, and a bounds check and an overflow check at every row, some thirty a tagged
    /// token, were a twentieth of the sums (8 K instructions a reference).
    func add(_ rows: UnsafeBufferPointer<FoundRow>, to sums: UnsafeMutablePointer<Float>) -> Bool {
        entries.withUnsafeBufferPointer { entries in
            denseRows.withUnsafeBufferPointer { denseRows in
                var any = false
                for row in rows where !row.isMissing {
                    any = true
                    if let dense = row.denseStart(width: width) {
                        ReferenceTagger.add(UnsafeBufferPointer(start: denseRows.baseAddress! + dense, count: width), to: sums)
                    } else {
                        for entry in UnsafeBufferPointer(rebasing: entries[row.entries]) { sums[Int(entry.index)] += entry.weight }
                    }
                }
                return any
            }
        }
    }

    /// Asks for the cache lines of a row's weights: a row of a few weights is in one or two
    /// lines, and the processor reads ahead along a row laid out whole (an edge's 289 weights)
    /// once its first lines are asked for.
    @inline(__always)
    private static func prefetch(_ row: FoundRow, entries: UnsafeBufferPointer<Entry>, denseRows: UnsafeBufferPointer<Float>, width: Int) {
        let (start, bytes): (UnsafeRawPointer?, Int) = if let dense = row.denseStart(width: width) {
            (denseRows.baseAddress.map { UnsafeRawPointer($0 + dense) }, width &* MemoryLayout<Float>.stride)
        } else {
            (entries.baseAddress.map { UnsafeRawPointer($0 + row.entries.lowerBound) }, row.entries.count &* MemoryLayout<Entry>.stride)
        }
        guard let start, bytes > 0 else { return }
        folio_prefetch(start)
        folio_prefetch(start + min(64, bytes &- 1))
        folio_prefetch(start + (bytes &- 1))
    }

    /// Each row in the order of the slots: its slot, its feature's hash and its weights.
    func forEachRow(_ body: (_ slot: Int, _ key: UInt64, _ entries: ArraySlice<Entry>) -> Void) {
        for (index, slot) in slots.enumerated() where slot.key != 0 {
            body(index, slot.key, entries[Int(slot.start)..<(Int(slot.start) + Int(slot.count))])
        }
    }

    /// How many slots the table has (a power of two), and how many of them hold a row.
    var slotCount: Int { slots.count }
    var rowCount: Int { rows }

    /// A table as `forEachRow` gave it: each row put straight into its slot, no probing, with
    /// its weights the next `count` of `entries`. nil when they do not make one (a slot outside
    /// the table or taken twice, a weight outside its row, a row of more weights than its width,
    /// more or fewer weights than rows).
    init?(slotCount: Int, width: Int, rows: [(slot: Int, key: UInt64, count: Int)], entries: [Entry]) {
        guard var table = FeatureTable(slotCount: slotCount, capacity: rows.count, width: width) else { return nil }
        guard rows.allSatisfy({ (0...width).contains($0.count) }), rows.reduce(0, { $0 + $1.count }) == entries.count,
              entries.allSatisfy({ Int($0.index) < width }) else { return nil }
        table.entries = entries
        var start = 0
        for (slot, key, count) in rows {
            guard key != 0, table.slots.indices.contains(slot), table.slots[slot].key == 0 else { return nil }
            table.place(key, at: slot, entries: start..<(start + count))
            start += count
        }
        table.rows = rows.count
        self = table
    }

    /// The row of the feature with hash `key` with its zeros, as training wrote it.
    func fullRow(of key: UInt64) -> [Float]? {
        row(of: key).map { range in
            var row = [Float](repeating: 0, count: width)
            for entry in entries[range] { row[Int(entry.index)] = entry.weight }
            return row
        }
    }

    private static func slot(_ key: UInt64, _ mask: Int) -> Int { FNV1a.slot(of: key, mask: mask) }
}
