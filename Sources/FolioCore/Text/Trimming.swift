import Foundation

extension StringProtocol {
    /// The text without the code points of `set` at either end, as Foundation's
    /// `trimmingCharacters(in:)` gives it, without that method's trip through a bridged string
    /// in UTF-16 (twenty thousand instructions a call, a reference's largest single cost).
    /// Like that method, it stops at a code point beyond the Basic Multilingual Plane, which it
    /// reads as two surrogates that no set holds.
    public func trimmed(_ set: CharacterSet) -> String {
        trimmed { $0.value <= 0xFFFF && set.contains($0) }
    }

    /// `trimmed(.whitespaces)` without Foundation: its set of white space (Unicode's space
    /// separators and the tab) is made anew at every use, some nine hundred instructions, and a
    /// reference's fields and names are trimmed a dozen times.
    public var trimmedOfWhitespace: String {
        trimmed { $0.isSpaceOrTab }
    }

    /// The text without the code points `trims` holds at either end.
    private func trimmed(_ trims: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, trims(scalars[start]) { start = scalars.index(after: start) }
        while start < end {
            let last = scalars.index(before: end)
            guard trims(scalars[last]) else { break }
            end = last
        }
        return String(self[start..<end])
    }
}

extension String {
    /// The text without its spaces, as Foundation's `replacingOccurrences(of: " ", with: "")`
    /// gives it. Text of ASCII alone (pages, links and DOIs almost always) is done here, without
    /// that method's trip through a bridged string (some ten thousand instructions for each of
    /// a reference's fields); other text is left to Foundation, which keeps a space that a
    /// mark, an emoji's skin tone and more make one character with.
    var removingSpaces: String {
        guard utf8.contains(0x20) else { return self }
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return replacingOccurrences(of: " ", with: "") }
        return String(decoding: utf8.filter { $0 != 0x20 }, as: UTF8.self)
    }
}

extension Unicode.Scalar {
    /// In Foundation's `CharacterSet.whitespaces`: Unicode's space separators (Zs) and the tab,
    /// with ASCII answered without Unicode's property tables. Foundation's tables on Linux also
    /// count the zero-width space (U+200B, a space separator in older Unicode): whether they do
    /// is asked of them once, so the answer is Foundation's wherever Folio runs.
    var isSpaceOrTab: Bool {
        value < 0x80 ? value == 0x20 || value == 0x09
            : value == 0x200B ? Self.zeroWidthSpaceIsWhiteSpace : properties.generalCategory == .spaceSeparator
    }

    private static let zeroWidthSpaceIsWhiteSpace = CharacterSet.whitespaces.contains("\u{200B}")
}
