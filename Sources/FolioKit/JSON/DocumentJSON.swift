import FolioCore
import OrderedCollections

/// Turns a document into the JSON tree Folio's schema describes, keys in a fixed order.
struct DocumentJSON {
    let document: Document
    private var text: WorkingText { document.text }

    init(_ document: Document) {
        self.document = document
    }

    func value() -> JSONValue {
        [
            "folio": ["version": .string(FolioVersion.current), "schema": .string(DocumentJSONSchema.identifier)],
            "source": [
                "file": .string(fileName(document.source.name)),
                "format": .string(document.source.format.rawValue),
                "length": .integer(document.source.scalars.count),
            ],
            "frontMatter": frontMatter(),
            "body": section(document.body),
            "footnotes": .array(document.footnotes.map(footnote)),
            "references": .array(document.references.map(reference)),
            "citations": .array(document.citations.map(citation)),
            "dates": .array(document.dates.map(date)),
            "events": .array(document.events.map(event)),
            "quotations": .array(document.quotations.map(quotation)),
            "pageFurniture": .array(document.pageFurniture.map { furniture in
                ["kind": .string(furniture.kind.rawValue), "start": .integer(furniture.source.start),
                 "end": .integer(furniture.source.end), "text": .string(furniture.text)]
            }),
            "repairs": .array(document.repairs.map { repair in
                ["rule": .string(repair.rule), "start": .integer(repair.source.start), "end": .integer(repair.source.end),
                 "before": .string(repair.before), "after": .string(repair.after)]
            }),
            "diagnostics": .array(document.diagnostics.map(diagnostic)),
        ]
    }

    private func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// `start`, `end` and `text` of a range, with `id` first when there is one.
    private func span(_ range: TextRange, id: String? = nil, _ extra: KeyValuePairs<String, JSONValue> = [:]) -> OrderedDictionary<String, JSONValue> {
        var object = OrderedDictionary<String, JSONValue>()
        // Room for what callers add after (a heading's number, an author's names): the table
        // would otherwise grow three times for every span of a document.
        object.reserveCapacity(extra.count + 8)
        for (key, value) in extra where key == "type" { object[key] = value }
        if let id { object["id"] = .string(id) }
        for (key, value) in extra where key != "type" { object[key] = value }
        let source = text.sourceRange(range)
        object["start"] = .integer(source.start)
        object["end"] = .integer(source.end)
        object["text"] = .string(text.readingText(range))
        return object
    }

    private func spanValue(_ range: TextRange) -> JSONValue { .object(span(range)) }

    private func frontMatter() -> JSONValue {
        let front = document.frontMatter
        var object = OrderedDictionary<String, JSONValue>()
        if let title = front.title { object["title"] = spanValue(title) }
        object["authors"] = .array(front.authors.map { author in
            var value = span(author.name)
            if let forename = author.forename { value["forename"] = .string(forename) }
            if let surname = author.surname { value["surname"] = .string(surname) }
            value["emails"] = .array(author.emails.map(spanValue))
            value["affiliations"] = .array(author.affiliations.map(spanValue))
            return .object(value)
        })
        if let journal = front.journal { object["journal"] = spanValue(journal) }
        object["abstract"] = .array(front.abstract.map { .object(span($0.span, id: $0.id, ["type": "paragraph"])) })
        object["keywords"] = .array(front.keywords.map(spanValue))
        return .object(object)
    }

    private func section(_ section: Section) -> JSONValue {
        var object = OrderedDictionary<String, JSONValue>()
        if let heading = section.heading {
            object["id"] = .string(section.id)
            var value = span(heading.title, id: heading.id, ["level": .integer(heading.level)])
            if let number = heading.number { value["number"] = .string(number) }
            // The heading's offsets cover it as printed, number included.
            let source = text.sourceRange(heading.span)
            value["start"] = .integer(source.start)
            value["end"] = .integer(source.end)
            object["heading"] = .object(value)
        }
        object["blocks"] = .array(section.blocks.map(block))
        object["sections"] = .array(section.subsections.map(self.section))
        return .object(object)
    }

