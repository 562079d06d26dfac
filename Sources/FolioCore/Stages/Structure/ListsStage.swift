import Foundation

/// Gathers list items into lists: blocks that start with a bullet (`●`, `•`, `-`, `*`) make a
/// bulleted list; two or more consecutive blocks numbered in sequence (`1.`, `2)`, `(3)`, `a)`)
/// make a numbered one. The bullet or number leaves the item's text and becomes its label.
public struct ListsStage: Stage {
    public static let name = "lists"
    public static let phase = Phase.structure
    public static let summary = "bulleted and numbered lists and their items"
    public static let requires = [ParagraphsStage.name]
    public static let runsAfter = [FiguresStage.name]

    public init() {}

    public init(options: inout Options) throws {}

    public func run(_ document: inout Document, context: StageContext) throws {
        let text = document.text
        var result: [Block] = []
        var pending: [(item: ListItem, ordinal: Int?, block: TextRange)] = []
        func flush() {
            defer { pending = [] }
            guard let first = pending.first, let last = pending.last else { return }
            let numbered = first.ordinal != nil
            // A single numbered block is a paragraph that starts with a number, not a list.
            if numbered && pending.count < 2 {
                result += pending.map { .paragraph(Paragraph(span: $0.block)) }
                return
            }
            result.append(.list(ListBlock(span: TextRange(first.block.start, last.block.end), style: numbered ? .numbered : .bulleted,
                                          items: pending.map(\.item))))
        }
        for block in document.body.blocks {
            guard case .paragraph(let paragraph) = block, let (label, ordinal, rest) = marker(of: paragraph.span, text) else {
                flush()
                result.append(block)
                continue
            }
            let continues = pending.last.map { previous in
                (previous.ordinal == nil) == (ordinal == nil) && (ordinal == nil || ordinal == previous.ordinal! + 1)
            } ?? true
            if !continues { flush() }
            if ordinal != nil && pending.isEmpty && ordinal! > 1 {
                // A numbered list starts at its first number.
                result.append(block)
                continue
            }
            pending.append((ListItem(span: rest, label: label), ordinal, paragraph.span))
        }
        flush()
        document.body.blocks = result
    }

    /// The item's label, its ordinal when numbered, and its text.
    func marker(of range: TextRange, _ text: WorkingText) -> (String, Int?, TextRange)? {
        let first = text[range.start]
        var index = range.start
        if Bullets.opensItem(range, text) {
            index += 1
        } else {
            // `1.`, `1)`, `(1)`, `a)`, `(a)`: what opens with none of these is no such label
            // (most paragraphs), known before any string is made for the pattern.
            guard first == "(" || ("0"..."9").contains(first) || ("a"..."h").contains(first) else { return nil }
            let head = text.string(TextRange(range.start, min(range.end, range.start + 6)))
            guard let match = head.range(ofPattern: #"^\(?([0-9]{1,2}|[a-h])[.)]\s"#) else { return nil }
            let label = head[match].trimmedOfWhitespace
            let core = label.trimmed(CharacterSet(charactersIn: "().")).lowercased()
            let ordinal = Int(core) ?? core.unicodeScalars.first.map { Int($0.value) - 96 }
            guard !(label.hasSuffix(".") && core.count == 1 && Int(core) == nil) else { return nil }  // `a.` is an initial
            index = range.start + head.distance(from: head.startIndex, to: match.upperBound)
            while index < range.end && text[index].isWhitespace { index += 1 }
            return index < range.end ? (label, ordinal, TextRange(index, range.end)) : nil
        }
        while index < range.end && text[index].isWhitespace { index += 1 }
        return index < range.end ? (String(Character(first)), nil, TextRange(index, range.end)) : nil
    }
}
