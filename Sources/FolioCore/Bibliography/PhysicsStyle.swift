import Foundation

/// The compact styles of physics and astronomy journals (APS, AIP, IOP, AAS), where a
/// reference ends in an abbreviated journal, a volume (a series letter may be glued to it),
/// a page or article number and the year:
///
///     C. J. Hamer, Nucl. Phys. B 195, 503 (1982).
///     S. Elitzur, Phys.Rev. D12, 3978 (1975).
///     A. Kamenshchik and V. Pasquier, Phys. Lett. B511 (2001) 265.
///     Ishigaki M N and Nomoto K 2014 ApJL 792 L32
///
/// Read by pattern: these styles are regular, and rare in the tagger's training data.
enum PhysicsStyle {
    struct Reading {
        var authors: String
        var title: String?
        var journal: String
        var volume: String
        var page: String
        var year: Int
    }

    // What comes before a match is the reference's names and title: the first place each
    // pattern matches at, as `^(?<before>.*?)` would find it, without a state kept at every
    // position. The journal's lookaheads say what it cannot do without: the run of its own
    // marks it starts ends at the volume's first digit (all between is journal, space,
    // series letter or full stop), and a space, capital or digit follows it.
    static let volumeThenYear = RegularExpression(
        #"(?=\p{Lu}[\p{L}.&'’\s]*+\d)(?<journal>\p{Lu}[\p{L}.&'’\s]{0,60}?\.?)(?=[\sA-Z\d])\s*(?<series>\b[A-Z]\b)?\s*(?:(?<=[\s.])(?<glued>[A-Z]))?(?<volume>\d{1,4}),?\s+(?<page>[A-Z]?\d{1,7}(?:[-–]\d{1,7})?)\s*\((?<year>(?:1[89]|20)\d\d)\)"#)
    static let yearThenPage = RegularExpression(
        #"(?=\p{Lu}[\p{L}.&'’\s]*+\d)(?<journal>\p{Lu}[\p{L}.&'’\s]{0,60}?\.?)(?=[\sA-Z\d])\s*(?<series>\b[A-Z]\b)?\s*(?:(?<=[\s.])(?<glued>[A-Z]))?(?<volume>\d{1,4})\s*\((?<year>(?:1[89]|20)\d\d)\)\s*(?<page>[A-Z]?\d{1,7}(?:[-–]\d{1,7})?)"#)
    static let astronomy = RegularExpression(
        #"(?<=[\p{Lu}.])\s*(?<year>(?:1[89]|20)\d\d)[a-z]?\s+(?<journal>[A-Z][\p{L}&.]*(?:\s[A-Z][\p{L}&.]*){0,4})\s+(?<volume>\d{1,4})\s+(?<page>[A-Z]?\d{1,7}(?:[-–]\d{1,7})?)"#)

    /// AAS: `Behroozi, P. S., & Conroy, C. 2013, ApJ, 770, 57`.
    static let aas = RegularExpression(
        #"\b(?<year>(?:1[89]|20)\d\d)[a-z]?,\s*(?<journal>[A-Z][\p{L}&.\s]{0,40}?),\s*(?<volume>\d{1,4}),\s*(?<page>[A-Z]?\d{1,7}(?:[-–]\d{1,7})?)\b"#)

    /// Preprint numbers and links, which are no part of the citation proper (taken out case-insensitively).
    static let preprintsAndLinks = #"\[[^\]]*\]|\((?:Preprint|arXiv)[^)]*\)|arXiv:\S+|(?:astro-ph|hep-\w+|gr-qc|quant-ph|cond-mat)/\S+|https?://\S+"#

    /// What `preprintsAndLinks` cannot match without, in lower case: one of its alternatives'
    /// fixed parts.
    private static let preprintAndLinkParts = ["[", "(preprint", "(arxiv", "arxiv:", "astro-ph/", "hep-", "gr-qc/", "quant-ph/", "cond-mat/", "http"]

    /// False where `preprintsAndLinks` cannot match: in ASCII, no fixed part of it in any case
    /// (found by lower-casing). Beyond ASCII, where case folding is the pattern's own, what each
    /// alternative cannot do without: a `[`; a `/`; a `(` before a letter that folds to `p` or
    /// `a` (`(Preprint`, `(arXiv`); a `:` after one that folds to `v` (`arXiv:`). Beyond ASCII
    /// only `ẚ` (folded `aʾ`) folds to any of them (checked over all of Unicode). Most references
    /// beyond ASCII (a dash, a quotation mark, an accent) have a `(` before their year and a `:`
    /// before a subtitle or a publisher (`Łódź: Press`), and no preprint or link.
    static func mayHavePreprintOrLink(_ printed: String) -> Bool {
        if let answer = printed.containsASCIIInAnyCase(anyOf: preprintAndLinkParts) { return answer }
        var previous: Unicode.Scalar = " "
        for scalar in printed.unicodeScalars {
            if scalar == "[" || scalar == "/" { return true }
            if scalar == ":" && (previous == "v" || previous == "V") { return true }
            if previous == "(" && (scalar == "a" || scalar == "A" || scalar == "p" || scalar == "P" || scalar == "\u{1E9A}") { return true }
            previous = scalar
        }
        return false
    }

    /// Marks before which a space goes: `12 ,` becomes `12,`.
    static let closingUp: ScalarSet = ",.;:)"

    /// The reference with preprint numbers and links taken out and its spacing made regular:
    /// one space for each run of white space, none before `,.;:)` or after `(` (extraction puts
    /// them there: `Phys.Rev .93 ,99 ( 1954)`), one after a comma.
    static func cleaned(_ printed: String) -> String {
        // Most references have no preprint number or link, and are not searched.
        let source = mayHavePreprintOrLink(printed) ? printed.replacing(pattern: preprintsAndLinks, with: " ", caseInsensitive: true) : printed
        // The spacing, as its patterns would make it pass by pass (`\s` is Unicode's white
        // space): `\s+` → ` `; `\s+([,.;:)])` → `$1`; `\(\s+` → `(`; `,(?=\S)` → `, `. After the
        // first, every space stands alone: the others are read here in one pass over it.
        var collapsed: [Unicode.Scalar] = []
        collapsed.reserveCapacity(source.utf8.count)
        for scalar in source.unicodeScalars {
            if !scalar.isWhitespace {
                collapsed.append(scalar)
            } else if collapsed.last != " " {
                collapsed.append(" ")
            }
        }
        func closesUp(_ index: Int) -> Bool {
            index < collapsed.count && closingUp.contains(collapsed[index])
        }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(collapsed.count + 8)
        for (index, scalar) in collapsed.enumerated() {
            if scalar == " " {
                // Before `,.;:)`, and after `(`, a space goes. (No space was put after a comma
                // before it: a comma puts one only where none follows or where it goes.)
                if closesUp(index + 1) || result.last == "(" { continue }
                result.append(scalar)
            } else {
                result.append(scalar)
                // A comma takes a space unless what comes next, once spaces went, is one.
                if scalar == ",", index + 1 < collapsed.count, collapsed[index + 1] != " " || closesUp(index + 2) { result.append(" ") }
            }
        }
        return String(scalars: result)
    }

    static func read(_ printed: String) -> Reading? {
        // Preprint numbers and links are not part of the citation proper.
        let string = cleaned(printed)
        let years = YearMarks(string)
        let units = string.utf16Units
        for expression in [aas, volumeThenYear, yearThenPage, astronomy] where years.allow(expression) {
            guard let match = expression.firstMatch(in: units) else { continue }
            func group(_ name: String) -> String? {
                string.group(expression.groupNumber(named: name), of: match).map(String.init)
            }
            guard var journal = group("journal")?.trimmedOfWhitespace, let volume = group("volume"),
                  let page = group("page"), let year = group("year").flatMap({ Int($0) }),
                  journal.count >= 2, !journal.hasSuffix(",") else { continue }
            if let series = group("series") ?? group("glued") { journal += " " + series }
            var before = (string.indices(utf16: 0..<match.range.lowerBound).map { String(string[$0]) } ?? "").trimmed(commaSpace)
            // The journal starts after the last comma before it; between the names and it, a title.
            if let comma = journal.range(of: ", ", options: .backwards) {
                before += ", " + journal[..<comma.lowerBound]
                journal = String(journal[comma.upperBound...])
            }
            let pieces = before.components(separatedByASCII: ", ")
            let nameCount = ReferenceParser(tagger: nil).namesCount(pieces)
            // Astronomy styles print no title: all before the year is names.
            let namesOnly = expression === aas || expression === astronomy
            let authors = namesOnly ? before : pieces.prefix(max(nameCount, 1)).joined(separator: ", ")
            let title = namesOnly ? "" :
                pieces.dropFirst(max(nameCount, 1)).joined(separator: ", ").trimmed(nameListEdges)
            return Reading(authors: authors, title: title.isEmpty ? nil : title,
                           journal: journal.trimmed(commaSpace), volume: volume, page: page, year: year)
        }
        return nil
    }

    /// What the years of a reference stand between, found in one pass: each pattern needs a year
    /// in its own setting, and most references (in author-year styles) have none of them, which
    /// the patterns, their lazy beginnings tried at every position, took long to find out.
    struct YearMarks {
        /// `3978 (1975)`: a year in brackets after a number (page or volume first).
        var bracketedAfterNumber = false
        /// `Hamer 1982 Nucl`: after a capital or a full stop, before a space and a capital.
        var betweenNameAndJournal = false
        /// `2013, ApJ`: a year and a comma.
        var beforeComma = false
        /// A digit beyond ASCII, which `\d` also matches: every pattern must then be tried.
        var otherDigits = false

        init(_ string: String) {
            let scalars = string.scalarArray
            func isDigit(_ index: Int) -> Bool { index >= 0 && index < scalars.count && ("0"..."9").contains(scalars[index]) }
            func at(_ index: Int, _ test: (Unicode.Scalar) -> Bool) -> Bool { index >= 0 && index < scalars.count && test(scalars[index]) }
            func skippingSpace(from index: Int, by step: Int) -> Int {
                var index = index
                while at(index, { $0.isWhitespace }) { index += step }
                return index
            }
            for (index, scalar) in scalars.enumerated() {
                if scalar.value >= 0x80 && scalar.properties.numericType == .decimal { otherDigits = true }
                // A year: 18, 19 or 20, then two digits.
                guard isDigit(index + 3), scalar == "1" && (scalars[index + 1] == "8" || scalars[index + 1] == "9")
                        || scalar == "2" && scalars[index + 1] == "0", isDigit(index + 2) else { continue }
                let end = index + 4
                if at(index - 1, { $0 == "(" }) && at(end, { $0 == ")" }) && isDigit(skippingSpace(from: index - 2, by: -1)) {
                    bracketedAfterNumber = true
                }
                let letter = at(end, { ("a"..."z").contains($0) }) ? end + 1 : end
                if at(letter, { $0 == "," }) { beforeComma = true }
                if at(skippingSpace(from: index - 1, by: -1), { $0 == "." || $0.isUppercase }),
                   at(letter, { $0.isWhitespace }), at(skippingSpace(from: letter, by: 1), { ("A"..."Z").contains($0) }) {
                    betweenNameAndJournal = true
                }
            }
        }

        /// Whether `expression` may match: each needs its year's setting.
        func allow(_ expression: RegularExpression) -> Bool {
            if otherDigits { return true }
            if expression === aas { return beforeComma }
            if expression === astronomy { return betweenNameAndJournal }
            return bracketedAfterNumber
        }
    }

    /// What a reading's parts are trimmed of, made once.
    private static let commaSpace = CharacterSet(charactersIn: " ,")
    private static let nameListEdges = CharacterSet(charactersIn: " ,.\"“”")

    /// A book's imprint in parentheses after its title: `Molecular Quantum Electrodynamics
    /// (Wiley, Hoboken, NJ, 2010)`.
    static let bookImprint = RegularExpression(
        #",\s*(?<title>[^,()]{4,}?)\s*\(\s*(?<publisher>[^,()]+?)\s*,\s*(?<place>[^()]+?)\s*,?\s*(?<year>(?:1[5-9]|20)\d\d)\s*\)"#)

    static func readBook(_ printed: String) -> (title: String, publisher: String, place: String)? {
        guard mayHoldImprint(printed), let match = bookImprint.firstMatch(in: printed.utf16Units) else { return nil }
        func group(_ name: String) -> String {
            printed.group(bookImprint.groupNumber(named: name), of: match).map { String($0).trimmedOfWhitespace } ?? ""
        }
        let place = group("place").trimmed(commaSpace)
        return place.isEmpty ? nil : (group("title"), group("publisher"), place)
    }

    /// Whether `printed` holds what both imprints need: a bracketed group, with no bracket
    /// inside, that holds a comma and closes on a year (`(Wiley, 1998)`). The patterns try
    /// every comma's lengths of title before failing, and most references hold no such group.
    /// Beyond ASCII where the year should stand, it answers yes: `\s` and `\d` reach there.
    static func mayHoldImprint(_ printed: String) -> Bool {
        var bytes = printed.utf8.makeIterator()
        var group: [UInt8] = []
        var inGroup = false
        while let byte = bytes.next() {
            switch byte {
            case UInt8(ascii: "("):
                inGroup = true
                group.removeAll(keepingCapacity: true)
            case UInt8(ascii: ")"):
                if inGroup && group.contains(UInt8(ascii: ",")) && closesOnYear(group) { return true }
                inGroup = false
            default:
                if inGroup { group.append(byte) }
            }
        }
        return false
    }

    /// Whether a group's bytes end in a year of the patterns' (`1500`–`2099`), spaces after it.
    private static func closesOnYear(_ group: [UInt8]) -> Bool {
        var end = group.count
        while end > 0, group[end - 1] == 0x20 || (0x09...0x0D).contains(group[end - 1]) { end -= 1 }
        guard end >= 4 else { return end > 0 && group[end - 1] >= 0x80 }
        let year = group[(end - 4)..<end]
        if year.contains(where: { $0 >= 0x80 }) { return true }
        let (first, second) = (year[end - 4], year[end - 3])
        let isDigit = { (byte: UInt8) in (0x30...0x39).contains(byte) }
        return ((first == UInt8(ascii: "1") && (0x35...0x39).contains(second)) || (first == UInt8(ascii: "2") && second == UInt8(ascii: "0")))
            && isDigit(year[end - 2]) && isDigit(year[end - 1])
    }

    /// An imprint without a place: `Classical Electrodynamics, 3rd edn. (Wiley, 1998)`.
    static let shortImprint = RegularExpression(
        #",\s*(?<title>[^,()]{4,}?)(?:,\s*\d+(?:st|nd|rd|th)\s+edn?\.?)?\s*\(\s*(?<publisher>\p{Lu}[^,()\d]{1,40}?)\s*,\s*(?<year>(?:1[5-9]|20)\d\d)\s*\)"#)

    static func readShortImprint(_ printed: String) -> (title: String, publisher: String)? {
        guard mayHoldImprint(printed), let match = shortImprint.firstMatch(in: printed.utf16Units),
              let title = printed.group(shortImprint.groupNumber(named: "title"), of: match),
              let publisher = printed.group(shortImprint.groupNumber(named: "publisher"), of: match) else { return nil }
        return (String(title).trimmedOfWhitespace, String(publisher).trimmedOfWhitespace)
    }
}
