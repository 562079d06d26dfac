import Foundation
import Testing
@testable import FolioCore

@Suite struct HyphenationStageTests {
    func clean(_ text: String, words: [String]? = nil) throws -> Document {
        try process(text, stages: [NormalizeStage(), HyphenationStage(wordList: words.map { WordList(words: $0) })])
    }

    func reading(_ text: String, words: [String]? = nil) throws -> String {
        let document = try clean(text, words: words)
        return document.text.readingText(document.text.all)
    }

    @Test func joinsSyllableBreaks() throws {
        #expect(try reading("the inter-\nnational system") == "the international system")
        #expect(try reading("the inter-\n national system") == "the international system")   // a page's first line
        #expect(try reading("an organi-\u{000C}zation") == "an organization")
    }

    @Test func keepsCompoundsOfNamesAndOfWords() throws {
        #expect(try reading("the NATO-\nRussia relations, post-\nSoviet") == "the NATO-Russia relations, post-Soviet")
        #expect(try reading("a well-\nknown fact", words: ["well", "known", "fact"]) == "a well-known fact")
        #expect(try reading("the 1992-\n1995 war") == "the 1992-1995 war")
    }

    @Test func theDocumentsOwnSpellingDecides() throws {
        #expect(try reading("co-\noperation and cooperation") == "cooperation and cooperation")
        #expect(try reading("co-\noperation and co-operation", words: ["cooperation"]) == "co-operation and co-operation")
        #expect(try reading("data-\nbase", words: ["data", "base", "database"]) == "database")
    }

    @Test func logsEveryJoin() throws {
        let document = try clean("inter-\nnational")
        #expect(document.repairs == [Repair(rule: "dehyphenation", source: SourceRange(5, 7), before: "-\n", after: "")])
    }

    @Test func restoresHyphensAnExtractorDropped() throws {
        let text = "Russian troops and Ukrainian forces. THE RUSSIANUKRAINIAN CONFLICT AND NATORUSSIA’S LACK, as NATO-Russia relations show."
        let document = try clean(text)
        #expect(document.text.readingText(document.text.all).contains("THE RUSSIAN-UKRAINIAN CONFLICT AND NATO-RUSSIA’S LACK"))
        #expect(document.repairs.map(\.after) == ["RUSSIAN-UKRAINIAN", "NATO-RUSSIA"])
        #expect(document.repairs.first?.before == "RUSSIANUKRAINIAN")
    }

    /// Six letters, three a side, are the fewest two names fused in capitals have.
    @Test func restoresHyphensInTheShortestFusedWords() throws {
        let document = try clean("Ulm and Ely are towns. THE ULMELY ROAD and ULMEL.")
        #expect(document.repairs.map(\.after) == ["ULM-ELY"])
    }

    /// The same for words with letters beyond ASCII, which take another path to their keys.
    @Test func restoresDroppedHyphensInAccentedWords() throws {
        let text = "Österreich-Ungarn fiel. Der Zerfall Österreichungarns und ÖSTERREICHUNGARN; États and Unis. LES ÉTATSUNIS sont déjàvus."
        let document = try clean(text)
        let reading = document.text.readingText(document.text.all)
        #expect(reading.contains("ÖSTERREICH-UNGARN;") && reading.contains("LES ÉTATS-UNIS sont déjàvus."), "\(reading)")
        #expect(document.repairs.map(\.after) == ["ÖSTERREICH-UNGARN", "ÉTATS-UNIS"])
    }

