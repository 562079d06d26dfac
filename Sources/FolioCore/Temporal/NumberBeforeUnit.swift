/// Whether a number can stand right before a unit of time in a sentence, and where the words
/// leading it start: the check a duration (`two more years`, `five-year`, `eight trading
/// days`) makes before its pattern runs around the unit word, and from where. Most unit words
/// of a paper follow no number (`in recent years`, `the same day`), and the pattern, with its
/// long optional lead, is the costliest of the tagger's.
///
/// It errs only one way: where it cannot tell (letters or digits beyond ASCII), it says yes,
/// from as far back as the lead can reach.
enum NumberBeforeUnit {
    /// What may lead the number of a duration: `the past`, `approximately`, `more than`.
    static let lead = "(?:the\\s+)?(?:(?:past|last|next|first|previous|coming|following)\\s+)?"
        + "(?:(?:about|almost|nearly|around|roughly|approximately|more\\s+than|less\\s+than|over|at\\s+least|up\\s+to)\\s+)?"

    /// Every word of the number pattern, in lower case: the last word of a number is one of them.
    static let numberWords = letterRuns(of: TemporalLexicon.number)

    /// Every word a duration's lead or number can hold, in lower case.
    static let leadWords = letterRuns(of: lead).union(numberWords)

    /// The runs of ASCII letters of a pattern, in lower case: its words, and a few letters of
    /// its escapes (`s` of `\\s`), which only make the sets err on the side of a larger window.
    private static func letterRuns(of pattern: String) -> Set<String> {
        var words = Set<String>()
        var word = ""
        for character in pattern.lowercased() {
            if character.isASCII && character.isLetter {
                word.append(character)
            } else {
                if !word.isEmpty { words.insert(word) }
                word = ""
            }
        }
        if !word.isEmpty { words.insert(word) }
        return words
    }

    /// Words that may stand between a number and the unit: `more`, and the days markets count.
    static let between: Set<String> = ["more", "trading", "business", "working"]

    /// Where a duration holding the unit word starting at `start` in `units` (UTF-16) can begin, at the earliest:
    /// the start of the run of words of its lead and number that ends at the unit (`the past
    /// two more` before `years`), for the pattern to run from there and not from the whole
    /// lead's reach before. nil when no number stands before the unit; 0 where letters or
    /// digits beyond ASCII leave the run unsure.
    static func earliestStart(_ units: [UInt16], unitAt start: Int) -> Int? {
        switch numberBefore(units, unitAt: start) {
        case .none: return nil
        case .unsure: return 0
        case .endingAt(let end): return runStart(units, endingAt: end)
        }
    }

    private enum NumberPlace { case none, unsure, endingAt(Int) }

    /// Where the number before the unit word ends, read back over white space, hyphens and the
    /// words allowed between.
    private static func numberBefore(_ units: [UInt16], unitAt start: Int) -> NumberPlace {
        var index = start
        for step in 0..<4 {
            // White space or hyphens before the word (the pattern needs some).
            let end = index
            while index > 0 && isSeparator(units[index - 1]) { index -= 1 }
            guard index > 0 else { return .none }
            let last = units[index - 1]
            if last >= 0x80 { return .unsure }
            if step == 0 && index == end { return .none }
            if (0x30...0x39).contains(last) { return .endingAt(index) }
            // The word before, in ASCII letters.
            var wordStart = index
            while wordStart > 0 && UTF16.isASCIILetter(units[wordStart - 1]) { wordStart -= 1 }
            if wordStart > 0 && units[wordStart - 1] >= 0x80 { return .unsure }
            guard wordStart < index else { return .none }
            let word = String(lowercasingASCII: units[wordStart..<index])
            if numberWords.contains(word) { return .endingAt(index) }
            guard between.contains(word) else { return .none }
            index = wordStart
        }
        return .unsure
    }

    /// The start of the run of words the lead and number are made of (`leadWords`, or digits
    /// and full stops) that ends at `end`, each word after white space or a hyphen. Every word a
    /// match holds before its unit is one of them, so no match starts before the run.
    private static func runStart(_ units: [UInt16], endingAt end: Int) -> Int {
        var earliest = end
        var index = end
        while index > 0 {
            var wordStart = index
            let isNumber = isNumeral(units[index - 1])
            while wordStart > 0, case let unit = units[wordStart - 1], isNumber ? isNumeral(unit) : UTF16.isASCIILetter(unit) { wordStart -= 1 }
            // Beyond ASCII, a letter may fold to one of the words (`ſ` to `s`), a digit be one.
            if wordStart > 0 && units[wordStart - 1] >= 0x80 { return 0 }
            guard wordStart < index, isNumber || leadWords.contains(String(lowercasingASCII: units[wordStart..<index])) else { break }
            earliest = wordStart
            var separatorStart = wordStart
            while separatorStart > 0 && isSeparator(units[separatorStart - 1]) { separatorStart -= 1 }
            guard separatorStart < wordStart else { break }
            index = separatorStart
        }
        return earliest
    }

    /// A digit or a full stop, as a number in figures is written (`1.5`).
    private static func isNumeral(_ unit: UInt16) -> Bool { (0x30...0x39).contains(unit) || unit == 0x2E }

    /// White space or a hyphen, in ASCII: beyond it the check is unsure, and says yes.
    private static func isSeparator(_ unit: UInt16) -> Bool { unit < 0x80 && UTF16.isPatternSpace(unit) || unit == 0x2D }
}
