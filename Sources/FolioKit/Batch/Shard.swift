import FolioCore

/// One of N deterministic shares of the inputs (`--shard K/N`), so that a scheduler (Slurm job
/// arrays, Kubernetes indexed jobs, GNU parallel) can run a batch on many machines: each input
/// belongs to exactly one shard, by a hash of its output name, whatever the machine or order.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 1 to `count`.
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1, (1...count).contains(index) else {
            throw FolioError("--shard: \(index)/\(count) is not a shard; K/N needs 1 ≤ K ≤ N")
        }
        self.index = index
        self.count = count
    }

    /// `K/N`, counted from 1 as Slurm array tasks and GNU parallel's `{%}` can be (a Kubernetes
    /// completion index counts from 0: pass `$((JOB_COMPLETION_INDEX + 1))/N`).
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw FolioError("--shard: '\(text)' is not of the form K/N (for example 3/8)")
        }
        try self.init(index: index, count: count)
    }

    public func contains(_ input: InputFile) -> Bool { owns(input.outputStem) }

    /// Whether this shard owns `key` (an output name; a path for a problem, so that merged
    /// reports hold each problem once).
    func owns(_ key: String) -> Bool {
        Int(Fingerprint.stableNumber(key) % UInt64(count)) == index - 1
    }

    public var description: String { "\(index)/\(count)" }
}
