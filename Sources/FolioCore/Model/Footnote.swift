/// A footnote: its printed number, its whole text (also when it runs on to the next page), and
/// the markers in the body that point to it.
public struct Footnote: Sendable, Hashable {
    public var id = ""
    /// The printed number or symbol.
    public var number: String
    /// The note's text, without its number.
    public var span: TextRange
    /// The markers in the body text (the printed number) that refer to this note.
    public var markers: [TextRange] = []

    public init(number: String, span: TextRange, markers: [TextRange] = []) {
        self.number = number
        self.span = span
        self.markers = markers
    }
}
