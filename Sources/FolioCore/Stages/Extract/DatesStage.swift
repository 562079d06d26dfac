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
        let headings = Set(document.headingRanges())
        for range in (document.proseRanges() + headings).sorted(by: { $0.start < $1.start }) {
            // Sentence by sentence: most hold no date, and the tagger then skips its rules.
            for sentence in headings.contains(range) ? [range] : Sentences.split(text, in: range) {
                // Citations are blanked, keeping every offset.
                var scalars = Array(text.scalars[sentence.start..<sentence.end])
                for citation in citations where citation.end > sentence.start && citation.start < sentence.end {
                    for position in max(citation.start, sentence.start)..<min(citation.end, sentence.end) {
                        scalars[position - sentence.start] = " "
                    }
                }
                for found in tagger.tag(String(scalars: scalars[...]), lastMention: &lastMention) {
                    dates.append(TemporalExpression(span: TextRange(sentence.start + found.range.lowerBound, sentence.start + found.range.upperBound),
                                                    type: found.type, value: found.value, edtf: found.edtf))
                }
            }
        }
        document.dates = dates
    }
}
