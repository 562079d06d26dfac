import Foundation
import Testing
@testable import FolioCore

@Suite struct ClosestNameTests {
    @Test func suggestsTyposNotStrangers() {
        #expect(ClosestName.suggestion(for: "ligatres", among: ["ligatures", "nfc"]) == "ligatures")
        #expect(ClosestName.suggestion(for: "Normalise", among: ["normalize", "paragraphs"]) == "normalize")
        #expect(ClosestName.suggestion(for: "tei", among: ["tie", "json"]) == "tie")  // a transposition
        #expect(ClosestName.suggestion(for: "banana", among: ["normalize", "paragraphs"]) == nil)
    }
}

@Suite struct ContainsASCIITests {
    @Test func findsBytesWhereCharactersWouldNot() {
        #expect("doi 10.1000/x".containsASCII("10.") && !"doi 10,1000".containsASCII("10."))
        #expect("a//\u{301}b".containsASCII("//"), "a combining mark after the slashes: a pattern still sees them")
        #expect(!"a/\u{301}/b".containsASCII("//") && "".containsASCII("") && !"".containsASCII("x"))
        #expect("Müller ISBN".containsASCII("ISBN") && !"ISB".containsASCII("ISBN"))
        #expect("see www.x.org".containsASCII(anyOf: "http", "www.") && !"see ww.x".containsASCII(anyOf: "http", "www."))
    }

    /// Property: `rangeOfText` finds what Foundation's `range(of:)` finds, where it searches
    /// bytes (Latin letters, punctuation, quotation marks) and where it asks Foundation
    /// (combining marks, characters equivalent to others, Korean): the first place, an empty
    /// needle nowhere, a letter and its combining accent as one.
    @Test func rangeOfTextIsFoundationsRange() {
        var generator = SeededGenerator(seed: 5)
        let pieces = ["J.", " ", "Phys", ".", "Rev", "A", "a", "e", ", ", "://", "é", "e\u{301}", "\u{301}", "Å", "\u{212B}", "\u{2000}", "\u{2002}",
                      "“", "”", "–", "’", "…", "ſ", "ß", "(", ")", "\r\n", "\r", "\n", "가", "\u{1100}\u{1161}", "\u{1100}"]
        for _ in 0..<20_000 {
            func random(_ most: Int) -> String {
                (0..<Int.random(in: 0...most, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            }
            let text = random(8), needle = random(3)
            func bytes(_ range: Range<String.Index>) -> Range<Int> {
                text.utf8.distance(from: text.startIndex, to: range.lowerBound)..<text.utf8.distance(from: text.startIndex, to: range.upperBound)
            }
            #expect(text.rangeOfText(needle).map(bytes) == text.range(of: needle).map(bytes), "\(needle.debugDescription) in \(text.debugDescription)")
        }
    }

    /// Property: in any case, the test finds what the lower-cased string holds, and says
    /// nothing beyond ASCII.
    @Test func anyCaseIsTheLowerCasedStrings() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["ArXiv:", "arxiv", "HTTP", "hep-", "[", "(Preprint", "x", " ", "é", "ſ", "Z", "@", "`", "{"]
        let needles = ["arxiv:", "http", "hep-", "[", "(preprint", "z@"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let expected: Bool? = text.utf8.allSatisfy({ $0 < 0x80 }) ? needles.contains { text.lowercased().contains($0) } : nil
            #expect(text.containsASCIIInAnyCase(anyOf: needles) == expected, "\(text.debugDescription)")
        }
        #expect("".containsASCIIInAnyCase(anyOf: ["x"]) == false && "A".containsASCIIInAnyCase(anyOf: [""]) == true)
    }

    /// Property: over UTF-16 units the test finds what it finds over the string's bytes.
    @Test func unitsHoldWhatTheirStringHolds() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["10", ".", "1", "0", "http", "htt", "www", "w", "é", "\u{1F600}", "/", " "]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for needle in ["10.", "http", "www."] as [StaticString] {
                #expect(Array(text.utf16).containsASCII(needle) == text.containsASCII(needle), "\(needle) in \(text.debugDescription)")
            }
        }
        #expect(Array("x".utf16).containsASCII("") && !Array("".utf16).containsASCII("x"))
    }

    /// Property: `containsText` finds what Foundation's `contains` finds, over random texts of
    /// needles, near-misses, combining marks, letters beyond ASCII below U+0300 (where bytes
    /// decide) and above it, and letters canonically equal to others (`s` and a comma below,
    /// the Ångström sign).
    @Test func containsTextIsFoundationsContains() {
        let needles = ["http", "@", "university", "université", "school of", "(preprint", "ș", "å", "ij", "s\n", "e\u{301}"]
        let pieces = ["http", "htt", "@", "univers", "ity", "université", "universite\u{301}", "school", " of", " ", "\u{301}", "é", "(", "preprint", "K", "\u{212A}",
                      "ș", "s\u{326}", "s", "\u{C5}", "å", "a\u{30A}", "\u{212B}", "i", "j", "ĳ", "ß", "\r\n", "\n", "\r", "ł"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for needle in needles {
                #expect(text.containsText(needle) == text.contains(needle), "\(needle) in \(text.debugDescription)")
            }
        }
    }
}

