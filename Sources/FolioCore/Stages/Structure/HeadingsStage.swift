/// Finds the blocks that are headings and nests the body into sections by heading level.
///
/// A heading is a short block that does not end like a sentence and is either Markdown (`##`),
/// numbered (`2.`, `2.1`, `II.`, `A.`), set in capitals, or a short line standing alone before
/// longer text. Its level comes from the Markdown marks or the number's depth, else 1.
public struct HeadingsStage: Stage {
    public static let name = "headings"
    public static let phase = Phase.structure
    public static let summary = "headings, their levels and the sections they open"
    public static let requires = [ParagraphsStage.name]

    /// The most words a heading may have.
    public var maximumWords: Int

    public init(maximumWords: Int = 25) {
        self.maximumWords = maximumWords
    }

    public init(options: inout Options) throws {
        self.init(maximumWords: try options.integer("maximumWords", default: 25, in: 1...200))
    }

    public func run(_ document: inout Document, context: StageContext) throws {
        let text = document.text
        let blocks = document.body.blocks
        var items: [SectionItem] = []
        for (index, block) in blocks.enumerated() {
            let next = blocks[(index + 1)...].first
            if case .paragraph(let paragraph) = block, let heading = heading(paragraph.span, next: next?.span, text) {
                items.append(.heading(heading))
            } else {
                items.append(.block(block))
            }
        }
        var body = Self.nest(items)
        body.subsections = document.body.subsections + body.subsections
        document.body = body
    }

    enum SectionItem {
        case heading(Heading)
        case block(Block)
    }

    /// Builds the section tree: a heading opens a section inside the nearest open section of a
    /// lower level.
    static func nest(_ items: [SectionItem]) -> Section {
        var stack = [Section()]
        func closeInnermost() {
            let section = stack.removeLast()
            stack[stack.count - 1].subsections.append(section)
        }
        for item in items {
            switch item {
            case .block(let block):
                stack[stack.count - 1].blocks.append(block)
            case .heading(let heading):
                while stack.count > 1, let open = stack.last?.heading, open.level >= heading.level { closeInnermost() }
                stack.append(Section(heading: heading))
            }
        }
        while stack.count > 1 { closeInnermost() }
        return stack[0]
    }

    /// The heading `range` is, or nil when it is ordinary text.
    func heading(_ range: TextRange, next: TextRange?, _ text: WorkingText) -> Heading? {
        if let markdown = markdownHeading(range, text) { return markdown }
        // Every paragraph is asked: most end as text does, which its last mark tells at once;
        // the words are counted only as far as a heading's can go.
        guard !endsLikeText(range, text) else { return nil }
        let words = text.wordCount(range, countingTo: maximumWords < .max ? maximumWords + 1 : .max)
        guard words >= 1, words <= maximumWords else { return nil }
        if let numbered = numberedHeading(range, text) { return numbered }
        if looksLikeCaption(range, text) { return nil }
        if text.isUpperCase(range) { return Heading(span: range, level: 1) }
        // A short line standing alone, capitalized, before clearly longer text; not one that
        // introduces what follows (`…wrote the following:`).
        let isOneLine = !text.scalars[range.start..<range.end].contains("\n")
        let first = text[range.start]
        if isOneLine, words <= 12, first.isUppercase, text.lastVisible(range) != ":", let next,
           next.count > max(range.count * 3 / 2, 40) {
            return Heading(span: range, level: 1)
        }
        return nil
    }

    /// `# Title` to `###### Title`.
    func markdownHeading(_ range: TextRange, _ text: WorkingText) -> Heading? {
        var index = range.start
        while index < range.end && text[index] == "#" { index += 1 }
        let level = index - range.start
        guard (1...6).contains(level), index < range.end, text[index] == " " else { return nil }
        var titleStart = index
        while titleStart < range.end && text[titleStart] == " " { titleStart += 1 }
        var titleEnd = range.end
        while titleEnd > titleStart && (text[titleEnd - 1] == "#" || text[titleEnd - 1] == " ") { titleEnd -= 1 }
        guard titleStart < titleEnd else { return nil }
        return Heading(span: range, level: level, title: TextRange(titleStart, titleEnd))
    }

    /// `2. Title`, `2.1 Title`, `II. Title`, `A. Title`: the number's depth is the level.
    func numberedHeading(_ range: TextRange, _ text: WorkingText) -> Heading? {
        var index = range.start
        while index < range.end && !text[index].isWhitespace { index += 1 }
        let number = text.string(TextRange(range.start, index))
        guard let level = Self.headingNumberLevel(number) else { return nil }
        var titleStart = index
        while titleStart < range.end && text[titleStart].isWhitespace { titleStart += 1 }
        guard titleStart < range.end, text[titleStart].isUppercase else { return nil }
        let trimmed = number.hasSuffix(".") ? String(number.dropLast()) : number
        return Heading(span: range, level: level, number: trimmed, title: TextRange(titleStart, range.end))
    }

    /// The depth of a heading number: `2` or `2.` is 1, `2.1` is 2, `II.` and `A.` are 1.
    static func headingNumberLevel(_ number: String) -> Int? {
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        let significant = parts.last == "" ? parts.dropLast() : parts[...]
        guard !significant.isEmpty, significant.allSatisfy({ !$0.isEmpty }) else { return nil }
        if significant.allSatisfy({ $0.allSatisfy(\.isASCII) && Int($0) != nil && $0.count <= 2 }) {
            // A lone number needs its dot (`2.`), or it is as likely a quantity as a heading.
            return significant.count == 1 && parts.last != "" ? nil : significant.count
        }
        guard significant.count == 1, parts.last == "" else { return nil }
        let label = significant[0]
        if label.count == 1, let letter = label.first, letter.isUppercase, letter.isASCII { return 1 }
        if label.allSatisfy({ "IVXLC".contains($0) }) { return 1 }
        return nil
    }

    private static let textEnds: ScalarSet = ".,;!?"

    /// Sentence text ends in punctuation (a colon counts only when something followed it).
    func endsLikeText(_ range: TextRange, _ text: WorkingText) -> Bool {
        guard let last = text.lastVisible(range) else { return true }
        return Self.textEnds.contains(last) || (last == ":" && text.wordCount(range, countingTo: 2) <= 1)
    }

    /// `Figure 1.`, `Table 2:`, `Fig. 3` start captions, not headings.
    func looksLikeCaption(_ range: TextRange, _ text: WorkingText) -> Bool {
        let head = text.string(TextRange(range.start, min(range.end, range.start + 8))).lowercased()
        return ["figure", "fig.", "table", "chart", "graph", "source:", "note:"].contains { head.hasPrefix($0) }
    }
}
