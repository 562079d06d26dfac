import Testing
@testable import FolioCore

@Suite struct TemporalTaggerTests {
    /// The expressions tagged in `text`, as `surface=TYPE:value`.
    func tags(_ text: String, reference: String? = nil) -> [String] {
        var last: TemporalTagger.Focus?
        let tagger = TemporalTagger(referenceDate: reference.flatMap(PartialDate.init(iso:)))
        let scalars = Array(text.unicodeScalars)
        return tagger.tag(text, lastMention: &last).map { found in
            String(scalars: scalars[found.range]) + "=" + found.type.rawValue + ":" + found.value
        }
    }

    @Test(arguments: [
        ("On 24th February 2022 forces crossed.", "24th February 2022=DATE:2022-02-24"),
        ("The moment of February 24, 2022, was one.", "February 24, 2022=DATE:2022-02-24"),
        ("It was signed on 24.02.2022 in Rome.", "24.02.2022=DATE:2022-02-24"),
        ("Filed 2022-02-24.", "2022-02-24=DATE:2022-02-24"),
        ("The intervention ended in June 1999.", "June 1999=DATE:1999-06"),
        ("In 1948, the leader acted.", "1948=DATE:1948"),
        ("Prices rose in the late 1990s.", "the late 1990s=DATE:199"),
        ("Ideas of the twentieth century.", "the twentieth century=DATE:19"),
        ("Wars between 1992 and 1995 ended.", "between 1992 and 1995=DATE:1992/1995"),
        // A range's first year is a core the full pattern must look past (it has a tail).
        ("It grew from 1991 to 1997 and then fell.", "from 1991 to 1997=DATE:1991/1997"),
        ("It fell in the early winter of 2003.", "the early winter of 2003=DATE:2003-WI"),
        ("The years 1992–95 were hard.", "1992–95=DATE:1992/1995"),
        ("A 78-day siege.", "78-day=DURATION:P78D"),
        ("It lasted almost 24 years.", "almost 24 years=DURATION:P24Y"),
        ("The report appears annually.", "annually=SET:P1Y"),
        ("Sales in the third quarter of 1998 fell.", "the third quarter of 1998=DATE:1998-Q3"),
        ("In spring 2022 it thawed.", "spring 2022=DATE:2022-SP"),
    ])
    func absoluteForms(text: String, expected: String) {
        #expect(tags(text) == [expected])
    }

    @Test func numbersThatAreNoYears() {
        #expect(tags("See page 1998 and Table 2001; 2000 troops and 1999 people came; it cost $2005 or 1,999 units, 1998.5 in all.").isEmpty)
        #expect(tags("Prices may rise. We may see.").isEmpty, "the modal verb is no month")
    }

    /// A date after a code point of two UTF-16 units, tagged from a document's code points:
    /// its range counts the pair as one.
    @Test func aDateAfterAPairOfSurrogatesKeepsItsCodePoints() {
        let scalars = Array("\u{1F600}\u{1D11E} On March 3, 2001 we met.".unicodeScalars)
        var focus: TemporalTagger.Focus?
        let found = TemporalTagger().tag(scalars[...], lastMention: &focus)
        #expect(found.map { String(String.UnicodeScalarView(scalars[$0.range])) } == ["March 3, 2001"])
    }

