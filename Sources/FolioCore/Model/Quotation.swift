/// Quoted words: a quotation (inline or block) or a scare-quoted term.
public struct Quotation: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// Words quoted in the running text.
        case inline
        /// A passage set off as a block quote.
        case block
        /// Scare quotes or a term (`the ‘security dilemma’`): not a quotation of anyone.
        case soCalled
    }

    public var id = ""
    /// The quoted words, without the quote marks.
    public var span: TextRange
    public var kind: Kind
    /// Who is quoted, as the text names them.
    public var speaker: TextRange?
    /// The index in `Document.citations` of the citation giving the source.
    public var citation: Int?
    /// The index in `Document.footnotes` of the note giving the source.
    public var footnote: Int?

    public init(span: TextRange, kind: Kind, speaker: TextRange? = nil, citation: Int? = nil, footnote: Int? = nil) {
        self.span = span
        self.kind = kind
        self.speaker = speaker
        self.citation = citation
        self.footnote = footnote
    }
}
