import Algorithms
import Foundation

/// Parses one printed reference into a `Reference`'s CSL fields (its span is the caller's), by how references are written: authors first
/// (the first inverted, `Family, Given`, others as printed; an uninverted first author is an
/// organisation), then the year, a title in quotes or italics or up to the next full stop, then
/// the container, volume, issue and pages, or the place and publisher, and links.
///
/// A careful rule system for author-date styles (Chicago, APA, Harvard) and the common
/// numbered ones; its fields are the starting point a learned tagger will improve on.
public struct ReferenceParser: Sendable {
    /// The learned tagger; without it, the rules alone parse.
    public var tagger: ReferenceTagger?

    public init(tagger: ReferenceTagger? = ReferenceTagger.shipped) {
        self.tagger = tagger
    }

    // What fields are trimmed of, made once: a character set costs more to make than to use.
    private static let fieldEdges = CharacterSet(charactersIn: " .,;:*_").union(.whitespacesAndNewlines)
    private static let namesEdges = CharacterSet(charactersIn: " ,;(").union(.whitespacesAndNewlines)
    private static let brackets = CharacterSet(charactersIn: "()")
    private static let doiTail = CharacterSet(charactersIn: ".;:)")
    private static let linkEdges = CharacterSet(charactersIn: "<>.,;)")
    private static let punctuation = CharacterSet.punctuationCharacters


