/// Takes running heads, running feet and page numbers out of the text, keeping them in the
/// document as page furniture.
///
/// Furniture is what repeats at the same place, the top or the foot, across pages: the same
/// words (page numbers aside: `Journal of Studies 12`, `Journal of Studies 13`), or a bare
/// number. A line must repeat on enough pages to count, so a body line never does by chance.
/// Pages the extractor marked only by indenting their first line get a form feed.
public struct PageFurnitureStage: Stage {
    public static let name = "furniture"
    public static let phase = Phase.clean
    public static let summary = "running heads, running feet and page numbers removed, kept as page furniture"
    public static let requires = [NormalizeStage.name]

    /// The share of pages a line must repeat on (at least two pages in any case).
    public var minimumShare: Double
    /// How many lines at the top and at the foot of a page may be furniture.
    public var linesPerEdge: Int

    public init(minimumShare: Double = 0.3, linesPerEdge: Int = 2) {
        self.minimumShare = minimumShare
        self.linesPerEdge = linesPerEdge
    }

    public init(options: inout Options) throws {
        self.init(minimumShare: try options.number("minimumShare", default: 0.3, in: 0.05...1.0),
                  linesPerEdge: try options.integer("linesPerEdge", default: 2, in: 1...5))
    }

    enum Edge: Hashable { case top, foot }

    public func run(_ document: inout Document, context: StageContext) throws {
        guard document.source.format == .plainText else { return }
        let text = document.text
        let lines = text.lines()
        let starts = PageStarts.find(in: lines)
        guard starts.count >= 2 else { return }
        let pages = zip(starts, Array(starts.dropFirst()) + [lines.count]).map { $0..<$1 }

        // Edges are read from the outside in: a line counts only when every line outside it
        // on its page's edge does (a running head above a page number, say).
        var furniture: [Int] = []
        var open: [(page: Range<Int>, edge: Edge)] = pages.flatMap { [($0, Edge.top), ($0, Edge.foot)] }
        for depth in 0..<linesPerEdge {
            var candidates: [(line: Int, edge: Edge, signature: String, slot: Int)] = []
            for (slot, (page, edge)) in open.enumerated() {
                let visible = page.filter { !lines[$0].isBlank }
                guard depth < visible.count / 2 else { continue }
                let index = edge == .top ? visible[depth] : visible[visible.count - 1 - depth]
                candidates.append((index, edge, signature(lines[index], text), slot))
            }
            var pagesShowing: [Edge: [String: Int]] = [:]
            for candidate in candidates { pagesShowing[candidate.edge, default: [:]][candidate.signature, default: 0] += 1 }
            let needed = max(2, Int((minimumShare * Double(pages.count)).rounded(.up)))
            let found = candidates.filter { candidate in
                let count = pagesShowing[candidate.edge]![candidate.signature]!
                return count >= (candidate.signature == Self.pageNumberSignature ? 2 : needed)
            }
            furniture += found.map(\.line)
            open = found.map { open[$0.slot] }
        }
        furniture.sort()

        // Pages found from indentation get a form feed, as pdftotext writes them, so the page
        // stays marked when its first line (a running head) goes.
        let unmarked = lines.contains { $0.startsPage } ? [] : Array(starts.dropFirst())
        guard !furniture.isEmpty || !unmarked.isEmpty else { return }
        var builder = WorkingTextBuilder(base: text)
        var kept = 0
        var edits = furniture.map { ($0, true) } + unmarked.map { ($0, false) }
        edits.sort { ($0.0, $0.1 ? 1 : 0) < ($1.0, $1.1 ? 1 : 0) }  // a page's form feed before its removal
        for (index, isFurniture) in edits {
            let line = lines[index]
            guard isFurniture else {
                builder.copy(TextRange(kept, line.range.start))
                builder.replace(TextRange(line.range.start, line.range.start), with: ["\u{0C}"])
                kept = line.range.start
                continue
            }
            let removed = TextRange(line.range.start, min(text.count, line.range.end + 1))
            builder.copy(TextRange(kept, removed.start))
            builder.replace(removed, with: [])
            kept = removed.end
            let isNumber = signature(line, text) == Self.pageNumberSignature
            document.pageFurniture.append(PageFurniture(kind: isNumber ? .pageNumber : .runningHead,
                                                        source: text.sourceRange(line.content), text: text.string(line.content)))
            document.repairs.append(Repair(rule: "page-furniture", source: text.sourceRange(removed),
                                           before: text.string(removed), after: ""))
        }
        builder.copy(TextRange(kept, text.count))
        document.replaceText(with: builder)
    }

    static let pageNumberSignature = "#"

    /// A line with its numbers made alike: `Journal of Studies 12` → `journal of studies #`;
    /// a bare page number (`12`, `- 12 -`, `Page 12`, `xii`) → `#`.
    func signature(_ line: Line, _ text: WorkingText) -> String {
        // Built as UTF-8 bytes: every line of a paper is signed.
        var result: [UInt8] = []
        // The line without its dashes, spaces and full stops, while it may still be a page number.
        var bare: [UInt8] = []
        var lastWasDigit = false
        for scalar in text.scalars[line.content.start..<line.content.end] {
            if ("0"..."9").contains(scalar) {
                if !lastWasDigit { Self.append("#", to: &result, &bare) }
                lastWasDigit = true
                continue
            }
            lastWasDigit = false
            if scalar.isWhitespace {
                if result.last != UInt8(ascii: " ") { Self.append(" ", to: &result, &bare) }
            } else if let letter = scalar.asciiLetterLowercased {
                Self.append(Unicode.Scalar(letter), to: &result, &bare)
            } else if scalar.value < 0x80 {
                Self.append(scalar, to: &result, &bare)
            } else {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { Self.append(lower, to: &result, &bare) }
            }
        }
        if bare.count <= 6 {
            let word = String(decoding: bare, as: UTF8.self)
            if word == "#" || word == "page#" || word == "p#" { return Self.pageNumberSignature }
            if !bare.isEmpty, bare.allSatisfy({ "ivxlc".utf8.contains($0) }) { return Self.pageNumberSignature }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Adds a code point to a line's signature and, while it may still be a page number, to
    /// the line's bare form. (A function of its own, not one nested in `signature`: its
    /// captured arrays were checked for exclusive access at every code point of a paper.)
    private static func append(_ scalar: Unicode.Scalar, to result: inout [UInt8], _ bare: inout [UInt8]) {
        UTF8.encode(scalar) { result.append($0) }
        if bare.count <= 6, !pageNumberMarks.contains(scalar) { UTF8.encode(scalar) { bare.append($0) } }
    }

    /// What a page number may be printed between (`- 12 -`, `Page 12.`).
    private static let pageNumberMarks: Set<Unicode.Scalar> = ["-", "–", "—", " ", "."]
}
