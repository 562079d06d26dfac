import Foundation

/// The words and marks front matter is printed with: labels (`Abstract`, `Keywords:`), e-mail
/// addresses, affiliation marks and institution words, ranks and titles before names.
struct FrontMatterLabels {
    let text: WorkingText

    enum Kind { case abstract, keywords }

    struct Label {
        var kind: Kind
        /// What follows the label in the same block (empty when the label stands alone).
        var rest: TextRange
    }

    static let labels: [(String, Kind)] = [
        ("abstract", .abstract), ("summary", .abstract), ("résumé", .abstract), ("resumen", .abstract),
        ("keywords", .keywords), ("key words", .keywords), ("key-words", .keywords), ("index terms", .keywords),
        ("mots-clés", .keywords), ("palabras clave", .keywords), ("cuvinte cheie", .keywords),
    ]

    /// Whether a line opening with an ASCII code point may open with a label: whether the
    /// code point, in lower case, is a label's first letter. The check rests on labels opening
    /// in ASCII: a label opening with `é` would match a line opening with `e` and an accent.
    private static let opensLabel: ASCIIByteSet = {
        precondition(labels.allSatisfy { $0.0.unicodeScalars.first!.asciiLetterLowercased != nil }, "a label opens with a letter beyond ASCII")
        // Each first letter (lower case) and its capital.
        return ASCIIByteSet(labels.flatMap { [$0.0.utf8.first!, $0.0.utf8.first! & ~0x20] })
    }()

    /// The labels written in ASCII (ASCII text can start with no other), by their first
    /// letter's place in the alphabet: a line is compared with those that open as it does.
    private static let asciiLabelsByFirstLetter: [[String]] = {
        var byLetter = [[String]](repeating: [], count: 26)
        for label in labels.map(\.0) where label.utf8.allSatisfy({ $0 < 0x80 }) {
            byLetter[Int(label.utf8.first! - UInt8(ascii: "a"))].append(label)
        }
        return byLetter
    }()

    /// What may stand between a label and its text.
    private static let separators: ScalarSet = ":.—–- \n"

    /// `Abstract`, `ABSTRACT.`, `Keywords: a, b`, `Key words — a; b`: the label and the rest.
    func label(of range: TextRange) -> Label? {
        guard let (word, kind) = openingLabel(range) else { return nil }
        var index = range.start + word.unicodeScalars.count
        // The label must end there: a separator, the block's end, or a line break.
        guard index == range.end || Self.separators.contains(text[index]) else { return nil }
        var sawSeparator = index == range.end || text[index] == "\n"
        while index < range.end && Self.separators.contains(text[index]) {
            if text[index] != " " { sawSeparator = true }
            index += 1
        }
        // `Abstract algebra is…` is text; a label stands alone or is followed by punctuation.
        guard sawSeparator || index == range.end else { return nil }
        return Label(kind: kind, rest: TextRange(index, range.end))
    }

    /// The label `range` opens with, in either case (the first of `labels` its lower-cased
    /// first 16 code points start with); what follows it is not looked at.
    func openingLabel(_ range: TextRange) -> (word: String, kind: Kind)? {
        guard range.start < range.end else { return nil }
        // Every label opens with an ASCII letter: a line opening with another ASCII character
        // has none, whatever follows (in French or German most lines have a letter beyond
        // ASCII). Asked first: most lines of a paper are done with here.
        if text[range.start].value < 0x80, !Self.opensLabel.contains(UInt8(text[range.start].value)) { return nil }
        // Most other lines are ASCII and open with no label: told without making a string.
        if text.isASCII(range, first: 16), let first = text[range.start].asciiLetterLowercased,
           !Self.asciiLabelsByFirstLetter[Int(first - UInt8(ascii: "a"))].contains(where: { text.hasPrefix($0, in: range, ignoringCase: true) }) {
            return nil
        }
        guard Self.labels.contains(where: { text.mayOpen(range, with: $0.0) }) else { return nil }
        let head = text.string(TextRange(range.start, min(range.end, range.start + 16))).lowercased()
        return Self.labels.first { head.hasPrefix($0.0) }
    }

