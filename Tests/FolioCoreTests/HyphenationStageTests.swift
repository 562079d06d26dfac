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

    /// The same for words with letters beyond ASCII, which take another path to their keys.
    @Test func restoresDroppedHyphensInAccentedWords() throws {
        let text = "Österreich-Ungarn fiel. Der Zerfall Österreichungarns und ÖSTERREICHUNGARN; États and Unis. LES ÉTATSUNIS sont déjàvus."
        let document = try clean(text)
        let reading = document.text.readingText(document.text.all)
        #expect(reading.contains("ÖSTERREICH-UNGARN;") && reading.contains("LES ÉTATS-UNIS sont déjàvus."), "\(reading)")
        #expect(document.repairs.map(\.after) == ["ÖSTERREICH-UNGARN", "ÉTATS-UNIS"])
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
