import FolioCore
import Foundation
import Synchronization

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
                    guard options.shard?.owns(problem.file ?? "") ?? true else { continue }
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
