/// Print furniture removed from the text: running heads, page numbers and the like.
public struct PageFurniture: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case runningHead = "running-head", pageNumber = "page-number", other
    }

    public var kind: Kind
    public var source: SourceRange
    public var text: String

    public init(kind: Kind, source: SourceRange, text: String) {
        self.kind = kind
        self.source = source
        self.text = text
    }
}
