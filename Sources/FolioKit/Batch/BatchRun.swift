import FolioCore
import Foundation

/// What happened to one input.
public struct DocumentOutcome: Sendable {
    public var input: InputFile
    /// The files written, in the order of the formats.
    public var outputs: [String] = []
    /// Why the input failed; nil when it succeeded.
    public var error: FolioError?
    /// Warnings the stages raised.
    public var warnings: [Diagnostic] = []
    public var seconds: Double = 0

    public var succeeded: Bool { error == nil }
}

/// The result of a run: every input's outcome, and the problems with the inputs themselves.
public struct RunReport: Sendable {
    public var outcomes: [DocumentOutcome] = []
    /// Paths that were not inputs at all (missing, unreadable, clashing names).
    public var problems: [Diagnostic] = []
    public var seconds: Double = 0

    public var failed: [DocumentOutcome] { outcomes.filter { !$0.succeeded } }
    public var succeeded: Bool { problems.isEmpty && failed.isEmpty }
    public var filesWritten: Int { outcomes.reduce(0) { $0 + $1.outputs.count } }
}

/// Runs a pipeline over inputs and writes each paper's outputs, all or none, atomically.
public struct BatchRun: Sendable {
    public let configuration: PipelineConfiguration
    public let pipeline: Pipeline
    public let outputFolder: String

    public init(configuration: PipelineConfiguration, outputFolder: String? = nil) {
        self.configuration = configuration
        self.pipeline = Pipeline(configuration: configuration)
        self.outputFolder = outputFolder ?? configuration.output
    }

    /// Processes `paths` (files or folders); with none, the configuration's input folder.
    public func run(paths: [String]) throws -> RunReport {
        let start = Date()
        if paths.isEmpty && !FilePaths.isDirectory(configuration.input) {
            throw FolioError(file: configuration.file, place: .jsonPath("input"),
                             "the input folder '\(configuration.input)' does not exist",
                             hint: "create it and put papers in it, or name files on the command line")
        }
        let discovery = InputDiscovery.discover(paths.isEmpty ? [configuration.input] : paths)
        var report = RunReport(problems: discovery.problems)
        for input in discovery.inputs {
            report.outcomes.append(process(input))
        }
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// Reads, processes, renders and writes one input; never throws, the outcome says.
    public func process(_ input: InputFile) -> DocumentOutcome {
        let start = Date()
        var outcome = DocumentOutcome(input: input)
        do {
            let source = try DocumentReader.read(path: input.path)
            let document = try pipeline.process(source)
            outcome.warnings = document.diagnostics.filter { $0.severity != .error }
            // Render every format before writing any, so a failure leaves no partial set.
            let rendered = try configuration.formats.map { format in
                (path: outputPath(input, format: type(of: format).fileExtension), bytes: try format.render(document))
            }
            for file in rendered {
                try AtomicFile.write(file.bytes, to: file.path)
                outcome.outputs.append(file.path)
            }
        } catch let error as FolioError {
            outcome.error = error.inFile(input.path)
        } catch {
            outcome.error = FolioError(file: input.path, "\(error)")
        }
        outcome.seconds = Date().timeIntervalSince(start)
        return outcome
    }

    func outputPath(_ input: InputFile, format fileExtension: String) -> String {
        InputDiscovery.join(outputFolder, input.outputStem + "." + fileExtension)
    }
}
