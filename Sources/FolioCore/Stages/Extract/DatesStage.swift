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
        let text = document.text
        let citations = document.citations.map(\.span).sorted { $0.start < $1.start }
        var lastMention: TemporalTagger.Focus?
        var dates: [TemporalExpression] = []
        // Headings date things too (`WASHINGTON, August 8 --`, `1991–2014: Partners`).
        for range in (document.proseRanges() + document.headingRanges()).sorted(by: { $0.start < $1.start }) {
            // Citations are blanked, keeping every offset.
            var scalars = Array(text.scalars[range.start..<range.end])
            for citation in citations where citation.end > range.start && citation.start < range.end {
                for position in max(citation.start, range.start)..<min(citation.end, range.end) {
                    scalars[position - range.start] = " "
                }
            }
            for found in tagger.tag(String(scalars: scalars[...]), lastMention: &lastMention) {
                dates.append(TemporalExpression(span: TextRange(range.start + found.range.lowerBound, range.start + found.range.upperBound),
                                                type: found.type, value: found.value, edtf: found.edtf))
            }
        }
        document.dates = dates
    }
}
