/// A half-open range of code points `[start, end)` in one coordinate space. The space is a
/// type parameter so that offsets into the working text and offsets into the input file can
/// never be mixed up.
public struct OffsetRange<Space>: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        precondition(start <= end, "a range cannot end before it starts")
        self.start = start
        self.end = end
    }

    public var count: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func contains(_ other: OffsetRange) -> Bool { start <= other.start && other.end <= end }

    /// Earlier starts first; of two with the same start, the longer first (the outer one).
    public static func < (lhs: OffsetRange, rhs: OffsetRange) -> Bool {
        (lhs.start, rhs.end) < (rhs.start, lhs.end)
    }

    public var description: String { "\(start)..<\(end)" }
}

/// The coordinate space of a document's working text (the text the cleaning stages produced).
public enum WorkingSpace {}

/// The coordinate space of the input file as decoded, counted as Python counts code points:
/// `text[start:end]` is the item's source.
public enum SourceSpace {}

/// A range in the working text; `WorkingText.sourceRange` turns it into a `SourceRange`.
public typealias TextRange = OffsetRange<WorkingSpace>

/// A range in the input file.
public typealias SourceRange = OffsetRange<SourceSpace>
