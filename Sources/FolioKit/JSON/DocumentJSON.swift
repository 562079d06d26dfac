import FolioCore

/// Writes a document as the JSON Folio's schema describes, keys in a fixed order, as events
/// (`JSONEventSink`): into bytes and the schema check at once, or into a tree.
struct DocumentJSON {
    let document: Document
    private var text: WorkingText { document.text }

    init(_ document: Document) {
        self.document = document
    }

    /// The document as a tree: for explaining why it does not match the schema, and for tests.
    func value() -> JSONValue {
        var builder = JSONTreeBuilder()
        write(into: &builder)
        return builder.value!
    }

    func write<Sink: JSONEventSink & ~Copyable>(into sink: inout Sink) {
        sink.beginObject()
        sink.key("folio")
        sink.beginObject()
        sink.field("version", FolioVersion.current)
        sink.field("schema", DocumentJSONSchema.identifier)
        sink.endObject()
        sink.key("source")
        sink.beginObject()
        sink.field("file", fileName(document.source.name))
        sink.field("format", document.source.format.rawValue)
        sink.field("length", document.source.scalars.count)
        sink.endObject()
        sink.key("frontMatter")
        frontMatter(into: &sink)
        sink.key("body")
        section(document.body, into: &sink)
        sink.key("footnotes")
        sink.array(document.footnotes) { footnote($1, into: &$0) }
        sink.key("references")
        sink.array(document.references) { reference($1, into: &$0) }
        sink.key("citations")
        sink.array(document.citations) { citation($1, into: &$0) }
        sink.key("dates")
        sink.array(document.dates) { date($1, into: &$0) }
        sink.key("events")
        sink.array(document.events) { event($1, into: &$0) }
        sink.key("quotations")
        sink.array(document.quotations) { quotation($1, into: &$0) }
        sink.key("pageFurniture")
        sink.array(document.pageFurniture) { sink, furniture in
            sink.beginObject()
            sink.field("kind", furniture.kind.rawValue)
            offsets(furniture.source, into: &sink)
            sink.field("text", furniture.text)
            sink.endObject()
        }
        sink.key("repairs")
        sink.array(document.repairs) { sink, repair in
            sink.beginObject()
            sink.field("rule", repair.rule)
            offsets(repair.source, into: &sink)
            sink.field("before", repair.before)
            sink.field("after", repair.after)
            sink.endObject()
        }
        sink.key("diagnostics")
        sink.array(document.diagnostics) { diagnostic($1, into: &$0) }
        sink.endObject()
    }

    private func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// `start` and `end` of a stretch of the input as members of the object being written.
    private func offsets<Sink: JSONEventSink & ~Copyable>(_ source: SourceRange, into sink: inout Sink) {
        sink.field("start", source.start)
        sink.field("end", source.end)
    }

    /// `start` and `end` of a range as members of the object being written, and its `text`
    /// unless `withText` is false.
    private func spanFields<Sink: JSONEventSink & ~Copyable>(_ range: TextRange, withText: Bool = true, into sink: inout Sink) {
        offsets(text.sourceRange(range), into: &sink)
        if withText { readingText("text", range, into: &sink) }
    }

    /// A member whose value is the reading text of `range`, written without a string made.
    private func readingText<Sink: JSONEventSink & ~Copyable>(_ key: StaticString, _ range: TextRange, into sink: inout Sink) {
        sink.key(key)
        text.withReadingText(range) { sink.string(utf8: $0) }
    }

    /// A range as an object of its `start`, `end` and `text`.
    private func span<Sink: JSONEventSink & ~Copyable>(_ range: TextRange, into sink: inout Sink) {
        sink.beginObject()
        spanFields(range, into: &sink)
        sink.endObject()
    }

    /// A member holding `range` as a span (`span(_:into:)`), when there is one.
    private func span<Sink: JSONEventSink & ~Copyable>(_ key: StaticString, _ range: TextRange?, into sink: inout Sink) {
        guard let range else { return }
        sink.key(key)
        span(range, into: &sink)
    }

