import Testing
@testable import FolioCore

@Suite struct CaseInsensitiveLettersTests {
    @Test(arguments: [
        (#"(?i:the\s+)x"#, #"(?:(?i:t)(?i:h)(?i:e)\s+)x"#),
        // Letters a folding spells (`ﬆ`, `ß`) stay together; a quantified letter is apart.
        (#"(?i)last"#, #"(?i:l)(?i:a)(?i:st)"#),
        (#"(?i)sst|ss?"#, #"(?i:sst)|(?i:s)(?i:s)?"#),
        (#"(?i)[a-z]\p{Lu}\.’"#, #"(?i:[a-z])(?i:\p{Lu})\.’"#),
        (#"(?i:a(?-i:B)c)(?<name>d)"#, #"(?:(?i:a)(?:B)(?i:c))(?<name>d)"#),
    ])
    func rewritesLetterByLetter(pattern: String, expected: String) {
        #expect(CaseInsensitiveLetters.rewritten(pattern, insensitive: false) == expected)
    }

    @Test func theOptionMakesThePatternCaseInsensitive() {
        #expect(CaseInsensitiveLetters.rewritten(#"ma\d"#, insensitive: true) == #"(?i:m)(?i:a)\d"#)
    }

    /// Nothing case-insensitive, or what the rewrite does not read: compiled as written.
    @Test(arguments: [#"abc"#, #"(?:abc)|[a-z]"#, #"(?i)(a)\1"#, #"(?x)a"#, #"(?i)é"#, #"(?i)\x41"#, #"(?i:a"#, #"(?i)[]a]"#, #"\Q(?i)\Ea"#])
    func leavesAlone(pattern: String) {
        #expect(CaseInsensitiveLetters.rewritten(pattern, insensitive: false) == nil)
    }

    static let parts = ["last", "first", "ss", "sst", "fiscal", "class", "st", "k", "ma", "s?", "st+", "ff?i", "[a-s]", #"\s*"#, #"\p{Lu}"#,
                        "’s", ".", "|", "(?i:st)", "(?-i:Ss)", "(?i)", "(?:a|s)", #"\b"#]
    static let pieces = ["last", "LAST", "laﬆ", "Laſt", "first", "ﬁrst", "FIRST", "ﬁscal", "CLAß", "claẞ", "class", "ss", "ß", "ẞ", "st", "ﬆ",
                         "ﬀi", "ﬃ", "\u{212A}", "k", "K", "ſ", "S", "ma", "MA", " ", "’s", "'S", "é", "x"]

    /// Property: random patterns of letters that foldings spell, quantifiers, classes and flags
    /// match, rewritten, where and as ICU matches them as written, over texts of those
    /// foldings (`laﬆ`, `CLAß`, the Kelvin sign, the long s) and other case.
    @Test func rewrittenPatternsMatchAsWritten() {
        var generator = SystemRandomNumberGenerator()
        var matched = 0, rewritten = 0
        for _ in 0..<400 {
            let insensitive = Bool.random(using: &generator)
            let pattern = (Bool.random(using: &generator) ? "(?i)" : "")
                + (0..<Int.random(in: 1...4, using: &generator)).map { _ in Self.parts.randomElement(using: &generator)! }.joined()
            let written = RegularExpression(pattern, caseInsensitive: insensitive, lettersOneByOne: false)
            let ours = RegularExpression(pattern, caseInsensitive: insensitive)
            rewritten += CaseInsensitiveLetters.rewritten(pattern, insensitive: insensitive) == nil ? 0 : 1
            for _ in 0..<30 {
                let text = (0..<Int.random(in: 1...6, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }
                    .joined(separator: ["", " "].randomElement(using: &generator)!)
                let units = Array(text.utf16)
                let expected = written.matches(in: units).map(RegularExpressionTests.ranges)
                #expect(ours.matches(in: units).map(RegularExpressionTests.ranges) == expected, "\(pattern) (\(insensitive)) in \(text.debugDescription)")
                matched += expected.count
            }
        }
        #expect(rewritten > 250, "\(rewritten) patterns rewritten")
        #expect(matched > 3_000, "\(matched) matches")
    }

    /// Folio's own patterns, the rules and cues among them, match as written.
    @Test func folioPatternsMatchAsWritten() {
        var generator = SystemRandomNumberGenerator()
        let compiled = RegularExpressionTests.patterns.map {
            (written: RegularExpression($0.pattern, caseInsensitive: $0.caseInsensitive, lettersOneByOne: false),
             ours: RegularExpression($0.pattern, caseInsensitive: $0.caseInsensitive))
        }
        for _ in 0..<300 {
            let units = Array((RegularExpressionTests.randomText(&generator) + Self.pieces.randomElement(using: &generator)!).utf16)
            for (written, ours) in compiled {
                #expect(ours.matches(in: units).map(RegularExpressionTests.ranges) == written.matches(in: units).map(RegularExpressionTests.ranges),
                        "\(ours.pattern) in \(String(decoding: units, as: UTF16.self).debugDescription)")
            }
        }
    }
}
