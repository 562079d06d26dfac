import Foundation
import Testing
@testable import FolioCore
@testable import FolioKit

/// Pins the whole output for the samples. When a change is meant to alter the output, run
/// `FOLIO_UPDATE_GOLDEN=1 swift test --filter GoldenTests`, read the diff, commit.
@Suite struct GoldenTests {
    static let folder = repositoryRoot.appendingPathComponent("Tests/FolioKitTests/Golden").path

    @Test(arguments: samplePaths)
    func sampleOutputMatchesGolden(path: String) throws {
        let document = try processSample(path)
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        for (name, bytes) in [("\(stem).json", try JSONFormat().render(document)), ("\(stem).tei.xml", try TEIFormat().render(document))] {
            let golden = "\(Self.folder)/\(name)"
            if ProcessInfo.processInfo.environment["FOLIO_UPDATE_GOLDEN"] != nil {
                try AtomicFile.write(bytes, to: golden)
                continue
            }
            let expected = try #require(FileManager.default.contents(atPath: golden), "no golden file \(name); run with FOLIO_UPDATE_GOLDEN=1")
            if Data(bytes) != expected {
                let actual = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let wanted = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let line = Array(zip(actual, wanted)).firstIndex { $0 != $1 } ?? min(actual.count, wanted.count)
                Issue.record("\(name) differs from its golden file at line \(line + 1):\n  got:      \(line < actual.count ? actual[line] : "(end)")\n  expected: \(line < wanted.count ? wanted[line] : "(end)")")
            }
        }
    }
}
