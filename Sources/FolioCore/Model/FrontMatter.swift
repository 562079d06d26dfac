/// What a paper says about itself before the body: title, authors, journal, abstract, keywords.
public struct FrontMatter: Sendable, Hashable {
    public var title: TextRange?
    public var authors: [Author] = []
    public var journal: TextRange?
    public var abstract: [Paragraph] = []
    public var keywords: [TextRange] = []

    public init() {}

    public var isEmpty: Bool {
        title == nil && authors.isEmpty && journal == nil && abstract.isEmpty && keywords.isEmpty
    }
}

/// One author of the paper.
public struct Author: Sendable, Hashable {
    /// The name as printed.
    public var name: TextRange
    public var forename: String?
    public var surname: String?
    public var emails: [TextRange] = []
    public var affiliations: [TextRange] = []

    public init(name: TextRange, forename: String? = nil, surname: String? = nil) {
        self.name = name
        self.forename = forename
        self.surname = surname
    }
}
