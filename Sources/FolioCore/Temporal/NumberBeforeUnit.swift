/// Whether a number can stand right before a unit of time in a sentence: the check a duration
/// (`two more years`, `five-year`, `eight trading days`) makes before its pattern runs around
/// the unit word. Most unit words of a paper follow no number (`in recent years`, `the same
/// day`), and the pattern, with its long optional lead, is the costliest of the tagger's.
///
/// It errs only one way: where it cannot tell (letters or digits beyond ASCII), it says yes.
enum NumberBeforeUnit {
    /// Every word of the number pattern, in lower case: the last word of a number is one of them.
    static let numberWords: Set<String> = {
        var words = Set<String>()
        var word = ""
        for character in TemporalLexicon.number.lowercased() {
            if character.isASCII && character.isLetter {
                word.append(character)
            } else {
                if !word.isEmpty { words.insert(word) }
                word = ""
            }
        }
        if !word.isEmpty { words.insert(word) }
        return words
    }()

    /// Words that may stand between a number and the unit: `more`, and the days markets count.
    static let between: Set<String> = ["more", "trading", "business", "working"]

    /// Whether the unit word starting at `start` in `units` (UTF-16) may follow a number.
    static func mayFollowNumber(_ units: [UInt16], at start: Int) -> Bool {
        var index = start
        for step in 0..<4 {
            // White space or hyphens before the word (the pattern needs some).
            let end = index
            while index > 0 && isSeparator(units[index - 1]) { index -= 1 }
            guard index > 0 else { return false }
            let last = units[index - 1]
            if last >= 0x80 { return true }
            if step == 0 && index == end { return false }
            if (0x30...0x39).contains(last) { return true }
            // The word before, in ASCII letters.
            var wordStart = index
            while wordStart > 0 && UTF16.isASCIILetter(units[wordStart - 1]) { wordStart -= 1 }
            if wordStart > 0 && units[wordStart - 1] >= 0x80 { return true }
            guard wordStart < index else { return false }
            let word = String(lowercasingASCII: units[wordStart..<index])
            if numberWords.contains(word) { return true }
            guard between.contains(word) else { return false }
            index = wordStart
        }
        return true
    }

    /// White space or a hyphen, in ASCII: beyond it the check is unsure, and says yes.
    private static func isSeparator(_ unit: UInt16) -> Bool { unit < 0x80 && UTF16.isPatternSpace(unit) || unit == 0x2D }
}
