/// Tags every temporal expression in the running prose and the headings (`TemporalTagger`), leaving out the
/// years of in-text citations, which date a publication, not anything the text tells.
public struct DatesStage: Stage {
    public static let name = "dates"
    public static let phase = Phase.extract
    public static let summary = "dates, times, durations and frequencies, normalized as TIMEX3 and EDTF"
    public static let requires = [ParagraphsStage.name]
    public static let runsAfter = [CitationsStage.name, FootnotesStage.name, ListsStage.name, FiguresStage.name]

    public init() {}

    public init(options: inout Options) throws {}

    public func run(_ document: inout Document, context: StageContext) throws {
        let tagger = TemporalTagger(referenceDate: context.referenceDate.flatMap(PartialDate.init(iso:)))
        // Citations and note markers are blanked, keeping every offset: a citation's years date
        // publications, and a marker's digits are no date. The blank is no space, so no date
        // reaches across one (`between 1992 (Hale, 2001) and 1995` is two years).
        var scalars = document.text.scalars
        for span in document.citations.map(\.span) + document.footnotes.flatMap(\.markers) {
            for position in span.start..<span.end { scalars[position] = Self.blank }
        }
        var lastMention: TemporalTagger.Focus?
        var dates: [TemporalExpression] = []
        // Sentence by sentence (most hold no date, and the tagger then skips its rules), and
        // each heading whole.
        for piece in (document.proseSentences() + document.headingRanges()).sorted(by: { $0.start < $1.start }) {
            for found in tagger.tag(scalars[piece.start..<piece.end], lastMention: &lastMention) {
                dates.append(TemporalExpression(span: TextRange(piece.start + found.range.lowerBound, piece.start + found.range.upperBound),
                                                type: found.type, value: found.value, edtf: found.edtf, reaches: found.reaches))
            }
        }
        document.dates = dates
    }

    /// What stands for a citation in a sentence the tagger reads (`isKnownNonAlphanumeric`
    /// passes it without Unicode's tables).
    static let blank: Unicode.Scalar = "\u{FFFC}"
}
