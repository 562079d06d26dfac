import Testing
@testable import FolioCore

@Suite struct LeadRunTests {
    /// `the end of`, `early-` and months, as the month-and-year rule's lead holds them.
    let lead = LeadRun(words: ["early", "the", "end", "of"] + TemporalLexicon.monthWords, marks: ",.-")

    @Test(arguments: [
        ("in the end of March, 2005", 3),
        // A pattern need not start at a word's start: `end` in `Xend` may lead the date.
        ("Xend of March 2005", 1),
        // Numbers are not of this lead; punctuation ends it; so does a word of no lead.
        ("24 March 2005", 3), ("“end of March 2005", 1), ("early—March 2005", 6), ("said March 2005", 5),
        // White space beyond ASCII is white space; a letter beyond ASCII may fold into a word (`ſ` is `s`).
        // Lead words glued to each other (`earlyMarch` for `early-?` and a month), however the
        // ending is cut: `endof` may be `end` and `of`, or `the` hidden in `Xthe`.
        ("in earlyMarch 2005", 3), ("in XearlyMarch 2005", 4), ("theendofMarch 2005", 0), ("Xtheendof March 2005", 1),
        ("in end of\u{A0}March 2005", 3), ("Cost ſend of March 2005", 0), ("laſt March 2005", 0), ("ſ end of March 2005", 0), ("2005", 0),
    ])
    func aRunStartsAtItsFirstWord(text: String, expected: Int) {
        let units = Array(text.utf16)
        #expect(lead.start(in: units, endingAt: units.count - 4) == expected, "\(text)")
    }

    /// The longest lead word at a glued word's end is not always the way furthest back.
    @Test func everyWayOfCuttingAGluedWordIsTried() {
        let units = Array("Qxab 2005".utf16)
        #expect(LeadRun(words: ["ab", "b", "xa"]).start(in: units, endingAt: units.count - 4) == 1)
        // A cut reaches back from the word's end only: `ab` in `abqb`, cut off by `q`, is no part of it.
        let cut = Array("abqb 2005".utf16)
        #expect(LeadRun(words: ["ab", "b"]).start(in: cut, endingAt: cut.count - 4) == 3)
    }

    @Test func numbersAndMarksBeyondASCIIBelongWhereTheLeadSaysSo() {
        let range = LeadRun(words: ["between", "and"], digits: true, marks: "–")
        let units = Array("said between 1990 – 2005".utf16)
        #expect(range.start(in: units, endingAt: units.count - 4) == 5)
        #expect(lead.start(in: units, endingAt: units.count - 4) == units.count - 4)
    }

    /// A run holding none of the words every match holds in its lead is no match's; it is
    /// kept where it holds one (glued or in capitals), where a number suffices and it holds
    /// one, and where a letter beyond ASCII leaves it unsure.
    @Test(arguments: [
        ("in March 2005", 3 as Int?), ("in MARCH, 2005", 3), ("in lateMarch 2005", 3), ("the end of 2005", nil), ("in 2005", nil), ("2005", nil),
        ("in the end of Mar. 2005", 3), ("in the end of Maſ 2005", 0),
    ])
    func aRunWithoutItsRequiredWordsIsNoMatchs(text: String, expected: Int?) {
        let months = LeadRun(words: ["late", "the", "end", "of"], marks: ",.-", requiring: TemporalLexicon.monthWords)
        let units = Array(text.utf16)
        #expect(months.admittedStart(in: units, endingAt: units.count - 4) == expected, "\(text)")
        #expect(lead.admittedStart(in: units, endingAt: units.count - 4) == lead.start(in: units, endingAt: units.count - 4), "nothing required")
    }

    @Test func aNumberSufficesWhereTheLeadSaysSo() {
        let rate = LeadRun(marks: "%", requiring: ["once", "twice"], orNumber: true)
        let number = LeadRun(words: ["the", "of", "st", "nd", "rd", "th"], orNumber: true)
        for (text, expected) in [("paid 5% a", 5 as Int?), ("paid Twice a", 5), ("paid a", nil), ("paid 3 times a", nil)] {
            let units = Array(text.utf16)
            #expect(rate.admittedStart(in: units, endingAt: units.count - 1) == expected, "\(text)")
        }
        for (text, expected) in [("on the 24th of May", 3 as Int?), ("on the end of May", nil)] {
            let units = Array(text.utf16)
            #expect(number.admittedStart(in: units, endingAt: units.count - 3) == expected, "\(text)")
        }
    }
}

@Suite struct WordEndingsTests {
    /// The endings found by walking back from a word's end, and the longest of them, are those
    /// that trying each ending as a string finds, in any case, for words of few letters that
    /// end one another.
    @Test func findsTheLongestEndingThatIsAWord() {
        var generator = SplitMix(seed: 7)
        func word(_ count: Int) -> String { String((0..<count).map { _ in "abc".randomElement(using: &generator)! }) }
        for _ in 0..<300 {
            let words = Set((0..<Int.random(in: 0...6, using: &generator)).map { _ in word(Int.random(in: 1...4, using: &generator)) })
            let endings = WordEndings(words)
            for _ in 0..<20 {
                let text = word(Int.random(in: 0...6, using: &generator))
                let units = Array(("@" + text).utf16.map { $0 != 0x40 && Bool.random(using: &generator) ? $0 & ~0x20 : $0 })
                let starts = (1..<units.count).filter { words.contains(String(text.dropFirst($0 - 1))) }
                #expect(endings.longestEnding(of: units[1...]) == starts.first, "\(words) \(text)")
                var walked: [Int] = []
                endings.forEachEnding(of: units[1...]) { walked.append($0) }
                #expect(walked == starts.reversed(), "\(words) \(text)")
            }
        }
    }

    /// A unit other than an ASCII letter ends the walk: it is part of no word of the set.
    @Test func stopsAtOtherThanALetter() {
        let endings = WordEndings(["of", "end"])
        #expect(endings.longestEnding(of: Array("end-of".utf16)[...]) == 4)
        #expect(endings.longestEnding(of: Array("ENDOF".utf16)[...]) == 3)
        #expect(endings.longestEnding(of: Array("\u{17F}of".utf16)[...]) == 1)
        #expect(endings.longestEnding(of: Array("xyz".utf16)[...]) == nil)
    }
}