@Suite struct ReadingTextTests {
    func reading(_ text: String) -> String {
        let working = WorkingText(source: SourceText(name: "t", format: .plainText, text: text))
        return working.readingText(working.all)
    }

    @Test func foldsLineBreaksPageBreaksAndIndentation() {
        #expect(reading("  one\n   two\u{000C} three \n") == "one two three")
    }

    @Test func keepsHyphensOfCompoundsBrokenAtLineEnds() {
        #expect(reading("post-\nSoviet and NATO-\n Russia") == "post-Soviet and NATO-Russia")
        #expect(reading("a dash -\nhere") == "a dash - here")  // a spaced dash is not a compound
    }

    @Test func softHyphensAtLineEndsJoinTheWord() {
        #expect(reading("inter\u{AD}\nnational\u{AD}\n\u{AD}\nly") == "internationally")
        #expect(reading("café-\nrésumé 🙂\u{AD} x") == "café-résumé 🙂\u{AD} x", "a soft hyphen before spaces alone stays")
    }

    /// Property: the reading text is what this plain definition gives, code point by code point,
    /// over random texts of the marks it turns on.
    @Test func readingTextFollowsItsDefinition() {
        func definition(_ scalars: [Unicode.Scalar], keepingEdgeSpaces: Bool) -> String {
            func isSpaceOrBreak(_ scalar: Unicode.Scalar) -> Bool { " \n\u{0C}\t\r".unicodeScalars.contains(scalar) }
            func isWord(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) }
            var result: [Unicode.Scalar] = [], pendingSpace = false, index = 0
            while index < scalars.count {
                guard isSpaceOrBreak(scalars[index]) else {
                    if pendingSpace { result.append(" "); pendingSpace = false }
                    result.append(scalars[index])
                    index += 1
                    continue
                }
                var end = index, sawBreak = false
                while end < scalars.count, isSpaceOrBreak(scalars[end]) {
                    if scalars[end] != " " && scalars[end] != "\t" { sawBreak = true }
                    end += 1
                }
                if sawBreak && result.last == "\u{AD}" {
                    result.removeLast()
                } else if sawBreak && end < scalars.count && result.count >= 2 && result.last == "-" && isWord(result[result.count - 2]) && isWord(scalars[end]) {
                } else {
                    pendingSpace = !result.isEmpty || keepingEdgeSpaces
                }
                index = end
            }
            if pendingSpace && keepingEdgeSpaces { result.append(" ") }
            return String(String.UnicodeScalarView(result))
        }
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "é", "7", "-", "\u{AD}", " ", "\n", "\u{0C}", "\t", "\r", "🙂", ".", "Ж", "—", "\u{0B}"]
        // Long runs of printable ASCII and single spaces too, in parts of texts: those are
        // copied eight code points at a time (`folio_copy_plain_ascii`), from anywhere in a block.
        let plainPieces = ["a", "b", "7", ".", " ", "\u{7F}", "~", "!"]
        for round in 0..<8_000 {
            let isPlain = round % 2 == 1
            let text = (0..<Int.random(in: 0...(isPlain ? 60 : 14), using: &generator)).map { _ in
                (isPlain && Int.random(in: 0..<8, using: &generator) > 0 ? plainPieces : pieces).randomElement(using: &generator)!
            }.joined()
            let working = WorkingText(source: SourceText(name: "t", format: .plainText, text: text))
            let start = isPlain ? Int.random(in: 0...working.count, using: &generator) : 0
            let range = TextRange(start, isPlain ? Int.random(in: start...working.count, using: &generator) : working.count)
            let scalars = Array(working.scalars[range.start..<range.end])
            for keep in [false, true] {
                #expect(working.readingText(range, keepingEdgeSpaces: keep) == definition(scalars, keepingEdgeSpaces: keep),
                        "\(text.debugDescription) \(range)")
                working.withReadingText(range, keepingEdgeSpaces: keep) { bytes in
                    #expect(String(decoding: bytes, as: UTF8.self) == definition(scalars, keepingEdgeSpaces: keep), "\(text.debugDescription) \(range)")
                }
            }
        }
    }

    @Test func edgeSpacesCanBeKept() {
        let working = WorkingText(source: SourceText(name: "t", format: .plainText, text: "a \n b"))
        #expect(working.readingText(TextRange(1, 4), keepingEdgeSpaces: true) == " ")
        #expect(working.readingText(TextRange(0, 3), keepingEdgeSpaces: true) == "a ")
    }
}