    /// Keywords split on `;` or `,`, a final full stop dropped.
    func keywords(in range: TextRange) -> [TextRange] {
        let separator: Unicode.Scalar = text.scalars[range.start..<range.end].contains(";") ? ";" : ","
        var result: [TextRange] = []
        var start = range.start
        for index in range.start...range.end where index == range.end || text[index] == separator {
            var piece = TextRange(start, index)
            while piece.start < piece.end && text[piece.start].isWhitespace { piece.start += 1 }
            while piece.end > piece.start && (text[piece.end - 1].isWhitespace || text[piece.end - 1] == ".") { piece.end -= 1 }
            if !piece.isEmpty { result.append(piece) }
            start = index + 1
        }
        return result
    }

    /// E-mail addresses in `range`.
    func emails(in range: TextRange) -> [TextRange] {
        var result: [TextRange] = []
        for index in range.start..<range.end where text[index] == "@" {
            var start = index
            while start > range.start, isMailCharacter(text[start - 1]) { start -= 1 }
            var end = index + 1
            while end < range.end, isMailCharacter(text[end]) || text[end] == "." && end + 1 < range.end && isMailCharacter(text[end + 1]) { end += 1 }
            let domain = text.string(TextRange(index + 1, end))
            if start < index, domain.contains(".") { result.append(TextRange(start, end)) }
        }
        return result
    }