    /// Property: code-point offsets are the units' where no pair of surrogates joins two, and
    /// count a pair as one where one does, lone surrogates each as one, over random units.
    @Test func codePointOffsetsCountAPairOnce() {
        func table(_ units: [UInt16]) -> [Int] {
            var scalarAt: [Int] = [], scalar = 0
            for (index, unit) in units.enumerated() {
                if index > 0 && UTF16.isTrailSurrogate(unit) && UTF16.isLeadSurrogate(units[index - 1]) {
                    scalarAt.append(scalar - 1)
                } else {
                    scalarAt.append(scalar)
                    scalar += 1
                }
            }
            return scalarAt + [scalar]
        }
        let pool: [UInt16] = [0x61, 0x20, 0xE9, 0x2014, 0xD834, 0xDD1E, 0xDBFF, 0xDC00]
        var generator = SystemRandomNumberGenerator()
        var paired = 0
        for _ in 0..<5_000 {
            let units = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pool.randomElement(using: &generator)! }
            let offsets = ScalarOffsets(units: units), expected = table(units)
            #expect(offsets.scalarCount == expected.last!, "\(units)")
            // Given how many code points there are, as units made from code points are.
            let counted = ScalarOffsets(units: units, scalarCount: expected.last!)
            let start = Int.random(in: 0...units.count, using: &generator), end = Int.random(in: start...units.count, using: &generator)
            #expect(offsets.scalarRange(start..<end) == expected[start]..<expected[end], "\(units) \(start)..<\(end)")
            #expect(counted.scalarRange(start..<end) == expected[start]..<expected[end], "\(units) \(start)..<\(end)")
            if expected.last! < units.count { paired += 1 }
        }
        #expect(paired > 500)
    }

    @Test func deicticExpressionsResolveAgainstTheReferenceDate() {
        #expect(tags("Yesterday he left; last month prices fell; this year is hard.", reference: "1998-02-27")
            == ["Yesterday=DATE:1998-02-26", "last month=DATE:1998-01", "this year=DATE:1998"])
        #expect(tags("Three years ago he came on Monday.", reference: "1998-02-27")
            == ["Three years ago=DATE:1995", "Monday=DATE:1998-02-23"])
        #expect(tags("He came on Friday.", reference: "1998-02-27") == ["Friday=DATE:1998-02-27"])
    }

    @Test func anaphoraResolvesAgainstTheLastDateMentioned() {
        #expect(tags("The treaty was signed in 2007. One year after that, war came; the following year, peace.", reference: "2024-01-01")
            == ["2007=DATE:2007", "One year=DURATION:P1Y", "the following year=DATE:2009"])
        var last: TemporalTagger.Focus?
        let found = TemporalTagger().tag("In 2007 it began; ten days before, nothing.", lastMention: &last)
        #expect(found.map(\.reaches) == [nil, nil], "a year alone has no day to count days from")
        let days = TemporalTagger().tag("On 3 May 2007 it began; ten days before, nothing; two weeks later, war.", lastMention: &last)
        #expect(days.map { $0.value + ($0.reaches.map { ">" + $0 } ?? "") } == ["2007-05-03", "P10D>2007-04-23", "P2W>2007-05-17"])
    }

    @Test func aLookBackIsADateWhateverItsHedge() {
        #expect(tags("It opened six weeks ago.", reference: "1999-01-06") == ["six weeks ago=DATE:1998-W48"], "weeks ago is a week")
        #expect(tags("It opened nearly four years ago, some months after a week or so ago.", reference: "1998-02-27")
            == ["nearly four years ago=DATE:1994", "some months=DURATION:PXM", "a week or so ago=DATE:1998-W08"])
        #expect(tags("Several years ago it failed.", reference: "1998-02-27") == ["Several years ago=DATE:PAST_REF"])
    }

    @Test func aWeekdayIsInThePastUnlessTheClauseLooksAhead() {
        // 1998-02-25 is a Wednesday.
        #expect(tags("Talks are set to resume Monday.", reference: "1998-02-25") == ["Monday=DATE:1998-03-02"])
        #expect(tags("He will leave at 9 a.m. Friday.", reference: "1998-02-25") == ["9 a.m. Friday=TIME:1998-02-27T09:00"])
        #expect(tags("Talks resumed Monday.", reference: "1998-02-25") == ["Monday=DATE:1998-02-23"])
        #expect(tags("He said he will go, officials said Monday.", reference: "1998-02-25") == ["Monday=DATE:1998-02-23"],
                "the verb of saying has its own, past time")
        #expect(tags("The offer had been due to expire Friday.", reference: "1998-02-25") == ["Friday=DATE:1998-02-20"])
    }

    @Test func aMonthWithoutAYearLooksBackUnlessTheClauseLooksAhead() {
        #expect(tags("Sales fell in April.", reference: "1989-11-02") == ["April=DATE:1989-04"])
        #expect(tags("The sale is expected to close in April.", reference: "1989-11-02") == ["April=DATE:1990-04"])
        #expect(tags("The dividend is payable Dec. 15.", reference: "1989-11-02") == ["Dec. 15=DATE:1989-12-15"])
        #expect(tags("He was shot last Oct. 23 at home.", reference: "1999-04-19") == ["last Oct. 23=DATE:1998-10-23"])
        #expect(tags("In an editorial on Saturday, April 25: the court erred.", reference: "1998-04-24")
            == ["Saturday, April 25=DATE:1998-04-25"], "a colon after the day is no time")
        // In a narrative the month nearest the last date, ahead or back.
        #expect(tags("In March 2008 it began. In August, it ended.") == ["March 2008=DATE:2008-03", "August=DATE:2008-08"])
    }

    @Test func aMonthWithoutAYearFollowsTheTenseOfItsClause() {
        // Told in the past: the last March, though the next is nearer.
        #expect(tags("He stepped down as chairman in March.", reference: "1989-11-02") == ["March=DATE:1989-03"])
        #expect(tags("In January, the company brought in a new chief.", reference: "1989-10-27") == ["January=DATE:1989-01"])
        #expect(tags("In the fiscal year ended Jan. 31, sales rose.", reference: "1989-10-31")
            == ["the fiscal year=DURATION:P1Y", "Jan. 31=DATE:1989-01-31"])
        // Untold, the nearer one; payable, effective and would look ahead whatever came before.
        #expect(tags("The chairman is Mr. Kane from March.", reference: "1989-11-02") == ["March=DATE:1990-03"])
        #expect(tags("Directors authorized a split, payable Jan. 2.", reference: "1989-11-02") == ["Jan. 2=DATE:1990-01-02"])
        #expect(tags("He said the stock would be paid in January.", reference: "1989-11-02") == ["January=DATE:1990-01"])
        // A past verb in the sentence before does not reach this one.
        #expect(tags("Sales fell. Stores open in March.", reference: "1989-11-02") == ["March=DATE:1990-03"])
        // Looking ahead, this month is still this month's.
        #expect(tags("It will open in August.", reference: "1998-08-18") == ["August=DATE:1998-08"])
    }

    @Test func seasonsHalvesAndSpokenYears() {
        #expect(tags("This past spring was wet, last winter cold.", reference: "1989-11-02")
            == ["past spring=DATE:1989-SP", "last winter=DATE:1988-WI"])
        #expect(tags("In the last half of 1989 and in January nineteen ninety-seven.")
            == ["the last half of 1989=DATE:1989-H2", "January nineteen ninety-seven=DATE:1997-01"])
        #expect(tags("Closing 5 p.m. EST Nov. 9.", reference: "1989-11-02") == ["5 p.m. EST Nov. 9=TIME:1989-11-09T17:00"])
        #expect(tags("In recent years and the past decade.") == ["recent years=DURATION:PXY", "the past decade=DURATION:P10Y"])
    }

    @Test func quartersStayUnderDiscussionAndAreNoFractions() {
        #expect(tags("Profit in the first quarter, ended Sept. 29, rose; the quarter was good.", reference: "1989-10-26")
            == ["the first quarter=DATE:1989-Q1", "Sept. 29=DATE:1989-09-29", "the quarter=DATE:1989-Q1"])
        #expect(tags("Its first quarterly loss; a quarter of the market; the quarter-to-quarter change.", reference: "1989-10-26").isEmpty)
    }

    @Test func ratesPartsOfDaysAndHolidays() {
        #expect(tags("He earns $5,000 a year and eats twice a day.") == ["a year=SET:P1Y", "a day=SET:P1D"])
        #expect(tags("It fell mid-afternoon yesterday and rose at midday; Election Day came.", reference: "1998-10-20")
            == ["mid-afternoon yesterday=TIME:1998-10-19TAF", "midday=TIME:1998-10-20T12:00", "Election Day=DATE:1998-11-03"])
        #expect(tags("It halted for eight trading days in the early summer.", reference: "1989-10-20")
            == ["eight trading days=DURATION:P8D", "the early summer=DATE:1989-SU"])
        #expect(tags("After the fall of the regime, a hot spring.").isEmpty)
    }

    @Test func aQuarterNotYetBegunIsLastYearsUnlessTheClauseLooksAhead() {
        #expect(tags("Profit fell in the fourth quarter.", reference: "1998-01-20") == ["the fourth quarter=DATE:1997-Q4"])
        #expect(tags("Profit will rise in the fourth quarter.", reference: "1998-01-20") == ["the fourth quarter=DATE:1998-Q4"])
        #expect(tags("Profit fell in the first quarter.", reference: "1998-05-20") == ["the first quarter=DATE:1998-Q1"])
    }

    @Test func stretchesAheadAndPartsOfThePeriodSpokenOf() {
        #expect(tags("In the coming years and the weeks ahead, little will change.") == ["the coming years=DURATION:PXY", "the weeks ahead=DURATION:PXW"])
        #expect(tags("Sales fell in March 1989; by the end of the year, and earlier in the year, they rose.")
            == ["March 1989=DATE:1989-03", "the end of the year=DATE:1989", "earlier in the year=DATE:1989"])
        #expect(tags("It is set for a later date, as in past years; later in the day it rained.")
            == ["a later date=DATE:FUTURE_REF", "past years=DATE:PAST_REF"], "later in the day is too vague to date")
    }

    @Test func halves() {
        #expect(tags("It took 2 1/2 years, a minute and a half and two and a half hours.")
            == ["2 1/2 years=DURATION:P2Y6M", "a minute and a half=DURATION:PT1M30S", "two and a half hours=DURATION:PT2H30M"])
    }

    @Test func quartersAndTheirAnaphora() {
        #expect(tags("Third-quarter profit rose; the quarter was good, better than a year earlier and the year-ago quarter.", reference: "1989-10-26")
            == ["Third-quarter=DATE:1989-Q3", "the quarter=DATE:1989-Q3", "a year earlier=DATE:1988-Q3", "the year-ago quarter=DATE:1988-Q3"])
    }

    @Test func theLatestQuarterIsTheLastOneClosed() {
        #expect(tags("It expects a fourth-quarter charge; in the latest quarter it lost money; the current quarter looks better.", reference: "1989-11-02")
            == ["fourth-quarter=DATE:1989-Q4", "the latest quarter=DATE:1989-Q3", "the current quarter=DATE:1989-Q4"])
    }

    @Test func aQuarterAheadOrSetAgainstIsNotTheOneDiscussed() {
        #expect(tags("Third-quarter profit rose. It will take a fourth-quarter charge. Sales were up from a year ago.", reference: "1989-11-02")
            == ["Third-quarter=DATE:1989-Q3", "fourth-quarter=DATE:1989-Q4", "a year ago=DATE:1988-Q3"])
        #expect(tags("Third-quarter profit rose. After a flat second quarter, sales beat the year-earlier period.", reference: "1989-11-02")
            == ["Third-quarter=DATE:1989-Q3", "second quarter=DATE:1989-Q2", "the year-earlier period=DATE:1988-Q3"])
        #expect(tags("It expects to report a third-quarter loss. A year earlier, it earned more.", reference: "1989-11-02")
            == ["third-quarter=DATE:1989-Q3", "A year earlier=DATE:1988-Q3"], "a quarter over when written is the one reported")
    }

    @Test func weeksByTheirDays() {
        #expect(tags("Hearings begin the week of March 6.", reference: "2000-02-24") == ["the week of March 6=DATE:2000-W10"])
        // 1989-10-27 is a Friday; the previous Friday counts from it, not from the writing date.
        #expect(tags("Stocks fell on Friday, Oct. 27, down 4% from the previous Friday.", reference: "1989-10-30")
            == ["Friday, Oct. 27=DATE:1989-10-27", "the previous Friday=DATE:1989-10-20"])
    }

    @Test func yearsOfAccounts() {
        #expect(tags("Net for the year ending June 30 fell; the current fiscal year and the latest fiscal year.", reference: "1989-11-02")
            == ["the year=DURATION:P1Y", "June 30=DATE:1989-06-30", "the current fiscal year=DATE:1989", "the latest fiscal year=DATE:1988"])
    }

    @Test func aMonthWithoutAYearIsTheOneNearestTheReference() {
        #expect(tags("Sales fell in December and will rise in February.", reference: "1999-01-10")
            == ["December=DATE:1998-12", "February=DATE:1999-02"])
        #expect(tags("He left in June last year and on Nov. 25.", reference: "2000-02-01")
            == ["June last year=DATE:1999-06", "Nov. 25=DATE:1999-11-25"])
    }

    @Test func holidaysSpokenYearsTimesOfDayAndAges() {
        #expect(tags("By Thanksgiving, in nineteen ninety-six, at 10 p.m. Wednesday a 6-year-old boy spoke.", reference: "1998-02-13")
            == ["Thanksgiving=DATE:1997-11-27", "nineteen ninety-six=DATE:1996", "10 p.m. Wednesday=TIME:1998-02-11T22:00"])
    }

    @Test func vagueSpansFractionsAndOrdinals() {
        #expect(tags("Over the weekend, about three-quarters of the nineties' gains went in a second.", reference: "1998-02-16")
            == ["the weekend=DATE:1998-W07-WE", "the nineties=DATE:199"])
    }

    @Test func withoutAnyAnchorTheYearStaysOpen() {
        #expect(tags("It happened on March 3 as planned.") == ["March 3=DATE:XXXX-03-03"])
    }

    @Test func vagueReferencesAndTimes() {
        #expect(tags("Now it rains; recently it snowed at 3 p.m.", reference: "1998-02-27")
            == ["Now=DATE:PRESENT_REF", "recently=DATE:PAST_REF", "3 p.m.=TIME:1998-02-27T15:00"])
    }
}