@Suite struct DiagnosticTests {
    @Test func printsLikeACompiler() {
        let diagnostic = Diagnostic(.error, file: "Input/a.txt", place: .text(SourceLocation(line: 3, column: 7, offset: 40)), "bad thing", hint: "do this")
        #expect(diagnostic.description == "Input/a.txt:3:7: error: bad thing (do this)")
        #expect(Diagnostic(.warning, file: "p.json", place: .jsonPath("stages[1]"), "odd").description == "p.json: warning: at stages[1]: odd")
        #expect(Diagnostic(.error, file: "b.bin", place: .byte(12), "binary").description == "b.bin: error: at byte 12: binary")
    }

    @Test func sourceLocationsCountLinesAndCodePoints() {
        let source = SourceText(name: "t", format: .plainText, text: "ab\nçd\ne")
        #expect(source.location(of: 4) == SourceLocation(line: 2, column: 2, offset: 4))
        #expect(source.location(of: 0) == SourceLocation(line: 1, column: 1, offset: 0))
    }
}

@Suite struct TextScalarsTests {
    @Test func prefixesIgnoreTheCaseOfASCIILettersOnlyWhenAsked() {
        let text = WorkingText(source: SourceText(name: "t", format: .plainText, text: "FIGURE 2. \u{212A}eywords"))
        let line = TextRange(0, text.count)
        #expect(text.hasPrefix("FIGURE ", in: line) && !text.hasPrefix("figure ", in: line))
        #expect(text.hasPrefix("figure ", in: line, ignoringCase: true) && !text.hasPrefix("figures", in: line, ignoringCase: true))
        #expect(!text.hasPrefix("FIGURE 2. \u{212A}eywords and more", in: line), "a prefix longer than the range")
        let kelvin = TextRange(10, text.count)
        #expect(!text.hasPrefix("keywords", in: kelvin, ignoringCase: true), "beyond ASCII, case is left to the slow path")
        #expect(text.isASCII(line, first: 10) && !text.isASCII(line, first: 11))
    }

