extension String {
    /// The string of these code points.
    public init(scalars: some Sequence<Unicode.Scalar>) {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        self.init(view)
    }
}

extension Unicode.Scalar {
    /// A line feed or a form feed (a page break): where a line of extracted text ends.
    var isLineBreak: Bool { self == "\n" || self == "\u{0C}" }
}
