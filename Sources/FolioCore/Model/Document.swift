/// A paper as Folio understands it: the input, the cleaned text, and everything found in it.
///
/// Every node points into `text` with a `TextRange`; `text.sourceRange(_:)` turns that into
/// offsets in the input file. Stages fill the parts in; emitters read them.
public struct Document: Sendable {
    public let source: SourceText
    /// Rewritten only through `replaceText(with:)`, so the model's ranges follow it.
    public internal(set) var text: WorkingText
    /// The part of `text` that is the paper's running text; what follows it (footnotes lifted
    /// out of the pages, say) is not read as paragraphs. Nil means all of it.
    public var runningText: TextRange?
    public var frontMatter = FrontMatter()
    /// The body: the blocks before the first heading, then the sections.
    public var body = Section()
    public var footnotes: [Footnote] = []
    public var references: [Reference] = []
    public var citations: [Citation] = []
    public var dates: [TemporalExpression] = []
    public var events: [DatedEvent] = []
    public var quotations: [Quotation] = []
    /// Running heads, page numbers and other print furniture taken out of the text.
    public var pageFurniture: [PageFurniture] = []
    /// Every change cleaning made to the text, to audit or undo it.
    public var repairs: [Repair] = []
    /// Warnings and notes the stages had about this paper.
    public var diagnostics: [Diagnostic] = []
    /// The running prose's sentences as last split, with the prose they were split from: the
    /// extract stages each read them, and splitting was a tenth of each. Dropped when the text
    /// is replaced; not part of what the document says.
    var sentenceCache: (prose: [TextRange], sentences: [TextRange])?

    public init(source: SourceText) {
        self.source = source
        self.text = WorkingText(source: source)
    }

    /// Adds a warning about `range` of the working text.
    public mutating func warn(_ message: String, at range: TextRange? = nil) {
        let place = range.map { DiagnosticPlace.text(source.location(of: text.sourceRange($0).start)) }
        diagnostics.append(Diagnostic(.warning, file: source.name, place: place, message))
    }
}
