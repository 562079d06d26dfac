import ArgumentParser
import FolioCore
import FolioKit
import Foundation

/// `folio run`: the main job.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Process papers into JSON and TEI files.",
        discussion: """
            With no PATHS, processes the input folder named in the configuration. A folder is \
            searched recursively for .txt and .md files and its sub-folders are mirrored in the \
            output folder; X/Y/name.txt gives name.json and name.tei.xml. The exit code is 0 when \
            every paper succeeded, 1 when any failed, 2 when the configuration is wrong.
            """
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("The pipeline configuration.", valueName: "file"))
    var config = "pipeline.json"

    @Option(name: .shortAndLong, help: ArgumentHelp("Write outputs here instead of the configuration's output folder.", valueName: "folder"))
    var output: String?

    @Option(help: ArgumentHelp("The date relative expressions (`yesterday`, `last month`) resolve against, YYYY-MM-DD; overrides the configuration's referenceDate.", valueName: "date"))
    var referenceDate: String?

    @Flag(name: .shortAndLong, help: "Print only failures.")
    var quiet = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Papers processed at once (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Flag(help: "Redo papers whose outputs are already up to date.")
    var force = false

    @Option(help: ArgumentHelp("Process only the K-th of N deterministic shares of the inputs (1 ≤ K ≤ N), for schedulers that run one share a machine.", valueName: "K/N"))
    var shard: String?

    @Option(help: ArgumentHelp("Refuse inputs larger than this many megabytes (default: 32).", valueName: "MB"))
    var largestInput: Double?

    @Argument(help: ArgumentHelp("Files or folders to process (default: the configuration's input folder).", valueName: "paths"))
    var paths: [String] = []

    func run() throws {
        var configuration: PipelineConfiguration
        do {
            configuration = try PipelineConfiguration.load(path: config, components: .standard)
            if let referenceDate {
                guard ReferenceDate.isValid(referenceDate) else {
                    throw FolioError("--reference-date: '\(referenceDate)' is not a date of the form YYYY-MM-DD")
                }
                configuration.referenceDate = referenceDate
            }
        } catch let error as FolioError {
            Console.error(error.description)
            throw ExitCode(2)
        }
        Console.warnIfReferencesLackTheirModel(stages: configuration.stages)
        let batch = BatchRun(configuration: configuration,
                             outputFolder: output.map { FilePaths.resolve($0, against: FileManager.default.currentDirectoryPath) })
        let display = ProgressDisplay(quiet: quiet)
        let report: RunReport
        do {
            if let jobs, jobs < 1 { throw FolioError("--jobs: \(jobs) is not a number of workers; give 1 or more") }
            if let largestInput, !(largestInput > 0) { throw FolioError("--largest-input: give a size in megabytes above 0") }
            let options = BatchOptions(jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, force: force,
                                       shard: try shard.map(Shard.init(parsing:)),
                                       largestInput: largestInput.map { Int($0 * 1_000_000) } ?? BatchOptions.defaultLargestInput)
            report = try batch.run(paths: paths, options: options, observe: display.handle)
        } catch let error as FolioError {
            Console.error(error.description)
            throw ExitCode(2)
        }
        display.finish()
        RunSummary(report: report, outputFolder: batch.outputFolder, quiet: quiet).print()
        if !report.succeeded { throw ExitCode(1) }
    }
}
