import FolioCore
import Foundation

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
