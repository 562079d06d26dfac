/// The words around a temporal expression, which say how to read it: whether its clause looks
/// ahead or tells the past, whether a number is a year, whether a quarter is set against another.
struct Surroundings: Sendable {
    /// The sentence in UTF-16 units, shared with the tagger: a reading asks for its cues only
    /// when it is resolved against the writing date, and keeps its surroundings until then.
    private let units: [UInt16]
    private let match: Range<Int>

    /// How much of the text around a match the cues look at.
    static let reach = 80

    /// The surroundings of `match` in a sentence's UTF-16 `units`, cut out only when a rule
    /// asks: most rules never do.
    init(of match: Range<Int>, in units: [UInt16]) {
        self.units = units
        self.match = match
    }

    /// Up to `reach` characters before the match, and after it.
    var before: Substring {
        let lead = max(0, match.lowerBound - Self.reach)
        return Substring(String(utf16: units[lead..<match.lowerBound]))
    }

    var after: Substring {
        let end = match.upperBound, tail = min(units.count, end + Self.reach)
        return Substring(String(utf16: units[end..<tail]))
    }

    /// Where the clause puts what it tells, as far as its verbs show.
    enum Tense: Sendable { case ahead, past, unmarked }

    /// Whether the clause looks ahead (`is scheduled to close Monday`, `will meet on Friday`),
    /// read back to the last verb of saying, whose own time is the past; a plan told in the
    /// past perfect (`had been due to expire Friday`) is past.
    var looksAhead: Bool {
        Self.looksAhead(clause: Self.clauseBefore(before))
    }

    private static func looksAhead(clause: String) -> Bool {
        lookingAhead.matches(clause) && !pastPerfect.matches(clause)
    }

    /// `ahead` as `looksAhead`; else `past` when a verb of the clause, before or after the
    /// expression, is in the past tense (`stepped down in March`, `In January, the company
    /// brought in`); a report's bare month is otherwise read either way around its date.
    var tense: Tense {
        let clause = Self.clauseBefore(before)
        if Self.looksAhead(clause: clause) { return .ahead }
        let clauseAfter = after.prefix { !".;:!?\n".contains($0) }
        return Self.pastVerb.matches(clause) || Self.pastVerb.matches(String(clauseAfter)) ? .past : .unmarked
    }

    /// Whether what follows is set against the subject (`after a flat second quarter`,
    /// `compared with the third quarter`): such a word at most two words before it.
    var isContrast: Bool { Self.contrast.matches(String(before)) }

    /// Whether a number here can be a year: not a page, figure, table or other numbered thing
    /// (`notBeforeYear` in the last 24 characters before it).
    var allowsYear: Bool {
        // Every year of a paper asks, and most sit in ASCII text: there the words are read
        // straight from the units, as the pattern reads them.
        let lead = max(0, match.lowerBound - Self.reach)
        var start = match.lowerBound
        for _ in 0..<24 where start > lead {
            start -= 1
            // A carriage return and line feed are one character.
            if units[start] == 0x0A && start > lead && units[start - 1] == 0x0D { start -= 1 }
        }
        guard let numbered = Self.endsWithNumberedThing(units[start..<match.lowerBound]) else {
            return !Self.notBeforeYear.matches(String(before.suffix(24)))
        }
        return !numbered
    }

    /// Whether ASCII text ends as `notBeforeYear` matches: a word of `numberedThings`, a full
    /// stop, white space; or `#` and white space. nil for text beyond ASCII.
    static func endsWithNumberedThing(_ window: ArraySlice<UInt16>) -> Bool? {
        guard window.allSatisfy({ $0 < 0x80 }) else { return nil }
        var end = window.endIndex
        while end > window.startIndex && UTF16.isPatternSpace(window[end - 1]) { end -= 1 }
        guard end > window.startIndex else { return false }
        if window[end - 1] == 0x23 { return true }  // `#`
        if window[end - 1] == 0x2E { end -= 1 }  // a full stop
        // The word: the letters, digits and underscores before, where `\b` puts its start.
        var start = end
        while start > window.startIndex, case let unit = window[start - 1],
              UTF16.isASCIILetter(unit) || (0x30...0x39).contains(unit) || unit == 0x5F { start -= 1 }
        guard end - start <= 10 else { return false }
        return numberedThings.contains(String(lowercasingASCII: window[start..<end]))
    }

    /// Words before a number that make it something other than a year, in lower case.
    static let numberedThings: Set<String> = [
        "p", "pp", "page", "pages", "fig", "figure", "figures", "table", "tables", "no", "nos", "nr", "vol", "volume", "volumes",
        "art", "article", "articles", "chapter", "section", "number", "resolution", "flight", "route", "model", "code", "room",
        "item", "paragraph", "para", "annex",
    ]

    /// The part of `before` after the last verb of saying, clause break or sentence end.
    private static func clauseBefore(_ before: Substring) -> String {
        let text = String(before)
        guard let last = sayingOrBreak.matches(in: text.utf16Units).last, let range = text.indices(utf16: last.range) else { return text }
        return String(text[range.upperBound...])
    }

    private static let lookingAhead = RegularExpression(
        #"(?i)\b(?:will|shall|'ll|’ll|scheduled|set\s+to|plans?\s+to|planned|planning|is\s+to|are\s+to|as\s+(?:soon|early)\s+as|until|coming|expects?|expected\s+to|due\s+to|supposed\s+to|would|payable|effective)\b"#)
    private static let sayingOrBreak = RegularExpression(#"(?i)\b(?:said|says|told|announced|reported)\b|[;:]|[.!?]["'”’]?\s+(?=["'“‘`]*[A-Z])"#)
    private static let pastPerfect = RegularExpression(#"(?i)\bhad\b"#)
    /// Irregular past forms that are not also present forms (`put`, `set`, `read` are left
    /// out), and regular ones in lower case (`United` is a name; `-eed` is `proceed`).
    private static let pastVerb = RegularExpression(
        #"\b(?:was|were|had|did|made|took|came|went|got|gave|brought|bought|sold|became|began|fell|rose|paid|won|lost|met|saw|knew|thought|found|held|led|kept|ran|sent|spent|stood|struck|wrote|fled|grew|built|chose|drove|broke|flew|meant|rode|sank|shot|slept|spoke|stole|taught|threw|withdrew|[a-z]{2,}(?<!e)ed)\b"#)
    private static let contrast = RegularExpression(
        #"(?i)\b(?:after|following|unlike|compared\s+(?:with|to)|versus|vs\.|from)\s+(?:[\w’'-]+\s+){0,2}$"#)
    /// Words and marks before a number that make it something other than a year.
    static let notBeforeYear = RegularExpression(
        #"(?i)(?:\b(?:"# + numberedThings.sorted().joined(separator: "|") + #"|§)\.?\s*|[#№§]\s*)$"#)
}

private extension RegularExpression {
    func matches(_ text: String) -> Bool {
        isMatched(in: text.utf16Units)
    }
}
