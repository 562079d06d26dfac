import Foundation
import Testing
@testable import FolioCore

/// `RegularExpression` runs PCRE2 where Folio ran ICU through `NSRegularExpression`: these
/// hold the two to the same matches, groups, bounds and replacements wherever the two engines
/// read a pattern alike, and pin where they do not (`readsSomePatternsOtherwiseThanICU`).
@Suite struct RegularExpressionTests {
    /// Pieces of text that patterns care about: dates, words of the cues, marks, case folding
    /// beyond ASCII (`K` as the Kelvin sign, the long s, the dotless and dotted i), a code point
    /// beyond the Basic Multilingual Plane, a line break. Not the ligatures, `ß` or a letter and
    /// a combining mark: the cleaned text has no ligatures, and the engines read the others
    /// apart (below).
    static let pieces = ["in", "March", "march", "1999", "2015", "early", "the", "year", "ago", "two", " ", " ", ", ", ".", "-", "–",
                         "(", ")", "said", "according to", "Jane Hale", "’s", "'s", "speech", "by", "p.", "\u{212A}", "ſ", "é",
                         "\u{1F600}", "\n", "ıİ", "§", "x", "LAST", "First", "fiscal", "St", "ss", "Sept."]

    static func randomText(_ generator: inout some RandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    /// Folio's own patterns: every temporal rule, the speaker cues, a citation's parts; and
    /// patterns of case, look-arounds, groups and the text's edges.
    static let patterns: [(pattern: String, caseInsensitive: Bool)] =
        TemporalRules.all.map { ($0.expression.pattern, false) }
        + [SpeakerCues.accordingTo, SpeakerCues.byName, SpeakerCues.possessive, SpeakerCues.saidAfter, SpeakerCues.beforeVerb,
           CitationsStage.partPattern].map { ($0.pattern, false) }
        + [(#"\bmarch\s+\d{4}\b"#, true), (#"(?<year>\d{4})|(?<word>[a-z]+)"#, true), (#"^|$|\b"#, false),
           (#"(?i)last|first\s+of|fiscal|sept\.?"#, false), (#"(?i:a(?-i:SS)s)|(?-i:(?i)st)St"#, false), (#"ma(?i)rch|(?i:k)|’s"#, false),
           (#"ss|fi(?=rst)|(?<=\d)\s|(?<!\p{L})\p{Lu}"#, false), (#"ss|fi(?=rst)|(?<=\d)\s"#, true)]

    static func foundationRanges(_ result: NSTextCheckingResult) -> [Range<Int>?] {
        (0..<result.numberOfRanges).map { number in
            let range = result.range(at: number)
            return range.location == NSNotFound ? nil : range.location..<NSMaxRange(range)
        }
    }

    static func ranges(_ match: RegexMatch) -> [Range<Int>?] {
        (0..<match.numberOfRanges).map { match.range(at: $0) }
    }

    @Test func patternsThatEndAlikeAreCompiledApart() {
        // The cache hashes a pattern by its length and its last bytes: patterns equal there
        // must still find their own expressions, each case apart.
        let tail = String(repeating: "x", count: 20)
        for (first, other) in [("a", "b"), ("b", "a")] {
            #expect(Patterns.compiled(first + tail).firstMatch(in: (first + tail).utf16Units) != nil)
            #expect(Patterns.compiled(first + tail).firstMatch(in: (other + tail).utf16Units) == nil)
        }
        #expect(Patterns.compiled("A" + tail, caseInsensitive: true).firstMatch(in: ("a" + tail).utf16Units) != nil)
        #expect(Patterns.compiled("A" + tail).firstMatch(in: ("a" + tail).utf16Units) == nil)
    }

    /// Property: over random texts, windows and both kinds of bounds, every pattern matches
    /// where, and with the groups, `NSRegularExpression` does.
    @Test func matchesAsFoundationDoes() throws {
        var generator = SystemRandomNumberGenerator()
        let compiled = try Self.patterns.map { entry in
            (ours: RegularExpression(entry.pattern, caseInsensitive: entry.caseInsensitive),
             theirs: try NSRegularExpression(pattern: entry.pattern, options: entry.caseInsensitive ? [.caseInsensitive] : []))
        }
        var matched = 0
        for _ in 0..<600 {
            let text = Self.randomText(&generator)
            let units = Array(text.utf16)
            let start = Int.random(in: 0...units.count, using: &generator), end = Int.random(in: start...units.count, using: &generator)
            for (ours, theirs) in compiled {
                let whole = theirs.matches(in: text, range: NSRange(location: 0, length: units.count)).map(Self.foundationRanges)
                #expect(ours.matches(in: units).map(Self.ranges) == whole, "\(ours.pattern) in \(text.debugDescription)")
                for transparent in [false, true] {
                    // Transparent bounds see the whole text, its edges too: not ICU's anchoring bounds.
                    let window = theirs.matches(in: text, options: transparent ? [.withTransparentBounds, .withoutAnchoringBounds] : [],
                                                range: NSRange(location: start, length: end - start)).map(Self.foundationRanges)
                    let found = ours.matches(in: units, range: start..<end, transparentBounds: transparent).map(Self.ranges)
                    #expect(found == window, "\(ours.pattern) in \(text.debugDescription), \(start)..<\(end), transparent: \(transparent)")
                    #expect(ours.firstMatch(in: units, range: start..<end, transparentBounds: transparent).map(Self.ranges) == window.first)
                }
                matched += whole.count
            }
        }
        #expect(matched > 300, "the texts should give the patterns something to match")
    }

    /// Where PCRE2 reads a pattern otherwise than ICU (the type's documentation): each case as
    /// Folio's engine and Foundation's read it, so that a change of either is seen.
    @Test(arguments: [
        // Letters fold case one to one: `ß` is not `ss`.
        (#"(?i)ss"#, "ß", [Range<Int>](), [0..<1]),
        // Numbers of every kind are word characters; a combining mark is not.
        (#"\w+"#, "x²", [0..<2], [0..<1]),
        (#"\w+"#, "e\u{301}", [0..<1], [0..<2]),
        (#"\b"#, "²", [0..<0, 1..<1], []),
        // A property of case is not widened to the other case.
        (#"(?i)\p{Lu}"#, "a", [], [0..<1]),
        // A line ends at `\n` alone.
        (#"a$"#, "a\r\n", [], [0..<1]),
        (#"a."#, "a\u{2028}", [0..<2], []),
    ])
    func readsSomePatternsOtherwiseThanICU(pattern: String, text: String, ours: [Range<Int>], icu: [Range<Int>]) throws {
        #expect(RegularExpression(pattern).matches(in: Array(text.utf16)).map(\.range) == ours)
        let theirs = try NSRegularExpression(pattern: pattern).matches(in: text, range: NSRange(location: 0, length: text.utf16.count))
        #expect(theirs.map { $0.range.location..<NSMaxRange($0.range) } == icu)
    }

    @Test func transparentBoundsLetLookAroundsSeePastTheWindow() {
        let expression = RegularExpression(#"\b\d{4}\b"#)
        let units = Array("in 19999".utf16)
        #expect(expression.matches(in: units, range: 3..<7).map(\.range) == [3..<7], "opaque: the window's end is a word boundary")
        #expect(expression.matches(in: units, range: 3..<7, transparentBounds: true).isEmpty, "transparent: the fifth digit is seen")
        #expect(expression.matches(in: []).isEmpty && RegularExpression("^").matches(in: []).map(\.range) == [0..<0])
        // A match lies within the window, though the pattern would run on past it.
        #expect(RegularExpression(#"\d+"#).matches(in: units, range: 3..<6, transparentBounds: true).map(\.range) == [3..<6])
        #expect(RegularExpression(#"^\d|\d$"#).matches(in: units, range: 3..<8, transparentBounds: true).map(\.range) == [7..<8],
                "transparent: the text's edges, not the window's")
        #expect(RegularExpression(#"^\d|\d$"#).matches(in: units, range: 3..<7).map(\.range) == [3..<4, 6..<7])
    }

    @Test func namedGroups() throws {
        let expression = RegularExpression(#"(?<year>\d{4})|(?<word>[a-z]+)"#)
        let match = try #require(expression.firstMatch(in: Array("abc 1999".utf16)))
        #expect(expression.groupNumber(named: "word") == 2 && expression.groupNumber(named: "month") == nil)
        #expect(match.range(at: 2) == 0..<3 && match.range(at: 1) == nil)
    }

    /// Property: replacements, templates with groups and escapes among them, come out as
    /// Foundation's `replacingOccurrences(of:with:options: .regularExpression)` makes them.
    @Test func replacesAsFoundationDoes() {
        var generator = SystemRandomNumberGenerator()
        let cases: [(pattern: String, template: String)] = [
            (#"\s+"#, " "), (#"(\d)(\d)"#, "$2$1"), (#"(a)|(é)"#, "[$2]"), (#"(\w+)"#, "$12"), (#"x"#, #"\$1"#), (#"\s*"#, "-"),
            (#"(?i)(march)\s*(\d+)"#, "$1 $0 $9 \\"), ("e\u{301}", "é"), ("\u{1F600}", "$"),
        ]
        for _ in 0..<2_000 {
            let text = Self.randomText(&generator)
            for (pattern, template) in cases {
                #expect(text.replacing(pattern: pattern, with: template)
                            == text.replacingOccurrences(of: pattern, with: template, options: .regularExpression),
                        "\(pattern) → \(template) in \(text.debugDescription)")
            }
        }
    }

    /// Each search takes a matcher of its own: searches from many threads at once find what
    /// one thread finds.
    @Test func searchesFromManyThreadsAtOnce() async {
        let expression = RegularExpression(#"(?i)\b(march|april)\s+(\d{4})\b"#)
        let texts = (0..<64).map { Array("On \($0 % 2 == 0 ? "March" : "april") \(1900 + $0), then in May \($0).".utf16) }
        let serial = texts.map { expression.matches(in: $0).map(Self.ranges) }
        let parallel = await withTaskGroup(of: (Int, [[Range<Int>?]]).self) { group in
            for _ in 0..<8 {
                for (index, text) in texts.enumerated() { group.addTask { (index, expression.matches(in: text).map(Self.ranges)) } }
            }
            var found: [Int: Set<[[Range<Int>?]]>] = [:]
            for await (index, matches) in group { found[index, default: []].insert(matches) }
            return found
        }
        for (index, expected) in serial.enumerated() {
            #expect(parallel[index] == [expected], "text \(index)")
        }
    }
}

@Suite struct FactoredAlternationTests {
    /// Property: tried at every place, a pattern gives what a search of the whole text finds
    /// (matches never overlap; an empty match moves the next try on by one), and tried at the
    /// places where a year can start, a year's pattern finds every year.
    @Test func patternsTriedAtTheirPlacesFindWhatASearchFinds() {
        var generator = SystemRandomNumberGenerator()
        let year = RegularExpression(TemporalLexicon.year)
        let checked = RegularExpressionTests.patterns.map { RegularExpression($0.pattern, caseInsensitive: $0.caseInsensitive) }
            + [RegularExpression("a*"), RegularExpression("(?<=e)|ar")]
        var years = 0
        for _ in 0..<600 {
            let units = Array(RegularExpressionTests.randomText(&generator).utf16)
            for expression in checked {
                #expect(expression.matches(in: units, startingAtAnyOf: Array(0...units.count)).map(RegularExpressionTests.ranges) == expression.matches(in: units).map(RegularExpressionTests.ranges),
                        "\(expression.pattern) in \(String(decoding: units, as: UTF16.self).debugDescription)")
            }
            let found = year.matches(in: units).map(RegularExpressionTests.ranges)
            #expect(year.matches(in: units, startingAtAnyOf: TemporalLexicon.yearStarts(units)).map(RegularExpressionTests.ranges) == found)
            years += found.count
        }
        #expect(years > 10, "the texts should hold years")
        #expect(TemporalLexicon.yearStarts(Array("1999, 12345 and x2015".utf16)) == [0, 6, 17])
    }

    /// Property: the amounts a year's pattern looks ahead for, factored, rule out the years
    /// that their plain alternation does, over years followed by amounts, their prefixes,
    /// longer words and other case.
    @Test func theFactoredAmountsRuleOutWhatTheirAlternationDoes() {
        let plainAmounts = "(?i:per\\s?cent|" + TemporalLexicon.amountWords.joined(separator: "|") + ")\\b"
        let plain = RegularExpression(TemporalLexicon.year.replacingOccurrences(of: TemporalLexicon.amounts, with: plainAmounts))
        let factored = RegularExpression(TemporalLexicon.year)
        #expect(plain.pattern != factored.pattern)
        let pieces = TemporalLexicon.amountWords + ["per cent", "PEOPLE", "Tonnes", "me", "mil", "milestones", "wordsmith", "page", "K\u{212A}M",
                                                    "\u{17F}hares", "and", "the", "1999", "2015", " ", "  ", "\n", ",", "é"]
        var generator = SystemRandomNumberGenerator()
        var years = 0, ruledOut = 0
        for _ in 0..<5_000 {
            // A year with words around it, the words after it first.
            let words = (0..<Int.random(in: 1...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            let text = ([words.dropFirst().joined(separator: " "), ["1999", "2015"].randomElement(using: &generator)!] + words.prefix(1))
                .joined(separator: [" ", "", "  ", "\n"].randomElement(using: &generator)!)
            let units = Array(text.utf16)
            let expected = plain.matches(in: units).map(RegularExpressionTests.ranges)
            #expect(factored.matches(in: units).map(RegularExpressionTests.ranges) == expected, "\(text.debugDescription)")
            years += expected.count
            ruledOut += expected.isEmpty ? 1 : 0
        }
        #expect(years > 800 && ruledOut > 200, "\(years) years, \(ruledOut) texts of years ruled out")
    }

    /// Property: the months, factored, match where and as their plain alternation does, alone
    /// and before what rules put after them (a day, a word boundary), over random texts of
    /// names, abbreviations, their prefixes and longer words.
    @Test func theFactoredMonthsMatchAsTheirAlternation() {
        let plain = "(?:January|Jan\\.?|February|Feb\\.?|March|Mar\\.?|April|Apr\\.?|May|June|Jun\\.?|July|Jul\\.?|August|Aug\\.?"
            + "|September|Sept?\\.?|October|Oct\\.?|November|Nov\\.?|December|Dec\\.?)"
        #expect(plain != TemporalLexicon.month)
        let pieces = ["January", "Jan", "Jan.", "Janu", "June", "Jun", "Jun.", "Juneau", "July", "Jul.", "Ju", "March", "Mar.", "Marc", "May", "Mayor",
                      "Ma", "April", "Apr.", "August", "Aug", "Sept.", "Sept", "Sep.", "Sep", "September", "Septembers", "Oct.", "November", "Dec",
                      "3", "12", "x", "é"]
        var generator = SystemRandomNumberGenerator()
        var matched = 0
        for context in ["", "\\b", "\\.?\\s+(\\d+)", "(?:\\s+\\w+)?\\s+\\d"] {
            let (ours, theirs) = (RegularExpression(TemporalLexicon.month + context), RegularExpression(plain + context))
            for _ in 0..<2_000 {
                let text = (0..<Int.random(in: 1...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                    .joined(separator: [" ", "", ". ", ", "].randomElement(using: &generator)!)
                let units = Array(text.utf16)
                let expected = theirs.matches(in: units).map(RegularExpressionTests.ranges)
                #expect(ours.matches(in: units).map(RegularExpressionTests.ranges) == expected, "\(context) in \(text.debugDescription)")
                matched += expected.count
            }
        }
        #expect(matched > 5_000)
    }

    @Test func lookBehindsHaveBranchesOfOneLength() {
        let pattern = Patterns.lookBehind(words: ["in", "since"], or: [#"\d\s"#])
        #expect(pattern == #"(?<=\d\s|\bin\s|\bsince\s)"#)
        // A word inside another (`within`) is not the word.
        #expect(RegularExpression(pattern + "May").matches(in: Array("in May, since May, 3 May, within May".utf16)).map(\.range) == [3..<6, 14..<17, 21..<24])
    }

    @Test func commonBeginningsAreFactoredOut() {
        #expect(Patterns.factoredAlternation(["say", "says", "said", "note", "a.b"]) == #"s(?:a(?:y(?:s)?|id))|note|a\.b"#)
    }

    /// Property: the verbs of saying and the adverbs before them, factored, match where and as
    /// their plain alternations do, a word boundary after them, over random leads of verbs,
    /// adverbs, their prefixes and longer forms, and spaces.
    @Test func theFactoredVerbsMatchAsTheirAlternation() {
        // The adverbs as they were written before they were factored, `had once` among them.
        var written = SpeakerCues.adverbList
        written.insert("had\\s+once", at: written.firstIndex(of: "would")!)
        let plainAdverbs = "(?:(?:" + written.joined(separator: "|") + ")\\s+)*"
        let plain = RegularExpression("\\s" + plainAdverbs + "(?:" + SpeakerCues.verbs.joined(separator: "|") + ")\\b")
        #expect(!SpeakerCues.beforeVerb.pattern.contains(plainAdverbs))
        let pieces = SpeakerCues.verbs + SpeakerCues.adverbList + ["say", "sayings", "point", "pointed", "out", "had once", "hadn", "ha", "Hale", "it", "to", "x", " ", "  ", "\u{A0}", ",", "\n", "é"]
        var generator = SystemRandomNumberGenerator()
        var matched = 0
        for _ in 0..<5_000 {
            let lead = (0..<Int.random(in: 1...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined(separator: [" ", " ", "", "  "].randomElement(using: &generator)!)
            let units = Array(lead.utf16)
            let expected = plain.matches(in: units).map(RegularExpressionTests.ranges)
            #expect(SpeakerCues.beforeVerb.matches(in: units).map(RegularExpressionTests.ranges) == expected, "\(lead.debugDescription)")
            matched += expected.count
        }
        #expect(matched > 1_000)
    }
}
