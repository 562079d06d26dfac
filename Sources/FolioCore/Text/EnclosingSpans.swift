/// Spans to ask whether one of them encloses a range: sorted by start once, each question a
/// binary search with the furthest end reached so far, so a long paper asking for each of its
/// blocks about each of its passages stays linear, not quadratic.
struct EnclosingSpans {
    private let starts: [Int]
    /// The furthest end among the spans up to each, in the order of their starts.
    private let furthestEnds: [Int]

    init(_ spans: [TextRange]) {
        let sorted = spans.sorted { $0.start < $1.start }
        starts = sorted.map(\.start)
        var furthest = Int.min
        furthestEnds = sorted.map { span in
            furthest = max(furthest, span.end)
            return furthest
        }
    }

    /// Whether a span starts at or before `range` and ends at or after it.
    func enclose(_ range: TextRange) -> Bool {
        var low = 0, high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= range.start { low = middle + 1 } else { high = middle }
        }
        return low > 0 && furthestEnds[low - 1] >= range.end
    }
}