    /// An object of a range with its `type` and `id` first: a paragraph, a block quote.
    private func typedSpan<Sink: JSONEventSink & ~Copyable>(_ type: String, _ range: TextRange, id: String, into sink: inout Sink) {
        sink.beginObject()
        sink.field("type", type)
        sink.field("id", id)
        spanFields(range, into: &sink)
        sink.endObject()
    }

    private func frontMatter<Sink: JSONEventSink & ~Copyable>(into sink: inout Sink) {
        let front = document.frontMatter
        sink.beginObject()
        span("title", front.title, into: &sink)
        sink.key("authors")
        sink.array(front.authors) { sink, author in
            sink.beginObject()
            spanFields(author.name, into: &sink)
            if let forename = author.forename { sink.field("forename", forename) }
            if let surname = author.surname { sink.field("surname", surname) }
            sink.key("emails")
            sink.array(author.emails) { span($1, into: &$0) }
            sink.key("affiliations")
            sink.array(author.affiliations) { span($1, into: &$0) }
            sink.endObject()
        }
        span("journal", front.journal, into: &sink)
        sink.key("abstract")
        sink.array(front.abstract) { typedSpan("paragraph", $1.span, id: $1.id, into: &$0) }
        sink.key("keywords")
        sink.array(front.keywords) { span($1, into: &$0) }
        sink.endObject()
    }

    private func section<Sink: JSONEventSink & ~Copyable>(_ section: Section, into sink: inout Sink) {
        sink.beginObject()
        if let heading = section.heading {
            sink.field("id", section.id)
            sink.key("heading")
            sink.beginObject()
            sink.field("id", heading.id)
            sink.field("level", heading.level)
            // The heading's offsets cover it as printed, number included; its text is the title.
            spanFields(heading.span, withText: false, into: &sink)
            readingText("text", heading.title, into: &sink)
            if let number = heading.number { sink.field("number", number) }
            sink.endObject()
        }
        sink.key("blocks")
        sink.array(section.blocks) { block($1, into: &$0) }
        sink.key("sections")
        sink.array(section.subsections) { self.section($1, into: &$0) }
        sink.endObject()
    }

    private func block<Sink: JSONEventSink & ~Copyable>(_ block: Block, into sink: inout Sink) {
        switch block {
        case .paragraph(let paragraph):
            typedSpan("paragraph", paragraph.span, id: paragraph.id, into: &sink)
        case .blockQuote(let quote):
            typedSpan("blockQuote", quote.span, id: quote.id, into: &sink)
        case .list(let list):
            sink.beginObject()
            sink.field("type", "list")
            sink.field("id", list.id)
            sink.field("style", list.style.rawValue)
            spanFields(list.span, withText: false, into: &sink)
            sink.key("items")
            sink.array(list.items) { sink, item in
                sink.beginObject()
                sink.field("id", item.id)
                if let label = item.label { sink.field("label", label) }
                spanFields(item.span, into: &sink)
                sink.endObject()
            }
            sink.endObject()
        case .figure(let figure):
            sink.beginObject()
            sink.field("type", "figure")
            sink.field("id", figure.id)
            sink.field("kind", figure.kind.rawValue)
            spanFields(figure.span, withText: false, into: &sink)
            span("head", figure.head, into: &sink)
            if let label = figure.label { sink.field("label", label) }
            span("caption", figure.caption, into: &sink)
            span("source", figure.source, into: &sink)
            sink.endObject()
        }
    }

    private func footnote<Sink: JSONEventSink & ~Copyable>(_ note: Footnote, into sink: inout Sink) {
        sink.beginObject()
        sink.field("id", note.id)
        sink.field("number", note.number)
        spanFields(note.span, into: &sink)
        pieces(note.span, into: &sink)
        sink.key("markers")
        sink.array(note.markers) { span($1, into: &$0) }
        sink.endObject()
    }

