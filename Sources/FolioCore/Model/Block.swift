/// A block of the body, in reading order.
public enum Block: Sendable, Hashable {
    case paragraph(Paragraph)
    case list(ListBlock)
    case blockQuote(BlockQuote)
    case figure(Figure)

    /// The working text the block covers.
    public var span: TextRange {
        switch self {
        case .paragraph(let paragraph): paragraph.span
        case .list(let list): list.span
        case .blockQuote(let quote): quote.span
        case .figure(let figure): figure.span
        }
    }
}

/// A paragraph: one `p`, even when a page break split it in print.
public struct Paragraph: Sendable, Hashable {
    public var id = ""
    public var span: TextRange

    public init(span: TextRange) {
        self.span = span
    }
}

/// A bulleted or numbered list.
public struct ListBlock: Sendable, Hashable {
    public enum Style: String, Sendable, Hashable {
        case bulleted, numbered
    }

    public var id = ""
    public var span: TextRange
    public var style: Style
    public var items: [ListItem]

    public init(span: TextRange, style: Style, items: [ListItem]) {
        self.span = span
        self.style = style
        self.items = items
    }
}

public struct ListItem: Sendable, Hashable {
    public var id = ""
    /// The item's text, without its bullet or number.
    public var span: TextRange
    /// The printed number or bullet.
    public var label: String?

    public init(span: TextRange, label: String? = nil) {
        self.span = span
        self.label = label
    }
}

/// A passage set off from the running text as a quotation.
public struct BlockQuote: Sendable, Hashable {
    public var id = ""
    public var span: TextRange

    public init(span: TextRange) {
        self.span = span
    }
}

/// A figure or table with its caption and credit line.
public struct Figure: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case figure, table
    }

    public var id = ""
    public var span: TextRange
    public var kind: Kind
    /// The caption's head as printed, e.g. "Figure 1."
    public var head: TextRange?
    /// The figure's number, e.g. "1".
    public var label: String?
    public var caption: TextRange?
    /// The credit line, e.g. "Source: …".
    public var source: TextRange?

    public init(span: TextRange, kind: Kind, head: TextRange? = nil, label: String? = nil,
                caption: TextRange? = nil, source: TextRange? = nil) {
        self.span = span
        self.kind = kind
        self.head = head
        self.label = label
        self.caption = caption
        self.source = source
    }
}
