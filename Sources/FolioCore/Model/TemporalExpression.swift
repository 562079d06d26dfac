/// A temporal expression in the text, normalized as TIMEX3 and, where possible, EDTF.
public struct TemporalExpression: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case date = "DATE", time = "TIME", duration = "DURATION", set = "SET"
    }

    public var id = ""
    public var span: TextRange
    public var type: Kind
    /// The TIMEX3 value: `1998-02-27`, `1998-W09`, `P3Y`, `PRESENT_REF`, `XXXX-10`.
    public var value: String
    /// The EDTF form, where one exists: `1948`, `199X`, `1992/1995`.
    public var edtf: String?
    /// For an offset from a date the text gave (`one year after`, `ten days before`), which
    /// TimeML types as a duration, the date it reaches, as EDTF.
    public var reaches: String?

    public init(span: TextRange, type: Kind, value: String, edtf: String? = nil, reaches: String? = nil) {
        self.span = span
        self.type = type
        self.value = value
        self.edtf = edtf
        self.reaches = reaches
    }
}

/// Something that happened at a date the text gives: the date and the sentence that tells it.
public struct DatedEvent: Sendable, Hashable {
    public var id = ""
    /// The index in `Document.dates` of the event's date.
    public var date: Int
    public var sentence: TextRange

    public init(date: Int, sentence: TextRange) {
        self.date = date
        self.sentence = sentence
    }
}
