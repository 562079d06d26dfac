/// The text the stages work on: the input after cleaning, with a map back to the input.
///
/// Cleaning stages (the `clean` phase) may rewrite it; every later stage only points into it
/// with `TextRange`s, so those ranges stay valid to the end of the pipeline.
public struct WorkingText: Sendable {
    public private(set) var scalars: [Unicode.Scalar]
    public private(set) var map: OffsetMap

    public init(scalars: [Unicode.Scalar], map: OffsetMap) {
        precondition(scalars.count == map.workingCount || (scalars.isEmpty && map.segments.allSatisfy { $0.workingLength == 0 }),
                     "the offset map must cover the text")
        self.scalars = scalars
        self.map = map
    }

    /// The source itself, unchanged.
    public init(source: SourceText) {
        self.init(scalars: source.scalars, map: .identity(count: source.scalars.count))
    }

    public var count: Int { scalars.count }
    public var all: TextRange { TextRange(0, scalars.count) }

    public subscript(position: Int) -> Unicode.Scalar { scalars[position] }

    /// The exact working text in `range`.
    public func string(_ range: TextRange) -> String {
        String(scalars: scalars[range.start..<range.end])
    }

    /// The input-file range `range` came from.
    public func sourceRange(_ range: TextRange) -> SourceRange { map.sourceRange(range) }

    /// The separate stretches of the input `range` came from, in order: one, unless cleaning
    /// moved text together (a footnote continued on the next page). Two stretches are one when
    /// no input between them was kept elsewhere in the text.
    public func sourcePieces(_ range: TextRange) -> [SourceRange] {
        var pieces: [SourceRange] = []
        for segment in map.segments(overlapping: range) where segment.isCopy {
            let from = max(segment.working, range.start)
            let to = min(segment.working + segment.workingLength, range.end)
            let piece = SourceRange(segment.source + (from - segment.working), segment.source + (to - segment.working))
            if let last = pieces.last, piece.start >= last.end, !map.keepsSource(in: SourceRange(last.end, piece.start)) {
                pieces[pieces.count - 1] = SourceRange(last.start, piece.end)
            } else {
                pieces.append(piece)
            }
        }
        return pieces.isEmpty ? [sourceRange(range)] : pieces
    }
}

/// Builds a new working text from an old one, keeping the map to the input exact.
///
/// A stage copies the runs it keeps and says what it replaced, inserted or deleted; the
/// builder composes those edits with the old text's map.
public struct WorkingTextBuilder {
    private let base: WorkingText
    private var scalars: [Unicode.Scalar] = []
    private var map = OffsetMap()
    /// What became of each stretch of the old text, to carry ranges over to the new one.
    private var edits: [PositionMap.Edit] = []
    /// The whole old text was kept, and nothing else done yet: not copied until something is,
    /// as a stage that changes nothing (normalizing a text already clean) hands the old text on.
    private var keptWhole = false

    public init(base: WorkingText) {
        self.base = base
        // Room for a few insertions too (a page's form feed, a restored hyphen, a ligature's
        // letters): one code point past the reserve copied the text into twice the room.
        scalars.reserveCapacity(base.count + base.count / 16 + 16)
    }

    /// Keeps `range` of the old text as it is.
    public mutating func copy(_ range: TextRange) {
        guard !range.isEmpty else { return }
        if edits.isEmpty && range == base.all {
            keptWhole = true
            edits.append(PositionMap.Edit(old: range, new: range, isCopy: true))
            return
        }
        copyKeptWhole()
        append(range)
    }

    /// Copies the whole old text, if it was kept and not yet copied.
    private mutating func copyKeptWhole() {
        guard keptWhole else { return }
        keptWhole = false
        edits.removeAll()
        append(base.all)
    }

    /// Copies `range` of the old text after what is built, and its map composed with the old.
    private mutating func append(_ range: TextRange) {
        edits.append(PositionMap.Edit(old: range, new: TextRange(scalars.count, scalars.count + range.count), isCopy: true))
        scalars.append(contentsOf: base.scalars[range.start..<range.end])
        for segment in base.map.segments(overlapping: range) {
            let from = max(segment.working, range.start)
            let to = min(segment.working + segment.workingLength, range.end)
            if segment.isCopy {
                map.appendCopy(source: segment.source + (from - segment.working), count: to - from)
            } else {
                // A piece of an earlier replacement stands for the whole source run if it holds
                // the replacement's start, else it is an insertion at the run's end.
                let start = from == segment.working ? segment.source : segment.source + segment.sourceLength
                map.appendReplacement(workingLength: to - from,
                                      source: SourceRange(start, segment.source + segment.sourceLength))
            }
        }
    }

    /// Writes `replacement` in place of `range` of the old text (which may be empty: an
    /// insertion); `replacement` may be empty too (a deletion).
    public mutating func replace(_ range: TextRange, with replacement: some Sequence<Unicode.Scalar>) {
        copyKeptWhole()
        let before = scalars.count
        scalars.append(contentsOf: replacement)
        map.appendReplacement(workingLength: scalars.count - before, source: base.sourceRange(range))
        edits.append(PositionMap.Edit(old: range, new: TextRange(before, scalars.count), isCopy: false))
    }

    public var count: Int { keptWhole ? base.count : scalars.count }

    public func finish() -> WorkingText {
        keptWhole ? base : WorkingText(scalars: scalars, map: map)
    }

    /// How positions in the old text move to the new one.
    public func positionMap() -> PositionMap {
        PositionMap(edits: edits)
    }
}
