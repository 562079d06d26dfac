import ArgumentParser
import FolioCore
import FolioKit
import Foundation

/// `folio bench`: measures throughput, per-stage cost, parallel speed-up, memory and growth.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Folio's speed on a generated corpus and print a table.",
        discussion: """
            Papers are grown from the seed papers (default: Input/) in both input styles: typical \
            papers of about 35 KB for throughput (one worker and all cores, against the baseline of \
            reading, decoding and writing the same bytes), and one paper of each size for the growth \
            of cost with size. The machine is noisy: compare the ratios within one run.
            """
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("The pipeline configuration.", valueName: "file"))
    var config = "pipeline.json"

    @Option(help: ArgumentHelp("Seed papers to grow the corpus from.", valueName: "folder"))
    var corpus = "Input"

    @Option(name: .shortAndLong, help: ArgumentHelp("Workers for the parallel run (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Option(help: ArgumentHelp("Typical papers in the throughput runs.", valueName: "n"))
    var papers = 100

    @Flag(help: "Stop the growth series at 1 MB and use 10 papers (a quick look).")
    var quick = false

    @Option(help: ArgumentHelp("Write the typical papers (--papers of them, the seeds first) to this folder and measure nothing: "
                               + "the same papers every time, for scripts/instructions and scripts/time-ab.", valueName: "folder"))
    var writeCorpus: String?

    func run() throws {
        let configuration: PipelineConfiguration
        let seeds: BenchmarkCorpus
        do {
            configuration = try PipelineConfiguration.load(path: config, components: .standard)
            seeds = try BenchmarkCorpus(folder: corpus)
        } catch let error as FolioError {
            Console.error(error.description)
            throw ExitCode(2)
        }
        let workers = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let sizes = quick ? [10_000, 100_000, 1_000_000] : [10_000, 100_000, 1_000_000, 10_000_000]
        let benchmark = Benchmark(configuration: configuration, corpus: seeds, jobs: workers, sizes: sizes, papers: quick ? 10 : papers)
        if let writeCorpus {
            do {
                let written = try benchmark.writeTypicalPapers(to: writeCorpus)
                Console.error("folio bench: \(written) typical papers written to \(writeCorpus)")
            } catch let error as FolioError {
                Console.error(error.description)
                throw ExitCode(1)
            }
            return
        }
        let folder = NSTemporaryDirectory() + "folio-bench-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        Console.warnIfReferencesLackTheirModel(stages: configuration.stages)
        let result = try benchmark.run(in: folder) { Console.error("folio bench: " + $0) }
        print(result, benchmark: benchmark)
    }

    private func print(_ result: Benchmark.Result, benchmark: Benchmark) {
        var lines = ["# folio bench: folio \(FolioVersion.current), \(ProcessInfo.processInfo.activeProcessorCount) cores, "
                     + "\(benchmark.corpus.seeds.count) seed papers from \(corpus)", ""]
        lines += ["## Throughput: typical papers (the seeds and papers of about 35 KB), validated JSON and TEI written", "",
                  "| run | papers | MB | seconds | papers/s | MB/s | time vs baseline |", "|---|---:|---:|---:|---:|---:|---:|"]
        let baseline = result.throughput.first!
        for run in result.throughput {
            lines.append(String(format: "| %@ | %d | %.2f | %.2f | %.1f | %.2f | %.1fx |", run.name, run.documents, Double(run.bytes) / 1e6,
                                run.seconds, run.documentsPerSecond, run.megabytesPerSecond, run.seconds / max(baseline.seconds, 1e-9)))
        }
        if result.throughput.count >= 4 {
            let (inMemory, one, all) = (result.throughput[1], result.throughput[2], result.throughput[3])
            lines.append("")
            lines.append(String(format: "Speed-up of %d workers over 1 (folio run, the fastest of three rounds of each, in turn): %.2fx. Per core, one worker: %.2f MB/s, %.1f ms a paper "
                                + "(folio run); %.2f MB/s, %.1f ms a paper (the pipeline in memory).",
                                benchmark.jobs, all.megabytesPerSecond / one.megabytesPerSecond, one.megabytesPerSecond,
                                1000 / one.documentsPerSecond, inMemory.megabytesPerSecond, 1000 / inMemory.documentsPerSecond))
            lines.append(String(format: "Start-up, once a process before its first paper and in none of the runs above (word lists, date rules, "
                                + "schemas, the reference tagger's tables): %.0f ms.", result.startUpSeconds * 1000))
        }
        let one = result.throughput[1]
        let total = result.stages.reduce(0) { $0 + $1.seconds } + result.renderSeconds
        lines += ["", "## Per stage (one worker, in memory, the same papers)", "", "| stage | seconds | share | MB/s |", "|---|---:|---:|---:|"]
        for (name, seconds) in result.stages + [("render, validate, write", result.renderSeconds)] {
            lines.append(String(format: "| %@ | %.3f | %.1f%% | %.1f |", name, seconds, 100 * seconds / max(total, 1e-9), Double(one.bytes) / 1e6 / max(seconds, 1e-9)))
        }
        lines += ["", "## Growth with size (one paper: pipeline and rendering, in memory; the fastest of five rounds over all sizes)", "",
                  "| style | size | seconds | MB/s | time vs 10x smaller |", "|---|---:|---:|---:|---:|"]
        var worst = 0.0
        for (index, growth) in result.growth.enumerated() {
            var ratio = "–"
            if index > 0, result.growth[index - 1].style == growth.style {
                let value = growth.seconds / result.growth[index - 1].seconds * (Double(result.growth[index - 1].bytes * 10) / Double(growth.bytes))
                worst = max(worst, value)
                ratio = String(format: "%.1fx", value)
            }
            lines.append(String(format: "| %@ | %@ | %.3f | %.2f | %@ |", growth.style, Self.size(growth.bytes), growth.seconds,
                                Double(growth.bytes) / 1e6 / growth.seconds, ratio))
        }
        lines += ["", String(format: "Worst growth for 10x the size: %.1fx the time (linear is 10x; the bar is 12x).", worst),
                  String(format: "Peak memory: %.0f MB.", Double(result.peakMemoryBytes) / 1e6)]
        Console.output(lines.joined(separator: "\n"))
    }

    private static func size(_ bytes: Int) -> String {
        bytes >= 1_000_000 ? String(format: "%.1f MB", Double(bytes) / 1e6) : String(format: "%.0f KB", Double(bytes) / 1e3)
    }
}
