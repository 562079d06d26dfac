import Algorithms
import Foundation

/// Finds quotations: the block quotes the structure stages set off, and words in quote marks in
/// the running prose (`“…”`, `"…"`, `„…”`, `«…»`, `‘…’`, also reversed or unmatched marks).
/// Each gets who is quoted when the sentence says (`X wrote`, `according to X`, `as X put it`,
/// `X believes that the “…”`) and the work it is drawn from when a citation or note marker
/// follows or introduces it. Short quoted words that nobody is said to have spoken, and that
/// cite nothing, are scare quotes or terms (`soCalled`).
public struct QuotationsStage: Stage {
    public static let name = "quotations"
    public static let phase = Phase.extract
    public static let summary = "quotations, inline and block, with who is quoted and the cited source; scare quotes told apart"
    public static let requires = [ParagraphsStage.name]
    public static let runsAfter = [CitationsStage.name, FootnotesStage.name, ListsStage.name, FiguresStage.name]

    /// Quoted words this many or more are a quotation even when nobody is named.
    let quotationWords: Int

    public init(quotationWords: Int = 5) {
        self.quotationWords = quotationWords
    }

    public init(options: inout Options) throws {
        quotationWords = try options.integer("quotationWords", default: 5, in: 1...100)
    }

    public func run(_ document: inout Document, context: StageContext) throws {
        let text = document.text
        var quotations: [Quotation] = []
        let prose = document.proseRanges()
        let sentences = document.proseSentences()
        let noteMarkers = NoteMarkers(document.footnotes)
        for quote in document.blockQuoteSpans().sorted(by: { $0.start < $1.start }) {
            // The words that introduce it: the sentence it completes, else the one before it
            // (sentences are in order: a binary search).
            let before = sentences.partitioningIndex { $0.start >= quote.start }
            let lead = before > 0 ? TextRange(sentences[before - 1].start, min(sentences[before - 1].end, quote.start)) : nil
            var quotation = Quotation(span: quote, kind: .block)
            quotation.speaker = lead.flatMap { SpeakerCues.speaker(in: text, before: $0.end, from: $0.start) }
            quotation.citation = citation(endingAt: quote.end, within: quote, document) ?? citation(after: quote.end, document)
                ?? lead.flatMap { citation(in: $0, before: $0.end, document) }
            quotation.footnote = noteMarkers.note(after: quote.end)
            quotation.speaker = quotation.speaker ?? quotation.citation.flatMap { firstAuthor(of: $0, document) }
            quotations.append(quotation)
        }
        for range in prose {
            for (open, close) in QuoteMarks.pairs(in: text, range) {
                let inner = TextRange(open + 1, close)
                guard inner.start < inner.end else { continue }
                // The sentence holding the quotation (sentences are in order: a binary search).
                let holder = sentences.partitioningIndex { $0.end > close }
                let sentence = holder < sentences.count && sentences[holder].start <= open ? sentences[holder] : range
                var quotation = Quotation(span: inner, kind: .inline)
                quotation.speaker = SpeakerCues.speaker(in: text, before: open, from: sentence.start)
                    ?? SpeakerCues.speaker(in: text, after: close + 1, to: sentence.end)
                quotation.citation = citation(after: close + 1, document) ?? citation(in: sentence, before: open, document)
                quotation.footnote = noteMarkers.note(after: close + 1)
                quotation.speaker = quotation.speaker ?? quotation.citation.flatMap { firstAuthor(of: $0, document) }
                let attributed = quotation.speaker != nil || quotation.citation != nil || quotation.footnote != nil
                if !attributed && text.wordCount(inner) < quotationWords { quotation.kind = .soCalled }
                quotations.append(quotation)
            }
        }
        document.quotations = quotations.sorted { ($0.span.start, $1.span.end) < ($1.span.start, $0.span.end) }
    }

    /// A citation that starts right after `position` (`…” (Hale, 2000).`).
    func citation(after position: Int, _ document: Document) -> Int? {
        let index = document.firstCitation(from: position)
        guard index < document.citations.count else { return nil }
        let citation = document.citations[index]
        return citation.span.start - position <= 3
            && document.text.string(TextRange(position, citation.span.start)).allSatisfy({ " .,;:".contains($0) }) ? index : nil
    }

    /// The citation a block quote ends with.
    func citation(endingAt end: Int, within range: TextRange, _ document: Document) -> Int? {
        // One that ends by `end` starts before `end + 1`.
        let citations = document.citations
        return citations[document.firstCitation(from: range.start)..<document.firstCitation(from: end + 1)]
            .lastIndex { $0.span.end <= end && end - $0.span.end <= 3 }
    }

    /// A citation in the sentence before the quotation (`according to Hale (2000), “…”`).
    func citation(in sentence: TextRange, before position: Int, _ document: Document) -> Int? {
        var index = document.firstCitation(from: position) - 1
        while index >= 0, document.citations[index].span.start >= sentence.start {
            if document.citations[index].span.end <= position { return index }
            index -= 1
        }
        return nil
    }

    /// Where the first author of a citation stands in it: whom a quotation drawn from the
    /// cited work quotes, when the sentence names nobody.
    func firstAuthor(of index: Int, _ document: Document) -> TextRange? {
        guard let part = document.citations[index].parts.first, let author = part.authors.first, !author.isEmpty else { return nil }
        let words = document.text.string(part.span)
        guard let found = words.rangeOfText(author) else { return nil }
        let start = part.span.start + words.unicodeScalars.distance(from: words.unicodeScalars.startIndex, to: found.lowerBound)
        return TextRange(start, start + author.unicodeScalars.count)
    }
}

extension Document {
    /// The index of the first citation that starts at `position` or after (`citations.count`
    /// for none): citations are in the order of their starts, so a binary search finds it.
    func firstCitation(from position: Int) -> Int {
        citations.partitioningIndex { $0.span.start >= position }
    }

    /// The spans of the block quotes set off in the body.
    func blockQuoteSpans() -> Set<TextRange> {
        var spans: Set<TextRange> = []
        func visit(_ section: Section) {
            for case .blockQuote(let quote) in section.blocks { spans.insert(quote.span) }
            section.subsections.forEach(visit)
        }
        visit(body)
        return spans
    }
}
