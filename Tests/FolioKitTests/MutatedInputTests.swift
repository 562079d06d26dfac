import Foundation
import Testing
@testable import FolioCore
@testable import FolioKit
import FolioFuzz

/// Property: whatever a paper looks like, Folio writes valid JSON and TEI for it. Papers are the
/// samples mutated at random (pieces deleted, duplicated, markup and layout debris inserted);
/// the output must pass Folio's own schemas, which every render checks.
@Suite struct MutatedInputTests {
    /// Inputs that once broke Folio (a mutated sample each), kept so they never do again.
    @Test(arguments: ["overlapping-floats.txt"])
    func regressions(name: String) throws {
        let path = repositoryRoot.appendingPathComponent("Tests/FolioKitTests/Regressions/\(name)").path
        let document = try Pipeline(configuration: defaultConfiguration()).process(DocumentReader.read(path: path))
        for output in try defaultConfiguration().formats { _ = try output.render(document) }
    }

    @Test func mutatedPapersAlwaysGiveValidOutput() throws {
        let configuration = try defaultConfiguration()
        let pipeline = Pipeline(configuration: configuration)
        let samples = try samplePaths.map { try String(contentsOfFile: $0, encoding: .utf8) }
        var random = SplitMix(seed: 2027)
        var rendered = 0
        for index in 0..<200 {
            let text = DocumentGenerator.mutate(samples[index % samples.count], using: &random)
            let format: InputFormat = index % 3 == 0 ? .markdown : .plainText
            guard let source = try? DocumentReader.decode(Array(text.utf8), name: "m\(index)", format: format) else { continue }
            let document = try pipeline.process(source)
            for output in configuration.formats {
                do {
                    _ = try output.render(document)
                } catch {
                    Issue.record("mutated paper \(index) (seed 2027): \(error)")
                }
            }
            rendered += 1
        }
        #expect(rendered > 190)
    }

    /// The fuzzer's own check on a few hundred of its documents (CI runs 100,000 in release:
    /// `swift run -c release folio-fuzz`). A document the reader refuses is a right answer.
    @Test func generatedDocumentsNeverBreakFolio() throws {
        let corpus = try samplePaths.map { try String(contentsOfFile: $0, encoding: .utf8) }
        let fuzz = FuzzRun(configuration: try defaultConfiguration(), generator: DocumentGenerator(corpus: corpus))
        let result = fuzz.run(count: 300, seed: 11, jobs: 2, timeLimit: 120, onHang: { seed in
            Issue.record("document seed \(seed) hangs")
        })
        #expect(result.documents == 300)
        #expect(result.refused > 0 && result.refused < 150, "some documents are refused (bytes that are no text), most are read")
        #expect(result.failures.isEmpty, "\(result.failures.prefix(3))")
    }

    /// Two documents the fuzzer found that once wrote invalid TEI: a date woven around a
    /// quotation of the same words, and a date reaching across a citation.
    @Test func quotationsHoldTheirDatesAndNoDateSpansACitation() throws {
        let pipeline = Pipeline(configuration: try defaultConfiguration())
        for text in ["A TITLE\n\nThe minutes of that meeting say «2019“ and more.\n",
                     "A TITLE\n\nWars between 1992 (Smith, 1953) and 1995 were long (Smith, 1953).\n\nReferences\n\nSmith, J. (1953). A book. Boston: Press.\n"] {
            let document = try pipeline.process(DocumentReader.decode(Array(text.utf8), name: "t.txt", format: .plainText))
            for format in try defaultConfiguration().formats { _ = try format.render(document) }
            #expect(!document.dates.contains { $0.value.contains("/") }, "no range over a citation")
        }
    }
}