@Suite struct SentencesTests {
    @Test func abbreviationsInitialsAndCitationsDoNotEndASentence() {
        let text = WorkingText(source: SourceText(name: "t", format: .plainText, text: "The U.S. and J. R. Hale (Hale et al. 2000. 12) met, e.g. in Rome. Then they left! “Why?” Nobody knew."))
        let sentences = Sentences.split(text, in: text.all).map(text.string)
        #expect(sentences == ["The U.S. and J. R. Hale (Hale et al. 2000. 12) met, e.g. in Rome.", "Then they left!", "“Why?”", "Nobody knew."])
    }

    @Test func squareBracketsAndParenthesesHoldTheirMarks() {
        let text = WorkingText(source: SourceText(name: "t", format: .plainText, text: "See [Hale. Moss] too. (Why? Because.) Then [it] ended! Really? Yes."))
        let sentences = Sentences.split(text, in: text.all).map(text.string)
        #expect(sentences == ["See [Hale. Moss] too.", "(Why? Because.) Then [it] ended!", "Really?", "Yes."])
    }
}

@Suite struct DatesAndEventsStageTests {
    @Test func citationYearsAreNoDatesAndEachDateGetsItsSentence() throws {
        let text = "The alliance was founded in 1949 (Hale, 2000). Its rival, as Moss (2016) shows, followed in 1955.\n"
        let document = try process(text, stages: [ParagraphsStage(), BibliographyStage(), CitationsStage(), DatesStage(), EventsStage()])
        #expect(document.dates.map(\.value) == ["1949", "1955"])
        #expect(document.events.map { document.text.string($0.sentence) }
            == ["The alliance was founded in 1949 (Hale, 2000).", "Its rival, as Moss (2016) shows, followed in 1955."])
    }

    @Test func aRunOnTextTellsEachEventByTheWordsAroundItsDate() throws {
        let text = String(repeating: "in 1990 and ", count: 400) + "so on.\n"
        let document = try process(text, stages: [ParagraphsStage(), DatesStage(), EventsStage()])
        #expect(document.events.count == 400)
        #expect(document.events.allSatisfy { $0.sentence.count <= EventsStage.longestSentence + 20 }, "the output stays in proportion to the input")
        #expect(document.events.allSatisfy { $0.sentence.start <= document.dates[$0.date].span.start && document.dates[$0.date].span.end <= $0.sentence.end })
    }

    @Test func blankedSpansAreBlankedInEveryPieceTheyReach() {
        // Against the whole text copied and blanked: random spans that nest, overlap, touch and
        // reach past pieces, and random pieces.
        var generator = SystemRandomNumberGenerator()
        let scalars = Array("abcdefghij0123456789".unicodeScalars)
        for _ in 0..<2_000 {
            let spans = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                let start = Int.random(in: 0..<scalars.count, using: &generator)
                return TextRange(start, Int.random(in: start...scalars.count, using: &generator))
            }
            var blanked = scalars
            for span in spans { for position in span.start..<span.end { blanked[position] = DatesStage.blank } }
            let blanks = DatesStage.BlankedSpans(spans)
            for _ in 0..<5 {
                let start = Int.random(in: 0...scalars.count, using: &generator)
                let piece = TextRange(start, Int.random(in: start...scalars.count, using: &generator))
                let text = blanks.text(of: piece, in: scalars)
                #expect(Array(text) == Array(blanked[piece.start..<piece.end]), "\(spans) \(piece)")
            }
        }
    }

    @Test func durationsAndVagueReferencesAreNoEvents() throws {
        let document = try process("For three years, recently, it rained annually.\n", stages: [ParagraphsStage(), DatesStage(), EventsStage()])
        #expect(document.dates.count == 3)
        #expect(document.events.isEmpty)
    }
}

