/// A half-open range of code points `[start, end)` in a document's working text (the text the
/// cleaning stages produced). Convert it to input-file offsets with `WorkingText.sourceRange`.
public struct TextRange: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        precondition(start <= end, "a range cannot end before it starts")
        self.start = start
        self.end = end
    }

    public var count: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func contains(_ other: TextRange) -> Bool { start <= other.start && other.end <= end }

    public static func < (lhs: TextRange, rhs: TextRange) -> Bool {
        (lhs.start, rhs.end) < (rhs.start, lhs.end)
    }

    public var description: String { "\(start)..<\(end)" }
}

/// A half-open range of code points `[start, end)` in the input file as decoded, counted as
/// Python counts them: `text[start:end]` is the item's source.
public struct SourceRange: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        precondition(start <= end, "a range cannot end before it starts")
        self.start = start
        self.end = end
    }

    public var count: Int { end - start }

    public static func < (lhs: SourceRange, rhs: SourceRange) -> Bool {
        (lhs.start, rhs.end) < (rhs.start, lhs.end)
    }

    public var description: String { "\(start)..<\(end)" }
}
