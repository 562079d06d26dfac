import Foundation

/// Renders tagged references again in the compact house styles of the physical sciences (APS,
/// AIP, IOP, AAS, IEEE, AMS, SIAM, Elsevier), with the spacing debris PDF extraction leaves,
/// so the tagger learns those conventions from training data printed in other styles.
///
/// Each rendering is a list of pieces, each with the field it belongs to, so its labels are
/// exact: no alignment guesses.
public enum HouseStyles {
    /// One rendered reference: the string and each token's label.
    public struct Example {
        public var raw: String
        public var tokens: [ReferenceToken]
        public var labels: [ReferenceLabel]

        /// The string with each field's run marked: `<author>A. Name</author>, …`.
        public var labelled: String {
            let scalars = raw.scalarArray
            var result = ""
            var open: ReferenceLabel = .other
            var position = 0
            for (token, label) in zip(tokens, labels) {
                if label != open {
                    if open != .other { result += "</\(open.name)>" }
                    result += String(scalars: scalars[position..<token.start])
                    if label != .other { result += "<\(label.name)>" }
                    open = label
                } else {
                    result += String(scalars: scalars[position..<token.start])
                }
                result += token.text
                position = token.end
            }
            if open != .other { result += "</\(open.name)>" }
            return result + String(scalars: scalars[position...])
        }
    }

    /// What a reference must have to be printed in these styles.
    struct Item {
        var names: [(given: String, family: String)]
        var year: String
        var title: String?
        var container: String?
        var volume: String?
        var issue: String?
        var page: String?
        var publisher: String?
        var place: String?

        init?(_ gold: JSONValue) {
            names = (gold["author"]?.arrayValue ?? []).compactMap { name in
                guard let family = name["family"]?.stringValue, !family.isEmpty else { return nil }
                return (name["given"]?.stringValue ?? "", family)
            }
            guard !names.isEmpty, case .array(let parts)? = gold["issued"]?["date-parts"],
                  case .array(let first)? = parts.first, case .integer(let year)? = first.first else { return nil }
            self.year = String(year)
            func field(_ key: String) -> String? {
                switch gold[key] {
                case .string(let value)?: value.isEmpty ? nil : value
                case .integer(let value)?: String(value)
                default: nil
                }
            }
            title = field("title")
            container = field("container-title")
            volume = field("volume")
            issue = field("issue")
            page = field("page")
            publisher = field("publisher")
            place = field("publisher-place")
            guard (container != nil && volume != nil) || (publisher != nil && title != nil) else { return nil }
        }

        var isArticle: Bool { container != nil && volume != nil }
    }

    /// Renders every usable item of `golds` once, in a style drawn by a seeded generator.
    public static func examples(from golds: [JSONValue], seed: UInt64 = 11) -> [Example] {
        var random = SplitMix(seed: seed)
        return golds.compactMap { gold in
            guard let item = Item(gold) else { return nil }
            return render(item, using: &random)
        }
    }

    // MARK: Rendering

    private typealias Pieces = [(String, ReferenceLabel)]

