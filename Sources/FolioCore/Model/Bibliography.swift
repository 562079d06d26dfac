/// A bibliography entry, parsed into the fields of a CSL-JSON item.
public struct Reference: Sendable, Hashable {
    public var id = ""
    /// The printed entry.
    public var span: TextRange
    /// CSL item type: `article-journal`, `book`, `chapter`, `webpage`, `report`, …
    public var type: String = "document"
    public var authors: [Name] = []
    public var editors: [Name] = []
    public var issued: PartialDate?
    public var title: String?
    public var containerTitle: String?
    public var collectionTitle: String?
    public var publisher: String?
    public var publisherPlace: String?
    public var volume: String?
    public var issue: String?
    public var page: String?
    public var edition: String?
    public var url: String?
    public var doi: String?
    public var isbn: String?

    public init(span: TextRange) {
        self.span = span
    }
}

/// A person's or an organisation's name, as CSL-JSON splits it.
public struct Name: Sendable, Hashable {
    public var family: String?
    public var given: String?
    /// An organisation, or a name that cannot be split.
    public var literal: String?

    public init(family: String? = nil, given: String? = nil, literal: String? = nil) {
        self.family = family
        self.given = given
        self.literal = literal
    }
}

/// A year, optionally with month and day.
public struct PartialDate: Sendable, Hashable {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// ISO 8601: `1999`, `1999-06`, `1999-06-02`.
    public var iso: String {
        var result = String(format4: year)
        if let month {
            result += "-" + String(format2: month)
            if let day { result += "-" + String(format2: day) }
        }
        return result
    }
}

/// An in-text citation: `(Hale, 2000; Moss, 2016)` or `Lind (2010)`.
public struct Citation: Sendable, Hashable {
    public var id = ""
    public var span: TextRange
    /// One part per cited work.
    public var parts: [CitationPart]

    public init(span: TextRange, parts: [CitationPart]) {
        self.span = span
        self.parts = parts
    }
}

public struct CitationPart: Sendable, Hashable {
    public var span: TextRange
    public var authors: [String]
    public var year: String?
    /// A page or other locator: `124`, `653`.
    public var locator: String?
    /// The index in `Document.references` of the entry cited, when it resolved.
    public var reference: Int?

    public init(span: TextRange, authors: [String], year: String? = nil, locator: String? = nil, reference: Int? = nil) {
        self.span = span
        self.authors = authors
        self.year = year
        self.locator = locator
        self.reference = reference
    }
}

extension String {
    /// `value` with at least four digits: `0999`.
    init(format4 value: Int) {
        let digits = String(value.magnitude)
        self = (value < 0 ? "-" : "") + String(repeating: "0", count: Swift.max(0, 4 - digits.count)) + digits
    }

    /// `value` with at least two digits: `06`.
    init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : "\(value)"
    }
}