    /// Property: a vocabulary that keeps only the words of the shapes its questions have
    /// answers every question as one that keeps every word, a word is looked up as a compound
    /// only where a compound has its shape, and the stage decides the same,
    /// over random texts of words broken at line ends, in capitals, fused, in compounds,
    /// beyond ASCII (`K` is the Kelvin sign, whose key is ASCII), and questions of other shapes.
    @Test func aVocabularyOfTheQuestionsShapesAnswersAsAWholeOne() throws {
        let pieces = ["inter-\n", "national", "NATO", "RUSSIAN", "UKRAINIAN", "Russian", "Ukrainian", "NATORUSSIA", "co-operation", "co-\n",
                      "operation", "cooperation", "well-known", "well-\n  known", "Well", "known", "ÉTATS", "États", "Unis", "ÉTATSUNIS",
                      "\u{212A}ing", "king", "KINGDOM", "dom", " ", " ", "\n", "-\n", "-", ". ", "x", "Data", "base-\n\nline", "THEKINGDOM",
                      "x-\ncooperation ", "co-operation "]
        let questions = ["national", "international", "Russian", "russian", "RUSSIAN", "king", "King", "dom", "operation", "cooperation",
                         "co", "États", "etats", "Unis", "kingdom", "base", "line", "baseline", "x", "ing", "THE", "zebra", "NATO"]
        var generator = SystemRandomNumberGenerator()
        var filled = (some: 0, all: 0)
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 1...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let source = WorkingText(source: SourceText(name: "t.txt", format: .plainText, text: text))
            var filtered = Vocabulary(source)
            var whole = Vocabulary(source, filtered: false)
            // The runs of letters the stage asks about, and the compounds the shapes let it look up.
            var runs: [Range<Int>] = []
            var index = 0
            while index < source.scalars.count {
                guard source.scalars[index].properties.isAlphabetic else { index += 1; continue }
                let start = index
                while index < source.scalars.count && source.scalars[index].properties.isAlphabetic { index += 1 }
                runs.append(start..<index)
            }
            let asked = runs.filter { $0.count >= HyphenationStage.shortestFusedWord
                || ($0.upperBound + 1 < source.scalars.count && source.scalars[$0.upperBound] == "-" && source.scalars[$0.upperBound + 1] == "\n") }
            #expect(filtered.askedAbout.map(\.range) == asked, "\(text.debugDescription)")
            let stage = HyphenationStage(wordList: WordList(words: ["well", "known", "data", "base", "line"]))
            for word in filtered.askedAbout {
                let letters = source.scalars[word.range]
                #expect(stage.droppedHyphen(in: letters, &filtered, shape: word.shape) == stage.droppedHyphen(in: letters, &whole, shape: nil),
                        "\(String(scalars: letters)) in \(text.debugDescription)")
            }
            for _ in 0..<3 {
                let word = questions.randomElement(using: &generator)!
                #expect(filtered.count(of: word) == whole.count(of: word) && filtered.isProper(word) == whole.isProper(word),
                        "\(word) in \(text.debugDescription)")
            }
            var thorough = stage
            thorough.filtersVocabulary = false
            let fast = try process(text, stages: [NormalizeStage(), stage])
            let slow = try process(text, stages: [NormalizeStage(), thorough])
            #expect(fast.text.readingText(fast.text.all) == slow.text.readingText(slow.text.all) && fast.repairs == slow.repairs,
                    "\(text.debugDescription)")
            if fast.repairs.isEmpty { filled.all += 1 } else { filled.some += 1 }
        }
        #expect(filled.some > 500 && filled.all > 100)
    }

    /// Property: a compound of ASCII, made from its bytes, is what lower-casing, filtering and
    /// keying its string make, over random compounds of letters in either case and hyphens, and
    /// beyond ASCII (made from the string).
    @Test func aCompoundIsKeptAsItsStringWouldBe() {
        var generator = SystemRandomNumberGenerator()
        let ascii: [Unicode.Scalar] = ["a", "z", "A", "Z", "m", "Q", "-"], beyond: [Unicode.Scalar] = ["é", "\u{212A}"]
        for round in 0..<2_000 {
            // Half of them of ASCII alone; up to 70 letters, longer than a shape holds.
            let pieces = round % 2 == 0 ? ascii : ascii + beyond
            let scalars = (0..<Int.random(in: 1...70, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            let compound = String(scalars: scalars[...]).lowercased()
            let letters = String(decoding: compound.utf8.filter { $0 != UInt8(ascii: "-") }, as: UTF8.self)
            let made = scalars.withUnsafeBufferPointer { Vocabulary.compound($0[...]) }
            #expect(made.compound == compound && made.key == WordTable<String>.key(letters) && made.shape == WordShapes.shape(of: letters.unicodeScalars),
                    "\(String(scalars: scalars[...]))")
        }
    }

    /// The questions of a paper's breaks and words in capitals are of the shapes kept: the
    /// table is not filled with every word for them, also for a break before an empty line.
    @Test func theVocabularyKeepsOnlyWhatTheQuestionsNeed() {
        let text = "THE RUSSIANUKRAINIAN CONFLICT of Russian and Ukrainian inter-\nnational forces, a well-known co-\noperation, trans-\n\natlantic."
        let source = WorkingText(source: SourceText(name: "t.txt", format: .plainText, text: text))
        var vocabulary = Vocabulary(source)
        let stage = HyphenationStage(wordList: WordList(words: ["well", "known"]))
        #expect(stage.droppedHyphen(in: Array("RUSSIANUKRAINIAN".unicodeScalars)[...], &vocabulary) == 7)
        #expect(stage.shouldJoin("inter", "national", &vocabulary) && stage.shouldJoin("co", "operation", &vocabulary))
        #expect(stage.shouldJoin("trans", "atlantic", &vocabulary))
        #expect(!vocabulary.keepsEveryWord)
        #expect(vocabulary.count(of: "forces") == 1 && vocabulary.keepsEveryWord, "a question of another shape fills the table")
    }

    @Test func leavesWordsThatAreWordsAlone() throws {
        let text = "INTRODUCTION: a nationwide NATIONWIDE effort. The nation is wide. BLACKBOARD, black board."
        #expect(try reading(text) == text)
        #expect(try reading("NATIONWIDE by the Nation and Wide", words: ["nationwide"]) == "NATIONWIDE by the Nation and Wide")
    }

    @Test func aNamedWordListMustExistButTheDefaultIsOptional() throws {
        var named = Options(["wordList": "/nonexistent/words"], path: JSONPath().appending("stages").appending(3).appending("options"))
        #expect { try HyphenationStage(options: &named) } throws: { "\($0)".contains("at stages[3].options.wordList: the file '/nonexistent/words' does not exist") }
        var none = Options(["wordList": ""])
        #expect(try HyphenationStage(options: &none).wordList == nil)
    }

    @Test func readsHunspellStyleLists() throws {
        let path = NSTemporaryDirectory() + "folio-words-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "Colour/MS\nbanana\r\n\n/XY\nÉcole/S\nzebra".write(toFile: path, atomically: true, encoding: .utf8)
        let list = try WordList(path: path)
        #expect(list.contains("COLOUR") && list.contains("banana") && list.contains("école") && list.contains("zebra"))
        #expect(!list.contains("ms") && !list.contains("xy") && list.count == 4, "flags are no words")
    }

    /// Property: a list read from a file holds what the list of its lines' words (flags cut
    /// off) holds, whatever their case, letters and line ends.
    @Test func aWordListFileIsItsWords() throws {
        let path = NSTemporaryDirectory() + "folio-words-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: path) }
        var generator = SplitMix(seed: 11)
        let pieces = ["a", "z", "A", "Z", "@", "[", "`", "{", "É", "é", "ß", "İ", "Σ", "e\u{301}", "'", "-", "1"]
        for _ in 0..<20 {
            let words = (0..<200).map { _ in (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined() }
            let lines = words.map { $0 + (Bool.random(using: &generator) ? "/" + (pieces.randomElement(using: &generator)!) : "") }
            let ends = ["\n", "\r\n", "\r"]
            try lines.map { $0 + ends.randomElement(using: &generator)! }.joined().write(toFile: path, atomically: true, encoding: .utf8)
            let read = try WordList(path: path), expected = WordList(words: words.filter { !$0.isEmpty })
            #expect(read.count == expected.count)
            for word in words + words.map({ $0.uppercased() }) { #expect(read.contains(word) == expected.contains(word), "\(word)") }
        }
    }

    @Test func aWordListFindsWordsAsStringsEqualThem() {
        // Strings are equal when Unicode counts them the same: `é` composed or decomposed.
        let words = ["Café", "nai\u{308}ve", "x", "", "über"] + (0..<5_000).map { "word\($0)" }
        let list = WordList(words: words)
        let set = Set(words.map { $0.lowercased() })
        let probes = ["cafe\u{301}", "CAFÉ", "naïve", "NAÏVE", "cafe", "x", "", "y", "Über", "u\u{308}ber", "word4999", "word5000", "word"]
        for probe in probes { #expect(list.contains(probe) == set.contains(probe.lowercased()), "\(probe)") }
        #expect(list.contains("cafe\u{301}") && list.contains("") && !list.contains("cafe") && list.count == words.count)
    }
}
