import FolioCore
import Foundation

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
        // A first walk only counts, so progress can say how far along the run is; without an
        // observer nobody asks.
        if let observe {
            var total = 0, totalBytes = 0
            for case .input(let input) in InputDiscovery(roots) where options.shard?.contains(input) ?? true {
                total += 1
                totalBytes += FilePaths.size(of: input.path) ?? 0
            }
            observe(.started(inputs: total, bytes: totalBytes))
        }

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
    /// Reads, processes, renders and writes one input; never throws, the outcome says, with
    /// the time it took.
    public func process(_ input: InputFile, force: Bool = true, largestInput: Int = BatchOptions.defaultLargestInput) -> DocumentOutcome {
        // Timed around the work, not in a `defer` inside it: a `defer` runs after the outcome
        // is returned, and its change was lost (every input's time read 0).
        let start = ContinuousClock.now
        var outcome = attempt(input, force: force, largestInput: largestInput)
        let elapsed = (ContinuousClock.now - start).components
        outcome.seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        return outcome
    }

    private func attempt(_ input: InputFile, force: Bool, largestInput: Int) -> DocumentOutcome {
        var outcome = DocumentOutcome(input: input)
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
            if !force, let outputs = state.upToDateOutputs(input, input: inputFingerprint, configuration: configurationFingerprint) {
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
            try state.markDone(input, input: inputFingerprint, configuration: configurationFingerprint, outputs: rendered.map { ($0.path, $0.bytes.count) })
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
