import FolioBytes
import Foundation

/// Finds in-text citations, parenthetical (`(Hale, 2000; Moss, 2016)`, `(Lind, 2014: 124)`,
/// `(UNESCO, n/d)`, `(ibidem)`) and narrative (`Lind (2010)`, `Hale and Yılmaz (2016: 653)`),
/// splits them into their parts (authors, year, locator) and links each part to the reference
/// it cites, comparing names without case or diacritics. A part that matches none stays a
/// citation without a link.
public struct CitationsStage: Stage {
    public static let name = "citations"
    public static let phase = Phase.structure
    public static let summary = "in-text citations split into authors, year and locator, linked to the bibliography"
    public static let requires = [ParagraphsStage.name]
    public static let runsAfter = [BibliographyStage.name, FrontMatterStage.name]

    public init() {}

    public init(options: inout Options) throws {}

    /// Where a parenthetical citation opens.
    static let openingBracket = ScanMarks("(")

    static let partPattern = RegularExpression(
        // Names start with a capital; a year may carry a letter (2000a), but `1970s` is a decade.
        #"^(?:(?:[Ss]ee|e\.g\.|[Cc]f\.|apud)[,:]?\s+)?(\p{Lu}[\p{L}’'\-.]*(?:(?:\s+|\s*,\s*)(?:and|&|e|și|y|und|of|the|for|de|van|von|der|den|da|do|dos|du|la|le|et al\.?|\p{Lu}[\p{L}’'\-.]*))*?)?[,]?\s*((?:1[5-9]|20)\d\d[a-rt-z]?|n\.\s?d\.|n/d|s\.d\.|in press|forthcoming)(?:\s*[:,]\s*((?:(?:pp?\.|[Aa]rt(?:icle|\.)|§|[Pp]ara(?:graph|\.)?|[Cc]hapter|[Cc]h\.|[Ss]ection|[Ss]ec\.)\s*)?[\dIVXLCivxlc]+°?(?:\.\d+)?(?:\s*[–-]\s*[\divxlc]+)?))?$"#)

    /// Whether a part holds what `partPattern` cannot match without: a year's first two digits
    /// (ASCII in the pattern) or a word that stands for a year. Most parentheses of a paper
    /// hold neither, and the pattern tried every place of them.
    static func mayHoldYear(_ part: String) -> Bool {
        let hasYearOpening = part.withUTF8Bytes { bytes in
            bytes.indices.dropLast().contains { index in
                (bytes[index] == UInt8(ascii: "1") && (UInt8(ascii: "5")...UInt8(ascii: "9")).contains(bytes[index + 1]))
                    || (bytes[index] == UInt8(ascii: "2") && bytes[index + 1] == UInt8(ascii: "0"))
            }
        }
        return hasYearOpening || ["n.", "n/d", "s.d.", "in press", "forthcoming"].contains { part.containsASCII($0) }
    }

    /// A writer's note inside a citation's brackets (`our emphasis`, `my translation`): no part.
    static let annotationPattern = RegularExpression(#"^(?i:(?:our|my|emphasis|italics|translation)\b.{0,20}(?:emphasis|translation|added|original|italics|ours|mine))$"#)

    public func run(_ document: inout Document, context: StageContext) throws {
        let text = document.text
        let references = ReferenceIndex(document.references)
        var citations: [Citation] = []
        for range in document.proseRanges() {
            citations += find(in: range, text, references: references, previous: citations.last)
        }
        document.citations = citations
    }

    func find(in range: TextRange, _ text: WorkingText, references: ReferenceIndex, previous: Citation?) -> [Citation] {
        var result: [Citation] = []
        var index = range.start
        while index < range.end {
            index = text.firstPosition(from: index, to: range.end, of: Self.openingBracket)
            guard index < range.end else { break }
            var close = index + 1
            while close < range.end, close - index < 300, text[close] != ")", text[close] != "(" { close += 1 }
            guard close < range.end, text[close] == ")" else { index += 1; continue }
            let inner = TextRange(index + 1, close)
            if let citation = citation(inner, whole: TextRange(index, close + 1), rangeStart: range.start, text, references: references,
                                       previous: result.last ?? previous) {
                result.append(citation)
            }
            index = close + 1
        }
        return result
    }

    /// Whether a citation's part names the work cited before it (`ibid.`, `idem`).
    static func isSameAsPrevious(_ part: String) -> Bool {
        // Only a part as short as the words can be one: lower-casing a longer one, as most
        // parts are, cost a thousand instructions or more. No letter beyond ASCII lower-cases
        // to these words' letters, and ASCII keeps its length.
        part.utf8.count <= 6 && ["ibid", "ibid.", "ibidem", "idem", "id."].contains(part.lowercased())
    }

    /// The citation in a parenthesis, or nil when it holds something else.
    func citation(_ inner: TextRange, whole: TextRange, rangeStart: Int, _ text: WorkingText, references: ReferenceIndex,
                  previous: Citation?) -> Citation? {
        var parts: [CitationPart] = []
        var start = inner.start
        for cut in inner.start...inner.end where cut == inner.end || text[cut] == ";" {
            var piece = TextRange(start, cut)
            while piece.start < piece.end && text[piece.start].isWhitespace { piece.start += 1 }
            while piece.end > piece.start && text[piece.end - 1].isWhitespace { piece.end -= 1 }
            start = cut + 1
            guard !piece.isEmpty else { continue }
            let string = text.readingText(piece)
            if Self.isSameAsPrevious(string), let previous {
                parts.append(CitationPart(span: piece, authors: previous.parts.last?.authors ?? [], year: previous.parts.last?.year,
                                          reference: previous.parts.last?.reference))
                continue
            }
            let units = string.utf16Units
            if !parts.isEmpty, Self.annotationPattern.isMatched(in: units) {
                continue
            }
            guard Self.mayHoldYear(string), let match = Self.partPattern.firstMatch(in: units) else {
                return nil  // one part that is not a citation: the parenthesis is something else
            }
            func group(_ number: Int) -> String? {
                match.range(at: number).map { String(utf16: units[$0]) }
            }
            var authors = group(1).map(splitAuthors) ?? []
            var span = piece
            if authors.isEmpty {
                // Narrative: the names stand before the parenthesis.
                guard parts.isEmpty, let (names, namesStart) = narrativeNames(before: whole.start, from: rangeStart, text) else { return nil }
                authors = names
                span = TextRange(namesStart, piece.end)
            }
            var part = CitationPart(span: span, authors: authors, year: group(2), locator: group(3))
            part.reference = references.cited(by: part)
            parts.append(part)
        }
        guard !parts.isEmpty else { return nil }
        // A narrative citation (`Lind (2010)`) runs from the names to the closing parenthesis.
        if parts.count == 1 && parts[0].span.start < whole.start { parts[0].span = TextRange(parts[0].span.start, whole.end) }
        let span = parts.count == 1 && parts[0].span.end == whole.end ? parts[0].span
            : TextRange(min(whole.start, parts[0].span.start), whole.end)
        return Citation(span: span, parts: parts)
    }

    /// `Hale and Moss`, `Smith, Jones & Lee`, `Lind et al.` → the family names.
    func splitAuthors(_ text: String) -> [String] {
        Self.splitASCIIAuthors(text) ?? splitAuthorsInAnyScript(text)
    }

    /// `splitAuthors` of an ASCII text, read from its bytes (nil beyond ASCII): the general
    /// way costs a pattern search and three Foundation splits, for every citation of a paper.
    static func splitASCIIAuthors(_ text: String) -> [String]? {
        text.withUTF8Bytes { bytes -> [String]? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            // `\s*et al\.?` taken out: the white space before it back to where the last one ended.
            var kept: [UInt8] = []
            kept.reserveCapacity(bytes.count)
            var lastEnd = 0
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "e") && bytes[index...].starts(with: "et al".utf8) {
                    while kept.count > lastEnd, let last = kept.last, Unicode.Scalar(last).isWhitespace { kept.removeLast() }
                    index += 5
                    if index < bytes.count && bytes[index] == UInt8(ascii: ".") { index += 1 }
                    lastEnd = kept.count
                    continue
                }
                kept.append(bytes[index])
                index += 1
            }
            var names: [String] = []
            for piece in kept.split(omittingEmptySubsequences: false, whereSeparator: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "&") }) {
                var start = piece.startIndex
                var cut = start
                while cut <= piece.endIndex {
                    if cut == piece.endIndex || piece[cut...].starts(with: " and ".utf8) {
                        var name = piece[start..<cut]
                        while let first = name.first, first == 0x20 || first == 0x09 { name.removeFirst() }
                        while let last = name.last, last == 0x20 || last == 0x09 { name.removeLast() }
                        if !name.isEmpty { names.append(String(decoding: name, as: UTF8.self)) }
                        if cut == piece.endIndex { break }
                        cut += 5
                        start = cut
                    } else {
                        cut += 1
                    }
                }
            }
            return names
        }
    }

    /// `splitAuthors` in any script: Unicode's white space around `et al`, separators found as
    /// Foundation finds them.
    func splitAuthorsInAnyScript(_ text: String) -> [String] {
        text.replacing(pattern: #"\s*et al\.?"#, with: "")
            .components(separatedBy: CharacterSet(charactersIn: ",&"))
            .flatMap { $0.components(separatedByASCII: " and ") }
            .map { $0.trimmedOfWhitespace }
            .filter { !$0.isEmpty }
    }

    /// The names right before a narrative citation's parenthesis: one to four capitalized
    /// words, joined by `and`, `&` or ending in `et al.`.
    func narrativeNames(before position: Int, from limit: Int, _ text: WorkingText) -> ([String], Int)? {
        var words: [TextRange] = []
        var index = position
        while words.count < 6 {
            while index > limit && text[index - 1].isWhitespace { index -= 1 }
            var start = index
            while start > limit && (text[start - 1].isAlphabetic || "’'-.".unicodeScalars.contains(text[start - 1])) { start -= 1 }
            guard start < index else { break }
            let word = TextRange(start, index)
            let string = text.string(word)
            if string == "and" || string == "&" || string == "al." || string == "et" {
                words.insert(word, at: 0)
            } else if text[start].isUppercase && !Self.capitalizedFunctionWords.contains(string) {
                words.insert(word, at: 0)
            } else {
                break
            }
            index = start
        }
        while let first = words.first, ["and", "&", "al.", "et"].contains(text.string(first)) { words.removeFirst() }
        guard let first = words.first, let last = words.last else { return nil }
        // `the Russia-Georgia War (2008)`: an article makes the words a noun phrase, not authors.
        var before = first.start
        while before > 0 && text[before - 1].isWhitespace { before -= 1 }
        var wordStart = before
        while wordStart > 0 && text[wordStart - 1].isAlphabetic { wordStart -= 1 }
        if ["the", "a", "an", "this", "that", "these", "those"].contains(text.string(TextRange(wordStart, before)).lowercased()) { return nil }
        let names = splitAuthors(text.readingText(TextRange(first.start, last.end)))
        // A sentence's first word is no name unless the bibliography says so.
        return names.isEmpty ? nil : (names, first.start)
    }

    /// Words a sentence may begin with, capitalized there, that are never names.
    static let capitalizedFunctionWords: Set<String> = [
        "As", "In", "On", "At", "By", "For", "From", "With", "The", "A", "An", "This", "That", "These", "Those", "According",
        "See", "Also", "And", "But", "Since", "While", "When", "After", "Before", "Both", "Thus", "Hence", "However",
        "Moreover", "Furthermore", "Following", "Like", "Unlike", "Per", "Cf.", "Here", "There", "Yet", "So", "Then",
        "Indeed", "Similarly", "Likewise", "Recently", "Later", "Earlier", "Already", "Only", "Even", "Both", "Neither",
    ]
}
