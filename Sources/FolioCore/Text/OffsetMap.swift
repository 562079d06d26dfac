/// Maps positions in a working text back to the input file.
///
/// The map is a sorted list of segments. A *copy* segment maps `n` working code points one to one
/// onto `n` source code points; a *replacement* maps a working run of any length (possibly
/// empty, an insertion) onto a source run of any length (possibly empty, a deletion). Cleaning
/// changes little, so a paper needs few segments.
public struct OffsetMap: Sendable, Hashable {
    public struct Segment: Sendable, Hashable {
        public var working: Int
        public var workingLength: Int
        public var source: Int
        public var sourceLength: Int
        public var isCopy: Bool

        var workingEnd: Int { working + workingLength }
        var sourceEnd: Int { source + sourceLength }
    }

    public private(set) var segments: [Segment] = []

    public init() {}

    /// The identity map over `count` code points.
    public static func identity(count: Int) -> OffsetMap {
        var map = OffsetMap()
        map.appendCopy(source: 0, count: count)
        return map
    }

    public var workingCount: Int { segments.last?.workingEnd ?? 0 }

    /// Appends `count` code points copied from `source...`.
    public mutating func appendCopy(source: Int, count: Int) {
        guard count > 0 else { return }
        if let last = segments.last, last.isCopy, last.sourceEnd == source {
            segments[segments.count - 1].workingLength += count
            segments[segments.count - 1].sourceLength += count
        } else {
            segments.append(Segment(working: workingCount, workingLength: count, source: source,
                                    sourceLength: count, isCopy: true))
        }
    }

    /// Appends `workingLength` code points that stand for the source range (a replacement).
    public mutating func appendReplacement(workingLength: Int, source: SourceRange) {
        guard workingLength > 0 || source.count > 0 else { return }
        segments.append(Segment(working: workingCount, workingLength: workingLength, source: source.start,
                                sourceLength: source.count, isCopy: false))
    }

    /// The input range the working range came from: from where its first code point came to
    /// where its last one ended. An empty range maps to a point.
    public func sourceRange(_ range: TextRange) -> SourceRange {
        if range.isEmpty {
            let point = sourcePoint(range.start)
            return SourceRange(point, point)
        }
        let first = segments[segmentIndex(containing: range.start)]
        let last = segments[segmentIndex(containing: range.end - 1)]
        let start = first.isCopy ? first.source + (range.start - first.working) : first.source
        let end = last.isCopy ? last.source + (range.end - last.working) : last.sourceEnd
        return SourceRange(start, max(start, end))
    }

    /// Where in the source a position between working code points falls.
    public func sourcePoint(_ position: Int) -> Int {
        guard !segments.isEmpty else { return 0 }
        if position >= workingCount { return segments.last!.sourceEnd }
        let segment = segments[segmentIndex(containing: position)]
        return segment.isCopy ? segment.source + (position - segment.working) : segment.source
    }

    /// Whether any of `range` of the input was copied into the working text.
    public func keepsSource(in range: SourceRange) -> Bool {
        range.count > 0 && segments.contains { $0.isCopy && $0.source < range.end && $0.sourceEnd > range.start }
    }

    /// The segments holding code points of `range`, in order (none that hold no code points).
    public func segments(overlapping range: TextRange) -> some Sequence<Segment> {
        let first = range.isEmpty ? segments.count : segmentIndex(containing: range.start)
        return segments[first...].lazy
            .prefix { $0.working < range.end }
            .filter { $0.workingLength > 0 }
    }

    /// The segment holding working code point `position`: the last segment starting at or
    /// before it. Deletions (segments with no working code points) start where the next segment
    /// starts, so they are never the last.
    ///
    /// Halving without a branch on the comparison (a conditional move): which half a position
    /// falls in is a coin toss the processor mispredicted at half the steps of every search, and
    /// the outputs map some seven hundred ranges a paper.
    private func segmentIndex(containing position: Int) -> Int {
        segments.withUnsafeBufferPointer { segments in
            var base = 0
            var count = segments.count
            while count > 1 {
                let half = count / 2
                base = segments[base + half].working <= position ? base + half : base
                count -= half
            }
            return base
        }
    }
}
