import FolioCore
import Foundation

/// Measures Folio's speed: the whole pipeline with validated output written, per stage, on one
/// worker and on all cores, peak memory, and how the cost grows with a paper's size. Against a
/// named baseline: reading, decoding and writing the same bytes (the I/O floor), so the ratio
/// says how much Folio's work costs beyond moving the text.
public struct Benchmark: Sendable {
    public let configuration: PipelineConfiguration
    public let corpus: BenchmarkCorpus
    public let jobs: Int
    /// The sizes whose growth is measured, in bytes.
    public let sizes: [Int]
    /// How many typical papers the throughput runs process.
    public let papers: Int

    public init(configuration: PipelineConfiguration, corpus: BenchmarkCorpus, jobs: Int, sizes: [Int], papers: Int) {
        self.configuration = configuration
        self.corpus = corpus
        self.jobs = jobs
        self.sizes = sizes
        self.papers = papers
    }

    public struct Throughput: Sendable {
        public var name: String
        public var documents: Int
        public var bytes: Int
        public var seconds: Double
        public var documentsPerSecond: Double { Double(documents) / max(seconds, 1e-9) }
        public var megabytesPerSecond: Double { Double(bytes) / 1e6 / max(seconds, 1e-9) }
    }

    public struct Growth: Sendable {
        public var style: String
        public var bytes: Int
        public var seconds: Double
    }

    public struct Result: Sendable {
        /// In order: the baseline; the pipeline in memory on one worker (the per-stage run);
        /// `folio run` on one worker; `folio run` on all the workers.
        public var throughput: [Throughput] = []
        /// Seconds each stage took over the single-worker run of typical papers, in order.
        public var stages: [(name: String, seconds: Double)] = []
        public var renderSeconds = 0.0
        public var growth: [Growth] = []
        public var peakMemoryBytes = 0
        /// What a process spends once, before its first paper: loading word lists and the
        /// reference tagger's tables, compiling the date rules and the schemas. The seeds' first
        /// run less what the same papers cost warm.
        public var startUpSeconds = 0.0
    }

    /// Writes the typical papers of the throughput runs into `folder`: the seeds themselves
    /// (`seed0.txt`, ...) and papers of about 35 KB grown from them in turn (`paper0.txt`, ...),
    /// `papers` in all (the seeds at least); how many. The same every time: what the instruction
    /// counts and timed comparisons of the closing notes measure (`folio bench --write-corpus`).
    @discardableResult
    public func writeTypicalPapers(to folder: String) throws -> Int {
        for (index, seed) in corpus.seeds.enumerated() {
            try write(seed.text, folder + "/" + Self.seedFile(index))
        }
        let grown = max(0, papers - corpus.seeds.count)
        for index in 0..<grown {
            let seed = corpus.seeds[index % corpus.seeds.count]
            try write(corpus.paper(from: seed, bytes: 35_000), folder + "/paper\(index).txt")
        }
        return corpus.seeds.count + grown
    }

