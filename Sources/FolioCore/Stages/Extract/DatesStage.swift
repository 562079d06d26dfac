import Algorithms

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
        let scalars = document.text.scalars
        let blanks = BlankedSpans(document.citations.map(\.span) + document.footnotes.flatMap(\.markers))
        var lastMention: TemporalTagger.Focus?
        var dates: [TemporalExpression] = []
        // Sentence by sentence (most hold no date, and the tagger then skips its rules), and
        // each heading whole.
        for piece in (document.proseSentences() + document.headingRanges()).sorted(by: { $0.start < $1.start }) {
            for found in tagger.tag(blanks.text(of: piece, in: scalars), lastMention: &lastMention) {
                dates.append(TemporalExpression(span: TextRange(piece.start + found.range.lowerBound, piece.start + found.range.upperBound),
                                                type: found.type, value: found.value, edtf: found.edtf, reaches: found.reaches))
            }
        }
        document.dates = dates
    }

    /// What stands for a citation in a sentence the tagger reads (`isKnownNonAlphanumeric`
    /// passes it without Unicode's tables).
    static let blank: Unicode.Scalar = "\u{FFFC}"

    /// Citations and note markers, blanked in the text the tagger reads, keeping every offset:
    /// a citation's years date publications, and a marker's digits are no date. The blank is no
    /// space, so no date reaches across one (`between 1992 (Hale, 2001) and 1995` is two
    /// years). Only a piece that holds one is copied to be blanked, not the whole text.
    struct BlankedSpans {
        /// By start.
        private let spans: [TextRange]
        /// The furthest end among `spans[...i]`: where to start looking for spans that reach
        /// into a piece, whatever spans nest or overlap.
        private let reach: [Int]

        init(_ spans: [TextRange]) {
            self.spans = spans.sorted { $0.start < $1.start }
            var furthest = Int.min
            reach = self.spans.map { span in
                furthest = max(furthest, span.end)
                return furthest
            }
        }

        /// The code points of `piece`, those of the spans blanked.
        func text(of piece: TextRange, in scalars: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
            // The first span that may end inside or after the piece's start.
            var index = reach.partitioningIndex { $0 > piece.start }
            var text: [Unicode.Scalar]?
            while index < spans.count, spans[index].start < piece.end {
                let span = spans[index]
                index += 1
                let start = max(span.start, piece.start), end = min(span.end, piece.end)
                guard start < end else { continue }
                if text == nil { text = Array(scalars[piece.start..<piece.end]) }
                for position in start..<end { text![position - piece.start] = DatesStage.blank }
            }
            return text.map { $0[...] } ?? scalars[piece.start..<piece.end]
        }
    }
}