    /// Where the text was printed in parts (a note run on to the next page, a sentence of it):
    /// each part's offsets; start..end then spans what was printed between them.
    private func pieces<Sink: JSONEventSink & ~Copyable>(_ range: TextRange, into sink: inout Sink) {
        let pieces = text.sourcePieces(range)
        guard pieces.count > 1 else { return }
        sink.key("pieces")
        sink.array(pieces) { sink, piece in
            sink.beginObject()
            offsets(piece, into: &sink)
            sink.endObject()
        }
    }

    private func reference<Sink: JSONEventSink & ~Copyable>(_ reference: Reference, into sink: inout Sink) {
        sink.beginObject()
        sink.field("id", reference.id)
        sink.field("type", reference.type)
        readingText("raw", reference.span, into: &sink)
        spanFields(reference.span, withText: false, into: &sink)
        for (key, value) in CSLItem.fields(of: reference) { sink.field(named: key, value) }
        sink.endObject()
    }

    private func citation<Sink: JSONEventSink & ~Copyable>(_ citation: Citation, into sink: inout Sink) {
        sink.beginObject()
        sink.field("id", citation.id)
        spanFields(citation.span, into: &sink)
        sink.key("references")
        sink.array(citation.parts.compactMap(\.reference)) { $0.string(document.references[$1].id) }
        sink.key("parts")
        sink.array(citation.parts) { sink, part in
            sink.beginObject()
            spanFields(part.span, into: &sink)
            sink.key("authors")
            sink.array(part.authors) { $0.string($1) }
            if let year = part.year { sink.field("year", year) }
            if let locator = part.locator { sink.field("locator", locator) }
            if let index = part.reference { sink.field("reference", document.references[index].id) }
            sink.endObject()
        }
        sink.endObject()
    }

    private func date<Sink: JSONEventSink & ~Copyable>(_ date: TemporalExpression, into sink: inout Sink) {
        sink.beginObject()
        sink.field("id", date.id)
        spanFields(date.span, into: &sink)
        sink.field("type", date.type.rawValue)
        sink.field("value", date.value)
        if let edtf = date.edtf { sink.field("edtf", edtf) }
        if let reaches = date.reaches { sink.field("reaches", reaches) }
        sink.endObject()
    }

    private func event<Sink: JSONEventSink & ~Copyable>(_ event: DatedEvent, into sink: inout Sink) {
        sink.beginObject()
        sink.field("id", event.id)
        sink.field("date", document.dates[event.date].id)
        spanFields(event.sentence, into: &sink)
        pieces(event.sentence, into: &sink)
        sink.endObject()
    }

    private func quotation<Sink: JSONEventSink & ~Copyable>(_ quotation: Quotation, into sink: inout Sink) {
        sink.beginObject()
        sink.field("id", quotation.id)
        sink.field("kind", quotation.kind.rawValue)
        spanFields(quotation.span, into: &sink)
        pieces(quotation.span, into: &sink)
        span("speaker", quotation.speaker, into: &sink)
        if let index = quotation.citation {
            let citation = document.citations[index]
            sink.field("citation", citation.id)
            sink.key("references")
            sink.array(citation.parts.compactMap(\.reference)) { $0.string(document.references[$1].id) }
        }
        if let index = quotation.footnote { sink.field("footnote", document.footnotes[index].id) }
        sink.endObject()
    }

    private func diagnostic<Sink: JSONEventSink & ~Copyable>(_ diagnostic: Diagnostic, into sink: inout Sink) {
        sink.beginObject()
        sink.field("severity", diagnostic.severity.rawValue)
        sink.field("message", diagnostic.message)
        if case .text(let location)? = diagnostic.place {
            sink.field("line", location.line)
            sink.field("column", location.column)
            sink.field("start", location.offset)
        }
        sink.endObject()
    }
}
