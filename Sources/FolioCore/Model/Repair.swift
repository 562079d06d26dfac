/// One change cleaning made to the text, recorded so a user can audit or undo it.
public struct Repair: Sendable, Hashable {
    /// The rule that made it, e.g. `ligature`, `control-character`, `dehyphenation`.
    public var rule: String
    /// What the change replaced, in the input file.
    public var source: SourceRange
    public var before: String
    public var after: String

    public init(rule: String, source: SourceRange, before: String, after: String) {
        self.rule = rule
        self.source = source
        self.before = before
        self.after = after
    }
}
