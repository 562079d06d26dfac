/// A part of the body under one heading, with the blocks and subsections it holds.
public struct Section: Sendable, Hashable {
    public var id = ""
    /// Nil for the body itself (the root section).
    public var heading: Heading?
    public var blocks: [Block] = []
    public var subsections: [Section] = []

    public init(heading: Heading? = nil, blocks: [Block] = [], subsections: [Section] = []) {
        self.heading = heading
        self.blocks = blocks
        self.subsections = subsections
    }
}

/// A section heading.
public struct Heading: Sendable, Hashable {
    public var id = ""
    /// The whole heading as printed, number included.
    public var span: TextRange
    /// 1 for a top-level section, 2 for a subsection, and so on.
    public var level: Int
    /// The printed number (`2.1`, `II`, `A`), when there is one.
    public var number: String?
    /// The heading's words without the number.
    public var title: TextRange

    public init(span: TextRange, level: Int, number: String? = nil, title: TextRange? = nil) {
        self.span = span
        self.level = level
        self.number = number
        self.title = title ?? span
    }
}
