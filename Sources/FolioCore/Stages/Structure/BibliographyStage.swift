import Foundation

/// Finds the reference list (the section headed References, Bibliography, Works Cited,
/// Literature, Sources…), splits it into entries, parses each into CSL fields, and takes it
/// out of the body.
public struct BibliographyStage: Stage {
    public static let name = "bibliography"
    public static let phase = Phase.structure
    public static let summary = "the reference list split into entries and parsed into CSL fields"
    public static let requires = [HeadingsStage.name]

    static let headings: Set<String> = ["references", "reference", "bibliography", "works cited", "literature", "cited literature",
                                        "sources", "references and notes", "literature cited", "bibliografie", "bibliografía",
                                        "bibliographie", "referências", "références", "referencias", "literatur", "literaturverzeichnis"]

    let parser = ReferenceParser()

    public init() {}

    public init(options: inout Options) throws {}

    public func run(_ document: inout Document, context: StageContext) throws {
        let text = document.text
        guard let path = Self.referenceSection(in: document.body, text) else { return }
        let section = document.body.section(at: path)
        var entries: [TextRange] = []
        for block in section.blocks {
            entries += splitEntries(block.span, text)
        }
        document.references = entries.map { entry in
            var reference = parser.parse(text.readingText(entry))
            reference.span = entry
            return reference
        }
        document.body.removeSection(at: path)
    }

    /// The path (child indexes) of the last section whose heading names a reference list.
    static func referenceSection(in body: Section, _ text: WorkingText) -> [Int]? {
        var found: [Int]?
        func visit(_ section: Section, path: [Int]) {
            for (index, child) in section.subsections.enumerated() {
                if let heading = child.heading, headings.contains(NameFolding.fold(text.readingText(heading.title)).trimmedOfWhitespace) {
                    found = path + [index]
                }
                visit(child, path: path + [index])
            }
        }
        visit(body, path: [])
        return found
    }

    /// The entries in a block: each line that starts like an entry (`[12]`, `12.`, or a
    /// capitalized family name and a comma after a line that ended one) starts a new one.
    func splitEntries(_ block: TextRange, _ text: WorkingText) -> [TextRange] {
        let lines = text.lines(in: block).filter { !$0.isBlank }
        guard lines.count > 1 else { return [block] }
        var entries: [TextRange] = []
        var start = lines[0].content.start
        for (previous, line) in zip(lines, lines.dropFirst()) where startsEntry(line.content, after: previous.content, text) {
            entries.append(TextRange(start, previous.content.end))
            start = line.content.start
        }
        entries.append(TextRange(start, lines.last!.content.end))
        return entries
    }

    func startsEntry(_ line: TextRange, after previous: TextRange, _ text: WorkingText) -> Bool {
        let head = text.string(TextRange(line.start, min(line.end, line.start + 40)))
        if head.range(ofPattern: #"^(\[\d+\]|\d{1,3}\.\s)"#) != nil { return true }
        let previousEnds = text.lastVisible(previous).map { ".)>".unicodeScalars.contains($0) } ?? false
        return previousEnds && head.range(ofPattern: #"^\p{Lu}[\p{L}'’-]+(?: [\p{Lu}][\p{L}'’-]+)?,\s"#) != nil
    }
}

extension Section {
    func section(at path: [Int]) -> Section {
        path.reduce(self) { $0.subsections[$1] }
    }

    mutating func removeSection(at path: [Int]) {
        guard let first = path.first else { return }
        if path.count == 1 {
            subsections.remove(at: first)
        } else {
            subsections[first].removeSection(at: Array(path.dropFirst()))
        }
    }
}