    /// Property: where `mayOpen` says no, the line's opening, lower-cased as a string, does not
    /// start with the word (`String.hasPrefix`, which compares characters), over random lines
    /// of ASCII letters and code points that lower-case to ASCII (the Kelvin sign, `İ`) or
    /// make one character with one (a combining accent), against the shipped label and caption
    /// words and words beyond ASCII.
    @Test func mayOpenSaysNoOnlyWhereNoLabelCanStart() {
        let pieces = ["a", "b", "e", "f", "g", "i", "k", "m", "r", "s", "t", "u", "y", "w", "A", "F", "K", "T", " ", "-", ".",
                      "é", "É", "\u{301}", "\u{212A}", "\u{130}", "ß", "\u{17F}", "’"]
        let words = CaptionLabels.words.map(\.0) + FrontMatterLabels.labels.map(\.0) + ["é", "ék", "ke", "e\u{301}t", "ss"]
        var generator = SystemRandomNumberGenerator()
        var saidNo = 0, couldMatch = 0
        for _ in 0..<20_000 {
            let line = (0..<Int.random(in: 1...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let text = WorkingText(source: SourceText(name: "t", format: .plainText, text: line))
            let range = TextRange(0, text.count)
            let opening = String(scalars: text.scalars[..<min(text.count, 16)]).lowercased()
            for word in words {
                let matches = opening.hasPrefix(word)
                if matches { couldMatch += 1 }
                if !text.mayOpen(range, with: word) {
                    saidNo += 1
                    #expect(!matches, "\(Array(line.unicodeScalars)) \(word)")
                }
            }
        }
        #expect(saidNo > 100_000 && couldMatch > 50)
    }

    @Test func stringsFromScalarsKeepEveryCodePoint() {
        let scalars = Array("a é 𝄞 \u{0}—x".unicodeScalars)
        #expect(String(scalars: scalars) == "a é 𝄞 \u{0}—x")
        #expect(String(scalars: scalars[2...3]) == "é ")
        #expect(String(scalars: [Unicode.Scalar]()) == "")
        #expect(String(scalars: AnySequence(scalars)) == "a é 𝄞 \u{0}—x")
        #expect(String(scalars: scalars.lazy.map { $0 }) == "a é 𝄞 \u{0}—x", "a collection without contiguous storage")
    }

    /// Property: a set of ASCII bytes holds what it was made of and nothing else, over random
    /// sets and every byte (those beyond ASCII never).
    @Test func asciiByteSetsHoldWhatTheyWereMadeOf() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let members = Set((0..<Int.random(in: 0...20, using: &generator)).map { _ in UInt8.random(in: 0..<0x80, using: &generator) })
            let set = ASCIIByteSet(members)
            for byte in UInt8.min...UInt8.max {
                #expect(set.contains(byte) == members.contains(byte), "\(byte) of \(members.sorted())")
            }
        }
    }

    /// A string's UTF-8 lent where it is kept: the bytes of short (inline) and long strings,
    /// ASCII and beyond, and of a string that is a bridged `NSString`.
    @Test func utf8BytesAreTheStringsUTF8() {
        let long = String(repeating: "défini—𝄞 ", count: 20)
        for text in ["", "a", "é", "short ascii", long, String(long.dropFirst(3)), NSString(string: long) as String, "\u{0}x"] {
            #expect(text.withUTF8Bytes { Array($0) } == Array(text.utf8), "\(text.debugDescription)")
        }
    }

    /// UTF-16 units and code points made by hand from a string's UTF-8, UTF-16 units from code
    /// points, and strings made back from them, as the standard library makes them (one, two,
    /// three and four bytes; ill-formed units repaired).
    @Test func utf16UnitsAgreeWithTheStandardLibrary() {
        let pieces = ["a", "é", "—", "𝄞", "\u{0}", "\u{7F}", "\u{80}", "\u{7FF}", "\u{800}", "\u{FFFF}", "\u{10000}", "\u{10FFFF}", " ", "\r\n"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(text.utf16Units == Array(text.utf16), "\(text.debugDescription)")
            #expect(text.scalarArray == Array(text.unicodeScalars), "\(text.debugDescription)")
            let scalars = Array(text.unicodeScalars)
            let from = Int.random(in: 0...scalars.count, using: &generator)
            #expect(scalars[from...].utf16Units == Array(String(scalars: scalars[from...]).utf16), "code points of \(text.debugDescription) from \(from)")
            let units = text.utf16Units
            let start = Int.random(in: 0...units.count, using: &generator), end = Int.random(in: start...units.count, using: &generator)
            #expect(Array(String(utf16: units[start..<end]).utf8) == Array(String(decoding: units[start..<end], as: UTF16.self).utf8), "\(text.debugDescription) \(start)..<\(end)")
        }
        // Units as they come, lone and paired surrogates anywhere.
        let units: [UInt16] = [0x61, 0xE9, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0xFFFD, 0xFFFF, 0xD834, 0xDD1E]
        for _ in 0..<20_000 {
            let slice = (0..<Int.random(in: 0...8, using: &generator)).map { _ in units.randomElement(using: &generator)! }[...]
            #expect(Array(String(utf16: slice).utf8) == Array(String(decoding: slice, as: UTF16.self).utf8), "\(slice.map { String($0, radix: 16) })")
        }
    }