    public func parse(_ printed: String) -> Reference {
        guard let tagger else { return parseByRules(printed) }
        let tokens = ReferenceToken.tokenize(printed)
        var labels = tagger.tag(tokens)
        // Links and DOIs follow strict forms: their tokens are theirs, whatever the tagger says.
        let units = printed.utf16Units
        let offsets = ScalarOffsets(units: units)
        for (expression, label, mayMatch) in Self.identifierForms where mayMatch(units) {
            for span in expression.matches(in: units).map({ offsets.scalarRange($0.range) }) {
                for index in tokens.indices where tokens[index].start >= span.lowerBound && tokens[index].end <= span.upperBound {
                    labels[index] = label
                }
            }
        }
        Self.keepMarkedSpansWhole(tokens, &labels)
        Self.keepJournalAbbreviationsWhole(tokens, &labels)
        var fields = TaggedReference.fields(printed, tokens: tokens, labels: labels)
        // Identifiers follow strict forms that patterns read better than any tagger; italic
        // markup a converter left (`*Title.*`) delimits titles exactly, and the rules read it.
        let italicTitle = printed.containsASCII("*") && printed.range(ofPattern: Self.italicMarkup) != nil
        let rules = italicTitle ? parseByRules(printed) : identifiersAndYear(printed).fields
        // Where the tagger found no locators at all, the patterns' reading stands.
        if fields.volume == nil && fields.page == nil {
            var whole = printed.containsASCII(anyOf: "http", "www.", "10.")
                ? printed.replacing(pattern: Self.linksAndDOIs, with: " ") : printed
            var located = Reference(span: TextRange(0, 0))
            readLocators(&whole, into: &located)
            fields.volume = located.volume
            fields.page = located.page
        }
        fields.issued = fields.issued ?? rules.issued
        if italicTitle {
            fields.title = rules.title ?? fields.title
            fields.containerTitle = rules.containerTitle
            fields.publisher = rules.publisher ?? fields.publisher
            fields.publisherPlace = rules.publisherPlace ?? fields.publisherPlace
        }
        // Compact physics styles, where the tagger missed the journal's parts or took a word of
        // the journal for a name.
        let physicsReading = PhysicsStyle.read(printed)
        if let physics = physicsReading, fields.authors.contains(where: { name in
            physics.journal.split(separator: " ").contains { $0.trimmed(Self.punctuation) == name.family } }) {
            let names = parseNames(physics.authors)
            if !names.isEmpty { fields.authors = names }
        }
        // The same journal, cut short or run long by the tagger: the pattern's reading is whole.
        if let physics = physicsReading, let container = fields.containerTitle, container != physics.journal,
           physics.journal.hasSuffix(container) || container.hasSuffix(physics.journal) {
            fields.containerTitle = physics.journal
            fields.volume = physics.volume
        }
        if fields.containerTitle == nil || fields.page == nil, let physics = physicsReading {
            fields.containerTitle = physics.journal
            fields.volume = physics.volume
            fields.page = physics.page
            fields.issued = PartialDate(year: physics.year)
            fields.title = physics.title ?? (fields.title == physics.journal ? nil : fields.title)
            let names = parseNames(physics.authors)
            if !names.isEmpty { fields.authors = names }
        }
        if fields.publisher == nil, let book = PhysicsStyle.readBook(printed) {
            fields.title = book.title
            fields.publisher = book.publisher
            fields.publisherPlace = book.place
            if fields.containerTitle == book.title { fields.containerTitle = nil }
        } else if fields.publisher == nil || fields.title == nil, fields.volume == nil, fields.page == nil,
                  let book = PhysicsStyle.readShortImprint(printed) {
            fields.title = book.title
            fields.publisher = book.publisher
            if fields.containerTitle == book.title { fields.containerTitle = nil }
            // Words of the title the tagger took for a name.
            let titleWords = Set(book.title.split(separator: " ").map(String.init))
            fields.authors.removeAll { $0.family.map(titleWords.contains) == true }
        }
        cleanTitle(&fields)
        dropMisplacedFields(&fields, printed)
        if let container = fields.containerTitle { repairJournal(container, printed, &fields) }
        // A work with no title is the container's own: a book, a report, a site.
        if fields.title == nil, fields.volume == nil, fields.issue == nil, fields.page == nil {
            fields.title = fields.containerTitle
            fields.containerTitle = nil
        }
        fields.doi = rules.doi ?? fields.doi
        // A link is one only if it starts like one.
        fields.url = rules.url ?? fields.url.flatMap { $0.range(ofPattern: #"^(?i)(?:(?:https?|ftp)://[^/\s]|www\.\w)"#) != nil ? $0 : nil }
        fields.isbn = rules.isbn
        finishType(&fields)
        return fields
    }

    /// What the tagger let into a title from the fields around it: the authors' `et al.`, the
    /// year of an astronomy-style reference, a status (`preprint`, `to appear`), the last names.
    func cleanTitle(_ fields: inout Reference) {
        guard var title = fields.title else { return }
        // Each pattern is tried only where the text has what it cannot match without (most
        // titles have none of it): checked by bytes, and beyond ASCII, where case-insensitive
        // matching folds letters such as `ſ` to ASCII ones, by the pattern.
        let opening = title.utf8.first ?? 0
        if opening == UInt8(ascii: "e") || opening == UInt8(ascii: "E") || opening >= 0x80 {
            title = title.replacing(pattern: #"^(?i:et\s*al\.?)[\s,.:;]*"#, with: "")
        }
        if let year = fields.issued?.year, title.utf8.first.map({ $0 == UInt8(ascii: "(") || (0x30...0x39).contains($0) }) == true {
            title = title.replacing(pattern: #"^\(?"# + String(year) + #"[a-z]?\)?[\s,.:]+(?=\p{L})"#, with: "")
        }
        if Self.mayEndWithLateNote(title) {
            title = title.replacing(pattern: #"[\s,;]+(?i:preprint|in press|to appear|forthcoming|submitted)$"#, with: "")
        }
        // Names before a colon (`Marino, M. and Vafa, C.: Title`) are the last authors.
        if title.utf8.contains(UInt8(ascii: ":")),
           let names = title.firstMatch(ofPattern: #"^((?:\p{Lu}[\p{L}'’-]+,\s+(?:\p{Lu}\.\s*)+(?:,\s*|\s+and\s+|\s*&\s*)?)+):\s*"#), let listed = names[1] {
            let more = parseNames(String(listed))
            fields.authors += more.filter { name in !fields.authors.contains { $0.family == name.family } }
            title = String(title[names.range.upperBound...])
        }
        // An arXiv archive (`astro-ph`) is no title.
        if title.utf8.contains(UInt8(ascii: "-")), title.wholeMatch(ofPattern: #"[a-z]+-[a-z]+(\.[A-Z]{2})?"#) != nil { title = "" }
        fields.title = title.isEmpty ? nil : title
    }

    /// Whether `piece` opens with a decimal digit (`^\d`): an ASCII opening read from its byte.
    static func opensWithDigit(_ piece: String) -> Bool {
        guard let first = piece.utf8.first else { return false }
        return first < 0x80 ? (0x30...0x39).contains(first) : piece.range(ofPattern: #"^\d"#) != nil
    }

    /// What a title may end with that is no part of it (`cleanTitle`).
    private static let lateNotes = ["preprint", "in press", "to appear", "forthcoming", "submitted"]

    /// False where a title holds no late note in any case (beyond ASCII the pattern decides).
    private static func mayEndWithLateNote(_ title: String) -> Bool {
        title.containsASCIIInAnyCase(anyOf: lateNotes) ?? true
    }

    /// Fields the tagger filled with another field's words, or with debris.
    func dropMisplacedFields(_ fields: inout Reference, _ printed: String) {
        // A link is no publisher; a work with a volume and pages is in a journal, not published.
        if let publisher = fields.publisher, publisher.containsText("://") || publisher.hasPrefix("www.") || publisher == fields.containerTitle {
            fields.publisher = nil
        }
        if fields.containerTitle == nil, fields.volume != nil, fields.page != nil, let publisher = fields.publisher {
            fields.containerTitle = publisher
            fields.publisher = nil
        }
        // `1112.5166`: an arXiv number the extraction split, not a page.
        if let page = fields.page, page.wholeMatch(ofPattern: #"\d{4}\.\d{4,5}(v\d+)?"#) != nil { fields.page = nil }
        // A place is a name: not a number, not a piece of another field.
        if let place = fields.publisherPlace, place.contains(where: \.isNumber) || !place.contains(where: \.isLetter)
            || TemporalLexicon.monthNumber(place) != nil
            || place == fields.containerTitle || place == fields.title {
            fields.publisherPlace = nil
        }
        // A collaboration in brackets after the names (`et al. (ABC, XYZ-Team)`) is no field.
        if printed.containsASCII("et al"), let group = printed.firstMatch(ofPattern: Self.collaboration), let bracketed = group[1] {
            let inside = String(bracketed)
            func within(_ value: String?) -> Bool {
                value.map { inside.containsText($0.trimmed(Self.brackets)) } == true
            }
            if within(fields.title) { fields.title = nil }
            if within(fields.publisher) { fields.publisher = nil }
            if within(fields.publisherPlace) { fields.publisherPlace = nil }
        }
    }

    /// The marks that open a span, each with those that close it.
    private static let closers: [String: Set<String>] = ["“": ["”"], "„": ["”", "“"], "«": ["»"], "\"": ["\""], "*": ["*"], "_": ["_"]]
    /// The first UTF-8 bytes of the opening marks: a token opening with another byte is none,
    /// known without hashing its text (every token of every reference is asked).
    private static let openerLeads = Set(closers.keys.compactMap(\.utf8.first))

    /// A title in quotes ends at its closing quote, whatever full stops it holds; numbers in
    /// italics are words of the italic title (`*Security in the 21 century*`), not locators.
    static func keepMarkedSpansWhole(_ tokens: [ReferenceToken], _ labels: inout [ReferenceLabel]) {
        var index = 0
        while index < tokens.count {
            guard tokens[index].text.utf8.first.map(Self.openerLeads.contains) == true,
                  let closing = Self.closers[tokens[index].text], index + 1 < tokens.count,
                  let close = tokens[(index + 1)...].firstIndex(where: { closing.contains($0.text) }) else {
                index += 1
                continue
            }
            let inside = (index + 1)..<close
            if tokens[index].text == "*" || tokens[index].text == "_" {
                for position in inside where [.volume, .issue, .page].contains(labels[position]) && position > inside.lowerBound {
                    labels[position] = labels[position - 1]
                }
            } else if labels[index + 1] == .title, close - index < 80 {
                for position in inside { labels[position] = .title }
            }
            index = close + 1
        }
    }

    /// A journal as extraction leaves it: the volume glued on (`Proc. SPIE9601`), the author's
    /// name in front when no comma parted them (`Y. Writer Phys. Rev. D`), a bracketed part of
    /// the name after it (`Ann. Phys. (N.Y.)`).
    func repairJournal(_ container: String, _ printed: String, _ fields: inout Reference) {
        var journal = container
        // Each pattern is tried only where its fixed part is (a digit last, a full stop second,
        // a full stop): they backtrack through every way of cutting a name that has none.
        if fields.volume == nil, journal.unicodeScalars.last?.properties.generalCategory == .decimalNumber,
           let glued = journal.wholeMatch(ofPattern: #"(.*\p{L})(\d{1,5})"#), let name = glued[1], let volume = glued[2] {
            journal = String(name)
            fields.volume = String(volume)
        }
        if journal.unicodeScalars.dropFirst().first == ".", let named = journal.wholeMatch(ofPattern: #"((?:\p{Lu}\.\s*)+\p{Lu}[\p{L}'’-]+)\s+(\p{Lu}.+)"#),
           let person = named[1], let name = named[2],
           fields.authors.isEmpty || fields.authors.contains(where: { person.hasSuffix($0.family ?? "\u{0}") }) {
            if fields.authors.isEmpty { fields.authors = parseNames(String(person)) }
            journal = String(name)
        }
        // `…Topological Strings.JHEP`: a title run into the journal by a lost space.
        if journal.unicodeScalars.contains("."), let run = journal.wholeMatch(ofPattern: #"(\p{Lu}[^.]*\s[^.]*\s[^.]*\p{Ll})\.(\p{Lu}[\p{L}.\s]*)"#),
           let title = run[1], let name = run[2] {
            fields.title = fields.title ?? String(title)
            journal = String(name)
        }
        if let end = printed.rangeOfText(journal)?.upperBound,
           let bracket = String(printed[end...]).firstMatch(ofPattern: #"\A\.?\s*\(\s*[\p{L}.\s]{1,30}\)"#), let part = bracket[0] {
            journal += String(part).drop { $0 == "." }.description
        }
        fields.containerTitle = journal
    }

    /// An abbreviated journal name is one field: the abbreviated words just before the part the
    /// tagger took for the journal (`J. Math.` of `J. Math. Phys.`) and a series letter just after
    /// it (`J. Phys. G, 31`) belong to it.
    static func keepJournalAbbreviationsWhole(_ tokens: [ReferenceToken], _ labels: inout [ReferenceLabel]) {
        guard var start = labels.firstIndex(of: .containerTitle) else { return }
        func isAbbreviation(_ index: Int) -> Bool {
            index >= 0 && index + 1 < tokens.count && tokens[index + 1].text == "." && labels[index] != .containerTitle
                && tokens[index].text.first?.isUppercase == true && tokens[index].text.allSatisfy(\.isLetter) && tokens[index].text.count <= 6
        }
        // Only an abbreviated journal grows, and only back to a field's edge (`Cho, J. Math.`),
        // never into a title's last word (`…in sporadic ALS. Neurology`).
        var first = start
        if start + 1 < tokens.count, tokens[start + 1].text == "." {
            while first >= 2, tokens[first - 1].text == ".", isAbbreviation(first - 2), [.author, .title, .other].contains(labels[first - 2]) {
                first -= 2
            }
        }
        let edge = first - 1
        if first < start, edge < 0 || [",", ":", ";", "("].contains(tokens[edge].text) || Int(tokens[edge].text) != nil
            || [.author, .issued].contains(labels[edge]) {
            for index in first..<start { labels[index] = .containerTitle }
            start = first
        }
        var end = start
        while end + 1 < tokens.count && labels[end + 1] == .containerTitle { end += 1 }
        var next = end + 1
        if next < tokens.count && tokens[next].text == "." { next += 1 }
        let endsInLetter = tokens[end].text.count == 1 && tokens[end].text.first?.isUppercase == true
        if !endsInLetter, next + 1 < tokens.count, tokens[next].text.count == 1, tokens[next].text.first?.isUppercase == true,
           tokens[next + 1].text == "," || Int(tokens[next + 1].text) != nil, labels[next] != .containerTitle {
            for index in (end + 1)...next { labels[index] = .containerTitle }
        }
    }

    /// A DOI as Crossref describes it: no commas, no spaces.
    static let doiPattern = #"\b10\.\d{4,9}/[-._;()/:A-Za-z0-9\x{2010}-\x{2015}]+"#
    /// arXiv identifiers (`hep-ph/0502182`, `arXiv:0712.0999`): preprint numbers, neither a
    /// link nor a DOI.
    static let arXivPattern = #"(?i)(?:arxiv\s*:\s*)?\b(?:(?:astro-ph|hep-th|hep-ph|hep-ex|hep-lat|gr-qc|nucl-th|nucl-ex|quant-ph|cond-mat|math-ph|math|physics|nlin|cs|q-bio|stat)(?:\.[a-z]{2})?/\d{7}|\d{4}\.\d{4,5})(?:v\d+)?\b"#

    /// Whether `units` hold what every arXiv number holds, and most references lack: four
    /// digits, a full stop and four more (`0712.0999`), or a slash and seven digits
    /// (`hep-ph/0502182`). The pattern, a case-blind alternation tried at every position, is
    /// among the costliest Folio runs. Beyond ASCII a unit counts as a digit: `\d` is
    /// Unicode's, and the answer may only ever be a yes too many.
    static func mayHoldArXivNumber(_ units: some Sequence<UInt16>) -> Bool {
        var digits = 0
        var needed = 0
        for unit in units {
            if (0x30...0x39).contains(unit) || unit >= 0x80 {
                digits += 1
                if needed > 0 && digits >= needed { return true }
                continue
            }
            needed = unit == 0x2E && digits >= 4 ? 4 : unit == 0x2F ? 7 : 0  // `.`, `/`
            digits = 0
        }
        return false
    }

    /// A DOI without what extraction glued after it (`….URL`, a final full stop).
    static func cleanDOI(_ doi: String) -> String {
        doi.replacing(pattern: #"(?i)\.?(?:url|arxiv|issn|isbn).*$"#, with: "")
            .trimmed(Self.doiTail)
    }

    /// Italic markup a converter left (`*Title.*`); it needs a `*`.
    static let italicMarkup = #"(^|\s)\*[^*\s][^*]*\*"#
    /// Links and DOIs, taken out before locators are read; they need `http`, `www.` or `10.`.
    static let linksAndDOIs = #"(?:https?://|www\.|10\.\d{4,9}/)[^\s<>]+"#
    /// A collaboration in brackets after the names (`et al. (ABC, XYZ-Team)`); it needs `et al`.
    static let collaboration = #"et al\.?,?\s*\(([^()]{2,40})\)"#

    /// Links, DOIs and preprint numbers, compiled once: their tokens take these labels.
    /// Each with what a text must hold for it to match, checked first.
    static let identifierForms: [(expression: RegularExpression, label: ReferenceLabel, mayMatch: @Sendable ([UInt16]) -> Bool)] = [
        (RegularExpression(#"(?:https?://|www\.)[^\s<>]+"#), .url, { $0.containsASCII("http") || $0.containsASCII("www.") }),
        (RegularExpression(doiPattern), .doi, { $0.containsASCII("10.") }),
        (RegularExpression(arXivPattern), .note, { mayHoldArXivNumber($0) }),
    ]

    /// The rules alone.
    public func parseByRules(_ printed: String) -> Reference {
        var (fields, rest, year) = identifiersAndYear(printed)
        guard let yearMatch = year else {
            fields.title = clean(rest)
            return fields
        }
        let beforeYear = String(rest[..<yearMatch.lowerBound])
        var afterYear = String(rest[yearMatch.upperBound...])
        // Author-date styles set the year apart right after the names (`Name. 2023.`,
        // `Name (2023)`); numbered styles put it near the end.
        let setApart = beforeYear.range(ofPattern: #"(\.|,|\()\s*$"#) != nil
            && afterYear.range(ofPattern: #"^[.),:]"#) != nil
        let authorDate = setApart && beforeYear.count < 200
        if authorDate {
            fields.authors = parseNames(beforeYear)
        } else {
            // Numbered styles: names, then the title or container, the year near the end.
            afterYear = ""
            let pieces = beforeYear.components(separatedByASCII: ", ")
            fields.authors = parseNames(leadingNames(pieces))
            let remainder = pieces.dropFirst(namesCount(pieces)).joined(separator: ", ")
            readSource(remainder, into: &fields)
            finishType(&fields)
            return fields
        }
        afterYear = afterYear.replacing(pattern: #"^[\s.,:;)]+"#, with: "")
        readSource(afterYear, into: &fields)
        finishType(&fields)
        return fields
    }

    /// The rules' first steps: links and identifiers taken out of the reference (they hold full
    /// stops that would cut fields), then the year found in what is left, and where. The tagged
    /// parse needs no more of the rules than this unless a title is in italics.
    func identifiersAndYear(_ printed: String) -> (fields: Reference, rest: String, year: Range<String.Index>?) {
        var fields = Reference(span: TextRange(0, 0))
        var rest = printed.trimmedOfWhitespace
        // Extraction's spaces in a link's scheme: `https : //host`, `URLhttps: //host`. (Each
        // pattern below runs only on a reference holding what it cannot match without.)
        if rest.containsASCII("//") { rest = rest.replacing(pattern: #"(?i)(https?)\s*:\s*//\s*"#, with: "$1://") }
        if let first = rest.unicodeScalars.first, first == "[" || first.properties.numericType == .decimal {
            rest = rest.replacing(pattern: #"^(\[\d+\]|\d{1,3}[.)])\s+"#, with: "")
        }

        // Links and identifiers first: they contain full stops that would cut fields.
        if rest.containsASCII("10."),
           let match = rest.range(ofPattern: #"(?:https?://(?:dx\.)?doi\.org/|doi\s*:\s*)?\b10\.\d{4,9}/[-._;()/:A-Za-z0-9\x{2010}-\x{2015}]+"#, caseInsensitive: true) {
            let found = String(rest[match])
            fields.doi = Self.cleanDOI(found.replacing(pattern: #"^(?:https?://(?:dx\.)?doi\.org/|doi\s*:\s*)"#, with: "", caseInsensitive: true))
            rest.replaceSubrange(match, with: "")
        }
        // Preprint numbers are no link.
        if Self.mayHoldArXivNumber(rest.utf16) { rest = rest.replacing(pattern: Self.arXivPattern, with: "") }
        if rest.containsASCII("http") || rest.containsASCII("www."), let match = rest.range(ofPattern: #"<?(?:https?://|www\.)[^\s<>,\[\]"“”«»]+>?"#) {
            fields.url = String(rest[match]).trimmed(Self.linkEdges)
            rest.replaceSubrange(match, with: "")
        }
        if rest.containsASCII("ISBN"), let match = rest.range(ofPattern: #"ISBN[:\s]*([0-9Xx-]{10,17})"#) {
            fields.isbn = String(rest[match]).replacing(pattern: #"ISBN[:\s]*"#, with: "")
            rest.replaceSubrange(match, with: "")
        }

        // The year: the first plausible one outside a page range or volume.
        let yearPattern = #"(?<![\d–-])\(?((?:1[5-9]|20)\d\d)([a-z])?\)?(?![\d–-])"#
        guard let yearMatch = rest.range(ofPattern: yearPattern) else { return (fields, rest, nil) }
        let yearText = String(rest[yearMatch]).trimmed(Self.brackets)
        fields.issued = Int(yearText.prefix(4)).map { PartialDate(year: $0) }
        return (fields, rest, yearMatch)
    }

    /// The marks a quoted title opens with, and those that may close it: made once, not at
    /// every reference read by the rules.
    private static let titleQuotes: [(Character, Set<Character>)] = [("“", ["”"]), ("\"", ["\""]), ("„", ["”", "“"]), ("«", ["»"]), ("‘", ["’"]), ("'", ["'"])]

    /// Title, then container and locators, or place and publisher.
    func readSource(_ text: String, into fields: inout Reference) {
        var rest = Substring(text)
        var titleIsQuoted = false
        var titleIsItalic = false
        if let first = rest.first, let (_, closers) = Self.titleQuotes.first(where: { $0.0 == first }),
           let close = rest.dropFirst().firstIndex(where: { closers.contains($0) }) {
            fields.title = clean(String(rest[rest.index(after: rest.startIndex)..<close]))
            rest = rest[rest.index(after: close)...]
            titleIsQuoted = true
        } else if rest.first == "*" || rest.first == "_", let close = rest.dropFirst().firstIndex(of: rest.first!) {
            fields.title = clean(String(rest[rest.index(after: rest.startIndex)..<close]))
            rest = rest[rest.index(after: close)...]
            titleIsItalic = true
        } else {
            let end = sentenceEnd(in: rest)
            fields.title = clean(String(rest[..<end]))
            rest = rest[end...]
        }
        var remainder = String(rest).replacing(pattern: #"^[\s.,:;]+"#, with: "")
        // `In: Editors (eds.), Book` — a chapter.
        if let match = remainder.range(ofPattern: #"^In:?\s+"#) {
            remainder.removeSubrange(match)
            fields.type = "chapter"
            remainder = remainder.replacing(pattern: #"^.*?\((?:eds?|Hrsg|coord)\.?\),?\s*"#, with: "")
        }
        // An italic container: `*Mediafax*`, `*Journal of X* 12 (3): 4–5`.
        if remainder.first == "*" || remainder.first == "_", let close = remainder.dropFirst().firstIndex(of: remainder.first!) {
            fields.containerTitle = clean(String(remainder[remainder.index(after: remainder.startIndex)..<close]))
            remainder = String(remainder[remainder.index(after: close)...])
        }
        readLocators(&remainder, into: &fields)
        // Place: Publisher.
        if let match = remainder.range(ofPattern: #"([\p{Lu}][\p{L} .'’-]{1,40}(?:, [A-Z]{2})?):\s*([^.;]+)"#) {
            let pair = String(remainder[match])
            let colon = pair.firstIndex(of: ":")!
            fields.publisherPlace = clean(String(pair[..<colon]))
            fields.publisher = clean(String(pair[pair.index(after: colon)...]))
            remainder.removeSubrange(match)
        }
        let leftover = clean(remainder)
        if let leftover, leftover.count > 1 {
            if fields.containerTitle == nil && (titleIsQuoted || fields.volume != nil || fields.page != nil) {
                fields.containerTitle = leftover
            } else if fields.publisher == nil && (titleIsItalic || fields.containerTitle != nil || !titleIsQuoted) {
                fields.publisher = leftover
            }
        }
    }

    /// Volume, issue, pages, edition in their usual forms, taken out of `text`.
    func readLocators(_ text: inout String, into fields: inout Reference) {
        // Every pattern holds a digit, and some a letter no code point beyond ASCII folds to:
        // what they cannot match without is read once (taking a match out only removes).
        let needs = LocatorNeeds(text)
        var units = text.utf16Units
        func take(_ pattern: String, if possible: Bool = true, _ apply: ([String]) -> Void) {
            guard needs.digit, possible, let match = Patterns.compiled(pattern).firstMatch(in: units) else { return }
            let groups = (1..<match.numberOfRanges).map { text.group($0, of: match).map(String.init) ?? "" }
            apply(groups)
            if let whole = text.indices(utf16: match.range) {
                text.replaceSubrange(whole, with: " ")
                units = text.utf16Units
            }
        }
        take(Self.volumePattern, if: needs.v) { fields.volume = $0[0] }
        take(Self.issuePattern) { fields.issue = $0[0] }
        take(Self.pagesPattern, if: needs.p) { fields.page = $0[0].removingSpaces }
        take(Self.volumeIssuePagePattern, if: needs.parenthesis) { groups in
            fields.volume = fields.volume ?? groups[0]; fields.issue = fields.issue ?? groups[1]; fields.page = fields.page ?? groups[2]
        }
        take(Self.volumePagesPattern, if: needs.colonOrComma && needs.dash) { groups in
            fields.volume = fields.volume ?? groups[0]; fields.page = fields.page ?? groups[1]
        }
        take(Self.editionPattern, if: needs.d) { fields.edition = $0[0] }
        // Physics: `Phys. Rev. D 65, 094516 (2002)` and `Phys. Lett. B511 (2001) 265`.
        take(Self.volumePageYearPattern, if: needs.parenthesis && needs.colonOrComma) { groups in
            fields.volume = fields.volume ?? groups[0]; fields.page = fields.page ?? groups[1]
        }
        take(Self.volumeYearPagePattern, if: needs.parenthesis) { groups in
            fields.volume = fields.volume ?? groups[0]; fields.page = fields.page ?? groups[1]
        }
    }

    /// `12(3): 45–67`.
    static let volumeIssuePagePattern = #"\b(\d{1,4})\s*\((\d{1,4}(?:[–/-]\d{1,4})?)\)\s*[:,]\s*(\d+(?:[–-]\d+)?)"#
    /// `12: 45–67`.
    static let volumePagesPattern = #"\b(\d{1,4})\s*[:,]\s*(\d+[–-]\d+)"#
    /// `D 65, 094516 (2002)`.
    static let volumePageYearPattern = #"\b([A-Z]?\d{1,4}),\s*([A-Z]?\d{1,7})\s*\((?:1[5-9]|20)\d\d\)"#
    /// `B511 (2001) 265`.
    static let volumeYearPagePattern = #"\b([A-Z]?\d{1,4})\s*\((?:1[5-9]|20)\d\d\)\s*([A-Z]?\d{1,7})\b"#

    static let volumePattern = #"(?i)\b(?:vol\.?|volume)\s*(\d+)"#
    static let issuePattern = #"(?i)\b(?:no\.?|nr\.?|issue)\s*(\d+)"#
    static let pagesPattern = #"(?i)\bpp?\.\s*(\d+(?:\s*[–-]\s*\d+)?)"#
    static let editionPattern = #"(?i)\b(\d+)(?:st|nd|rd|th)\s+ed(?:ition|\.)"#

    /// What the locator patterns cannot match without: a digit (`\d`, in any script), the
    /// letters `v`, `p` and `d` in either case, to which no code point beyond ASCII folds, and
    /// the marks some patterns hold as they are (a bracket, a colon or comma, a dash).
    struct LocatorNeeds {
        var digit = false, v = false, p = false, d = false
        var parenthesis = false, colonOrComma = false, dash = false

        init(_ text: String) {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "v", "V": v = true
                case "p", "P": p = true
                case "d", "D": d = true
                case "(": parenthesis = true
                case ":", ",": colonOrComma = true
                case "-", "–": dash = true
                default: if scalar.isDecimalDigit { digit = true }
                }
            }
        }
    }

    func finishType(_ fields: inout Reference) {
        guard fields.type == "document" else { return }
        if fields.containerTitle != nil && (fields.volume != nil || fields.issue != nil || fields.page != nil) {
            fields.type = "article-journal"
        } else if fields.containerTitle != nil {
            fields.type = fields.url != nil ? "webpage" : "article"
        } else if fields.publisher != nil {
            fields.type = "book"
        } else if fields.url != nil {
            fields.type = "webpage"
        }
    }

    /// Where the sentence that starts `text` ends: a full stop, `?` or `!` followed by a space,
    /// not after an initial or a common abbreviation.
    func sentenceEnd(in text: Substring) -> Substring.Index {
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if ".?!".contains(character), next == text.endIndex || text[next] == " " {
                let word = text[..<index].split(separator: " ").last ?? ""
                if !(character == "." && Sentences.isAbbreviation(String(word))) { return character == "." ? index : next }
            }
            index = next
        }
        return text.endIndex
    }

    func clean(_ text: String) -> String? {
        let trimmed = text.trimmed(Self.fieldEdges)
        return trimmed.isEmpty ? nil : trimmed
    }

    // MARK: Names

    /// How many leading comma-separated pieces of a numbered reference are names: `C. J.
    /// Hamer`, Vancouver `Frebel A`, or an inverted pair `Cheng`, `M. C. N.` (two pieces).
    func namesCount(_ pieces: [String]) -> Int {
        var count = 0
        while count < pieces.count {
            // `Kobayashi C and Nomoto K`: names joined in one piece count if each is a name.
            let parts = pieces[count].components(separatedBy: #"\s+(?:and|&)\s+|\s*&\s*|^\s*(?:and|&)\s+"#, regex: true)
                .map { $0.replacing(pattern: #"\s+et al\.?$"#, with: "").trimmedOfWhitespace }
                .filter { !$0.isEmpty }
            if !parts.isEmpty && parts.allSatisfy(isNameWithInitials) {
                count += 1
            } else if parts.count == 1, parts[0].split(separator: " ").count <= 2, parts[0].first?.isUppercase == true,
                      count + 1 < pieces.count, isInitials(pieces[count + 1].trimmedOfWhitespace) {
                count += 2  // `Cheng`, `M. C. N.`
            } else {
                break
            }
        }
        return count
    }

    /// `C. J. Hamer`, `Frebel A`: a name printed with initials.
    func isNameWithInitials(_ piece: String) -> Bool {
        let words = piece.split(separator: " ").map(String.init)
        guard (1...6).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true || isParticle($0) }) else { return false }
        return words.contains(where: isInitialWord) || (words.count >= 2 && words.dropFirst().allSatisfy(isCompactInitials))
    }

    func leadingNames(_ pieces: [String]) -> String {
        pieces.prefix(namesCount(pieces)).joined(separator: ", ")
    }

    /// `Hale, Anna and Peter Moss`, `Smith, J. A., & Jones, K.`, `C. J. Hamer and C. Rebbi`,
    /// `Coussens LM, Lerch J`, `European Parliament` (an organisation: the first author,
    /// uninverted, without initials, where no name is inverted).
    public func parseNames(_ text: String) -> [Name] {
        var string = text.trimmed(Self.namesEdges)
        // A final full stop goes, unless it ends an initial (`Jones, K.`).
        if string.hasSuffix("."), string.range(ofPattern: #"(^|[\s.-])\p{Lu}\.$"#) == nil { string.removeLast() }
        // Each pattern tried only where it can match (most name lists have none of it).
        if string.containsASCII("et al") || string.containsASCII("u. a.") {
            string = string.replacing(pattern: #"\s*\b(et al\.?|u\. a\.)"#, with: "")
        }
        // Extraction's space before an initial's full stop: `W .Brenig`, `J .-L.Bougeret`.
        // (A full stop after ASCII white space, or after anything beyond ASCII, where white
        // space such as the no-break space is, may be one.)
        if string.utf8.adjacentPairs().contains(where: { $1 == UInt8(ascii: ".") && ($0 >= 0x80 || $0 == 0x20 || (0x09...0x0D).contains($0)) }) {
            string = string.replacing(pattern: #"(?<=\b\p{Lu})\s+\.(?=\S)"#, with: ".")
        }
        if string.utf8.contains(UInt8(ascii: "(")) {
            string = string.replacing(pattern: #"\s*\((eds?|Hrsg|coords?)\.?\)"#, with: "", caseInsensitive: true)
        }
        guard !string.isEmpty, !string.hasPrefix("—"), !string.hasPrefix("--") else { return [] }
        let pieces = string.components(separatedBy: #"(?:\s*;\s*|,?\s+(?:and|&|und|et|și|y|e)\s+|\s*,\s*&\s*|\s*,\s*)"#, regex: true)
            .map { $0.trimmedOfWhitespace }
            .filter { !$0.isEmpty && !Self.opensWithDigit($0) }
        var names: [Name] = []
        var index = 0
        while index < pieces.count {
            var words = pieces[index].split(separator: " ").map(String.init)
            // `Kessler Jr.`: a generational suffix is no part of the family name.
            var suffix = ""
            if words.count > 1, let last = words.last, isGenerationalSuffix(last) {
                suffix = " " + last
                words.removeLast()
            }
            let next = index + 1 < pieces.count ? pieces[index + 1] : nil
            if words.count == 1 || (words.count <= 3 && !words.contains(where: isInitialWord) && words.dropFirst().allSatisfy(isParticle) == false && next.map(isInitials) == true) {
                // `Smith, J.` / `Fix, Liana`: an inverted name over two pieces.
                if let next, isInitials(next) || (names.isEmpty && isGiven(next) && string.containsText(pieces[index] + ", " + next)) {
                    names.append(Name(family: pieces[index], given: next))
                    index += 2
                    continue
                }
                names.append(index == 0 && pieces.count == 1 && words.count == 1 && words[0].count > 1 && words[0] == words[0].uppercased()
                             ? Name(literal: pieces[index]) : Name(family: pieces[index]))
                index += 1
                continue
            }
            if let last = words.last, isInitialWord(last) || isCompactInitials(last), !isInitialWord(words[0]), !isCompactInitials(words[0]) {
                // Vancouver: `Coussens LM`, `Dulong R`.
                let family = words.prefix { !isInitialWord($0) && !isCompactInitials($0) }
                names.append(Name(family: family.joined(separator: " "), given: words.dropFirst(family.count).joined(separator: " ") + suffix))
            } else if index == 0 && !string.contains(",") && names.isEmpty && pieces.count == 1 && looksLikeOrganisation(words) {
                names.append(Name(literal: pieces[index]))
            } else {
                // `N. G. Weimann`, `Peter Moss`, `J. Christian Gerdes`, `C. Ciofi degli Atti`:
                // the family name last, with its particles.
                var familyStart = words.count - 1
                // After initials a capitalized particle is the family name's too (`P. Le Doussal`).
                let afterInitials = isInitialWord(words[0]) || isCompactInitials(words[0])
                while familyStart > 1 && (isParticle(words[familyStart - 1]) || (afterInitials && isParticle(words[familyStart - 1].lowercased())
                                                                                 && !isInitialWord(words[familyStart - 1]))) {
                    familyStart -= 1
                }
                names.append(Name(family: words[familyStart...].joined(separator: " "), given: words[..<familyStart].joined(separator: " ") + suffix))
            }
            index += 1
        }
        return names
    }

    /// `J.`, `K.P`, `J.-P.`: initials with full stops.
    func isInitialWord(_ word: String) -> Bool {
        // Printable ASCII (most words) is read byte by byte: there only A to Z are upper-case
        // letters (\p{Lu}). Each group starts with `-` or a letter, never `.`, so taking a full
        // stop where one is is the match.
        guard word.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) else {
            return word.range(ofPattern: #"^\p{Lu}\.(-?\p{Lu}\.?)*\z"#) != nil
        }
        var bytes = word.utf8.makeIterator()
        guard let first = bytes.next(), Self.isASCIIUpper(first), bytes.next() == UInt8(ascii: ".") else { return false }
        var byte = bytes.next()
        while let current = byte {
            let letter = current == UInt8(ascii: "-") ? bytes.next() : current
            guard let letter, Self.isASCIIUpper(letter) else { return false }
            byte = bytes.next()
            if byte == UInt8(ascii: ".") { byte = bytes.next() }
        }
        return true
    }

    /// `LM`, `J`, `JA`: initials printed without full stops.
    func isCompactInitials(_ word: String) -> Bool {
        let casing = ReferenceFeatures.Casing(word)
        return (1...3).contains(ReferenceFeatures.characterCount(word)) && casing.startsUpper && casing.restUpper
    }

    private static func isASCIIUpper(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }

    func isParticle(_ word: String) -> Bool {
        ["van", "von", "de", "der", "den", "da", "do", "dos", "du", "la", "le", "del", "della", "degli", "dei", "des", "di", "ter", "ten", "zu"]
            .contains(word)
    }

    func isGenerationalSuffix(_ word: String) -> Bool {
        ["Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"].contains(word)
    }

    /// An uninverted author that names a body, not a person: a long name, one with joining
    /// words or a word organisations are named with, an acronym, a number.
    func looksLikeOrganisation(_ words: [String]) -> Bool {
        if words.contains(where: isInitialWord) { return false }  // `L. C. Garcia de Andrade`
        if words.count == 1 || words.count >= 5 { return true }
        return words.contains { word in
            let bare = word.trimmed(Self.punctuation)
            return Self.organisationWords.contains(bare.lowercased()) || ["of", "for", "the", "and", "on"].contains(bare)
                || (bare.count >= 2 && bare.allSatisfy(\.isUppercase) && !isCompactInitials(bare)) || bare.contains(where: \.isNumber)
        }
    }

    /// Words organisations are named with: made once, not for every author asked about.
    private static let organisationWords: Set<String> = [
        "academy", "administration", "agency", "alliance", "assembly", "association", "authority", "bank", "board",
        "bureau", "center", "centre", "college", "collaboration", "commission", "committee", "company", "consortium",
        "corporation", "council", "court", "department", "dept", "division", "federation", "forum", "foundation", "fund",
        "government", "group", "inc", "initiative", "institute", "laboratory", "league", "library", "ltd", "ministry",
        "museum", "network", "news", "office", "organisation", "organization", "parliament", "party", "press", "program",
        "programme", "project", "school", "service", "society", "systems", "team", "technologies", "trust", "union",
        "university",
    ]

    /// `J.`, `J. A.`, `K.P`, `J.-P.`, `LM`: a given name printed as initials.
    func isInitials(_ text: String) -> Bool {
        let words = text.split(separator: " ").map(String.init)
        return !words.isEmpty && words.allSatisfy { isInitialWord($0) || isCompactInitials($0) }
    }

    /// Given names after an inverted family name: initials, or one to three capitalized words.
    func isGiven(_ text: String) -> Bool {
        if isInitials(text) { return true }
        let words = text.split(separator: " ")
        return (1...3).contains(words.count) && words.allSatisfy { word in
            word.first?.isUppercase == true && word.dropFirst().allSatisfy { $0.isLowercase || $0 == "." || $0 == "-" }
        }
    }
}

extension String {
    /// Split on a regular expression.
    fileprivate func components(separatedBy pattern: String, regex: Bool) -> [String] {
        let expression = Patterns.compiled(pattern)
        var result: [String] = []
        var start = startIndex
        for match in expression.matches(in: utf16Units) {
            guard let range = indices(utf16: match.range) else { continue }
            result.append(String(self[start..<range.lowerBound]))
            start = range.upperBound
        }
        result.append(String(self[start...]))
        return result
    }
}
