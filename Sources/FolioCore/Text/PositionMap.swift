/// Carries ranges of an old working text over to the text a cleaning stage rebuilt from it, so
/// that what earlier stages found (footnotes, say) keeps pointing at the same words.
public struct PositionMap: Sendable {
    /// A stretch of the old text and what it became: copied as it was, or replaced (the new
    /// stretch may be empty, a deletion; the old one may be empty, an insertion).
    public struct Edit: Sendable {
        public var old: TextRange
        public var new: TextRange
        public var isCopy: Bool
    }

    /// Sorted by old position; stretches moved elsewhere (lifted-out notes) keep their place
    /// in this order, since the map goes by where they were.
    private let edits: [Edit]

    init(edits: [Edit]) {
        self.edits = edits.filter { !$0.old.isEmpty }.sorted { $0.old.start < $1.old.start }
    }

    /// The new range for an old one: its first code point's new place to its last one's.
    public func map(_ range: TextRange) -> TextRange {
        let start = position(range.start, atEnd: false)
        guard !range.isEmpty else { return TextRange(start, start) }
        let end = position(range.end - 1, atEnd: true)
        return TextRange(min(start, end), max(start, end))
    }

    /// The new place of old code point `position`: where it went, or for a replaced one, the
    /// start (or end) of what replaced it.
    private func position(_ position: Int, atEnd: Bool) -> Int {
        var low = 0
        var high = edits.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if edits[middle].old.start <= position { low = middle } else { high = middle - 1 }
        }
        guard !edits.isEmpty else { return position }
        let edit = edits[low]
        if edit.isCopy && position < edit.old.end {
            return edit.new.start + (position - edit.old.start) + (atEnd ? 1 : 0)
        }
        return atEnd ? edit.new.end : edit.new.start
    }
}