    /// `trimmed(_:)` against Foundation's `trimmingCharacters(in:)`, which it stands in for, on
    /// random texts of the sets' members and non-members (astral code points among them) and
    /// on substrings.
    @Test func trimmingAgreesWithFoundation() {
        let sets: [CharacterSet] = [.whitespaces, .whitespacesAndNewlines, .punctuationCharacters,
                                    CharacterSet(charactersIn: " .,;:*_\"“”„«»‘’'[]<>"), CharacterSet(charactersIn: "()")]
        let pieces = ["a", " ", "\n", "\u{A0}", ".", ",", "(", ")", "“", "é", "e\u{301}", "\u{10100}", "𝄞", "\u{2003}", "_", "*", "-", "\r\n", "\t", "\u{200B}", "\u{3000}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let set = sets.randomElement(using: &generator)!
            #expect(text.trimmed(set) == text.trimmingCharacters(in: set), "\(text.debugDescription)")
            let inner = text.dropFirst()
            #expect(inner.trimmed(set) == inner.trimmingCharacters(in: set), "\(String(inner).debugDescription)")
            #expect(text.trimmedOfWhitespace == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
    }

    /// `isSpaceOrTab` is Foundation's `CharacterSet.whitespaces`, at every code point.
    @Test func spaceOrTabIsFoundationsWhiteSpace() {
        let whitespaces = CharacterSet.whitespaces
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(scalar.isSpaceOrTab == whitespaces.contains(scalar), "U+\(String(value, radix: 16))")
        }
    }
}

@Suite struct AbbreviationTests {
    /// A full stop inside a short word makes it an abbreviation; one that a combining mark
    /// joins to is no full stop (as Foundation's search for a string found).
    @Test func fullStopsInsideShortWords() {
        #expect(Sentences.isAbbreviation("e.g") && Sentences.isAbbreviation("U.S") && Sentences.isAbbreviation("J"))
        #expect(!Sentences.isAbbreviation("a.\u{301}b") && !Sentences.isAbbreviation("e.g.abc") && !Sentences.isAbbreviation("word"))
        #expect(Sentences.isAbbreviation("Fig") && Sentences.isAbbreviation("vol"))
    }

    /// Property: the word before a full stop is an abbreviation exactly when `isAbbreviation`
    /// says so of it, ASCII (asked without a string) or not.
    @Test func theWordBeforeAFullStopIsAskedAsAWhole() {
        let pieces = ["e", "g", "U", "S", "x", "Q", "Z", ".", "-", "'", "1", "vol", "VOL", "Approx", "sept", "al", "é", "Fig", "\u{301}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let word = (0..<Int.random(in: 1...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let text = WorkingText(source: SourceText(name: "t", format: .plainText, text: "See " + word + ". Then"))
            let stop = text.scalars.count - 6
            #expect(Sentences.endsAbbreviation(text, before: stop, from: 0) == Sentences.isAbbreviation(word), "\(word.debugDescription)")
        }
    }
}

@Suite struct ProseSentencesTests {
    @Test func sentencesAreSplitAgainWhenTheTextOrTheProseChanges() throws {
        var document = try process("The first one. The second one.\n", stages: [ParagraphsStage()])
        let first = document.proseSentences()
        #expect(first.map { document.text.string($0) } == ["The first one.", "The second one."])
        #expect(document.proseSentences() == first)
        // The same length, other words: a split kept from before would cut the new text wrongly.
        var builder = WorkingTextBuilder(base: document.text)
        let period = first[0].end - 1
        builder.copy(TextRange(0, period))
        builder.replace(TextRange(period, period + 1), with: ",".unicodeScalars)
        builder.copy(TextRange(period + 1, document.text.count))
        document.replaceText(with: builder)
        #expect(document.proseSentences().map { document.text.string($0) } == ["The first one, The second one."])
    }
}

@Suite struct EnclosingSpansTests {
    @Test func answersAsAScanOfEverySpanWould() {
        var generator = SplitMix(seed: 11)
        for _ in 0..<200 {
            let spans = (0..<Int(generator.next() % 6)).map { _ -> TextRange in
                let start = Int(generator.next() % 40)
                return TextRange(start, start + Int(generator.next() % 20))
            }
            let enclosing = EnclosingSpans(spans)
            for _ in 0..<20 {
                let start = Int(generator.next() % 50)
                let range = TextRange(start, start + Int(generator.next() % 10))
                #expect(enclosing.enclose(range) == spans.contains { $0.contains(range) }, "\(spans) \(range)")
            }
        }
    }
}

