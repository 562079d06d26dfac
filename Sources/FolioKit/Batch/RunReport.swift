import FolioCore
import Foundation

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

/// What a run tells its observer (the progress display), one event at a time, in order.
public enum BatchEvent: Sendable {
    /// The inputs to do, counted before the work starts.
    case started(inputs: Int, bytes: Int)
    case finished(DocumentOutcome)
    /// A path that is not an input at all (missing, unreadable, clashing name).
    case problem(Diagnostic)
}