    private static func render(_ item: Item, using random: inout SplitMix) -> Example {
        var pieces: Pieces = []
        let debris = Int.random(in: 0..<3, using: &random) == 0
        func separator(_ text: String) {
            guard debris, let mark = text.first, ",.:".contains(mark) else {
                pieces.append((text, .other))
                return
            }
            // Extraction moves the space before the mark or drops it.
            pieces.append((Bool.random(using: &random) ? " " + String(mark) : String(mark), .other))
        }
        let journal = item.container.map { container in
            Int.random(in: 0..<4, using: &random) == 0 ? container : abbreviate(container)
        }
        // Physics journals in series print the series letter after the name, spaced or glued
        // to the volume: `Phys. Rev. D 65`, `Phys. Lett. B511`.
        let series = Int.random(in: 0..<4, using: &random) == 0 ? ["A", "B", "C", "D", "E"].randomElement(using: &random)! : nil
        let volumeGap = series != nil && Bool.random(using: &random) ? "" : " "
        let firstPage = item.page.map { String($0.prefix { $0.isNumber || $0.isLetter }) }
        if item.isArticle, let journal, let volume = item.volume {
            switch Int.random(in: 0..<8, using: &random) {
            case 0:  // APS, AIP: `A. B. Name and C. Name, "Title," J. Abbrev. 12, 345 (1999).`
                authors(item, form: .initialsFirst, into: &pieces, using: &random)
                separator(", ")
                if let title = item.title {
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: quoted(title, into: &pieces); pieces.append((" ", .other))
                    case 1: pieces.append((title, .title)); separator(", ")
                    default: break
                    }
                }
                pieces.append((journal + (series.map { " " + $0 } ?? ""), .containerTitle)); pieces.append((volumeGap, .other))
                pieces.append((volume, .volume)); separator(", ")
                if let firstPage { pieces.append((firstPage, .page)); pieces.append((" ", .other)) }
                pieces.append(("(", .other)); pieces.append((item.year, .issued)); pieces.append((").", .other))
            case 1:  // Elsevier physics: `A. Name, J. Abbrev. B511 (2001) 265.`
                authors(item, form: .initialsFirst, into: &pieces, using: &random)
                separator(", ")
                if let title = item.title, Bool.random(using: &random) { pieces.append((title, .title)); separator(", ") }
                pieces.append((journal + (series.map { " " + $0 } ?? ""), .containerTitle)); pieces.append((volumeGap, .other))
                pieces.append((volume, .volume)); pieces.append((" (", .other)); pieces.append((item.year, .issued)); pieces.append((") ", .other))
                if let page = item.page { pieces.append((page, .page)) }
                pieces.append((".", .other))
            case 2:  // IOP: `Name A B and Name C 2014 J. Abbrev. 32 2632`
                authors(item, form: .vancouver, into: &pieces, using: &random)
                pieces.append((" ", .other)); pieces.append((item.year, .issued)); pieces.append((" ", .other))
                if let title = item.title, Bool.random(using: &random) { pieces.append((title, .title)); separator(". ") }
                pieces.append((journal, .containerTitle)); pieces.append((" ", .other))
                pieces.append((volume, .volume)); pieces.append((" ", .other))
                if let page = item.page { pieces.append((page, .page)) }
            case 3:  // AAS: `Name, A. B., & Name, C. 2013, ApJ, 770, 57`
                authors(item, form: .inverted, into: &pieces, using: &random)
                pieces.append((" ", .other)); pieces.append((item.year, .issued)); separator(", ")
                pieces.append((journal, .containerTitle)); separator(", ")
                pieces.append((volume, .volume))
                if let firstPage { separator(", "); pieces.append((firstPage, .page)) }
            case 4:  // IEEE: `A. Name, "Title," J. Abbrev., vol. 83, no. 2, pp. 1–9, May 2011.`
                authors(item, form: .initialsFirst, into: &pieces, using: &random)
                separator(", ")
                if let title = item.title { quoted(title, into: &pieces); pieces.append((" ", .other)) }
                pieces.append((journal, .containerTitle)); separator(", ")
                pieces.append(("vol. ", .other)); pieces.append((volume, .volume))
                if let issue = item.issue { separator(", "); pieces.append(("no. ", .other)); pieces.append((issue, .issue)) }
                if let page = item.page {
                    separator(", ")
                    pieces.append((page.contains(where: { "-–".contains($0) }) ? "pp. " : "p. ", .other)); pieces.append((page, .page))
                }
                separator(", ")
                if Bool.random(using: &random) { pieces.append((months.randomElement(using: &random)! + " ", .other)) }
                pieces.append((item.year, .issued)); pieces.append((".", .other))
            case 5:  // AMS: `A. Name, Title, J. Abbrev. 27 (2014), no. 11, 1037–1072.`
                authors(item, form: .initialsFirst, into: &pieces, using: &random)
                separator(", ")
                if let title = item.title { pieces.append((title, .title)); separator(", ") }
                pieces.append((journal, .containerTitle)); pieces.append((" ", .other))
                pieces.append((volume, .volume)); pieces.append((" (", .other)); pieces.append((item.year, .issued)); pieces.append((")", .other))
                if let issue = item.issue { separator(", "); pieces.append(("no. ", .other)); pieces.append((issue, .issue)) }
                if let page = item.page { separator(", "); pieces.append((page, .page)) }
                pieces.append((".", .other))
            case 6:  // Springer: `Name, A.B., Name, C.: Title. J. Abbrev. 12(3), 45–67 (1999)`
                authors(item, form: .inverted, lastJoin: Bool.random(using: &random) ? ", " : " and ", into: &pieces, using: &random)
                separator(": ")
                if let title = item.title { pieces.append((title, .title)); separator(". ") }
                pieces.append((journal, .containerTitle)); pieces.append((" ", .other))
                pieces.append((volume, .volume))
                if let issue = item.issue { pieces.append(("(", .other)); pieces.append((issue, .issue)); pieces.append((")", .other)) }
                if let page = item.page { separator(", "); pieces.append((page, .page)) }
                pieces.append((" (", .other)); pieces.append((item.year, .issued)); pieces.append((")", .other))
            default:  // SIAM, plain BibTeX: `A. Name. Title. J. Abbrev., 4(2):737-740, 1972.`
                authors(item, form: Bool.random(using: &random) ? .initialsFirst : .fullFirst, into: &pieces, using: &random)
                separator(". ")
                if let title = item.title { pieces.append((title, .title)); separator(". ") }
                pieces.append((journal, .containerTitle)); separator(", ")
                pieces.append((volume, .volume))
                if let issue = item.issue { pieces.append(("(", .other)); pieces.append((issue, .issue)); pieces.append((")", .other)) }
                if let page = item.page { pieces.append((":", .other)); pieces.append((page, .page)) }
                separator(", "); pieces.append((item.year, .issued)); pieces.append((".", .other))
            }
        } else if let title = item.title, let publisher = item.publisher {
            let style = Int.random(in: 0..<3, using: &random)
            if style == 0 {
                authors(item, form: .inverted, lastJoin: Bool.random(using: &random) ? ", " : " and ", into: &pieces, using: &random)
            } else {
                authors(item, form: Bool.random(using: &random) ? .initialsFirst : .fullFirst, into: &pieces, using: &random)
            }
            switch style {
            case 0:
                // Springer: `Name, A.: Title. Publisher, Place (1998)`
                separator(": ")
                pieces.append((title, .title)); separator(". "); pieces.append((publisher, .publisher))
                if let place = item.place { separator(", "); pieces.append((place, .publisherPlace)) }
                pieces.append((" (", .other)); pieces.append((item.year, .issued)); pieces.append((")", .other))
            case 1:
                // `A. Name, Title (Publisher, Place, 1998).`
                separator(", ")
                pieces.append((title, .title)); pieces.append((" (", .other)); pieces.append((publisher, .publisher)); separator(", ")
                if let place = item.place { pieces.append((place, .publisherPlace)); separator(", ") }
                pieces.append((item.year, .issued)); pieces.append((").", .other))
            default:
                // `A. Name. Title. Publisher, Place, 1998.`
                separator(". ")
                pieces.append((title, .title)); separator(". "); pieces.append((publisher, .publisher)); separator(", ")
                if let place = item.place { pieces.append((place, .publisherPlace)); separator(", ") }
                pieces.append((item.year, .issued)); pieces.append((".", .other))
            }
        }
        if debris { pieces = pieces.map { ($0.1 == .other ? $0.0 : spoil($0.0, using: &random), $0.1) } }
        return example(pieces)
    }

    /// What extraction does inside a field: drops spaces between words (`philosophyat`),
    /// moves the space after a full stop before it (`Phys .Rev`).
    private static func spoil(_ text: String, using random: inout SplitMix) -> String {
        var result = ""
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if character == ".", characters.first == " ", Int.random(in: 0..<2, using: &random) == 0 {
                characters.removeFirst()
                result += " ."
            } else if character == " ", characters.count > 1, Int.random(in: 0..<8, using: &random) == 0 {
                // (A series letter keeps its space: `LettersB12` would be one token.)
                continue
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static let months = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."]

    private static func quoted(_ title: String, into pieces: inout Pieces) {
        pieces.append(("\u{201C}", .other)); pieces.append((title, .title)); pieces.append((",\u{201D}", .other))
    }

    private enum NameForm { case initialsFirst, fullFirst, vancouver, inverted }

    private static func authors(_ item: Item, form: NameForm, lastJoin: String? = nil, into pieces: inout Pieces,
                                using random: inout SplitMix) {
        let etAl = item.names.count > 3 && Int.random(in: 0..<3, using: &random) == 0
        let names = etAl ? Array(item.names.prefix(1)) : item.names
        let lastJoin = lastJoin ?? (form == .inverted ? ", & " : [" and ", ", and ", " & "].randomElement(using: &random)!)
        for (index, name) in names.enumerated() {
            if index > 0 { pieces.append((index == names.count - 1 ? lastJoin : ", ", .other)) }
            let initials = name.given.split(whereSeparator: { $0 == " " || $0 == "." || $0 == "-" }).compactMap(\.first).map(String.init)
            switch form {
            case .initialsFirst:
                let given = initials.map { $0 + "." }.joined(separator: " ")
                pieces.append(((given.isEmpty ? "" : given + " ") + name.family, .author))
            case .fullFirst:
                pieces.append(((name.given.isEmpty ? "" : name.given + " ") + name.family, .author))
            case .vancouver:
                pieces.append((name.family + (initials.isEmpty ? "" : " " + initials.joined(separator: " ")), .author))
            case .inverted:
                pieces.append((name.family + (initials.isEmpty ? "" : ", " + initials.map { $0 + "." }.joined(separator: " ")), .author))
            }
        }
        if etAl { pieces.append((" et al.", .other)) }
    }

    /// ISO 4 in spirit: the commonest words as the word list abbreviates them, other long words
    /// cut after the consonants that follow their first vowels (`Physical` → `Phys.`, `Review`
    /// → `Rev.`); short function words go.
    static func abbreviate(_ title: String) -> String {
        let dropped: Set<String> = ["of", "the", "and", "for", "in", "on", "&"]
        let listed = ["journal": "J.", "proceedings": "Proc.", "international": "Int.", "transactions": "Trans.",
                      "annals": "Ann.", "research": "Res.", "american": "Am.", "european": "Eur."]
        let vowels = Set("aeiouyAEIOUY")
        let words = title.split(separator: " ").filter { !dropped.contains($0.lowercased()) }
        guard words.count > 1 else { return title }  // `Nature`, `Science`: one word stays whole
        let result = words.map { word -> String in
            if let abbreviation = listed[word.lowercased()] { return abbreviation }
            let letters = Array(word)
            guard letters.count > 5, letters.allSatisfy(\.isLetter) else { return String(word) }
            var index = 1
            while index < letters.count && !vowels.contains(letters[index]) { index += 1 }
            while index < letters.count && vowels.contains(letters[index]) { index += 1 }
            while index < letters.count && !vowels.contains(letters[index]) { index += 1 }
            return index >= letters.count - 1 ? String(word) : String(letters[..<index]) + "."
        }
        return result.joined(separator: " ")
    }

    /// The pieces joined, tokenized, and each token labelled with the piece it starts in.
    private static func example(_ pieces: Pieces) -> Example {
        var raw = ""
        var spans: [(Range<Int>, ReferenceLabel)] = []
        var offset = 0
        for (text, label) in pieces where !text.isEmpty {
            let length = text.unicodeScalars.count
            spans.append((offset..<(offset + length), label))
            raw += text
            offset += length
        }
        let tokens = ReferenceToken.tokenize(raw)
        var labels: [ReferenceLabel] = []
        var spanIndex = 0
        for token in tokens {
            while spanIndex < spans.count && spans[spanIndex].0.upperBound <= token.start { spanIndex += 1 }
            var label = spanIndex < spans.count ? spans[spanIndex].1 : .other
            // A field's closing full stop is punctuation between fields, as the gold alignment has it.
            if label != .other, token.text == ".", token.end == spans[spanIndex].0.upperBound { label = .other }
            labels.append(label)
        }
        return Example(raw: raw, tokens: tokens, labels: labels)
    }
}
