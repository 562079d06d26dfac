/// Finds the printed number of a footnote in the running text.
///
/// The number is glued to what precedes it (`Canada4.`, `memberStates6`, `EU2-Turkey’s`,
/// `(Hale, 2007)14`, `term.3`): a letter, a closing bracket or quote, or punctuation, never a
/// space, a digit or a hyphen. Nor may a digit follow it. That keeps out years, quantities,
/// article and list numbers (`Article 5°`, `1) the use`), which stand after a space.
enum FootnoteMarkers {
    /// The first place in `range` where `number` is printed as a marker.
    /// The places looked at are those of the number's first digit, found sixteen code points at
    /// a time (`firstPosition`): a note's marker is looked for through a page of text or more.
    static func find(_ number: Int, in range: TextRange, of text: WorkingText) -> TextRange? {
        let digits = Array(String(number).unicodeScalars)
        guard range.count >= digits.count + 1, let first = digits.first else { return nil }
        let firstMark = isDigit(first) ? digitMarks[Int(first.value - 0x30)] : ScanMarks(first)
        let lastStart = range.end - digits.count
        var index = max(range.start, 1)
        while index <= lastStart {
            index = text.firstPosition(from: index, to: lastStart + 1, of: firstMark)
            guard index <= lastStart else { break }
            if text.scalars[index..<index + digits.count].elementsEqual(digits),
               isGlued(after: text[index - 1]),
               index + digits.count == text.count || !isDigit(text[index + digits.count]) {
                return TextRange(index, index + digits.count)
            }
            index += 1
        }
        return nil
    }

    /// Each digit as what a scan stops at.
    private static let digitMarks = (0...9).map { ScanMarks(Unicode.Scalar(UInt8(0x30 + $0))) }

    static func isGlued(after scalar: Unicode.Scalar) -> Bool {
        if scalar.isAlphabetic { return true }
        return ".,;:!?)]’”\"'".unicodeScalars.contains(scalar)
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}