/// The index of the words and stems the temporal rules need.
@Suite struct NeedsIndexTests {
    /// Property: the words found are those of the definition: every run of letters that opens
    /// with an ASCII one, as its letters (ASCII lower-cased, any other letter `0x80`), holding
    /// each entry that is it (a word) or that it starts with (a stem), entries in their order.
    /// Random sentences of the rules' own words, accented and cut (`sept`, `septémbre`,
    /// `aérien`), words that share their first letters with them (`the`, `thesis`), and letters
    /// beyond the Basic Multilingual Plane.
    @Test func wordsAreFoundAsTheDefinitionSays() {
        let index = TemporalRules.needs
        func definition(_ text: String) -> [(Int, Range<Int>)] {
            var found: [(Int, Range<Int>)] = []
            var word: [Unicode.Scalar] = [], start = 0, offset = 0
            func close() {
                defer { word = [] }
                guard let first = word.first, first.value < 0x80 else { return }
                let letters = word.map { $0.value < 0x80 ? UInt8($0.value) | 0x20 : 0x80 }
                for (number, entry) in index.entries.enumerated() where entry.isWord ? letters == entry.bytes : letters.starts(with: entry.bytes) {
                    found.append((number, start..<offset))
                }
            }
            for scalar in text.unicodeScalars {
                if scalar.isAlphabetic {
                    if word.isEmpty { start = offset }
                    word.append(scalar)
                } else {
                    close()
                }
                offset += scalar.utf16.count
            }
            close()
            return found
        }
        var generator = SystemRandomNumberGenerator()
        let pieces = ["sept", "septémbre", "September", "mars", "aérien", "année", "years", "yéars", "Décembre", "dec", "Monday", "today",
                      "été", "a", "à", "ago", "ágo", "spring", "𝐀pril", "April𝐀", "x𝐀", " ", " ", ", ", "-", "1998", "’s", "ß", "İstanbul", "naïve",
                      // Words that share their first letters with entries, and words an entry of three letters or fewer opens.
                      "the", "Thesis", "per", "perhaps", "m", "Formal", "forty", "ends", "pmx"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let found = index.present(in: text)
            let expected = definition(text)
            #expect(found.words.map(\.entry) == expected.map(\.0) && found.words.map(\.range) == expected.map(\.1), "\(text.debugDescription)")
            #expect(index.entries.indices.filter { found.entries.contains($0) } == Array(Set(expected.map(\.0))).sorted(), "\(text.debugDescription)")
        }
    }

