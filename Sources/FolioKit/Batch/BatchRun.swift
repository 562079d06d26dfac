import FolioCore
import Foundation
import Synchronization

/// What happened to one input.
public struct DocumentOutcome: Sendable {
    public enum Status: String, Sendable {
        case succeeded
        /// Unchanged since its outputs were written (same content, configuration, version).
        case skipped
        case failed
    }

    public var input: InputFile
    public var status: Status = .succeeded
    /// The files written (or, when skipped, already there), in the order of the formats.
    public var outputs: [String] = []
    /// Why the input failed; nil when it did not.
    public var error: FolioError?
    /// Warnings the stages raised.
    public var warnings: [Diagnostic] = []
    public var seconds: Double = 0
    /// The input's size.
    public var bytes = 0

    public var succeeded: Bool { status != .failed }
}

/// How a batch runs: how many workers, whether to redo finished inputs, which share to take.
public struct BatchOptions: Sendable {
    public var jobs: Int
    /// Redo inputs whose outputs are already up to date.
    public var force: Bool
    public var shard: Shard?
    /// Inputs larger than this many bytes are refused: papers are far smaller, and a file this
    /// big is most likely not a paper (a data dump, a log) that would hold a worker for minutes.
    public var largestInput: Int

    public static let defaultLargestInput = 32_000_000

    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, force: Bool = false, shard: Shard? = nil,
                largestInput: Int = BatchOptions.defaultLargestInput) {
        self.jobs = max(1, jobs)
        self.force = force
        self.shard = shard
        self.largestInput = largestInput
    }
}

/// What a run tells its observer (the progress display), one event at a time, in order.
public enum BatchEvent: Sendable {
    /// The inputs to do, counted before the work starts.
    case started(inputs: Int, bytes: Int)
    case finished(DocumentOutcome)
    /// A path that is not an input at all (missing, unreadable, clashing name).
    case problem(Diagnostic)
}

/// The result of a run: counts, the failures, and where the full report is.
public struct RunReport: Sendable {
    public var processed = 0
    public var skipped = 0
    /// The inputs that failed, with why.
    public var failed: [DocumentOutcome] = []
    /// Paths that were not inputs at all (missing, unreadable, clashing names).
    public var problems: [Diagnostic] = []
    public var bytes = 0
    public var filesWritten = 0
    public var seconds: Double = 0
    /// `folio-run.jsonl`: every input with its status, outputs, timing and diagnostics.
    public var reportFile: String?

    public var succeeded: Bool { problems.isEmpty && failed.isEmpty }
}

/// Runs a pipeline over inputs with a bounded pool of workers and writes each paper's outputs,
/// all or none, atomically; skips inputs whose outputs are up to date, so a killed run resumes.
public struct BatchRun: Sendable {
    public let configuration: PipelineConfiguration
    public let pipeline: Pipeline
    public let outputFolder: String
    let state: RunState
    let configurationFingerprint: String

    public init(configuration: PipelineConfiguration, outputFolder: String? = nil) {
        self.configuration = configuration
        self.pipeline = Pipeline(configuration: configuration)
        self.outputFolder = outputFolder ?? configuration.output
        self.state = RunState(outputFolder: self.outputFolder)
        self.configurationFingerprint = Fingerprint.of(configuration)
    }

