import Testing
@testable import FolioCore

@Suite struct PageFurnitureStageTests {
    let stages: [any Stage] = [NormalizeStage(), PageFurnitureStage(), ParagraphsStage()]
    let words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima"]
    /// Ten different lines of body text for page `number`.
    func body(_ number: Int) -> String {
        (0..<10).map { line in "Body text about \(words[(number + line) % 12]) and \(words[(number * 5 + line * 7) % 12]) fills the line of the page to its end" }
            .joined(separator: "\n")
    }

    func page(_ number: Int, head: String?) -> String {
        [head, body(number), "\(number)"].compactMap { $0 }.joined(separator: "\n")
    }

    @Test func runningHeadsAndPageNumbersGo() throws {
        let heads = ["Journal of Studies, vol. 3", "A. Author: A Title", "Journal of Studies, vol. 3", "A. Author: A Title"]
        let text = (0..<4).map { page(12 + $0, head: heads[$0]) }.joined(separator: "\n\u{000C}")
        let document = try process(text, stages: stages)
        #expect(document.pageFurniture.count == 8)
        #expect(document.pageFurniture.filter { $0.kind == .pageNumber }.map(\.text) == ["12", "13", "14", "15"])
        let all = blockTexts(document).joined(separator: " ")
        #expect(!all.contains("Journal") && !all.contains("Author") && !all.contains(" 13 "))
        #expect(document.source.string(document.pageFurniture[0].source) == "Journal of Studies, vol. 3")
    }

    @Test func headsWithPageNumbersInThemMatch() throws {
        let text = (0..<3).map { page(40 + $0, head: "Studies in History \(40 + $0)") }.joined(separator: "\n\u{000C}")
        let document = try process(text, stages: stages)
        #expect(document.pageFurniture.filter { $0.kind == .runningHead }.map(\.text) == ["Studies in History 40", "Studies in History 41", "Studies in History 42"])
    }

    @Test func aLineOnOnePageOnlyStays() throws {
        let text = ["INTRODUCTION\n" + body(1), "Other text begins this page here\n" + body(2)].joined(separator: "\n\u{000C}")
        let document = try process(text, stages: stages)
        #expect(document.pageFurniture.isEmpty)
    }

    @Test func identicalLinesInsideAPageAreNotFurniture() throws {
        let repeated = Array(repeating: "| 0.5 | 0.7 | 0.9 |", count: 6).joined(separator: "\n")
        let text = (0..<3).map { "Opening words of the \(words[$0]) page\n" + repeated + "\nclosing words of the \(words[$0 + 5]) page." }
            .joined(separator: "\n\u{000C}")
        #expect(try process(text, stages: stages).pageFurniture.isEmpty)
    }

    @Test func signatures() {
        let stage = PageFurnitureStage()
        func signature(_ text: String) -> String {
            let working = WorkingText(source: SourceText(name: "t", format: .plainText, text: text))
            return stage.signature(working.lines()[0], working)
        }
        #expect(signature("- 12 -") == "#")
        #expect(signature("Page 7") == "#")
        #expect(signature("xiv") == "#")
        #expect(signature("Studies  in History 2023, 41") == "studies in history #, #")
    }
}
