extension Document {
    /// The running prose, where citations, dates and quotations stand: the abstract, paragraphs,
    /// list items, block quotes, captions, notes; in the order of the text, each stretch once (a
    /// block quote inside its paragraph is not read twice).
    public func proseRanges() -> [TextRange] {
        var ranges: [TextRange] = frontMatter.abstract.map(\.span)
        Self.appendProse(of: body, to: &ranges)
        for footnote in footnotes { ranges.append(footnote.span) }
        var disjoint: [TextRange] = []
        for var range in ranges.sorted(by: { $0.start < $1.start }) {
            range.start = max(range.start, disjoint.last?.end ?? 0)
            if range.start < range.end { disjoint.append(range) }
        }
        return disjoint
    }

    /// Appends the prose of `section` and its subsections to `ranges`. A function of its own
    /// with the array passed in, not a nested one capturing it: five times a paper, every
    /// block's append was checked for exclusive access to the captured array.
    private static func appendProse(of section: Section, to ranges: inout [TextRange]) {
        for block in section.blocks {
            switch block {
            case .paragraph(let paragraph): ranges.append(paragraph.span)
            case .list(let list): for item in list.items { ranges.append(item.span) }
            case .blockQuote(let quote): ranges.append(quote.span)
            case .figure(let figure): if let caption = figure.caption { ranges.append(caption) }
            }
        }
        for subsection in section.subsections { appendProse(of: subsection, to: &ranges) }
    }
}

extension Document {
    /// The sentences of the running prose, in the order of the text.
    /// Split once while the prose and the text stay as they are.
    public mutating func proseSentences() -> [TextRange] {
        let prose = proseRanges()
        if let cache = sentenceCache, cache.prose == prose { return cache.sentences }
        var sentences: [TextRange] = []
        for range in prose { Sentences.split(text, in: range, into: &sentences) }
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
