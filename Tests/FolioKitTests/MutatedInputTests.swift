import Foundation
import Testing
@testable import FolioCore
@testable import FolioKit

/// Property: whatever a paper looks like, Folio writes valid JSON and TEI for it. Papers are the
/// samples mutated at random (pieces deleted, duplicated, markup and layout debris inserted);
/// the output must pass Folio's own schemas, which every render checks.
@Suite struct MutatedInputTests {
    static let debris = ["\u{000C}", "\n", "\n\n", " ", "(", ")", "[", "]", "*", "[^3]", "<sup>2</sup>", "●", "1.", "12 ", "-",
                         "—", "“", "”", "2019", "Figure 3.", "Source:", "Keywords:", "Abstract", "](#)", "<http://x>", "\u{00AD}",
                         "\u{FB01}", "e\u{0301}", "\t", ">", "#", "##", "References\n\n", "(Smith, 2001)", "ibid.", "https://a.b/c:d[1]"]

    static func mutate(_ text: String, using random: inout SplitMix) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<Int.random(in: 1...60, using: &random) {
            let index = scalars.isEmpty ? 0 : Int.random(in: 0..<scalars.count, using: &random)
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<3 where !scalars.isEmpty:
                scalars.removeSubrange(index..<min(scalars.count, index + Int.random(in: 1...200, using: &random)))
            case 3..<6:
                scalars.insert(contentsOf: debris.randomElement(using: &random)!.unicodeScalars, at: index)
            case 6..<8 where !scalars.isEmpty:
                let from = Int.random(in: 0..<scalars.count, using: &random)
                scalars.insert(contentsOf: scalars[from..<min(scalars.count, from + Int.random(in: 1...300, using: &random))], at: index)
            default:
                let burst = (0..<Int.random(in: 1...20, using: &random)).map { _ in debris.randomElement(using: &random)! }.joined()
                scalars.insert(contentsOf: burst.unicodeScalars, at: index)
            }
        }
        return String(scalars: scalars)
    }

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
            let text = Self.mutate(samples[index % samples.count], using: &random)
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
}
