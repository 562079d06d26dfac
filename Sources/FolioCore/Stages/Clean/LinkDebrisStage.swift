/// Removes the link markup PDF-to-Markdown converters leave around words: `[Hale 2009](#)`
/// becomes `Hale 2009`, `<https://example.org>` becomes `https://example.org`. The printed
/// page showed only the words; each removal is logged as a repair, the target included.
public struct LinkDebrisStage: Stage {
    public static let name = "links"
    public static let phase = Phase.clean
    public static let summary = "converter link debris: [text](target) and <url> reduced to what was printed"
    public static let requires = [NormalizeStage.name]

    public init() {}

    public init(options: inout Options) throws {}

    /// Where link markup opens: a Markdown link's `[`, an autolink's `<`.
    static let openings = ScanMarks("[", "<")
    /// What ends a Markdown link's text, its target, and an autolink's URL (or shows it is none).
    static let linkTextEnds: ScalarSet = "[]\n"
    static let targetEnds: ScalarSet = "() \n"
    static let autolinkEnds: ScalarSet = "<> \n"

    public func run(_ document: inout Document, context: StageContext) throws {
        let text = document.text
        let scalars = text.scalars
        var builder = WorkingTextBuilder(base: text)
        var kept = 0
        var index = 0
        var repairs: [Repair] = []
        func replace(_ range: TextRange, keeping inner: TextRange) {
            builder.copy(TextRange(kept, range.start))
            builder.replace(TextRange(range.start, inner.start), with: [])
            builder.copy(inner)
            builder.replace(TextRange(inner.end, range.end), with: [])
            repairs.append(Repair(rule: "link-debris", source: text.sourceRange(range), before: text.string(range), after: text.string(inner)))
            kept = range.end
            index = range.end
        }
        while index < scalars.count {
            index = text.firstPosition(from: index, to: scalars.count, of: Self.openings)
            guard index < scalars.count else { break }
            switch scalars[index] {
            case "[":
                if let link = markdownLink(at: index, scalars) { replace(link.whole, keeping: link.text) } else { index += 1 }
            case "<":
                if let link = autolink(at: index, scalars) { replace(link.whole, keeping: link.text) } else { index += 1 }
            default:
                index += 1
            }
        }
        guard !repairs.isEmpty else { return }
        builder.copy(TextRange(kept, scalars.count))
        document.replaceText(with: builder)
        document.repairs.append(contentsOf: repairs)
    }

    /// `[text](target)` on one line, text not empty, no brackets nested.
    func markdownLink(at start: Int, _ scalars: [Unicode.Scalar]) -> (whole: TextRange, text: TextRange)? {
        var index = start + 1
        while index < scalars.count, !Self.linkTextEnds.contains(scalars[index]) { index += 1 }
        guard index + 1 < scalars.count, scalars[index] == "]", index > start + 1, scalars[index + 1] == "(" else { return nil }
        let textEnd = index
        index += 2
        while index < scalars.count, !Self.targetEnds.contains(scalars[index]) { index += 1 }
        guard index < scalars.count, scalars[index] == ")" else { return nil }
        return (TextRange(start, index + 1), TextRange(start + 1, textEnd))
    }

    /// `<http://…>`, `<https://…>`, `<www.…>`: a URL in angle brackets, no spaces.
    func autolink(at start: Int, _ scalars: [Unicode.Scalar]) -> (whole: TextRange, text: TextRange)? {
        let rest = scalars[(start + 1)...].prefix(8)
        guard ["http://", "https://", "www."].contains(where: { rest.starts(with: $0.unicodeScalars) }) else { return nil }
        var index = start + 1
        while index < scalars.count, !Self.autolinkEnds.contains(scalars[index]) { index += 1 }
        guard index < scalars.count, scalars[index] == ">" else { return nil }
        return (TextRange(start, index + 1), TextRange(start + 1, index))
    }
}
