import Foundation
@testable import FolioCore
@testable import FolioKit

/// The repository's root, found from this file.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The sample papers in `Input/`.
let samplePaths: [String] = (try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Input").path))?
    .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted()
    .map { repositoryRoot.appendingPathComponent("Input").appendingPathComponent($0).path } ?? []

/// The committed default pipeline, read once (its word list is large).
private let committedConfiguration = Result {
    try PipelineConfiguration.load(path: repositoryRoot.appendingPathComponent("pipeline.json").path, components: .standard)
}

func defaultConfiguration() throws -> PipelineConfiguration {
    try committedConfiguration.get()
}

func processSample(_ path: String) throws -> Document {
    try Pipeline(configuration: defaultConfiguration()).process(DocumentReader.read(path: path, name: (path as NSString).lastPathComponent))
}

/// A fresh empty folder under the system's temporary folder.
func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "folio-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Whether a command is on the PATH.
func commandExists(_ name: String) -> Bool {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
        FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
    }
}

/// Runs a command, returning its exit status and combined output.
func runCommand(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// A document with every part of the model filled in by hand, so the emitters are exercised on
/// everything the output profile fixes, whatever the stages find yet.
func fullModelDocument() throws -> Document {
    let text = """
        Title of the Paper
        Ada Lovelace
        Analytical Society
        ada@example.org
        Journal & Review
        An abstract < with > markup.
        NATO, Security regimes
        INTRODUCTION
        In 1948 the crisis began4 (Waltz, 2000; Lukyanov, 2016), a ‘security dilemma’ as Herz wrote “each State interprets its security as defensive”.
        ● first item
        ● second item
        A block quote set off from the text.
        Figure 1. Children observe the airlift Source: archive
        4 The United States, Canada and others.
        Waltz, Kenneth. 2000. Structural Realism. International Security 25 (1): 5–41. https://doi.org/10.1162/016228800560372
        Lukyanov, Fyodor. 2016. Putin's Foreign Policy. Foreign Affairs.
        """
    var document = Document(source: SourceText(name: "full.txt", format: .plainText, text: text))
    let whole = document.text.string(document.text.all)
    func range(_ piece: String, after: Int = 0) -> TextRange {
        let scalars = Array(whole.unicodeScalars)
        let needle = Array(piece.unicodeScalars)
        for start in after...(scalars.count - needle.count) where Array(scalars[start..<start + needle.count]) == needle {
            return TextRange(start, start + needle.count)
        }
        fatalError("no \(piece) in the fixture")
    }
    var author = Author(name: range("Ada Lovelace"), forename: "Ada", surname: "Lovelace")
    author.emails = [range("ada@example.org")]
    author.affiliations = [range("Analytical Society")]
    document.frontMatter.title = range("Title of the Paper")
    document.frontMatter.authors = [author]
    document.frontMatter.journal = range("Journal & Review")
    document.frontMatter.abstract = [Paragraph(span: range("An abstract < with > markup."))]
    document.frontMatter.keywords = [range("NATO"), range("Security regimes")]

    let introduction = range("In 1948 the crisis began4 (Waltz, 2000; Lukyanov, 2016), a ‘security dilemma’ as Herz wrote “each State interprets its security as defensive”.")
    let list = ListBlock(span: TextRange(range("● first item").start, range("● second item").end), style: .bulleted,
                         items: [ListItem(span: range("first item"), label: "●"), ListItem(span: range("second item"), label: "●")])
    let figureSpan = range("Figure 1. Children observe the airlift Source: archive")
    let figure = Figure(span: figureSpan, kind: .figure, head: range("Figure 1."), label: "1",
                        caption: range("Children observe the airlift"), source: range("archive"))
    let quote = BlockQuote(span: range("A block quote set off from the text."))
    document.body = Section(blocks: [], subsections: [
        Section(heading: Heading(span: range("INTRODUCTION"), level: 1),
                blocks: [.paragraph(Paragraph(span: introduction)), .list(list), .blockQuote(quote), .figure(figure)],
                subsections: [Section(heading: Heading(span: range("INTRODUCTION"), level: 2, number: "1.1"))]),
    ])
    let noteText = range("The United States, Canada and others.")
    document.footnotes = [Footnote(number: "4", span: noteText, markers: [TextRange(range("began4").end - 1, range("began4").end)])]

    var waltz = Reference(span: range("Waltz, Kenneth. 2000. Structural Realism. International Security 25 (1): 5–41. https://doi.org/10.1162/016228800560372"))
    waltz.type = "article-journal"
    waltz.authors = [Name(family: "Waltz", given: "Kenneth")]
    waltz.issued = PartialDate(year: 2000)
    waltz.title = "Structural Realism"
    waltz.containerTitle = "International Security"
    waltz.volume = "25"; waltz.issue = "1"; waltz.page = "5–41"
    waltz.doi = "10.1162/016228800560372"
    var lukyanov = Reference(span: range("Lukyanov, Fyodor. 2016. Putin's Foreign Policy. Foreign Affairs."))
    lukyanov.type = "book"
    lukyanov.authors = [Name(family: "Lukyanov", given: "Fyodor"), Name(literal: "Council & Co")]
    lukyanov.issued = PartialDate(year: 2016, month: 5)
    lukyanov.title = "Putin's Foreign Policy"
    lukyanov.publisher = "Foreign Affairs"; lukyanov.publisherPlace = "New York"
    lukyanov.url = "https://example.org/a?b=1&c=2"
    document.references = [waltz, lukyanov]

    let citation = range("(Waltz, 2000; Lukyanov, 2016)")
    document.citations = [
        Citation(span: citation, parts: [
            CitationPart(span: range("Waltz, 2000"), authors: ["Waltz"], year: "2000", reference: 0),
            CitationPart(span: range("Lukyanov, 2016"), authors: ["Lukyanov"], year: "2016", locator: "12", reference: nil),
        ]),
    ]
    document.dates = [
        TemporalExpression(span: range("1948"), type: .date, value: "1948", edtf: "1948"),
        TemporalExpression(span: range("2000"), type: .date, value: "2000", edtf: "2000"),
    ]
    document.events = [DatedEvent(date: 0, sentence: introduction)]
    document.quotations = [
        Quotation(span: range("security dilemma"), kind: .soCalled),
        Quotation(span: range("each State interprets its security as defensive"), kind: .inline, speaker: range("Herz"), citation: 0),
        Quotation(span: quote.span, kind: .block, citation: 0),
    ]
    document.pageFurniture = [PageFurniture(kind: .pageNumber, source: SourceRange(0, 1), text: "T")]
    document.repairs = [Repair(rule: "ligature", source: SourceRange(0, 1), before: "\u{FB01}", after: "fi")]
    document.warn("a warning about the title", at: range("Title of the Paper"))
    document.assignIdentifiers()
    return document
}
