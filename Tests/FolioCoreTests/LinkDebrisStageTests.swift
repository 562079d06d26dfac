import Testing
@testable import FolioCore

@Suite struct LinkDebrisStageTests {
    func clean(_ text: String) throws -> Document {
        try process(text, format: .markdown, stages: [NormalizeStage(), LinkDebrisStage()])
    }

    @Test func linksBecomeTheirWordsAndAreLogged() throws {
        let document = try clean("leaders ([Fix and Kimmage 2023](#)). See <https://example.org/a_b> and [site](http://x.org/p).")
        #expect(document.text.string(document.text.all) == "leaders (Fix and Kimmage 2023). See https://example.org/a_b and site.")
        #expect(document.repairs.map(\.before) == ["[Fix and Kimmage 2023](#)", "<https://example.org/a_b>", "[site](http://x.org/p)"])
        #expect(document.repairs.allSatisfy { $0.rule == "link-debris" })
        // The kept words still point at themselves in the input.
        let words = document.text.sourceRange(TextRange(9, 29))
        #expect(document.source.string(words) == "Fix and Kimmage 2023")
    }

    @Test func bracketsThatAreNotLinksStay() throws {
        let text = "the principles of […] [the] Treaty, a < b > c, [x] (y), [](#), <mailto:me>"
        #expect(try clean(text).text.string(TextRange(0, text.unicodeScalars.count)) == text)
    }
}
