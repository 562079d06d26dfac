import FolioCore
import Foundation

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