@Suite struct BulletsTests {
    /// The checks without a set answer as the sets do, for every code point.
    @Test func theChecksAreTheSets() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(Bullets.isBullet(scalar) == Bullets.characters.contains(scalar), "\(value)")
            #expect(Bullets.isMark(scalar) == Bullets.asciiMarks.contains(scalar), "\(value)")
        }
    }

    /// An item opens with a bullet, or with a mark, a space and more: not a mark alone, a mark
    /// and a space alone, nor a mark run into its word (`-x`, a hyphenated fragment).
    @Test(arguments: [("• item", true), ("•", true), ("- item", true), ("- x", true), ("-x", false), ("- ", false),
                      ("-- x", false), ("– x", true), ("1. x", false), ("item", false)])
    func anItemOpensWithABulletOrAMarkAndASpace(line: String, opens: Bool) {
        let text = WorkingText(source: SourceText(name: "t", format: .plainText, text: line))
        #expect(Bullets.opensItem(text.all, text) == opens)
    }
}

@Suite struct WordCountTests {
    @Test func wordsAreRunsOfLettersOrDigitsWithApostrophesInside() {
        let text = WorkingText(source: SourceText(name: "t", format: .plainText, text: "HALE’S 2 o'clock — ’tis x'"))
        #expect(text.wordCount(text.all) == 5)
    }

