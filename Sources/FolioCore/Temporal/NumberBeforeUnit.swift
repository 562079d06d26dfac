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

    /// The words, numbers and marks before the unit a duration can hold: its lead and number.
    static let durationLead = LeadRun(words: letterRuns(of: lead).union(numberWords), digits: true, marks: "-.")

    /// Those of a duration counted back (`some three years ago`), with the words that say how
    /// nearly.
    static let approximateLead = LeadRun(words: numberWords.union(["about", "almost", "nearly", "some", "roughly", "around", "approximately", "just", "only",
                                                                    "more", "less", "than", "over"]), digits: true, marks: "-.")

    /// Those of a duration and a half (`about two and a half years`, `2 1/2 years`, `two years
    /// and a half`), read back from the half: the unit may come before it. Every such duration
    /// holds its number there.
    static let halvesLead = LeadRun(words: ["about", "almost", "nearly", "around", "roughly", "more", "less", "than", "over", "and", "a",
                                            "trading", "business", "working", "century", "centuries"]
                                        + TemporalLexicon.units.flatMap { [$0.unit.rawValue, $0.unit.rawValue + "s"] }, marks: "-./",
                                    requiring: numberWords, orNumber: true)

    /// The runs of ASCII letters of a pattern, in lower case: its words (not the letters of
    /// escapes, `s` of `\\s`).
    private static func letterRuns(of pattern: String) -> Set<String> {
        var words = Set<String>()
        var word = ""
        var escaped = false
        for character in pattern.lowercased() {
            defer { escaped = character == "\\" && !escaped }
            if character.isASCII && character.isLetter && !escaped {
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
    ///
    /// `lead`: what the duration's pattern holds before its unit.
    static func earliestStart(_ units: [UInt16], unitAt start: Int, lead: LeadRun = durationLead) -> Int? {
        switch numberBefore(units, unitAt: start) {
        case .none: return nil
        case .unsure: return 0
        case .endingAt(let end): return lead.start(in: units, endingAt: end)
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

    /// White space or a hyphen, in ASCII: beyond it the check is unsure, and says yes.
    private static func isSeparator(_ unit: UInt16) -> Bool { unit < 0x80 && UTF16.isPatternSpace(unit) || unit == 0x2D }
}
