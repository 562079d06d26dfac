import FolioCore
import Foundation

/// Makes the documents a fuzz run feeds through every stage, each from its own seed so any
/// failure repeats: pieces of real papers mutated at random (deleted, duplicated, debris from
/// extraction and markup inserted), text written from a grammar of the things papers hold
/// (headings, notes, references, dates, quotations), Unicode soup, and raw bytes.
public struct DocumentGenerator: Sendable {
    /// Real papers to cut and mutate.
    public let corpus: [String]

    public init(corpus: [String]) {
        self.corpus = corpus
    }

    /// A document: its bytes and the format it is read as.
    public struct Document: Sendable {
        public var bytes: [UInt8]
        public var format: InputFormat
    }

    public func document(seed: UInt64) -> Document {
        var random = SplitMix(seed: seed)
        let format: InputFormat = Bool.random(using: &random) ? .plainText : .markdown
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<4 where !corpus.isEmpty:
            let paper = corpus.randomElement(using: &random)!
            let scalars = Array(paper.unicodeScalars)
            let start = Int.random(in: 0..<max(1, scalars.count), using: &random)
            let piece = String(scalars: scalars[start..<min(scalars.count, start + Int.random(in: 1...1500, using: &random))])
            return Document(bytes: Array(Self.mutate(piece, using: &random).utf8), format: format)
        case 0..<7:
            return Document(bytes: Array(Self.mutate(grammar(using: &random), using: &random).utf8), format: format)
        case 7..<9:
            return Document(bytes: Array(soup(using: &random).utf8), format: format)
        default:
            return Document(bytes: (0..<Int.random(in: 0...600, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }, format: format)
        }
    }

    static let debris = ["\u{000C}", "\n", "\n\n", " ", "(", ")", "[", "]", "*", "[^3]", "<sup>2</sup>", "●", "1.", "12 ", "-",
                         "—", "“", "”", "‘", "’", "«", "»", "„", "\"", "'", "2019", "Figure 3.", "Source:", "Keywords:", "Abstract",
                         "](#)", "<http://x>", "\u{00AD}", "\u{FB01}", "e\u{0301}", "\t", ">", "#", "##", "References\n\n",
                         "(Smith, 2001)", "ibid.", "https://a.b/c:d[1]", "inter-\n", "Canada4.", "1 ", "— 12 —", "\u{200B}", "\r\n"]

    /// Deletes, duplicates and inserts debris at random places.
    public static func mutate(_ text: String, using random: inout SplitMix) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<Int.random(in: 1...60, using: &random) {
            let index = scalars.isEmpty ? 0 : Int.random(in: 0..<scalars.count, using: &random)
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<3 where !scalars.isEmpty:
                scalars.removeSubrange(index..<min(scalars.count, index + Int.random(in: 1...200, using: &random)))
            case 3..<6:
                scalars.insert(contentsOf: debris.randomElement(using: &random)!.unicodeScalars, at: index)
            case 6..<8 where !scalars.isEmpty:
                let from = Int.random(in: 0..<scalars.count, using: &random)
                scalars.insert(contentsOf: scalars[from..<min(scalars.count, from + Int.random(in: 1...300, using: &random))], at: index)
            default:
                let burst = (0..<Int.random(in: 1...20, using: &random)).map { _ in debris.randomElement(using: &random)! }.joined()
                scalars.insert(contentsOf: burst.unicodeScalars, at: index)
            }
        }
        return String(scalars: scalars)
    }

    static let words = ["the", "treaty", "of", "war", "state", "policy", "Alliance", "Moscow", "security", "order", "was", "signed",
                        "in", "and", "a", "new", "Europe", "council", "said", "that", "according", "to", "et", "al.", "U.S.", "e.g."]
    static let dates = ["1998", "in 2007", "24 February 2022", "February 24, 2022", "24.02.2022", "the 1950s", "the late 1990s",
                        "between 1992 and 1995", "1992–1995", "from 2005 to 2008", "one year later", "the following year",
                        "yesterday", "last month", "78-day", "almost 24 years", "annually", "Tuesday", "5 p.m. EST Nov. 9",
                        "2 1/2 years", "the third quarter", "spring 2022", "nineteen ninety-four"]

    /// Text shaped like a paper: a title, authors, headings, paragraphs with dates, citations,
    /// quotations and note markers, notes, and a reference list.
    func grammar(using random: inout SplitMix) -> String {
        func sentence(_ random: inout SplitMix) -> String {
            var parts: [String] = []
            for _ in 0..<Int.random(in: 3...25, using: &random) {
                switch Int.random(in: 0..<12, using: &random) {
                case 0: parts.append(Self.dates.randomElement(using: &random)!)
                case 1: parts.append("(" + ["Smith", "Hale and Ode", "NATO"].randomElement(using: &random)! + ", \(Int.random(in: 1900...2030, using: &random)))")
                case 2: parts.append("“" + (0..<Int.random(in: 1...9, using: &random)).map { _ in Self.words.randomElement(using: &random)! }.joined(separator: " ") + "”")
                case 3: parts.append(Self.words.randomElement(using: &random)! + "\(Int.random(in: 1...30, using: &random))")
                default: parts.append(Self.words.randomElement(using: &random)!)
                }
            }
            return parts.joined(separator: " ") + "."
        }
        var lines = ["A TITLE OF \(Int.random(in: 1...99, using: &random)) WORDS", "", "Ann Hale¹, Bo Ode²", "¹ University", "", "Abstract", sentence(&random), ""]
        for section in 1...Int.random(in: 1...3, using: &random) {
            lines.append(["\(section). Heading", "## Heading \(section)", "HEADING"].randomElement(using: &random)!)
            lines.append("")
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                lines.append((0..<Int.random(in: 1...4, using: &random)).map { _ in sentence(&random) }.joined(separator: " "))
                lines.append("")
            }
            if Bool.random(using: &random) { lines.append("\(Int.random(in: 1...9, using: &random)) A note that " + sentence(&random)) }
        }
        lines.append("References")
        for _ in 0..<Int.random(in: 0...6, using: &random) {
            lines.append("Hale, A. (\(Int.random(in: 1950...2025, using: &random))). A title. Journal \(Int.random(in: 1...40, using: &random))(2): 1–20.")
        }
        return lines.joined(separator: Bool.random(using: &random) ? "\n" : "\n\u{000C}")
    }

    /// Scalars from every corner Folio meets: letters of several scripts, digits, punctuation
    /// and quotes, spaces and breaks, marks, controls, emoji.
    func soup(using random: inout SplitMix) -> String {
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0x20...0x7E, 0x0A...0x0D, 0xA0...0x17F, 0x300...0x36F, 0x391...0x3C9, 0x410...0x44F,
                                             0x5D0...0x5EA, 0x2000...0x206F, 0x2010...0x201F, 0xFB00...0xFB06, 0x1F600...0x1F64F, 0x00...0x1F]
        var result = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...500, using: &random) {
            let range = ranges.randomElement(using: &random)!
            if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &random)) { result.append(scalar) }
        }
        return String(result)
    }
}
