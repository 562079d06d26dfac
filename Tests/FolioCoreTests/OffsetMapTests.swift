import Testing
@testable import FolioCore

@Suite struct OffsetMapTests {
    let source = SourceText(name: "t", format: .plainText, text: "abcdefghij")

    @Test func identityMapsEachPositionToItself() {
        let text = WorkingText(source: source)
        #expect(text.sourceRange(TextRange(2, 5)) == SourceRange(2, 5))
        #expect(text.sourceRange(TextRange(3, 3)) == SourceRange(3, 3))
    }

    @Test func replacementsInsertionsAndDeletionsMapBack() {
        var builder = WorkingTextBuilder(base: WorkingText(source: source))
        builder.copy(TextRange(0, 2))                        // ab
        builder.replace(TextRange(2, 3), with: "XYZ".unicodeScalars)  // c -> XYZ
        builder.copy(TextRange(3, 5))                        // de
        builder.replace(TextRange(5, 7), with: [])           // fg deleted
        builder.replace(TextRange(7, 7), with: ["-"])        // inserted before h
        builder.copy(TextRange(7, 10))                       // hij
        let text = builder.finish()
        #expect(text.string(text.all) == "abXYZde-hij")
        #expect(text.sourceRange(TextRange(0, 2)) == SourceRange(0, 2))
        #expect(text.sourceRange(TextRange(2, 5)) == SourceRange(2, 3))   // XYZ came from c
        #expect(text.sourceRange(TextRange(3, 4)) == SourceRange(2, 3))   // so did Y
        #expect(text.sourceRange(TextRange(5, 7)) == SourceRange(3, 5))   // de
        #expect(text.sourceRange(TextRange(8, 11)) == SourceRange(7, 10)) // hij, after the deletion
        #expect(text.sourceRange(TextRange(7, 8)) == SourceRange(7, 7))   // the insertion is a point
        #expect(text.sourceRange(TextRange(6, 9)) == SourceRange(4, 8))   // e - h spans the deletion
    }

    /// `AAbcdefghij`: the source rebuilt once, its first letter replaced by two.
    private func firstLetterDoubled() -> WorkingText {
        var builder = WorkingTextBuilder(base: WorkingText(source: source))
        builder.replace(TextRange(0, 1), with: "AA".unicodeScalars)
        builder.copy(TextRange(1, 10))
        return builder.finish()
    }

    @Test func rebuildingTwiceComposesTheMaps() {
        let once = firstLetterDoubled()
        var second = WorkingTextBuilder(base: once)
        second.copy(TextRange(0, 3))     // AAb
        second.replace(TextRange(3, 5), with: [])  // cd gone
        second.copy(TextRange(5, 11))    // efghij
        let twice = second.finish()
        #expect(twice.string(twice.all) == "AAbefghij")
        #expect(twice.sourceRange(TextRange(0, 2)) == SourceRange(0, 1))
        #expect(twice.sourceRange(TextRange(3, 5)) == SourceRange(4, 6))
    }

    /// A stage that keeps the whole text hands it on uncopied; one that then goes on to edit
    /// it (an insertion at its end) still gets the whole text, with its map, before the edit.
    @Test func keepingTheWholeTextThenEditingIt() {
        let once = firstLetterDoubled()
        var kept = WorkingTextBuilder(base: once)
        kept.copy(once.all)
        #expect(kept.count == 11)
        let same = kept.finish()
        #expect(same.string(same.all) == "AAbcdefghij")
        #expect(same.sourceRange(TextRange(1, 3)) == SourceRange(0, 2))
        kept.replace(TextRange(11, 11), with: ["!"])
        #expect(kept.count == 12)
        let extended = kept.finish()
        #expect(extended.string(extended.all) == "AAbcdefghij!")
        #expect(extended.sourceRange(TextRange(1, 3)) == SourceRange(0, 2))
        #expect(extended.sourceRange(TextRange(11, 12)) == SourceRange(10, 10))
        #expect(kept.positionMap().map(TextRange(2, 5)) == TextRange(2, 5))
    }

    /// Property: whatever a stage copies keeps pointing at the same source code points.
    @Test func copiedTextAlwaysPointsAtItsSource() {
        var random = SeededGenerator(seed: 7)
        let letters = Array("abcdefghijklmnopqrstuvwxyz".unicodeScalars)
        for _ in 0..<300 {
            let length = Int.random(in: 1...60, using: &random)
            let original = SourceText(name: "t", format: .plainText, scalars: (0..<length).map { _ in letters.randomElement(using: &random)! })
            var text = WorkingText(source: original)
            for _ in 0..<3 {
                var builder = WorkingTextBuilder(base: text)
                var index = 0
                var copies: [(TextRange, Int)] = []  // (new range, old start)
                while index < text.count {
                    let step = Int.random(in: 1...5, using: &random)
                    let range = TextRange(index, min(text.count, index + step))
                    switch Int.random(in: 0..<4, using: &random) {
                    case 0: builder.replace(range, with: Array("#".unicodeScalars))
                    case 1: builder.replace(range, with: [])
                    default:
                        copies.append((TextRange(builder.count, builder.count + range.count), range.start))
                        builder.copy(range)
                    }
                    index = range.end
                }
                let rebuilt = builder.finish()
                for (range, _) in copies {
                    for position in range.start..<range.end where rebuilt[position] != "#" {
                        let source = rebuilt.sourceRange(TextRange(position, position + 1))
                        #expect(source.count == 1)
                        #expect(original.scalars[source.start] == rebuilt[position])
                    }
                }
                text = rebuilt
            }
        }
    }
}

@Suite struct PositionMapTests {
    @Test func rangesFollowARewrite() {
        let source = SourceText(name: "t", format: .plainText, text: "keep [link](#) tail")
        var builder = WorkingTextBuilder(base: WorkingText(source: source))
        builder.copy(TextRange(0, 5))                    // "keep "
        builder.replace(TextRange(5, 6), with: [])       // "["
        builder.copy(TextRange(6, 10))                   // "link"
        builder.replace(TextRange(10, 14), with: [])     // "](#)"
        builder.copy(TextRange(14, 19))                  // " tail"
        let map = builder.positionMap()
        let text = builder.finish()
        #expect(text.string(map.map(TextRange(6, 10))) == "link")
        #expect(text.string(map.map(TextRange(15, 19))) == "tail")
        #expect(text.string(map.map(TextRange(5, 14))) == "link")   // the markup around it is gone
        #expect(map.map(TextRange(10, 14)).isEmpty)
    }

    @Test func footnotesSurviveALaterCleaningStage() throws {
        let filler = Array(repeating: "The text of the paper runs across the full width of the column as set in type", count: 12).joined(separator: "\n")
        let text = " PAGE\n\(filler)\nwith a marker3 here.\n3 See [the source](#) for this.\n NEXT PAGE\n\(filler)\n"
        let document = try process(text, stages: [NormalizeStage(), FootnotesStage(), LinkDebrisStage(), ParagraphsStage()])
        let note = try #require(document.footnotes.first)
        #expect(document.text.readingText(note.span) == "See the source for this.")
        #expect(document.text.string(note.markers[0]) == "3")
    }
}
