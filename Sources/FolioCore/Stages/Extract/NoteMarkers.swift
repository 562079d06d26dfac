import Algorithms

/// The body's note markers in the order they stand, each with its note: which note a marker
/// right after a quotation points to is then a binary search, not a look at every note's markers
/// (a long paper has thousands of both notes and quotations).
struct NoteMarkers {
    private let markers: [(start: Int, note: Int)]

    init(_ footnotes: [Footnote]) {
        markers = footnotes.indices.flatMap { note in footnotes[note].markers.map { (start: $0.start, note: note) } }
            .sorted { ($0.start, $0.note) < ($1.start, $1.note) }
    }

    /// The first note, in the notes' order, with a marker at most two places after `position`
    /// (`…”4`).
    func note(after position: Int) -> Int? {
        var index = markers.partitioningIndex { $0.start >= position }
        var first: Int?
        while index < markers.count && markers[index].start - position <= 2 {
            first = min(first ?? markers[index].note, markers[index].note)
            index += 1
        }
        return first
    }
}
