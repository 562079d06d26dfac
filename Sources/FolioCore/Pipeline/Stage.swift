/// The phases of the pipeline, in the order they usually run. A stage's `requires` and
/// `runsAfter` say what must really come first.
public enum Phase: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    /// Repairs the text itself; the only phase allowed to rewrite `Document.text` (through
    /// `Document.replaceText`, which carries the ranges found so far along, so a cleaning
    /// stage may also run after structure has been found).
    case clean
    /// Finds the paper's structure: blocks, headings, sections, notes, bibliography.
    case structure
    /// Finds what the text says: dates, events, quotations.
    case extract

    public static func < (lhs: Phase, rhs: Phase) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .clean: "clean"
        case .structure: "structure"
        case .extract: "extract"
        }
    }
}

/// One step of the pipeline: a small, pure transformation of a document.
///
/// A stage is built once from its options in `pipeline.json` and then run on many documents,
/// possibly at the same time, so it holds only immutable configuration.
public protocol Stage: Sendable {
    /// The name `pipeline.json` uses.
    static var name: String { get }
    static var phase: Phase { get }
    /// One line for `--help` and error messages.
    static var summary: String { get }
    /// Stages that must run earlier in the pipeline.
    static var requires: [String] { get }
    /// Stages that, when the pipeline has them, must run earlier: those that read the page
    /// layout this stage changes, say.
    static var runsAfter: [String] { get }

    /// Reads the stage's options; unknown options are reported by the caller.
    init(options: inout Options) throws

    func run(_ document: inout Document, context: StageContext) throws
}

extension Stage {
    public static var requires: [String] { [] }
    public static var runsAfter: [String] { [] }
}

/// What a stage may know beyond the document: run-wide settings.
public struct StageContext: Sendable {
    /// The date relative expressions resolve against (`YYYY-MM-DD`), when one was given.
    public var referenceDate: String?

    public init(referenceDate: String? = nil) {
        self.referenceDate = referenceDate
    }
}
