/// Footnotes as converters write them in Markdown: markers `[^3]` or `<sup>3</sup>` in the
/// text, and notes `[^3]: text` (or a line starting `<sup>3</sup>`) on lines of their own,
/// continued by indented lines. Markers become the printed number; notes move after the
/// running text, as the page notes of extracted text do.
struct MarkdownFootnotes {
    let text: WorkingText

    /// A note's definition: its label and the lines of its text.
    struct Definition {
        var label: String
        var lines: Range<Int>
        var firstText: TextRange
    }

    /// A marker in the running text: the whole markup and the number inside it.
    struct Marker {
        var markup: TextRange
        var label: TextRange
    }

    func definitions(_ lines: [Line]) -> [Definition] {
        var result: [Definition] = []
        var index = 0
        while index < lines.count {
            guard let (label, firstText) = definitionStart(lines[index]) else { index += 1; continue }
            var end = index + 1
            while end < lines.count, !lines[end].isBlank, lines[end].indentation >= 2, definitionStart(lines[end]) == nil { end += 1 }
            result.append(Definition(label: label, lines: index..<end, firstText: firstText))
            index = end
        }
        return result
    }

    /// `[^3]: text` or `<sup>3</sup> text` at a line's start.
    func definitionStart(_ line: Line) -> (String, TextRange)? {
        guard let marker = marker(at: line.content.start, limit: line.content.end) else { return nil }
        var start = marker.markup.end
        let isBracketed = text[line.content.start] == "["
        if isBracketed {
            guard start < line.content.end, text[start] == ":" else { return nil }
            start += 1
        }
        while start < line.content.end && text[start] == " " { start += 1 }
        guard start < line.content.end else { return nil }
        return (text.string(marker.label), TextRange(start, line.content.end))
    }

    /// Every marker in `range`, definitions' own labels left out by the caller.
    func markers(in range: TextRange) -> [Marker] {
        var result: [Marker] = []
        var index = range.start
        while index < range.end {
            if let found = marker(at: index, limit: range.end) {
                result.append(found)
                index = found.markup.end
            } else {
                index += 1
            }
        }
        return result
    }

    /// `[^label]` or `<sup>digits</sup>` starting at `index`.
    func marker(at index: Int, limit: Int) -> Marker? {
        if text.hasPrefix("[^", in: TextRange(index, limit)) {
            var end = index + 2
            while end < limit && end - index < 12 && text[end] != "]" && !text[end].isWhitespace { end += 1 }
            guard end < limit, text[end] == "]", end > index + 2 else { return nil }
            return Marker(markup: TextRange(index, end + 1), label: TextRange(index + 2, end))
        }
        if text.hasPrefix("<sup>", in: TextRange(index, limit)) {
            var end = index + 5
            while end < limit && ("0"..."9").contains(text[end]) { end += 1 }
            guard end > index + 5, text.hasPrefix("</sup>", in: TextRange(end, limit)) else { return nil }
            return Marker(markup: TextRange(index, end + 6), label: TextRange(index + 5, end))
        }
        return nil
    }
}

extension FootnotesStage {
    /// Lifts Markdown notes out and turns their markers into the printed numbers.
    func liftMarkdownNotes(_ document: inout Document) {
        let text = document.text
        let markdown = MarkdownFootnotes(text: text)
        let lines = text.lines()
        let definitions = markdown.definitions(lines)
        guard !definitions.isEmpty else { return }
        let definitionLines = Set(definitions.flatMap { $0.lines })
        var builder = WorkingTextBuilder(base: text)
        var cursor = 0
        var markersByLabel: [String: [TextRange]] = [:]
        for (index, line) in lines.enumerated() {
            if definitionLines.contains(index) {
                let removed = TextRange(line.range.start, min(text.count, line.range.end + 1))
                builder.copy(TextRange(cursor, removed.start))
                builder.replace(removed, with: [])
                document.repairs.append(Repair(rule: "footnote-lift-out", source: text.sourceRange(removed), before: text.string(removed), after: ""))
                cursor = removed.end
                continue
            }
            for marker in markdown.markers(in: line.content) {
                builder.copy(TextRange(cursor, marker.markup.start))
                let start = builder.count
                builder.replace(TextRange(marker.markup.start, marker.label.start), with: [])
                builder.copy(marker.label)
                builder.replace(TextRange(marker.label.end, marker.markup.end), with: [])
                markersByLabel[text.string(marker.label), default: []].append(TextRange(start, builder.count))
                document.repairs.append(Repair(rule: "footnote-marker", source: text.sourceRange(marker.markup),
                                               before: text.string(marker.markup), after: text.string(marker.label)))
                cursor = marker.markup.end
            }
        }
        builder.copy(TextRange(cursor, text.count))
        let bodyEnd = builder.count
        let pieces = definitions.map { definition in
            [definition.firstText] + definition.lines.dropFirst().map { lines[$0].content }
        }
        let spans = Self.appendNotes(pieces, to: &builder, at: text.count)
        // A label defined twice keeps its markers with its first note.
        var claimed = Set<String>()
        let footnotes = zip(definitions, spans).map { definition, span in
            Footnote(number: definition.label, span: span,
                     markers: claimed.insert(definition.label).inserted ? markersByLabel[definition.label] ?? [] : [])
        }
        document.replaceText(with: builder)
        document.runningText = TextRange(0, bodyEnd)
        document.footnotes = footnotes
    }
}
