extension Document {
    /// The running prose, where citations, dates and quotations stand: the abstract, paragraphs,
    /// list items, block quotes, captions, notes; in the order of the text, each stretch once (a
    /// block quote inside its paragraph is not read twice).
    public func proseRanges() -> [TextRange] {
        var ranges: [TextRange] = frontMatter.abstract.map(\.span)
        func visit(_ section: Section) {
            for block in section.blocks {
                switch block {
                case .paragraph(let paragraph): ranges.append(paragraph.span)
                case .list(let list): ranges += list.items.map(\.span)
                case .blockQuote(let quote): ranges.append(quote.span)
                case .figure(let figure): ranges += [figure.caption].compactMap { $0 }
                }
            }
            section.subsections.forEach(visit)
        }
        visit(body)
        ranges += footnotes.map(\.span)
        var disjoint: [TextRange] = []
        for var range in ranges.sorted(by: { $0.start < $1.start }) {
            range.start = max(range.start, disjoint.last?.end ?? 0)
            if range.start < range.end { disjoint.append(range) }
        }
        return disjoint
    }
}

extension Document {
    /// The sentences of the running prose, in the order of the text.
    /// Split once while the prose and the text stay as they are.
    public mutating func proseSentences() -> [TextRange] {
        let prose = proseRanges()
        if let cache = sentenceCache, cache.prose == prose { return cache.sentences }
        let sentences = prose.flatMap { Sentences.split(text, in: $0) }
        sentenceCache = (prose, sentences)
        return sentences
    }

    /// The words of every section heading, in the order of the text.
    public func headingRanges() -> [TextRange] {
        var ranges: [TextRange] = []
        func visit(_ section: Section) {
            if let heading = section.heading { ranges.append(heading.title) }
            section.subsections.forEach(visit)
        }
        visit(body)
        return ranges
    }
}