    /// Property: a set of numbers gives back the numbers put in it, in ascending order, each
    /// once: random sets over the four words of bits, their ends (0, 63, 64, 255) among them.
    @Test func aSetOfNumbersGivesThemInAscendingOrder() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...NeedsIndex.Bits.capacity, using: &generator)
            let numbers = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                Bool.random(using: &generator) ? [0, 63, 64, 127, 128, 191, 192, 255].randomElement(using: &generator)! : Int.random(in: 0..<256, using: &generator)
            }.filter { $0 < count }
            var bits = NeedsIndex.Bits(count: count)
            for number in numbers { bits.insert(number) }
            #expect(Array(bits) == Set(numbers).sorted(), "\(numbers)")
            #expect(Array(NeedsIndex.Bits.below(count)) == Array(0..<count))
        }
    }

    /// Property: a group's number is read from its bytes as the standard library reads it
    /// character by character, over random texts of digits, letters, marks, and numbers and
    /// marks beyond ASCII (`١`, `½`, a combining accent on a digit), long numbers too.
    @Test func aGroupsNumberIsReadAsTheStandardLibraryReadsIt() {
        let pieces = ["0", "1", "7", "9", "12", "2024", "99999", "a", " ", "-", "+", ".", "\r\n", "١", "½", "\u{301}", "é", "𝟐"]
        var generator = SystemRandomNumberGenerator()
        var read = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let number = TemporalRules.int(text)
            #expect(number == TemporalRules.slowInt(text), "\(text.debugDescription)")
            if number != nil { read += 1 }
        }
        #expect(read > 3_000)
        #expect(TemporalRules.int(nil) == nil)
    }
}
