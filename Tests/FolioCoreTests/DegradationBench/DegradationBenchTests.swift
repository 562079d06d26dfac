import Foundation
import Testing
@testable import FolioCore

/// The degradation bench: clean papers with footnotes are typeset into pages, extracted the way
/// pdftotext does it, and run through Folio's cleaning and paragraph stages; the paragraphs and
/// notes must come back exactly, over many random layouts.
@Suite struct DegradationBenchTests {
    /// The language the generator writes, as a word list: what a dictionary gives Folio.
    static let dictionary = WordList(words: PaperGenerator.words + PaperGenerator.longWords
        + PaperGenerator.compounds.flatMap { $0.split(separator: "-").map(String.init) }
        + ["known", "term", "lived", "defense", "making", "border", "German", "Atlantic"])

    static let stages: [any Stage] = [
        NormalizeStage(), LinkDebrisStage(), PageFurnitureStage(), FootnotesStage(), ParagraphsStage(),
        FiguresStage(), HyphenationStage(wordList: dictionary),
    ]

    struct Tally {
        var paragraphs = 0, paragraphsRestored = 0
        var notes = 0, notesRestored = 0
        var failures: [String] = []
    }

    static func run(layouts: Int, seed: UInt64) throws -> Tally {
        var tally = Tally()
        var random = SeededGenerator(seed: seed)
        for layout in 0..<layouts {
            var generator = PaperGenerator(random: SeededGenerator(seed: seed &+ UInt64(layout) &* 7919))
            let paper = generator.paper()
            let typesetter = Typesetter.random(using: &random)
            let extracted = typesetter.extract(paper, random: &random)
            let document = try process(extracted, stages: stages)
            if let dump = ProcessInfo.processInfo.environment["FOLIO_BENCH_DUMP"], Int(dump) == layout {
                print("=== extracted\n\(extracted)\n=== expected paragraphs")
                paper.paragraphs.forEach { print("| \($0)") }
                print("=== found paragraphs")
                document.body.blocks.forEach { print("| " + document.text.readingText($0.span)) }
                print("=== expected notes")
                paper.notes.forEach { print("| \($0.number) \($0.text)") }
                print("=== found notes")
                document.footnotes.forEach { print("| \($0.number) " + document.text.readingText($0.span)) }
                print("=== repairs")
                document.repairs.forEach { print("| \($0.rule) \($0.before.debugDescription.prefix(50))") }
            }

            let found = document.body.blocks.compactMap { block -> String? in
                guard case .paragraph(let paragraph) = block else { return nil }
                return document.text.readingText(paragraph.span)
            }
            let restored = paper.paragraphs.filter { found.contains($0) }.count
            tally.paragraphs += paper.paragraphs.count
            tally.paragraphsRestored += restored
            let foundNotes = Dictionary(document.footnotes.map { ($0.number, document.text.readingText($0.span)) }, uniquingKeysWith: { a, _ in a })
            let notesRestored = paper.notes.filter { foundNotes[String($0.number)] == $0.text }.count
            tally.notes += paper.notes.count
            tally.notesRestored += notesRestored
            if restored < paper.paragraphs.count || notesRestored < paper.notes.count, tally.failures.count < 5 {
                tally.failures.append("layout \(layout) (\(typesetter)): \(restored)/\(paper.paragraphs.count) paragraphs, \(notesRestored)/\(paper.notes.count) notes")
            }
        }
        return tally
    }

    @Test func restoresParagraphsAndNotesOverAThousandLayouts() throws {
        let tally = try Self.run(layouts: Int(ProcessInfo.processInfo.environment["FOLIO_BENCH_LAYOUTS"] ?? "") ?? 1_000, seed: 2026)
        let paragraphShare = Double(tally.paragraphsRestored) / Double(tally.paragraphs)
        let noteShare = Double(tally.notesRestored) / Double(tally.notes)
        print("degradation bench: \(tally.paragraphsRestored)/\(tally.paragraphs) paragraphs (\(String(format: "%.2f", paragraphShare * 100))%), \(tally.notesRestored)/\(tally.notes) notes (\(String(format: "%.2f", noteShare * 100))%)")
        #expect(paragraphShare >= 0.99, "\(tally.failures.joined(separator: "\n"))")
        #expect(noteShare >= 0.99, "\(tally.failures.joined(separator: "\n"))")
    }
}