    /// Property: the count is that of the runs of `isWordCharacter` code points, an apostrophe
    /// between two of them inside one, taken one code point at a time; counting up to a limit
    /// gives the count, or the limit when there are as many.
    @Test func countingToALimitStopsThere() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Z", "é", "7", "0", " ", "’", "'", "-", "_", "@", "[", "`", "{", "\n", "Ж", "🙂"]
        for _ in 0..<5_000 {
            let string = (0..<Int.random(in: 0...16, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let text = WorkingText(source: SourceText(name: "t", format: .plainText, text: string))
            let scalars = Array(string.unicodeScalars)
            var expected = 0, inWord = false
            for (index, scalar) in scalars.enumerated() {
                let isWord = WorkingText.isWordCharacter(scalar) || (inWord && (scalar == "’" || scalar == "'")
                    && index + 1 < scalars.count && WorkingText.isWordCharacter(scalars[index + 1]))
                if isWord && !inWord { expected += 1 }
                inWord = isWord
            }
            #expect(text.wordCount(text.all) == expected, "\(string.debugDescription)")
            let limit = Int.random(in: 0...6, using: &generator)
            #expect(text.wordCount(text.all, countingTo: limit) == min(text.wordCount(text.all), limit), "\(string.debugDescription), \(limit)")
        }
    }
}

/// The keys of the tables of words (`WordTable`).
@Suite struct WordTableTests {
    /// Property: a word's key is its composed (NFC) UTF-8, as Foundation composes it, and the
    /// check that skips Foundation says yes only for words that are composed already. Every
    /// code point below U+0300 alone, and random words of letters, combining marks (U+0301,
    /// U+0308), Hangul jamo and a composition exclusion (U+0958).
    @Test func keysAreComposedAsFoundationComposes() {
        func composed(_ word: String) -> [UInt8] { Array(word.precomposedStringWithCanonicalMapping.utf8) }
        for value in UInt32(0)..<0x300 {
            let word = String(Unicode.Scalar(value)!)
            #expect(WordTable<Int>.key(word) == composed(word), "U+\(String(value, radix: 16))")
        }
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "e", "é", "ü", "\u{301}", "\u{308}", "ǅ", "ʼ", "ˇ", "\u{2FF}", "\u{300}", "Å", "\u{212B}", "\u{1100}", "\u{1161}", "\u{958}", "ß", "ı", "😀", "\u{345}"]
        for _ in 0..<5_000 {
            let word = (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(WordTable<Int>.key(word) == composed(word), "\(word.unicodeScalars.map { String($0.value, radix: 16) })")
            if LatinLetters.isLatin(word) { #expect(Array(word.utf8) == composed(word)) }
        }
    }

    /// Property: a word's key in any case is its lower case's key, the Latin table's or
    /// Unicode's: every code point below U+0300 alone (`İ`, `ß`, `Ⱥ`'s kin among them), and
    /// random words of them with letters beyond (`Σ`, `ẞ`, `𝐀`).
    @Test func wordsAreLowerCasedAsStringsAre() {
        for value in UInt32(0)..<0x300 {
            let word = String(Unicode.Scalar(value)!)
            #expect(WordTable<Int>.key(ofWord: word.unicodeScalars) == WordTable<Int>.key(word.lowercased()), "U+\(String(value, radix: 16))")
            if let bytes = LatinLetters.utf8(lowercasing: word.unicodeScalars) { #expect(bytes == Array(word.lowercased().utf8)) }
        }
        var generator = SystemRandomNumberGenerator()
        let pieces = ["A", "e", "É", "Ü", "ß", "İ", "I", "ı", "Ÿ", "Ǆ", "ǅ", "Ⱥ", "Ȿ", "Ɓ", "ſ", "ŉ", "Σ", "ẞ", "𝐀", "\u{301}", "1", "-"]
        for _ in 0..<5_000 {
            let word = (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(WordTable<Int>.key(ofWord: word.unicodeScalars) == WordTable<Int>.key(word.lowercased()), "\(word)")
        }
    }
}

/// Unicode's properties from Folio's own tables (`LatinLetters`, ASCII).
@Suite struct LatinLettersTests {
    /// Property: `isAlphabetic` is Unicode's, below U+0300 from the table, beyond it from Unicode
    /// (General Punctuation and the object replacement character passed over).
    @Test func alphabeticIsUnicodes() {
        for value in Array(UInt32(0)..<0x800) + Array(0x1F00..<0x2100) + Array(0xFFF0..<0x10000) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(scalar.isAlphabetic == scalar.properties.isAlphabetic, "U+\(String(value, radix: 16))")
        }
    }

    /// Property: upper case and numeric type are Unicode's, ASCII answered directly.
    @Test func upperCaseAndNumbersAreUnicodes() {
        for value in Array(UInt32(0)..<0x800) + Array(0x1F00..<0x2100) + Array(0xFFF0..<0x10000) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(scalar.isUppercase == scalar.properties.isUppercase, "U+\(String(value, radix: 16))")
            #expect(scalar.hasNumericType == (scalar.properties.numericType != nil), "U+\(String(value, radix: 16))")
            #expect(scalar.isDecimalDigit == (scalar.properties.numericType == .decimal), "U+\(String(value, radix: 16))")
        }
    }

    /// What the hyphenation stage's reading of Latin words rests on: lower-casing from the
    /// table twice is lower-casing it once, and no letter below U+0300 joins the one before it
    /// in a character (so a word's characters are its code points, each lower case or not as
    /// the table says).
    @Test func latinWordsAreTheirCodePoints() {
        let letters = (UInt32(0)..<0x300).compactMap(Unicode.Scalar.init).filter(\.isAlphabetic)
        for letter in letters {
            if let once = LatinLetters.utf8(lowercasing: [letter]) {
                #expect(LatinLetters.utf8(lowercasing: String(decoding: once, as: UTF8.self).unicodeScalars) == once, "U+\(String(letter.value, radix: 16))")
            }
            #expect(LatinLetters.isLowercase(letter) == Character(letter).isLowercase)
            for other in letters {
                var pair = String.UnicodeScalarView()
                pair.append(letter)
                pair.append(other)
                #expect(String(pair).count == 2, "U+\(String(letter.value, radix: 16)) U+\(String(other.value, radix: 16))")
            }
        }
    }

    @Test(arguments: [0, 1, 63, 64, 1_000])
    func aFilledArrayIsTheRepeatedOne(count: Int) {
        #expect([UInt64](filledWith: 7, count: count) == [UInt64](repeating: 7, count: count))
        #expect([Bool](filledWith: true, count: count) == [Bool](repeating: true, count: count))
    }

    /// Property: spaces go as Foundation's replacement takes them, also before a combining mark
    /// or an enclosing one (the space is a character with it), a spacing mark, a joiner, a
    /// variation selector, a skin tone, and beside pairs of surrogates.
    @Test func spacesAreRemovedAsFoundationRemovesThem() {
        let pieces = [" ", "  ", "a", "12", "\u{0301}", "\u{0903}", "\u{200D}", "\u{20DD}", "\u{FE0F}", "\u{1F3FB}", "–", "😀", "\u{A0}", "é", "\t", "-"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(Array(text.removingSpaces.unicodeScalars) == Array(text.replacingOccurrences(of: " ", with: "").unicodeScalars), "\(text.debugDescription)")
        }
    }
}

@Suite struct WordRunsTests {
    /// The words of the runs, in order, each with whether its letters are all ASCII.
    private func words(of scalars: [Unicode.Scalar]) -> [(range: Range<Int>, isASCII: Bool)] {
        var found: [(range: Range<Int>, isASCII: Bool)] = []
        scalars.withUnsafeBufferPointer { buffer in
            WordRuns.Classified(buffer, long: 6).forEach { run in
                WordRuns.forEachWord(in: run, of: buffer) { found.append(($0, $1)) }
            }
        }
        return found
    }

