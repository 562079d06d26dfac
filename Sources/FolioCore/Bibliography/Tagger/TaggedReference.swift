import Foundation

/// Turns a tagged reference into CSL fields: each field is the text its tokens span, trimmed of
/// the punctuation and quote marks around it; names are split as the rule parser splits them.
enum TaggedReference {
    static func fields(_ raw: String, tokens: [ReferenceToken], labels: [ReferenceLabel]) -> Reference {
        let scalars = raw.scalarArray
        var segments: [(ReferenceLabel, String)] = []
        var index = 0
        while index < tokens.count {
            let label = labels[index]
            var end = index
            while end + 1 < tokens.count && labels[end + 1] == label { end += 1 }
            // A field keeps the bracket that closes one it opened: `(clinoril)`.
            let opened = tokens[index...end].reduce(0) { $0 + ($1.text == "(" ? 1 : $1.text == ")" ? -1 : 0) }
            if opened > 0, end + 1 < tokens.count, tokens[end + 1].text == ")" { end += 1 }
            // A name's last initial keeps its full stop (`Jones, K.`).
            if label == .author || label == .editor, end + 1 < tokens.count, tokens[end + 1].text == ".",
               tokens[end].text.count == 1, tokens[end].text.first?.isUppercase == true {
                end += 1
            }
            let text = String(scalars: scalars[tokens[index].start..<tokens[end].end])
            segments.append((label, text))
            index = end + 1
        }
        func first(_ label: ReferenceLabel) -> String? {
            segments.first { $0.0 == label }.flatMap { clean($0.1) }
        }
        var fields = Reference(span: TextRange(0, 0))
        let parser = ReferenceParser()
        // Names stand before the work: a word of a title or journal the tagger took for a name
        // (`Phys. Rev. D`, `Q-balls`) comes after the title or journal has begun.
        let workStarts = segments.firstIndex { [.title, .containerTitle, .collectionTitle, .publisher, .volume, .page].contains($0.0) }
            ?? segments.endIndex
        let authors = segments[..<workStarts].filter { $0.0 == .author }.map(\.1).joined(separator: ", ")
        fields.authors = authors.isEmpty ? [] : parser.parseNames(authors)
        if let issued = first(.issued), let match = issued.range(ofPattern: #"(1[5-9]|20)\d\d"#) {
            fields.issued = Int(issued[match]).map { PartialDate(year: $0) }
        }
        fields.title = first(.title)
        fields.containerTitle = first(.containerTitle)
        fields.publisher = first(.publisher)
        fields.publisherPlace = first(.publisherPlace)
        fields.volume = first(.volume)
        fields.issue = first(.issue)
        fields.page = first(.page).map { $0.removingSpaces }
        // `46 277` taken as one page: a volume and a page side by side (IOP's `Contemp. Phys. 46 277`).
        if fields.volume == nil, let page = first(.page), let match = page.wholeMatch(ofPattern: #"(\d+)\s+(\d+)"#), let volume = match[1], let number = match[2] {
            fields.volume = String(volume)
            fields.page = String(number)
        }
        fields.edition = first(.edition)
        fields.url = first(.url).map { $0.removingSpaces }
        fields.doi = first(.doi).map { $0.removingSpaces }
        return fields
    }

    /// The marks a field's words are cleaned of, made once.
    private static let fieldMarks = CharacterSet(charactersIn: " .,;:*_\"“”„«»‘’'[]<>")

    static func clean(_ text: String) -> String? {
        var trimmed = text.trimmed(fieldMarks)
        // Brackets go only when unbalanced: `(clinoril)` ends a title.
        while let first = trimmed.first, first == "(", !trimmed.dropFirst().contains(")") { trimmed.removeFirst() }
        while let last = trimmed.last, last == ")", !trimmed.dropLast().contains("(") { trimmed.removeLast() }
        trimmed = trimmed.trimmedOfWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }
}
