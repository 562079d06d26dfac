/// The words, numbers and marks an optional lead of a temporal pattern is made of (`early`,
/// `the end of`, `Thursday, the 24th of`): read back from a core or word, the run of them that
/// ends there is as far back as a match holding it can start, and the pattern is tried from
/// there, not from all the lead could reach. Most years of a paper follow a word no lead holds
/// (`in 1998`, `Smith (2003)`), and the pattern then runs from the year alone.
///
/// A run must hold everything a match can hold before the core or word it is read back from:
/// for a range (`between 1990 and 2000`, read back from the second year), the first year and
/// the words between too.
///
/// A lead no match goes without (`from` before `from 2015 onwards`, a month before `March
/// 1999`) is required: where the run holds none of its words, no match holds the core or word,
/// and the pattern does not run there. Most years and unit words of a paper have no such lead.
struct LeadRun: Sendable {
    /// The words, in lower case (a pattern's case only makes a run longer, never wrong).
    let words: Set<String>
    /// The same words, read from their ends: which ends a word of the run.
    private let endings: WordEndings
    /// Whether the lead holds numbers in ASCII digits.
    let digits: Bool
    /// The marks it holds besides white space.
    private let asciiMarks: ASCIIByteSet
    private let otherMarks: Set<UInt16>
    /// Words one of which every match holds before its core or word, in lower case, found as
    /// part of a word too (a pattern may glue them); empty when none is required.
    private let required: [[UInt16]]
    /// Whether a number in ASCII digits stands for the required words (or is what is
    /// required, where no word is).
    private let numberSuffices: Bool

    /// `requiring`: words every match holds in its lead, one of them (words of the run too);
    /// `orNumber`: or a number (numbers are then of the run); a number alone when no word is given.
    init(words: some Sequence<String> = [String](), digits: Bool = false, marks: String = "", requiring required: some Sequence<String> = [String](), orNumber: Bool = false) {
        let requiredWords = required.map { $0.lowercased() }
        self.words = Set(words.map { $0.lowercased() }).union(requiredWords)
        precondition(self.words.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { UTF16.isASCIILetter(UInt16($0)) } }, "a lead word of other than ASCII letters")
        self.required = requiredWords.map { Array($0.utf16) }
        numberSuffices = orNumber
        self.digits = digits || orNumber
        endings = WordEndings(self.words)
        asciiMarks = ASCIIByteSet(marks.utf16.filter { $0 < 0x80 }.map { UInt8($0) })
        otherMarks = Set(marks.utf16.filter { $0 >= 0x80 })
    }

    /// Where the run that ends at `end` in `units` (UTF-16) starts: at its first word or number.
    /// Where a word not of the run ends in some that are (`Xend` before `of`; `XlateFeb`, a
    /// lead glued to its month), at the first of them, for a pattern need not start at a word
    /// boundary. 0 where the run reaches a letter or digit beyond ASCII, which case folding
    /// (`ſ` is `s`) or `\d` may read as part of it.
    func start(in units: [UInt16], endingAt end: Int) -> Int {
        let run = self.run(in: units, endingAt: end)
        return run.isSure ? run.start : 0
    }

    /// `start(in:endingAt:)`, or nil where the run holds none of the required words (nor a
    /// number, where one suffices): no match holds what the run ends at.
    func admittedStart(in units: [UInt16], endingAt end: Int) -> Int? {
        let run = self.run(in: units, endingAt: end)
        guard run.isSure else { return 0 }
        guard !required.isEmpty || numberSuffices else { return run.start }
        let lead = units[run.start..<end]
        if numberSuffices && lead.contains(where: { (0x30...0x39).contains($0) }) { return run.start }
        return required.contains { Self.holds(lead, $0) } ? run.start : nil
    }

    /// Whether `text` holds `word` (ASCII lower case), in any case.
    private static func holds(_ text: ArraySlice<UInt16>, _ word: [UInt16]) -> Bool {
        guard word.count <= text.count else { return false }
        var start = text.startIndex
        while start + word.count <= text.endIndex {
            var matched = 0
            while matched < word.count && text[start + matched] | (UTF16.isASCIILetter(text[start + matched]) ? 0x20 : 0) == word[matched] { matched += 1 }
            if matched == word.count { return true }
            start += 1
        }
        return false
    }

    /// Where the run that ends at `end` starts, and whether that is sure: not where the run
    /// reaches a letter or digit beyond ASCII.
    private func run(in units: [UInt16], endingAt end: Int) -> (start: Int, isSure: Bool) {
        var earliest = end
        var index = end
        while index > 0 {
            let unit = units[index - 1]
            if UTF16.isPatternSpace(unit) || (unit < 0x80 ? asciiMarks.contains(UInt8(unit)) : otherMarks.contains(unit)) {
                index -= 1
                continue
            }
            // Punctuation no lead holds ends the run; a letter or digit beyond ASCII makes it unsure.
            guard unit < 0x80 else {
                if Self.mayBeWordCharacter(unit) { return (0, false) }
                break
            }
            var wordStart = index
            if (0x30...0x39).contains(unit) {
                while wordStart > 0 && (0x30...0x39).contains(units[wordStart - 1]) { wordStart -= 1 }
            } else if UTF16.isASCIILetter(unit) {
                while wordStart > 0 && UTF16.isASCIILetter(units[wordStart - 1]) { wordStart -= 1 }
            } else {
                break
            }
            // A word may go on beyond ASCII (`laſt` is `last` to a pattern ignoring case).
            if wordStart > 0 && units[wordStart - 1] >= 0x80 && Self.mayBeWordCharacter(units[wordStart - 1]) { return (0, false) }
            if (0x30...0x39).contains(unit) {
                guard digits else { break }
                earliest = wordStart
            } else {
                guard let longest = endings.longestEnding(of: units[wordStart..<index]) else { break }
                // Most words of a run are one of its words; only another is cut further.
                let ending = longest == wordStart ? longest : earliestGluedEnding(units[wordStart..<index]) ?? longest
                earliest = ending
                guard ending == wordStart else { break }
            }
            index = wordStart
        }
        return (earliest, true)
    }

    /// Whether a unit beyond ASCII may be a letter or digit, or part of one (a surrogate).
    private static func mayBeWordCharacter(_ unit: UInt16) -> Bool {
        guard let scalar = Unicode.Scalar(unit) else { return true }
        return scalar.isAlphabetic || scalar.hasNumericType
    }

    /// Where the longest ending of the ASCII word `word` made of the run's words, one after
    /// another, starts: a pattern may glue its lead to what follows (`lateFeb` for
    /// `late[- ]?` and a month). Every way of cutting the ending into words is tried, from the
    /// word's end: the longest word at each step is not always the way furthest back.
    private func earliestGluedEnding(_ word: ArraySlice<UInt16>) -> Int? {
        // `made[offset]`: whether the word from `offset` on is made of the run's words. An end
        // is walked back from once every end after it has been: it is made by then or never.
        var made = [Bool](filledWith: false, count: word.count + 1)
        made[word.count] = true
        for end in stride(from: word.count, to: 0, by: -1) where made[end] {
            endings.forEachEnding(of: word[..<(word.startIndex + end)]) { made[$0 - word.startIndex] = true }
        }
        return (0..<word.count).first { made[$0] }.map { word.startIndex + $0 }
    }
}