    private func block(_ block: Block) -> JSONValue {
        switch block {
        case .paragraph(let paragraph):
            return .object(span(paragraph.span, id: paragraph.id, ["type": "paragraph"]))
        case .blockQuote(let quote):
            return .object(span(quote.span, id: quote.id, ["type": "blockQuote"]))
        case .list(let list):
            var object = span(list.span, id: list.id, ["type": "list", "style": .string(list.style.rawValue)])
            object["text"] = nil
            object["items"] = .array(list.items.map { item in
                var value = span(item.span, id: item.id)
                if let label = item.label { value["label"] = .string(label); value.move("label", toIndex: 1) }
                return .object(value)
            })
            return .object(object)
        case .figure(let figure):
            var object = span(figure.span, id: figure.id, ["type": "figure", "kind": .string(figure.kind.rawValue)])
            object["text"] = nil
            if let head = figure.head { object["head"] = spanValue(head) }
            if let label = figure.label { object["label"] = .string(label) }
            if let caption = figure.caption { object["caption"] = spanValue(caption) }
            if let source = figure.source { object["source"] = spanValue(source) }
            return .object(object)
        }
    }

    private func footnote(_ note: Footnote) -> JSONValue {
        var object = span(note.span, id: note.id, ["number": .string(note.number)])
        addPieces(note.span, to: &object)
        object["markers"] = .array(note.markers.map(spanValue))
        return .object(object)
    }

    /// Where the text was printed in parts (a note run on to the next page, a sentence of it):
    /// each part's offsets; start..end then spans what was printed between them.
    private func addPieces(_ range: TextRange, to object: inout OrderedDictionary<String, JSONValue>) {
        let pieces = text.sourcePieces(range)
        if pieces.count > 1 {
            object["pieces"] = .array(pieces.map { ["start": .integer($0.start), "end": .integer($0.end)] })
        }
    }

    private func reference(_ reference: Reference) -> JSONValue {
        var object = OrderedDictionary<String, JSONValue>()
        object["id"] = .string(reference.id)
        object["type"] = .string(reference.type)
        object["raw"] = .string(text.readingText(reference.span))
        let source = text.sourceRange(reference.span)
        object["start"] = .integer(source.start)
        object["end"] = .integer(source.end)
        for (key, value) in CSLItem.fields(of: reference) { object[key] = value }
        return .object(object)
    }

    private func citation(_ citation: Citation) -> JSONValue {
        var object = span(citation.span, id: citation.id)
        let cited = citation.parts.compactMap(\.reference).map { document.references[$0].id }
        object["references"] = .array(cited.map(JSONValue.string))
        object["parts"] = .array(citation.parts.map { part in
            var value = span(part.span)
            value["authors"] = .array(part.authors.map(JSONValue.string))
            if let year = part.year { value["year"] = .string(year) }
            if let locator = part.locator { value["locator"] = .string(locator) }
            if let index = part.reference { value["reference"] = .string(document.references[index].id) }
            return .object(value)
        })
        return .object(object)
    }

    private func date(_ date: TemporalExpression) -> JSONValue {
        var object = span(date.span, id: date.id)
        object["type"] = .string(date.type.rawValue)
        object["value"] = .string(date.value)
        if let edtf = date.edtf { object["edtf"] = .string(edtf) }
        if let reaches = date.reaches { object["reaches"] = .string(reaches) }
        return .object(object)
    }

    private func event(_ event: DatedEvent) -> JSONValue {
        var object = span(event.sentence, id: event.id, ["date": .string(document.dates[event.date].id)])
        addPieces(event.sentence, to: &object)
        return .object(object)
    }

    private func quotation(_ quotation: Quotation) -> JSONValue {
        var object = span(quotation.span, id: quotation.id, ["kind": .string(quotation.kind.rawValue)])
        addPieces(quotation.span, to: &object)
        if let speaker = quotation.speaker { object["speaker"] = spanValue(speaker) }
        if let index = quotation.citation {
            let citation = document.citations[index]
            object["citation"] = .string(citation.id)
            object["references"] = .array(citation.parts.compactMap(\.reference).map { .string(document.references[$0].id) })
        }
        if let index = quotation.footnote { object["footnote"] = .string(document.footnotes[index].id) }
        return .object(object)
    }

    private func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
        var object: OrderedDictionary<String, JSONValue> = ["severity": .string(diagnostic.severity.rawValue), "message": .string(diagnostic.message)]
        if case .text(let location)? = diagnostic.place {
            object["line"] = .integer(location.line)
            object["column"] = .integer(location.column)
            object["start"] = .integer(location.offset)
        }
        return .object(object)
    }
}

extension OrderedDictionary {
    /// Moves an existing key to a position, keeping the others in order.
    fileprivate mutating func move(_ key: Key, toIndex index: Int) {
        guard let value = removeValue(forKey: key) else { return }
        updateValue(value, forKey: key, insertingAt: Swift.min(index, count))
    }
}
