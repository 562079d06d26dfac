/// Labels the tokens of a printed reference from its CSL-JSON gold, for training: each field's
/// words are found in the reference, in order, and take the field's label; punctuation between
/// two words of one field takes it too.
public enum GoldAlignment {
    public static func labels(raw: String, gold: JSONValue) -> ([ReferenceToken], [ReferenceLabel]) {
        let tokens = ReferenceToken.tokenize(raw)
        var labels = [ReferenceLabel](repeating: .other, count: tokens.count)
        let folded = tokens.map { NameFolding.foldWord($0.text) }
        let isWord = tokens.map { token in token.text.unicodeScalars.contains { $0.isAlphabetic || $0.hasNumericType } }

        /// Marks the first unlabelled run of tokens spelling `value`'s words; returns whether found.
        @discardableResult
        func mark(_ value: String, _ label: ReferenceLabel) -> Bool {
            let words = ReferenceToken.tokenize(value).filter { token in token.text.unicodeScalars.contains { $0.isAlphabetic || $0.hasNumericType } }
                .map { NameFolding.foldWord($0.text) }
            guard !words.isEmpty else { return false }
            outer: for start in tokens.indices where isWord[start] && labels[start] == .other && folded[start] == words[0] {
                var position = start
                var matched = [start]
                for word in words.dropFirst() {
                    position += 1
                    while position < tokens.count && !isWord[position] { position += 1 }
                    guard position < tokens.count, labels[position] == .other, folded[position] == word else { continue outer }
                    matched.append(position)
                }
                for index in matched.first!...matched.last! where labels[index] == .other { labels[index] = label }
                // A title's own final mark (`Peril?`) belongs to it.
                if let last = value.last, "?!".contains(last), matched.last! + 1 < tokens.count,
                   tokens[matched.last! + 1].text == String(last), labels[matched.last! + 1] == .other {
                    labels[matched.last! + 1] = label
                }
                return true
            }
            return false
        }
        func string(_ key: String) -> String? {
            switch gold[key] {
            case .string(let value)?: return value
            case .integer(let value)?: return String(value)
            default: return nil
            }
        }
        if let doi = string("DOI") { mark(doi, .doi) }
        if let url = string("URL") { mark(url, .url) }
        if let number = string("citation-number") { mark(number, .citationNumber) }
        for (key, label) in [("title", ReferenceLabel.title), ("container-title", .containerTitle), ("collection-title", .collectionTitle),
                             ("publisher", .publisher), ("publisher-place", .publisherPlace)] {
            if let value = string(key) { mark(value, label) }
        }
        for (key, label) in [("author", ReferenceLabel.author), ("editor", .editor)] {
            for name in gold[key]?.arrayValue ?? [] {
                for part in ["family", "given", "literal"] {
                    guard let value = name[part]?.stringValue else { continue }
                    // Given names are often printed as initials only.
                    if !mark(value, label) {
                        for word in ReferenceToken.tokenize(value) where word.text.first?.isLetter == true {
                            _ = mark(String(word.text.prefix(1)), label)
                        }
                    }
                }
            }
        }
        if case .array(let parts)? = gold["issued"]?["date-parts"], case .array(let first)? = parts.first, case .integer(let year)? = first.first {
            mark(String(year), .issued)
        }
        for (key, label) in [("volume", ReferenceLabel.volume), ("issue", .issue), ("page", .page), ("edition", .edition)] {
            if let value = string(key) { mark(value, label) }
        }
        // Punctuation and joining words between two tokens of one field belong to it.
        var index = 0
        while index < tokens.count {
            if labels[index] != .other, let next = labels[(index + 1)...].firstIndex(where: { $0 != .other }),
               labels[next] == labels[index], next - index <= 3,
               tokens[(index + 1)..<next].allSatisfy({ !isWord[tokens.firstIndex(of: $0)!] || ["and", "et", "al", "&"].contains($0.text.lowercased()) }) {
                for between in (index + 1)..<next { labels[between] = labels[index] }
            }
            index += 1
        }
        return (tokens, labels)
    }
}