    private func words(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return words(of: scalars).map { range, isASCII in
            let word = String(scalars: scalars[range])
            #expect(isASCII == word.unicodeScalars.allSatisfy(\.isASCII), "\(word)")
            return word
        }
    }

    /// Letters beyond ASCII join a word; marks beyond ASCII (an apostrophe, a dash, a symbol)
    /// part two, as ASCII marks and digits do.
    @Test func keepsLettersAndPartsAtEverythingElse() {
        #expect(words("Übergänge don’t co-op—naïve 2019x ∑ab") == ["Übergänge", "don", "t", "co", "op", "naïve", "x", "ab"])
        #expect(words("") == [])
        #expect(words("’—") == [])
        #expect(words("a") == ["a"])
    }

    /// Property: the words are the runs of `isAlphabetic` code points, one at a time, over
    /// texts long enough that the kernel is called more than once.
    @Test func findsWhatOneAtATimeFinds() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [Unicode.Scalar] = ["a", "Z", "é", "ß", "’", "—", " ", "-", "1", "\n", "ǅ", "ʰ", "\u{301}", "中"]
        for _ in 0..<200 {
            let scalars = (0..<Int.random(in: 0...1_500, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            let expected = runs(of: scalars) { $0.properties.isAlphabetic }
            #expect(words(of: scalars).map(\.range) == expected)
        }
    }
}

@Suite struct SplittingTests {
    /// Property: the pieces are Foundation's `components(separatedBy:)`, over random texts of
    /// the separators' parts, combining marks, line breaks and letters beyond ASCII.
    @Test func splitsAsFoundationSplits() {
        let pieces = ["a", ",", " ", ", ", "and", " and ", "\u{301}", "\r\n", "\n", "é", "e\u{301}", "👩‍👩‍👧", "\u{200D}", "x"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(text.components(separatedByASCII: ", ") == text.components(separatedBy: ", "), "\(text.debugDescription)")
            #expect(text.components(separatedByASCII: " and ") == text.components(separatedBy: " and "), "\(text.debugDescription)")
        }
    }
}

@Suite struct UTF16IndicesTests {
    /// Property: a range of UTF-16 offsets becomes the string's range as Foundation makes it of
    /// an `NSRange`, nil where an end is past the string or inside a character (a pair of
    /// surrogates, a letter and its accent, CR LF), over every range of random texts.
    @Test func makesFoundationsRange() {
        let pieces = ["a", " ", "é", "e\u{301}", "\r\n", "𝄞", "👩‍👩‍👧", "\u{200D}", "中", "x"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let count = text.utf16.count
            for lower in 0...(count + 1) {
                for upper in lower...(count + 2) {
                    let expected = Range(NSRange(location: lower, length: upper - lower), in: text)
                    #expect(text.indices(utf16: lower..<upper) == expected, "\(text.debugDescription) \(lower)..<\(upper)")
                }
            }
        }
    }
}

@Suite struct IdentifierTests {
    /// Property: an identifier is its prefix and its number as `String(_:)` writes it, at every
    /// number of digits, at the ends of `Int`, and past the fifteen bytes a string holds inline.
    @Test func isThePrefixAndTheNumber() {
        var generator = SystemRandomNumberGenerator()
        let numbers = [0, 1, 9, 10, 99, 100, 999_999_999, 1_000_000_000, Int.max, -1, -10, Int.min]
            + (0..<200).map { _ in Int.random(in: Int.min...Int.max, using: &generator) >> Int.random(in: 0...63, using: &generator) }
        for prefix in ["", "p", "quote", "é", "a-long-prefix"] {
            for number in numbers {
                #expect(String(identifier: prefix, number) == prefix + String(number))
            }
        }
    }
}
