extension String {
    /// The string of these code points.
    public init(scalars: some Sequence<Unicode.Scalar>) {
        // Encoded as UTF-8 then made a string at once: appending scalar by scalar to a
        // string's scalar view was the cost of cutting a paper into sentences and words.
        var utf8: [UInt8] = []
        utf8.reserveCapacity(scalars.underestimatedCount)
        for scalar in scalars { UTF8.encode(scalar) { utf8.append($0) } }
        self.init(decoding: utf8, as: UTF8.self)
    }
}

extension Unicode.Scalar {
    /// A line feed or a form feed (a page break): where a line of extracted text ends.
    var isLineBreak: Bool { self == "\n" || self == "\u{0C}" }

    /// `properties.isAlphabetic`, with ASCII answered without Unicode's property tables: looking
    /// there was the largest single cost of scanning a paper's words.
    var isAlphabetic: Bool {
        value < 0x80 ? asciiLetterLowercased != nil : properties.isAlphabetic
    }

    /// An ASCII letter as its lower-case byte; nil for anything else.
    var asciiLetterLowercased: UInt8? {
        guard value < 0x80 else { return nil }
        let folded = UInt8(value) | 0x20
        return (0x61...0x7A).contains(folded) ? folded : nil
    }
}
