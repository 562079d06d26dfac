import FolioBytes

extension Document {
    /// Numbers every node in document order, one counter a kind (`p1`, `p2`, `head1`, `fn1`…),
    /// so the JSON and the TEI name the same node the same way and ids are stable across runs.
    mutating func assignIdentifiers() {
        var counters = [Int](repeating: 0, count: IdentifierKind.allCases.count)
        func next(_ kind: IdentifierKind) -> String {
            counters[kind.rawValue] += 1
            return String(identifier: kind.prefix, counters[kind.rawValue])
        }
        for index in frontMatter.abstract.indices { frontMatter.abstract[index].id = next(.paragraph) }
        func number(_ section: inout Section) {
            if section.heading != nil {
                section.id = next(.division)
                section.heading!.id = next(.heading)
            }
            for index in section.blocks.indices {
                switch section.blocks[index] {
                case .paragraph(var paragraph):
                    paragraph.id = next(.paragraph)
                    section.blocks[index] = .paragraph(paragraph)
                case .list(var list):
                    list.id = next(.list)
                    for item in list.items.indices { list.items[item].id = next(.item) }
                    section.blocks[index] = .list(list)
                case .blockQuote(var quote):
                    quote.id = next(.blockQuote)
                    section.blocks[index] = .blockQuote(quote)
                case .figure(var figure):
                    figure.id = next(figure.kind == .table ? .table : .figure)
                    section.blocks[index] = .figure(figure)
                }
            }
            for index in section.subsections.indices { number(&section.subsections[index]) }
        }
        number(&body)
        for index in footnotes.indices { footnotes[index].id = next(.footnote) }
        for index in references.indices { references[index].id = next(.reference) }
        for index in citations.indices { citations[index].id = next(.citation) }
        for index in dates.indices { dates[index].id = next(.date) }
        for index in events.indices { events[index].id = next(.event) }
        for index in quotations.indices { quotations[index].id = next(.quotation) }
    }
}

/// The kinds of node that are numbered, each with its own counter and its id's prefix. A
/// counter is found by the kind's number, not by hashing its prefix for every node.
private enum IdentifierKind: Int, CaseIterable {
    case paragraph, division, heading, list, item, blockQuote, table, figure, footnote, reference, citation, date, event, quotation

    var prefix: String {
        switch self {
        case .paragraph: "p"
        case .division: "div"
        case .heading: "head"
        case .list: "list"
        case .item: "item"
        case .blockQuote: "bq"
        case .table: "tab"
        case .figure: "fig"
        case .footnote: "fn"
        case .reference: "b"
        case .citation: "cit"
        case .date: "date"
        case .event: "event"
        case .quotation: "quote"
        }
    }
}

extension String {
    /// `prefix` followed by `number` in decimal (`date12`), written in place: a paper numbers a
    /// few hundred nodes, and `prefix + String(number)` called the generic description and an
    /// append for each. An identifier of up to fifteen bytes is made without an allocation.
    init(identifier prefix: String, _ number: Int) {
        self = prefix.withUTF8Bytes { prefix in
            DecimalDigits.withDigits(of: number) { digits in
                String(unsafeUninitializedCapacity: prefix.count + digits.count) { bytes in
                    _ = bytes.initialize(fromContentsOf: prefix)
                    _ = UnsafeMutableBufferPointer(rebasing: bytes[prefix.count...]).initialize(fromContentsOf: digits)
                    return prefix.count + digits.count
                }
            }
        }
    }
}
