extension Document {
    /// Puts a rebuilt working text in place and carries every range the model holds over to it.
    /// Cleaning stages that rewrite the text call this, never assign `text` themselves.
    public mutating func replaceText(with builder: WorkingTextBuilder) {
        let map = builder.positionMap()
        text = builder.finish()
        sentenceCache = nil
        remapRanges(map.map)
    }

    /// Applies `transform` to every range in the model.
    mutating func remapRanges(_ transform: (TextRange) -> TextRange) {
        runningText = runningText.map(transform)
        frontMatter.title = frontMatter.title.map(transform)
        frontMatter.journal = frontMatter.journal.map(transform)
        frontMatter.keywords = frontMatter.keywords.map(transform)
        for index in frontMatter.abstract.indices { frontMatter.abstract[index].span = transform(frontMatter.abstract[index].span) }
        for index in frontMatter.authors.indices {
            frontMatter.authors[index].name = transform(frontMatter.authors[index].name)
            frontMatter.authors[index].emails = frontMatter.authors[index].emails.map(transform)
            frontMatter.authors[index].affiliations = frontMatter.authors[index].affiliations.map(transform)
        }
        body.remapRanges(transform)
        for index in footnotes.indices {
            footnotes[index].span = transform(footnotes[index].span)
            footnotes[index].markers = footnotes[index].markers.map(transform)
        }
        for index in references.indices { references[index].span = transform(references[index].span) }
        for index in citations.indices {
            citations[index].span = transform(citations[index].span)
            for part in citations[index].parts.indices { citations[index].parts[part].span = transform(citations[index].parts[part].span) }
        }
        for index in dates.indices { dates[index].span = transform(dates[index].span) }
        for index in events.indices { events[index].sentence = transform(events[index].sentence) }
        for index in quotations.indices {
            quotations[index].span = transform(quotations[index].span)
            quotations[index].speaker = quotations[index].speaker.map(transform)
        }
    }
}

extension Section {
    mutating func remapRanges(_ transform: (TextRange) -> TextRange) {
        if var heading {
            heading.span = transform(heading.span)
            heading.title = transform(heading.title)
            self.heading = heading
        }
        for index in blocks.indices {
            switch blocks[index] {
            case .paragraph(var paragraph):
                paragraph.span = transform(paragraph.span)
                blocks[index] = .paragraph(paragraph)
            case .list(var list):
                list.span = transform(list.span)
                for item in list.items.indices { list.items[item].span = transform(list.items[item].span) }
                blocks[index] = .list(list)
            case .blockQuote(var quote):
                quote.span = transform(quote.span)
                blocks[index] = .blockQuote(quote)
            case .figure(var figure):
                figure.span = transform(figure.span)
                figure.head = figure.head.map(transform)
                figure.caption = figure.caption.map(transform)
                figure.source = figure.source.map(transform)
                blocks[index] = .figure(figure)
            }
        }
        for index in subsections.indices { subsections[index].remapRanges(transform) }
    }
}
