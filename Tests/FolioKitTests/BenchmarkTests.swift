import Foundation
import Testing
@testable import FolioCore
@testable import FolioKit

/// The benchmark's corpus and tables: sizes as asked, every run and stage measured.
@Suite struct BenchmarkTests {
    @Test func grownPapersHaveTheSizeAskedAndTheirSeedsStyle() throws {
        let corpus = try BenchmarkCorpus(folder: repositoryRoot.appendingPathComponent("Input").path)
        #expect(Set(corpus.seeds.map(\.style)) == ["text", "markdown"], "both input styles")
        for seed in corpus.seeds {
            for size in [5_000, 35_000, 200_000] {
                let paper = corpus.paper(from: seed, bytes: size)
                #expect(paper.utf8.count > size * 8 / 10 && paper.utf8.count < size * 12 / 10, "\(seed.name) at \(size): \(paper.utf8.count)")
                let source = try DocumentReader.decode(Array(paper.utf8), name: "p.txt", format: .plainText)
                #expect((source.format == .markdown) == (seed.style == "markdown"), "a grown paper reads in its seed's style")
            }
        }
    }

    @Test func aSmallRunMeasuresEveryPart() throws {
        let corpus = try BenchmarkCorpus(folder: repositoryRoot.appendingPathComponent("Input").path)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try Benchmark(configuration: defaultConfiguration(), corpus: corpus, jobs: 2, sizes: [2_000, 20_000], papers: 3)
            .run(in: folder) { _ in }
        #expect(result.throughput.map(\.documents) == [3, 3, 3, 3])
        #expect(result.throughput.allSatisfy { $0.seconds > 0 })
        #expect(result.stages.map(\.name) == (try defaultConfiguration()).stages.map { type(of: $0).name })
        #expect(result.growth.count == 2 * corpus.seeds.count && result.growth.allSatisfy { $0.seconds > 0 })
        #expect(result.peakMemoryBytes > 1_000_000)
        // Start-up is measured apart: every seed ran once, whole, before the timed runs.
        let warmedUp = try FileManager.default.contentsOfDirectory(atPath: folder + "/warm-up")
        #expect(warmedUp.count == corpus.seeds.count * (try defaultConfiguration()).formats.count, "\(warmedUp)")
        #expect(result.startUpSeconds >= 0)
        // The papers measured are the ones `writeTypicalPapers` writes (`folio bench --write-corpus`).
        let written = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: written) }
        try Benchmark(configuration: defaultConfiguration(), corpus: corpus, jobs: 2, sizes: [], papers: 3).writeTypicalPapers(to: written)
        let names = try FileManager.default.contentsOfDirectory(atPath: written).sorted()
        #expect(names == (try FileManager.default.contentsOfDirectory(atPath: folder + "/typical").sorted()) && names.count == 3)
        for name in names {
            #expect(FileManager.default.contents(atPath: written + "/" + name) == FileManager.default.contents(atPath: folder + "/typical/" + name), "\(name)")
        }
    }
}
