import Foundation
import Testing
@testable import FolioCore

@Suite struct TemporalRuleNeedsTests {
    /// Property: a rule's needs never hide a match it would make, and looking for its full
    /// pattern only around its core finds what a whole scan finds, over every sentence of the
    /// samples.
    @Test func skippingRulesByTheirNeedsAndCoresChangesNothing() throws {
        let fast = TemporalTagger(referenceDate: PartialDate(year: 2024, month: 3, day: 1))
        var thorough = fast
        thorough.skipsByNeeds = false
        thorough.usesCores = false
        var checked = 0
        for path in samplePaths {
            let document = try processSample(path)
            var fastFocus: TemporalTagger.Focus?
            var thoroughFocus: TemporalTagger.Focus?
            for range in document.proseRanges() {
                for sentence in Sentences.split(document.text, in: range) {
                    let text = document.text.string(sentence)
                    #expect(fast.tag(text, lastMention: &fastFocus) == thorough.tag(text, lastMention: &thoroughFocus), "\(text)")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }

    /// The same over news that no one here wrote (every fourth TimeML document), which holds far
    /// more kinds of date than the samples; each read from its creation date.
    @Test func skippingRulesChangesNothingOnNews() throws {
        let folder = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/eval/timeml/timebank").path
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        var checked = 0
        for name in names.enumerated().filter({ $0.offset % 4 == 0 }).map(\.element) {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            let created = try String(contentsOfFile: folder + "/" + name.dropLast(4) + ".dct", encoding: .utf8)
            let fast = TemporalTagger(referenceDate: PartialDate(iso: created.trimmingCharacters(in: .whitespacesAndNewlines)))
            var thorough = fast
            thorough.skipsByNeeds = false
            thorough.usesCores = false
            var fastFocus: TemporalTagger.Focus?
            var thoroughFocus: TemporalTagger.Focus?
            for paragraph in text.components(separatedBy: "\n\n") where !paragraph.isEmpty {
                #expect(fast.tag(paragraph, lastMention: &fastFocus) == thorough.tag(paragraph, lastMention: &thoroughFocus), "\(name): \(paragraph)")
                checked += 1
            }
        }
        #expect(checked > 200)
    }

    /// The same over sentences made to sit on the edges of the digit shapes and the words the
    /// rules look around.
    @Test(arguments: [
        "It ran 2022-02-24, 24.02.2022, 02/24/22 and 1.2.3.4.2020, and 12345-01-01.",
        "From 1992–95, 1992 - 1995, 1992 —1995 and 1992-1995-2000; the 1990s, the 1990’s and 1990's.",
        "Digits of other scripts: ٢٠٢٢-٠٢-٢٤, ١٩٩٠s, and 𝟐𝟎𝟐𝟐.",
        "He may march in May, said he, as March came, for years and over decades, every two weeks.",
        "The biweekly weekend came in the nineteen nineties, two thousand and five, at present and in the future.",
        "Three years later, some six months ago, the following approximately twenty-five more days.",
        // Rules whose needs are two words, or whole words: each phrase alone, and its words apart.
        "The office closed on Labor Day.", "They met on New Year’s Eve.", "It was Election Day.", "It snowed at Christmas.",
        "The laboratory news was new; a day of labor, a new year.",
        "Prices are high these days.", "Rates fall in the near future.", "In the long term, it pays.", "Not these long days, nor the short-term.",
        "Sales for the year ended in June.", "Sales for the fiscal year ending soon.", "Profits rose from the year-ago quarter.",
        "Levels were above year-earlier ones.", "Years ago, a year ended.",
        "It rains every March.", "It rains each Mar. too.", "It rains each month, every Monday.",
        "That same year, it rained.", "It rained the day after.", "The following month was dry.", "The days after were the same.",
        "At a later date, we met.", "Over the past years, it rained.", "Later dates and the past year.",
        "They met on March the twenty-first.", "They met on June second.", "They met on May thirty first.", "In March, the first twenty came second.",
        "Prices rose from 1991 until 1993.", "Prices rose from 1992 through 1994.", "From 1990 on, sales went to 1995.",
        "Sales peaked in mid-1990.", "It was the year 1991.", "By the end of 1993 it had ended.", "Lately, in 1990, years later, midway in 1991.",
        "It snowed in the fall.", "It rained in summer.", "Prices rose in early spring.", "Leaves fall; springs and summers pass.",
        "During this winter of 2001, it rained.", "Sales fell in 1998 and rose in the latest quarter.", "Sales fell in 1998 and rose from the year-ago period.",
        "Quarters and periodicals did not.", "He has been there for the last week.", "It rained earlier this year and late last month.",
        // Rules whose lead is required (`LeadRun`'s required words): each with and without it, glued, and in capitals.
        "Sales rose from 1990 onwards, FROM 1991 on, not 1992 onward, nor afrom 1993 on.", "A Fall 1999, autumn of 2000, the fall 2001 and 2002.",
        "It paid 5% a year, twice a month, 3  times a day, ONCE A WEEK, nonce a day, and a year.", "In the fiscal year, the full year, the year, the calendar year, other year.",
        "In fiscal 1998, fiscal year 1999, FISCAL 2000 and 2001.", "The 1998 quarter, the 1999 first quarter, 2000 quarter.", "Between 1990 and 1995, between 1996 and 1997, and 1998.",
        "Two and a half years, 2 1/2 days, two years and a half, half a year, 21/2 hours.", "The 24th of February 2022, February 24, 2022, March 1999, 2000 and 5 June.",
        "Mid-1996, the end of 1948, the year 1948, spring of 1950, and in 1951.", "In the spring, during winter, early fall, this summer, a fall; later autumn.",
        "The latest quarter, the year-ago period, the quarter, a quarter and the fiscal period.",
    ])
    func skippingRulesChangesNothingOnEdges(sentence: String) {
        let fast = TemporalTagger(referenceDate: PartialDate(year: 2024, month: 3, day: 1))
        var thorough = fast
        thorough.skipsByNeeds = false
        thorough.usesCores = false
        var fastFocus: TemporalTagger.Focus?
        var thoroughFocus: TemporalTagger.Focus?
        #expect(fast.tag(sentence, lastMention: &fastFocus) == thorough.tag(sentence, lastMention: &thoroughFocus))
    }

    @Test func everyRuleThatLooksAroundWordsNamesWordsEveryMatchHolds() {
        for (index, rule) in TemporalRules.all.enumerated() where rule.aroundWords {
            #expect(TemporalRules.needs.places[index] != nil, "rule \(index): \(rule.expression.pattern.prefix(60))")
        }
        #expect(TemporalRules.all.filter(\.aroundWords).count > 20)
    }

    /// Property: whether a number can be a year is read from ASCII text as the pattern reads the
    /// last 24 characters before it, over random texts of the words, marks and line ends it
    /// turns on.
    @Test func numberedThingsAreReadAsThePatternReadsThem() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["page", "Pages", "pp", "p", "fig", "No", "nos", "vol", "TABLE", "x", "_", "1", "art", "para", "paragraph",
                      "resolution", "annex", ".", "..", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{0B}", "#", ",", "(", "-", "é", "§", "№"]
        var checked = (ascii: 0, other: 0)
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let units = Array((text + "1999").utf16)
            let around = Surroundings(of: (units.count - 4)..<units.count, in: units)
            let window = String(around.before.suffix(24))
            let expected = Surroundings.notBeforeYear.firstMatch(in: Array(window.utf16)) == nil
            #expect(around.allowsYear == expected, "\(text.debugDescription)")
            if window.utf16.allSatisfy({ $0 < 0x80 }) { checked.ascii += 1 } else { checked.other += 1 }
        }
        #expect(checked.ascii > 5_000 && checked.other > 1_000)
    }

    @Test(arguments: [
        ("for two more years", true), ("a five-year plan", true), ("eight trading days", true), ("for 1.5 years", true),
        ("a couple of weeks", true), ("a number of decades", true), ("٥ years", true), ("after\u{A0}years", true), ("café years", true),
        ("in recent years", false), ("the same day", false), ("5years", false), ("years", false), ("the (years)", false),
        ("the past year", false), ("trading days", false),
    ])
    func aNumberCanStandBeforeAUnitOnlyWhereOneDoes(phrase: String, expected: Bool) throws {
        let units = Array(phrase.utf16)
        let word = try #require(["years", "year", "weeks", "decades", "days", "day"].lazy.compactMap { phrase.range(of: $0, options: .backwards) }.first)
        #expect((NumberBeforeUnit.earliestStart(units, unitAt: NSRange(word, in: phrase).location) != nil) == expected, "\(phrase)")
    }

    @Test(arguments: [
        ("in the past two more years", 3), ("said approximately 1.5 years", 5), ("costs, twenty-five days", 7), ("café two years", 0),
        ("at least a couple of days", 0), ("v2 years", 1), ("the paſt two years", 0), ("٢2 years", 0), ("in recent years", nil),
    ])
    func aDurationStartsNoEarlierThanTheWordsLeadingItsNumber(phrase: String, expected: Int?) throws {
        let units = Array(phrase.utf16)
        let word = try #require(["years", "days"].lazy.compactMap { phrase.range(of: $0, options: .backwards) }.first)
        #expect(NumberBeforeUnit.earliestStart(units, unitAt: NSRange(word, in: phrase).location) == expected, "\(phrase)")
    }

    /// Property: a duration's pattern run from where its lead can reach at the earliest (the
    /// run of lead and number words before the unit) finds what a whole scan finds, over random
    /// texts of those words, others, marks, and letters and digits beyond ASCII (`ſ` folds to `s`).
    @Test func durationsAreFoundFromWhereTheirLeadCanStart() {
        let fast = TemporalTagger(referenceDate: PartialDate(year: 2024, month: 3, day: 1))
        var thorough = fast
        thorough.skipsByNeeds = false
        thorough.usesCores = false
        let pieces = ["the", "The", "past", "next", "about", "more", "than", "at", "least", "up", "to", "over", "moreover", "a", "couple", "of",
                      "several", "ſeveral", "two", "Twenty", "five", "1.5", "2", "٢", "trading", "in", "recent", "old", "long", "ſ", "\u{212A}",
                      "é", "_", " ", " ", " ", " ", "  ", "-", ".", ",", "\n", "\u{A0}"]
        var generator = SystemRandomNumberGenerator()
        func words(_ count: ClosedRange<Int>) -> String {
            (0..<Int.random(in: count, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        var cut = 0
        for _ in 0..<3_000 {
            // Most texts end a run of words in a number and a unit, for the run to be read back.
            let text = words(0...20) + ["", " ", "-"].randomElement(using: &generator)! + ["two", "2", "five"].randomElement(using: &generator)!
                + [" ", "-", " more "].randomElement(using: &generator)! + ["years", "days"].randomElement(using: &generator)! + words(0...3)
            var fastFocus: TemporalTagger.Focus?
            var thoroughFocus: TemporalTagger.Focus?
            #expect(fast.tag(text, lastMention: &fastFocus) == thorough.tag(text, lastMention: &thoroughFocus), "\(text.debugDescription)")
            let units = Array(text.utf16)
            for word in text.ranges(of: "year") + text.ranges(of: "days") {
                let start = NSRange(word, in: text).location
                if let earliest = NumberBeforeUnit.earliestStart(units, unitAt: start), earliest > 0 { cut += 1 }
            }
        }
        #expect(cut > 1_000)
    }

    /// Property: every rule run from where the words, numbers and marks of its lead can start
    /// (`LeadRun`) finds what a whole scan finds, over random texts of those words (capitalized
    /// too), months, years, days, units, other words and words ending in a lead word (`Xend`),
    /// joined by marks and by letters and punctuation beyond ASCII.
    /// Texts the property below once failed on: a lead glued to its month (`lateFeb 1999`).
    @Test(arguments: [" apr RoughlyéMiddle lateFeb 1999 minute Start spring, Sixteen, Aug julyKJune  a",
                      ", MinutesKoct  Over two augustésix\nDec lateOct 1980’s\nDecades eighty, a"])
    func aLeadGluedToItsMonthIsFound(text: String) {
        let fast = TemporalTagger(referenceDate: PartialDate(year: 2024, month: 3, day: 1))
        var thorough = fast
        thorough.readsLeads = false
        var fastFocus: TemporalTagger.Focus?
        var thoroughFocus: TemporalTagger.Focus?
        let found = fast.tag(text, lastMention: &fastFocus)
        #expect(found == thorough.tag(text, lastMention: &thoroughFocus))
        #expect(found.contains { text.unicodeScalars.dropFirst($0.range.lowerBound).starts(with: "late".unicodeScalars) })
    }

    @Test func rulesAreFoundFromWhereTheirLeadsCanStart() {
        let fast = TemporalTagger(referenceDate: PartialDate(year: 2024, month: 3, day: 1))
        var thorough = fast
        thorough.readsLeads = false
        let leadWords = Set(TemporalRules.all.compactMap(\.leadRun).flatMap(\.words)).sorted()
        let pieces = leadWords + leadWords.map(\.capitalized)
            + ["January", "Jan.", "Sept.", "May", "March", "Monday", "1999", "2005", "1990s", "1980’s", "24", "3rd", "1/2", "half", "years", "days",
               "month", "ago", "earlier", "later", "after", "for", "recent", "once", "a", "an", "two", "in", "said", "Smith", "Xend", "Mayor",
               "laſt", "ſtart", "Firſt", "thiſ", "٢٠٠٥"]
        let joins = [" ", " ", " ", " ", ", ", "-", ".", "\n", "  ", "", "’", "é", "—", "\u{A0}", "\u{212A}", "٢"]
        var generator = SystemRandomNumberGenerator()
        var cut = 0
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...16, using: &generator) {
                text += joins.randomElement(using: &generator)! + pieces.randomElement(using: &generator)!
            }
            var fastFocus: TemporalTagger.Focus?
            var thoroughFocus: TemporalTagger.Focus?
            #expect(fast.tag(text, lastMention: &fastFocus) == thorough.tag(text, lastMention: &thoroughFocus), "\(text.debugDescription)")
            let units = Array(text.utf16)
            if let year = text.firstRange(of: /\d{4}/), case let start = NSRange(year, in: text).location,
               TemporalRules.all[4].leadRun!.start(in: units, endingAt: start) > max(0, start - TemporalRule.lead) { cut += 1 }
        }
        #expect(cut > 150)
    }

    /// Property: the index answers what the needs say of a text, read word by word: nested
    /// `all` and `any` (empty ones too), stems and whole words, digits, years and shapes, over
    /// random texts; and every rule it would pass is among the candidates it names.
    @Test func needsAreMetAsTheySay() {
        let needs: [TemporalRule.Needs] = [
            .all([.year, .word(["spring"])]), .any([.digit, .anyWord(["today"])]), .all([.word(["end"]), .any([.digit, .word(["half"])])]),
            .any([.all([.year, .anyWord(["may"])]), .shape(.isoDate)]), .year, .anyWord(["today", "now"]),
            .any([.anyWord(["now"]), .all([])]), .shape(.decade), .all([.any([]), .digit]),
        ]
        let index = NeedsIndex(needs)
        func holds(_ need: TemporalRule.Needs, _ text: String) -> Bool {
            let words = text.lowercased().split { !$0.isLetter }.map(String.init)
            switch need {
            case .digit: return text.contains { $0.isASCII && $0.isNumber }
            case .year: return text.range(of: #"\d{4}"#, options: .regularExpression) != nil
            case .shape(let shape): return DigitShapes(text).shapes.contains(shape)
            case .word(let stems): return words.contains { word in stems.contains { word.hasPrefix($0) } }
            case .anyWord(let set): return words.contains { set.contains($0) }
            case .all(let parts): return parts.allSatisfy { holds($0, text) }
            case .any(let parts): return parts.contains { holds($0, text) }
            }
        }
        let pieces = ["Spring", "springs", "today", "Todays", "May", "maybe", "end", "ending", "half", "1999", "19", "2022-02-24", "now", " ", ", ",
                      "1990s", "٢٠"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined(separator: " ")
            let units = Array(text.utf16)
            let present = index.present(in: units), digits = DigitShapes(units: units)
            let candidates = index.candidateRules(present: present, digits: digits)
            for (rule, need) in needs.enumerated() {
                #expect(index.met(rule, present: present, digits: digits) == holds(need, text), "rule \(rule) on \(text.debugDescription)")
                // A rule that may match is always among those asked.
                #expect(!index.met(rule, present: present, digits: digits) || candidates.contains(rule), "rule \(rule) on \(text.debugDescription)")
            }
        }
    }

    @Test func digitShapesAreFoundWhereThePatternsWouldLook() {
        #expect(DigitShapes("on 2022-02-24").shapes == [.isoDate, .yearSpan])
        #expect(DigitShapes("on 24.02.2022 and 1/2/99").shapes == [.numericDate])
        #expect(DigitShapes("1992 – 95").shapes == [.yearSpan] && DigitShapes("1992 –  95").shapes == [])
        #expect(DigitShapes("the 1990s, 1980’s").shapes == [.decade] && DigitShapes("1995s").shapes == [])
        #expect(DigitShapes("٢٠٢٢").shapes == .all && DigitShapes("𝟐𝟎").shapes == .all, "digits beyond ASCII may be anything")
        #expect(DigitShapes("12 and 345").longestRun == 3 && DigitShapes("123456").longestRun == 4)
    }
}
