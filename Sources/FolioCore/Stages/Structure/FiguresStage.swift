/// Turns captions into figures and tables: the head (`Figure 1.`), the label (`1`), the
/// caption's words, and the credit line under it (`Source: …`), so none of them is read as a
/// paragraph of the running text.
public struct FiguresStage: Stage {
    public static let name = "figures"
    public static let phase = Phase.structure
    public static let summary = "figure and table captions with their labels and credit lines"
    public static let requires = [ParagraphsStage.name]

    public init() {}

    public init(options: inout Options) throws {}

    public func run(_ document: inout Document, context: StageContext) throws {
        let text = document.text
        var blocks: [Block] = []
        var pending = document.body.blocks[...]
        while let block = pending.popFirst() {
            guard case .paragraph(let paragraph) = block, let head = CaptionLabels.head(in: paragraph.span, of: text) else {
                blocks.append(block)
                continue
            }
            var figure = Figure(span: paragraph.span, kind: head.kind, head: head.head, label: head.label,
                                caption: TextRange(head.captionStart, paragraph.span.end))
            if case .paragraph(let next)? = pending.first, CaptionLabels.isCredit(next.span, of: text) {
                pending.removeFirst()
                figure.source = next.span
                figure.span = TextRange(paragraph.span.start, next.span.end)
            }
            blocks.append(.figure(figure))
        }
        document.body.blocks = blocks
    }
}
