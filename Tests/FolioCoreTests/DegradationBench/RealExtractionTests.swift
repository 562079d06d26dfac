import Foundation
import Testing
@testable import FolioCore

/// Real extraction: generated papers typeset by groff (`-ms`, real footnotes) into PDF and read
/// back with pdftotext, as archives receive papers. pdftotext's reading order is its own (a raised
/// note number on a line of its own, sometimes moved away from its note), so the bar is lower
/// than the bench's; the figures are printed for the record.
@Suite struct RealExtractionTests {
    static var toolsPresent: Bool {
        ["groff", "pdftotext"].allSatisfy { tool in
            (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
                FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
            }
        }
    }

    /// The paper in groff's `-ms` macros: footnotes with `\**` and `.FS`/`.FE`.
    static func troff(_ paper: GeneratedPaper) -> String {
        var lines = [".TL", "A Generated Paper", ".AU", "A. Author", ".NH", "INTRODUCTION"]
        var notes = paper.notes.makeIterator()
        for paragraph in paper.paragraphs {
            lines.append(".PP")
            var rest = Substring(paragraph)
            // Each marker (`word4.`) becomes groff's automatic note mark, then the note.
            while let range = rest.range(of: #"[A-Za-z]\d+\."#, options: .regularExpression) {
                let before = rest[..<rest.index(after: range.lowerBound)]
                lines.append(String(before).replacingOccurrences(of: "\n", with: " ") + "\\**.")
                if let note = notes.next() { lines += [".FS", note.text, ".FE"] }
                rest = rest[range.upperBound...]
            }
            if !rest.trimmingCharacters(in: .whitespaces).isEmpty { lines.append(rest.trimmingCharacters(in: .whitespaces)) }
        }
        return lines.map { $0.hasPrefix(".") || $0.hasPrefix("'") ? $0 : $0.replacingOccurrences(of: "\n", with: " ") }
            .joined(separator: "\n") + "\n"
    }

    static func run(_ arguments: [String], input: Data? = nil) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let inputPipe = Pipe()
        process.standardInput = inputPipe
        try process.run()
        if let input { inputPipe.fileHandleForWriting.write(input) }
        try inputPipe.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    @Test(.enabled(if: toolsPresent, "groff and pdftotext are not installed"))
    func notesSurviveRealTypesettingAndExtraction() throws {
        var notes = 0, notesRestored = 0, paragraphs = 0, paragraphsRestored = 0
        for seed in 0..<12 {
            var generator = PaperGenerator(random: SeededGenerator(seed: 900 + UInt64(seed)))
            let paper = generator.paper()
            let pdf = try Self.run(["groff", "-ms", "-Tpdf"], input: Data(Self.troff(paper).utf8))
            let folder = NSTemporaryDirectory() + "folio-real-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try pdf.write(to: URL(fileURLWithPath: folder + "/paper.pdf"))
            _ = try Self.run(["pdftotext", folder + "/paper.pdf", folder + "/paper.txt"])
            let extracted = try String(contentsOfFile: folder + "/paper.txt", encoding: .utf8)
            let document = try process(extracted, stages: DegradationBenchTests.stages)

            let found = Dictionary(document.footnotes.map { ($0.number, document.text.readingText($0.span)) }, uniquingKeysWith: { a, _ in a })
            notes += paper.notes.count
            notesRestored += paper.notes.filter { found[String($0.number)] == $0.text }.count
            let blocks = Set(document.body.blocks.map { document.text.readingText($0.span) })
            paragraphs += paper.paragraphs.count
            paragraphsRestored += paper.paragraphs.filter { blocks.contains($0) }.count
        }
        print("real extraction (groff → PDF → pdftotext): \(notesRestored)/\(notes) notes, \(paragraphsRestored)/\(paragraphs) paragraphs restored exactly")
        #expect(Double(notesRestored) >= 0.8 * Double(notes))
    }
}
