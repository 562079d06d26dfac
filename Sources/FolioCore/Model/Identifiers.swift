extension Document {
    /// Numbers every node in document order, one counter a kind (`p1`, `p2`, `head1`, `fn1`…),
    /// so the JSON and the TEI name the same node the same way and ids are stable across runs.
    mutating func assignIdentifiers() {
        var counters: [String: Int] = [:]
        func next(_ prefix: String) -> String {
            let number = (counters[prefix] ?? 0) + 1
            counters[prefix] = number
            return "\(prefix)\(number)"
        }
        for index in frontMatter.abstract.indices { frontMatter.abstract[index].id = next("p") }
        func number(_ section: inout Section) {
            if section.heading != nil {
                section.id = next("div")
                section.heading!.id = next("head")
            }
            for index in section.blocks.indices {
                switch section.blocks[index] {
                case .paragraph(var paragraph):
                    paragraph.id = next("p")
                    section.blocks[index] = .paragraph(paragraph)
                case .list(var list):
                    list.id = next("list")
                    for item in list.items.indices { list.items[item].id = next("item") }
                    section.blocks[index] = .list(list)
                case .blockQuote(var quote):
                    quote.id = next("bq")
                    section.blocks[index] = .blockQuote(quote)
                case .figure(var figure):
                    figure.id = next(figure.kind == .table ? "tab" : "fig")
                    section.blocks[index] = .figure(figure)
                }
            }
            for index in section.subsections.indices { number(&section.subsections[index]) }
        }
        number(&body)
        for index in footnotes.indices { footnotes[index].id = next("fn") }
        for index in references.indices { references[index].id = next("b") }
        for index in citations.indices { citations[index].id = next("cit") }
        for index in dates.indices { dates[index].id = next("date") }
        for index in events.indices { events[index].id = next("event") }
        for index in quotations.indices { quotations[index].id = next("quote") }
    }
}
