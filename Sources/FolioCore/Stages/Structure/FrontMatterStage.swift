/// Reads what a paper says about itself before its body: the journal's masthead, the title,
/// the authors with their affiliations and e-mail addresses, the abstract and the keywords.
/// The blocks it reads leave the body.
///
/// The abstract and keywords are found by their labels (`Abstract`, `ABSTRACT`, `Summary`;
/// `Keywords:`, `Key words`, `Index Terms`), alone on a line or leading the text. Before them,
/// an author line is a short line of capitalized names (ranks and titles aside, marks such as
/// `*` or `1` after them); the title is the line before it; lines in capitals above the title
/// are the masthead; lines with an institution's name or an affiliation mark are affiliations.
public struct FrontMatterStage: Stage {
    public static let name = "frontmatter"
    public static let phase = Phase.structure
    public static let summary = "title, authors, affiliations, e-mail addresses, journal, abstract, keywords"
    public static let requires = [ParagraphsStage.name]
    public static let runsAfter = [FiguresStage.name, HyphenationStage.name]

    public init() {}

    public init(options: inout Options) throws {}

    public func run(_ document: inout Document, context: StageContext) throws {
        let text = document.text
        var blocks = document.body.blocks
        let labels = FrontMatterLabels(text: text)
        let headings = HeadingsStage()
        func isHeading(_ index: Int) -> Bool {
            guard case .paragraph(let paragraph) = blocks[index] else { return false }
            let next = blocks.indices.contains(index + 1) ? blocks[index + 1].span : nil
            return headings.heading(paragraph.span, next: next, text) != nil && labels.label(of: paragraph.span) == nil
        }

        // The abstract, by its label; the keywords, by theirs.
        var consumed = Set<Int>()
        var frontEnd = blocks.count
        if let abstractIndex = blocks.indices.first(where: { labels.label(of: blocks[$0].span)?.kind == .abstract }) {
            frontEnd = abstractIndex
            consumed.insert(abstractIndex)
            let label = labels.label(of: blocks[abstractIndex].span)!
            if !label.rest.isEmpty { document.frontMatter.abstract.append(Paragraph(span: label.rest)) }
            var index = abstractIndex + 1
            while index < blocks.count, case .paragraph(let paragraph) = blocks[index], labels.label(of: paragraph.span) == nil,
                  !isHeading(index), document.frontMatter.abstract.count < 4 {
                document.frontMatter.abstract.append(paragraph)
                consumed.insert(index)
                index += 1
            }
        }
        if let keywordsIndex = blocks.indices.first(where: { labels.label(of: blocks[$0].span)?.kind == .keywords }) {
            frontEnd = min(frontEnd, keywordsIndex)
            consumed.insert(keywordsIndex)
            var terms = labels.label(of: blocks[keywordsIndex].span)!.rest
            if terms.isEmpty, keywordsIndex + 1 < blocks.count, !isHeading(keywordsIndex + 1) {
                terms = blocks[keywordsIndex + 1].span
                consumed.insert(keywordsIndex + 1)
            }
            document.frontMatter.keywords = labels.keywords(in: terms)
        }
        if frontEnd == blocks.count {
            // No labels: the front is what comes before the first heading, if anything does.
            frontEnd = blocks.indices.first(where: isHeading) ?? 0
        }
        readHead(blocks: Array(blocks[..<frontEnd]), into: &document, consumed: &consumed, labels: labels)
        blocks = blocks.enumerated().filter { !consumed.contains($0.offset) }.map(\.element)
        document.body.blocks = blocks
    }

    /// Masthead, title, authors, affiliations and e-mail addresses from the blocks before the
    /// abstract.
    func readHead(blocks: [Block], into document: inout Document, consumed: inout Set<Int>, labels: FrontMatterLabels) {
        let text = document.text
        var affiliations: [TextRange] = []
        var emails: [TextRange] = []
        var authorIndex: Int?
        var authors: [Author] = []
        // The author line first; affiliations and addresses are printed with it or after it.
        for (index, block) in blocks.enumerated() {
            guard case .paragraph(let paragraph) = block, let names = labels.authors(in: paragraph.span) else { continue }
            authorIndex = index
            authors = names
            consumed.insert(index)
            break
        }
        guard let authorIndex else { return }
        for (index, block) in blocks.enumerated() where index > authorIndex {
            guard case .paragraph(let paragraph) = block else { continue }
            let found = labels.emails(in: paragraph.span)
            if !found.isEmpty {
                emails += found
                consumed.insert(index)
            }
            for line in text.lines(in: paragraph.span) where !line.isBlank {
                if let affiliation = labels.affiliation(in: line.content) {
                    affiliations.append(affiliation)
                    consumed.insert(index)
                }
            }
        }
        // The title: the nearest block above the authors that reads like one.
        if let titleIndex = (0..<authorIndex).reversed().first(where: { index in
            guard !consumed.contains(index), case .paragraph(let paragraph) = blocks[index] else { return false }
            return labels.isTitleLike(paragraph.span)
        }) {
            document.frontMatter.title = blocks[titleIndex].span
            consumed.insert(titleIndex)
            // Above it, the masthead in capitals; a web address there belongs to it too.
            let masthead = (0..<titleIndex).filter { index in
                guard case .paragraph(let paragraph) = blocks[index] else { return false }
                return text.isUpperCase(paragraph.span) || labels.isAddress(paragraph.span)
            }
            let names = masthead.filter { !labels.isAddress(blocks[$0].span) }
            if let first = names.first, let last = names.last {
                document.frontMatter.journal = TextRange(blocks[first].span.start, blocks[last].span.end)
            }
            consumed.formUnion(masthead)
        }
        for index in authors.indices {
            authors[index].affiliations = affiliations
            authors[index].emails = authors.count == 1 ? emails : (index < emails.count ? [emails[index]] : [])
        }
        document.frontMatter.authors = authors
    }
}
