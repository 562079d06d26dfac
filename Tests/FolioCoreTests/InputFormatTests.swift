import Testing
@testable import FolioCore

@Suite struct InputFormatTests {
    /// Property: a text is Markdown-style when more than half its visible code points are in
    /// lines longer than a printed line, over random texts of short and long lines.
    @Test func longLinesMakeMarkdown() {
        let pieces = ["a", String(repeating: "x", count: 50), String(repeating: "é", count: 45), " ", "\n", "\u{0C}", "\r", "\u{0B}", "\u{0D}", "😀"]
        var generator = SystemRandomNumberGenerator()
        var seen: Set<InputFormat> = []
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let lines = text.unicodeScalars.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\u{0C}" }.map(\.count)
            let visible = lines.reduce(0, +), inLongLines = lines.filter { $0 > InputFormat.longestPrintedLine }.reduce(0, +)
            let expected: InputFormat = visible > 0 && inLongLines * 2 > visible ? .markdown : .plainText
            #expect(InputFormat.sniff(Array(text.unicodeScalars)) == expected, "\(text.debugDescription)")
            seen.insert(expected)
        }
        #expect(seen == [.markdown, .plainText])
    }
}
