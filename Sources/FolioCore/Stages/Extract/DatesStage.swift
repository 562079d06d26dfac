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
        // Citations are blanked, keeping every offset: their years date publications.
        var scalars = document.text.scalars
        for citation in document.citations {
            for position in citation.span.start..<citation.span.end { scalars[position] = " " }
        }
        var lastMention: TemporalTagger.Focus?
        var dates: [TemporalExpression] = []
        // Sentence by sentence (most hold no date, and the tagger then skips its rules), and
        // each heading whole.
        for piece in (document.proseSentences() + document.headingRanges()).sorted(by: { $0.start < $1.start }) {
            for found in tagger.tag(String(scalars: scalars[piece.start..<piece.end]), lastMention: &lastMention) {
                dates.append(TemporalExpression(span: TextRange(piece.start + found.range.lowerBound, piece.start + found.range.upperBound),
                                                type: found.type, value: found.value, edtf: found.edtf, reaches: found.reaches))
            }
        }
        document.dates = dates
    }
}