    /// Processes `paths` (files or folders); with none, the configuration's input folder.
    public func run(paths: [String], options: BatchOptions = BatchOptions(),
                    observe: (@Sendable (BatchEvent) -> Void)? = nil) throws -> RunReport {
        let start = Date()
        if paths.isEmpty && !FilePaths.isDirectory(configuration.input) {
            throw FolioError(file: configuration.file, place: .jsonPath("input"),
                             "the input folder '\(configuration.input)' does not exist",
                             hint: "create it and put papers in it, or name files on the command line")
        }
        let roots = paths.isEmpty ? [configuration.input] : paths
        state.removeAbandonedTemporaryFiles()
        // A first walk only counts, so progress can say how far along the run is.
        var total = 0, totalBytes = 0
        for case .input(let input) in InputDiscovery(roots) where options.shard?.contains(input) ?? true {
            total += 1
            totalBytes += FilePaths.size(of: input.path) ?? 0
        }
        observe?(.started(inputs: total, bytes: totalBytes))

        let queue = WorkQueue(roots: roots, options: options, observe: observe,
                              outputFolder: outputFolder, temporaryFolder: state.temporaryFolder)
        DispatchQueue.concurrentPerform(iterations: options.jobs) { _ in
            while let input = queue.next() {
                queue.record(process(input, force: options.force, largestInput: options.largestInput))
            }
        }
        var report = queue.finish()
        try? FileManager.default.removeItem(atPath: state.temporaryFolder)
        report.seconds = Date().timeIntervalSince(start)
        return report
    }
    /// Reads, processes, renders and writes one input; never throws, the outcome says.
    public func process(_ input: InputFile, force: Bool = true, largestInput: Int = BatchOptions.defaultLargestInput) -> DocumentOutcome {
        let start = Date()
        var outcome = DocumentOutcome(input: input)
        defer { outcome.seconds = Date().timeIntervalSince(start) }
        do {
            if let size = FilePaths.size(of: input.path), size > largestInput {
                outcome.bytes = size
                throw FolioError(file: input.path, String(format: "the file is %.1f MB, more than the %.1f MB Folio reads", Double(size) / 1e6, Double(largestInput) / 1e6),
                                 hint: "is it a paper? --largest-input MB raises the limit")
            }
            let format = try DocumentReader.format(of: input.path)
            let bytes = try DocumentReader.bytes(path: input.path)
            outcome.bytes = bytes.count
            let inputFingerprint = Fingerprint.of(bytes)
            if !force, let outputs = state.isDone(input, input: inputFingerprint, configuration: configurationFingerprint) {
                outcome.status = .skipped
                outcome.outputs = outputs
                return outcome
            }
            let source = try DocumentReader.decode(bytes, name: input.path, format: format)
            let document = try pipeline.process(source)
            outcome.warnings = document.diagnostics.filter { $0.severity != .error }
            // Render every format before writing any, so a failure leaves no partial set.
            let rendered = try configuration.formats.map { format in
                (path: outputPath(input, format: type(of: format).fileExtension), bytes: try format.render(document))
            }
            for file in rendered {
                try AtomicFile.write(file.bytes, to: file.path, temporaryFolder: state.temporaryFolder)
                outcome.outputs.append(file.path)
            }
            try state.markDone(input, input: inputFingerprint, configuration: configurationFingerprint, outputs: outcome.outputs)
        } catch let error as FolioError {
            outcome.status = .failed
            outcome.error = error.inFile(input.path)
        } catch {
            outcome.status = .failed
            outcome.error = FolioError(file: input.path, "\(error)")
        }
        return outcome
    }

    func outputPath(_ input: InputFile, format fileExtension: String) -> String {
        InputDiscovery.join(outputFolder, input.outputStem + "." + fileExtension)
    }
}

/// The inputs still to do and the report so far, shared by the workers under one lock; events
/// reach the observer in the order they happen.
final class WorkQueue: Sendable {
    private struct Shared: ~Copyable {
        var walk: InputDiscovery
        var report = RunReport()
        var log: RunLog
    }

    private let shared: Mutex<Shared>
    private let options: BatchOptions
    private let observe: (@Sendable (BatchEvent) -> Void)?

    init(roots: [String], options: BatchOptions, observe: (@Sendable (BatchEvent) -> Void)?, outputFolder: String, temporaryFolder: String) {
        shared = Mutex(Shared(walk: InputDiscovery(roots),
                              log: RunLog(outputFolder: outputFolder, shard: options.shard, temporaryFolder: temporaryFolder)))
        self.options = options
        self.observe = observe
    }

    /// The next input of this run's share; problems met on the way go straight to the report.
    func next() -> InputFile? {
        shared.withLock { shared in
            while let found = shared.walk.next() {
                switch found {
                case .input(let input):
                    if options.shard?.contains(input) ?? true { return input }
                case .problem(let problem):
                    // A shard reports only the problems that fall to it, so merged reports hold each once.
                    guard options.shard.map({ Fingerprint.stableNumber(problem.file ?? "") % UInt64($0.count) == UInt64($0.index - 1) }) ?? true
                    else { continue }
                    shared.report.problems.append(problem)
                    shared.log.append(problem)
                    observe?(.problem(problem))
                }
            }
            return nil
        }
    }

    func record(_ outcome: DocumentOutcome) {
        shared.withLock { shared in
            shared.report.processed += 1
            shared.report.bytes += outcome.bytes
            switch outcome.status {
            case .succeeded: shared.report.filesWritten += outcome.outputs.count
            case .skipped: shared.report.skipped += 1
            case .failed: shared.report.failed.append(outcome)
            }
            shared.log.append(outcome)
            observe?(.finished(outcome))
        }
    }

    func finish() -> RunReport {
        shared.withLock { shared in
            var report = shared.report
            report.failed.sort { $0.input.path < $1.input.path }
            report.reportFile = shared.log.finish()
            return report
        }
    }
}