    private func isMailCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isAlphabetic || ("0"..."9").contains(scalar) || "._%+-".unicodeScalars.contains(scalar)
    }

    static let institutionWords = ["university", "universidad", "universitat", "université", "universität", "universitatea",
                                   "institute", "institut", "department", "faculty", "college", "school of", "academy",
                                   "laboratory", "centre", "center", "headquarters", "division", "ministry", "hospital",
                                   "foundation", "agency", "council", "society"]

    /// An affiliation line: one that starts with an affiliation mark (`*`, `†`, `¹`, `1 `) or names
    /// an institution, without the mark, and without an e-mail part (`e-mail: …`).
    func affiliation(in line: TextRange) -> TextRange? {
        var start = line.start
        let marks = "*†‡§¹²³⁴⁵⁶⁷⁸⁹".unicodeScalars
        let marked = marks.contains(text[start])
        while start < line.end && (marks.contains(text[start]) || text[start] == " ") { start += 1 }
        let string = text.string(TextRange(start, line.end)).lowercased()
        guard !string.isEmpty, !string.hasPrefix("e-mail"), !string.hasPrefix("email"), !string.containsText("@") else { return nil }
        let namesInstitution = Self.institutionWords.contains { string.containsText($0) }
        guard namesInstitution || (marked && text.wordCount(TextRange(start, line.end)) <= 20) else { return nil }
        guard text.wordCount(TextRange(start, line.end)) <= 30, !text.endsWithPunctuation(TextRange(start, line.end)) || namesInstitution else { return nil }
        return TextRange(start, line.end)
    }

    /// Ranks, titles and degrees printed around names.
    static let honorifics: Set<String> = ["dr", "dr.", "prof", "prof.", "professor", "mr.", "mrs.", "ms.", "phd", "ph.d.",
                                          "lt.", "lt", "col.", "maj.", "gen.", "capt.", "cpt.", "sgt.", "cmdr.", "adm.",
                                          "1st", "2nd", "3rd", "lt.col.", "assoc.", "asst.", "eng.", "ing."]

    /// The authors of an author line: short, names capitalized, no sentence, marks allowed after
    /// names. Names are split on `,`, `;`, `and`, `&`.
    func authors(in range: TextRange) -> [Author]? {
        let words = text.wordCount(range)
        guard words >= 2, words <= 16, !text.scalars[range.start..<range.end].contains("\n") || words <= 8,
              !text.endsWithPunctuation(range), text.lastVisible(range).map({ !":".unicodeScalars.contains($0) }) ?? false,
              labels(in: range) else { return nil }
        var authors: [Author] = []
        for piece in split(range) {
            guard let author = name(in: piece) else { return nil }
            authors.append(author)
        }
        return authors.isEmpty ? nil : authors
    }

    static let mastheadWords = ["journal", "bulletin", "review", "proceedings", "quarterly", "annals", "transactions",
                                "volume", "vol.", "issue", "no.", "issn", "doi"]

    /// Whether an author line could be this: no address, institution or masthead, and not in
    /// capitals throughout unless a name carries an affiliation mark.
    private func labels(in range: TextRange) -> Bool {
        let string = text.string(range).lowercased()
        let words = string.split(whereSeparator: { !$0.isLetter && $0 != "." })
        guard !string.containsText("http"), !string.containsText("@"), !Self.institutionWords.contains(where: { string.containsText($0) }),
              !words.contains(where: { word in Self.mastheadWords.contains(String(word)) }) else { return false }
        let marked = text.scalars[range.start..<range.end].contains { "*†‡§¹²³⁴⁵⁶⁷⁸⁹".unicodeScalars.contains($0) }
        return marked || !text.isUpperCase(range)
    }

    /// The pieces of an author line between `,`, `;`, ` and `, ` & `.
    private func split(_ range: TextRange) -> [TextRange] {
        var pieces: [TextRange] = []
        var start = range.start
        var index = range.start
        while index < range.end {
            var cut = 0
            if text[index] == "," || text[index] == ";" || text[index] == "&" { cut = 1 }
            if text.hasPrefix(" and ", in: TextRange(index, range.end)) { cut = 5 }
            if cut > 0 {
                pieces.append(TextRange(start, index))
                index += cut
                start = index
            } else {
                index += 1
            }
        }
        pieces.append(TextRange(start, range.end))
        return pieces.filter { text.wordCount($0) > 0 }
    }

    /// A person's name: capitalized words after any rank, marks after it; the surname is the
    /// word in capitals when others are not, else the last word.
    private func name(in range: TextRange) -> Author? {
        var tokens: [TextRange] = []
        var index = range.start
        while index < range.end {
            while index < range.end && text[index].isWhitespace { index += 1 }
            let start = index
            while index < range.end && !text[index].isWhitespace { index += 1 }
            if start < index { tokens.append(TextRange(start, index)) }
        }
        // Drop ranks and titles in front, marks behind.
        while let first = tokens.first, Self.honorifics.contains(text.string(first).lowercased()) { tokens.removeFirst() }
        guard !tokens.isEmpty else { return nil }
        var last = tokens[tokens.count - 1]
        while last.end > last.start, "*†‡§¹²³⁴⁵⁶⁷⁸⁹0123456789,".unicodeScalars.contains(text[last.end - 1]) { last.end -= 1 }
        tokens[tokens.count - 1] = last
        guard (2...5).contains(tokens.count), tokens.allSatisfy({ token in
            let first = text[token.start]
            return first.isUppercase && text.letters(token).count >= 1
        }) else { return nil }
        let upper = tokens.filter { text.letters($0).count >= 2 && text.letters($0).allSatisfy { !$0.properties.isLowercase } }
        let surname = upper.count >= 1 && upper.count < tokens.count ? upper : [tokens[tokens.count - 1]]
        let given = tokens.filter { !surname.contains($0) }
        func join(_ ranges: [TextRange]) -> String? {
            ranges.isEmpty ? nil : ranges.map { text.string($0) }.joined(separator: " ")
        }
        return Author(name: TextRange(tokens[0].start, tokens[tokens.count - 1].end), forename: join(given), surname: join(surname))
    }

    /// A title: a few words or more, not a web address, not ending in a full stop.
    func isTitleLike(_ range: TextRange) -> Bool {
        let words = text.wordCount(range)
        return words >= 3 && words <= 40 && !isAddress(range) && text.lastVisible(range) != "."
    }

    func isAddress(_ range: TextRange) -> Bool {
        let string = text.string(range).lowercased()
        return string.hasPrefix("http") || string.hasPrefix("www.") || (string.contains("/") && !string.contains(" "))
    }
}