    public func run(in folder: String, log: (String) -> Void) throws -> Result {
        var result = Result()
        let typical = folder + "/typical"
        try writeTypicalPapers(to: typical)
        let inputs = InputDiscovery.discover([typical]).inputs
        let bytes = inputs.reduce(0) { $0 + (FilePaths.size(of: $1.path) ?? 0) }

        log("baseline: read, decode and write \(inputs.count) papers")
        result.throughput.append(try measure("baseline: read, decode, write (I/O floor)", inputs.count, bytes) {
            for input in inputs {
                let source = try DocumentReader.read(path: input.path)
                try AtomicFile.write(Array(String(scalars: source.scalars).utf8), to: folder + "/baseline/" + input.outputStem + ".txt")
            }
        })

        log("one worker, in memory: the whole pipeline, per stage")
        let pipeline = Pipeline(configuration: configuration)
        // The seeds once, untimed by stage, before the measured runs: what the first paper of a
        // process loads (start-up) is reported on its own, not charged to the stages that load it.
        let seedInputs = inputs.filter { input in corpus.seeds.indices.contains { input.path.hasSuffix("/" + Self.seedFile($0)) } }
        let firstRun = try seconds {
            for input in seedInputs { try process(input, with: pipeline, into: folder + "/warm-up") }
        }
        var stageSeconds: [String: Double] = [:]
        var order: [String] = []
        var render = 0.0
        result.throughput.append(try measure("Folio in memory, 1 worker, per stage (validated output written)", inputs.count, bytes) {
            for input in inputs {
                render += try process(input, with: pipeline, into: folder + "/one") { stage, seconds in
                    if stageSeconds[stage] == nil { order.append(stage) }
                    stageSeconds[stage, default: 0] += seconds
                }
            }
        })
        result.stages = order.map { ($0, stageSeconds[$0]!) }
        result.renderSeconds = render
        let warmRun = try seconds {
            for input in seedInputs { try process(input, with: pipeline, into: folder + "/warm-up") }
        }
        result.startUpSeconds = max(0, firstRun - warmRun)

        // The speed-up compares like with like: batch runs (with their bookkeeping) on one
        // worker and on all of them, in turn: one run of each, one after the other, put the
        // speed-up anywhere between 1.4x and 2.2x on two cores from run to run.
        let workerCounts = [1, jobs]
        let batchSeconds = try fastestInTurn(rounds: 3, of: workerCounts.count) { round, rounds, slot in
            let workers = workerCounts[slot]
            log("\(workers) worker\(workers == 1 ? "" : "s"): a batch run, round \(round) of \(rounds)")
            let batch = BatchRun(configuration: configuration, outputFolder: folder + "/batch\(workers)")
            return try seconds {
                let report = try batch.run(paths: [typical], options: BatchOptions(jobs: workers, force: true))
                guard report.succeeded else { throw FolioError("the benchmark batch failed: \(report.failed.first?.error?.description ?? "")") }
            }
        }
        for (workers, seconds) in zip(workerCounts, batchSeconds) {
            result.throughput.append(Throughput(name: "Folio, \(workers) worker\(workers == 1 ? "" : "s") (folio run --jobs \(workers))",
                                                documents: inputs.count, bytes: bytes, seconds: seconds))
        }

        // Every size in turn (sizes measured one after the other compared a quiet moment with a
        // busy one). A round of a small paper repeats it for a fifth of a second and counts the
        // mean: every size then has five measures to take the fastest of (the fastest of
        // hundreds of small runs made small papers look cheaper per byte than one run of a
        // large one). Each paper is made again when its turn comes, so that one at a time is in
        // memory.
        let papers = corpus.seeds.flatMap { seed in sizes.map { (seed: seed, size: $0) } }
        var actualBytes = [Int](repeating: 0, count: papers.count)
        let fastest = try fastestInTurn(rounds: 5, of: papers.count) { round, rounds, index in
            let paper = papers[index]
            log("growth, round \(round) of \(rounds): \(paper.seed.style), \(paper.size / 1000) KB")
            let text = corpus.paper(from: paper.seed, bytes: paper.size)
            actualBytes[index] = text.utf8.count
            let source = try DocumentReader.decode(Array(text.utf8), name: "grown.txt", format: .plainText)
            var repeats = 0
            let start = Date()
            repeat {
                let document = try pipeline.process(source)
                for format in configuration.formats { _ = try format.render(document) }
                repeats += 1
            } while Date().timeIntervalSince(start) < 0.2 && repeats < 1000
            return Date().timeIntervalSince(start) / Double(repeats)
        }
        result.growth = papers.indices.map { Growth(style: papers[$0].seed.style, bytes: actualBytes[$0], seconds: fastest[$0]) }
        result.peakMemoryBytes = Self.peakMemory()
        return result
    }

    /// Reads one paper, runs the pipeline (telling `timing` each stage's seconds) and writes
    /// every format into `folder`; the seconds rendering and writing took.
    @discardableResult
    private func process(_ input: InputFile, with pipeline: Pipeline, into folder: String,
                         timing: ((_ stage: String, _ seconds: Double) -> Void)? = nil) throws -> Double {
        let document = try pipeline.process(try DocumentReader.read(path: input.path), timing: timing)
        return try seconds {
            for format in configuration.formats {
                try AtomicFile.write(try format.render(document), to: folder + "/" + input.outputStem + "." + type(of: format).fileExtension)
            }
        }
    }

    /// The file a seed is copied to among the typical papers, which the warm-up picks out again.
    private static func seedFile(_ index: Int) -> String { "seed\(index).txt" }

    /// Each of `count` measures (`measure(round, rounds, index)`, in seconds) taken in turn,
    /// `rounds` times, and the fastest of each: a shared machine only ever slows a run, for
    /// seconds at a time, so the measures of one round share its moment and the fastest round
    /// of each is its quietest.
    private func fastestInTurn(rounds: Int, of count: Int, _ measure: (_ round: Int, _ rounds: Int, _ index: Int) throws -> Double) rethrows -> [Double] {
        var fastest = [Double](repeating: .infinity, count: count)
        for round in 1...rounds {
            for index in 0..<count { fastest[index] = min(fastest[index], try measure(round, rounds, index)) }
        }
        return fastest
    }

    private func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = Date()
        try body()
        return Date().timeIntervalSince(start)
    }

    private func measure(_ name: String, _ documents: Int, _ bytes: Int, _ body: () throws -> Void) throws -> Throughput {
        Throughput(name: name, documents: documents, bytes: bytes, seconds: try seconds(body))
    }

    private func write(_ text: String, _ path: String) throws {
        try AtomicFile.write(Array(text.utf8), to: path)
    }

    /// The process's peak resident memory.
    static func peakMemory() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_maxrss) * 1024
    }
}
