import Foundation
import Testing
@testable import FolioCore

@Suite struct NormalizeStageTests {
    func normalize(_ text: String, _ stage: NormalizeStage = NormalizeStage()) throws -> Document {
        try process(text, stages: [stage])
    }

    func output(_ document: Document) -> String { document.text.string(document.text.all) }

    @Test func ligaturesExpandAndPointAtTheLigature() throws {
        let document = try normalize("ef\u{FB01}cient \u{FB04}ow")
        #expect(output(document) == "efficient fflow")
        #expect(document.text.sourceRange(TextRange(2, 4)) == SourceRange(2, 3))  // "fi" came from "ﬁ"
        #expect(document.repairs.map(\.rule) == ["ligature", "ligature"])
        #expect(document.repairs[0].before == "\u{FB01}" && document.repairs[0].after == "fi")
    }

    @Test func everyLigatureExpandsAndEveryInvisibleGoes() throws {
        let document = try normalize("\u{FB00} \u{FB01} \u{FB02} \u{FB03} \u{FB04} \u{FB05} \u{FB06} \u{0132} \u{0133} a\u{200B}\u{2060}\u{FEFF}\u{180E}b \u{FB07}\u{0134}")
        #expect(output(document) == "ff fi fl ffi ffl st st IJ ij ab \u{FB07}\u{0134}")
        #expect(document.repairs.map(\.rule) == Array(repeating: "ligature", count: 9) + Array(repeating: "invisible-character", count: 4))
    }

    @Test func composesToNFC() throws {
        let document = try normalize("Ionas\u{0326}cu cafe\u{0301} e\u{0323}\u{0302}")
        #expect(output(document) == "Ionașcu café ệ")
        #expect(document.repairs.allSatisfy { $0.rule == "unicode-nfc" })
        // "ș" (output 4) covers "s" and the comma below (source 4..<6); "é" (output 11) covers
        // "e" and the acute accent (source 12..<14).
        #expect(document.text.sourceRange(TextRange(4, 5)) == SourceRange(4, 6))
        #expect(document.text.sourceRange(TextRange(11, 12)) == SourceRange(12, 14))
        #expect(document.text.sourceRange(TextRange(5, 8)) == SourceRange(6, 9))
    }

    @Test func leavesAlreadyComposedTextAlone() throws {
        let text = "Srîmbovschi – “quoted” ‘term’ Ελλάδα Россия 東京"
        let document = try normalize(text)
        #expect(output(document) == text)
        #expect(document.repairs.isEmpty)
    }

    @Test func controlAndInvisibleCharactersGoAndAreLogged() throws {
        let document = try normalize("a\u{0007}b\u{200B}c\u{FEFF}d\u{0085}e\u{007F}f ~\u{007F} g")
        #expect(output(document) == "abcdef ~ g")
        #expect(Set(document.repairs.map(\.rule)) == ["control-character", "invisible-character"])
    }

    @Test func lineEndsAndSpaces() throws {
        let document = try normalize("one\r\ntwo\rthree  \u{00A0}four\t\n   indented\u{000C}page  ")
        #expect(output(document) == "one\ntwo\nthree four\n   indented\u{000C}page")
    }

    /// Property: a run of horizontal spaces is dropped at a line's end, keeps its width as
    /// spaces at a line's start, and is one space inside a line, over random texts of single
    /// and mixed spaces between words, marks and line ends.
    @Test func spacesAreWhatTheirPlaceInTheLineMakesThem() throws {
        let stage = NormalizeStage(composeCanonically: false, expandLigatures: false, removeControlCharacters: false, normalizeWhiteSpace: true)
        var random = SeededGenerator(seed: 7)
        let pieces = ["a", "bc", ".", "~", " ", " ", "\t", "\u{A0}", "\u{3000}", "\n", "é", "\u{7F}"]
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { [" ", "\t", "\u{A0}", "\u{3000}"].contains(scalar) }
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 1...16, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let scalars = Array(text.unicodeScalars)
            var expected = String.UnicodeScalarView()
            var index = 0
            while index < scalars.count {
                guard isSpace(scalars[index]) else { expected.append(scalars[index]); index += 1; continue }
                var end = index
                while end < scalars.count && isSpace(scalars[end]) { end += 1 }
                if end == scalars.count || scalars[end] == "\n" {
                } else if index == 0 || scalars[index - 1] == "\n" {
                    expected.append(contentsOf: Array(repeating: " ", count: end - index))
                } else {
                    expected.append(" ")
                }
                index = end
            }
            #expect(output(try normalize(text, stage)) == String(expected), "\(text.debugDescription)")
        }
    }

    @Test func rulesStillApplyRightAfterAComposedCharacter() throws {
        #expect(output(try normalize("e\u{0301}\u{FB01}x e\u{0301}\u{200B}y")) == "éfix éy")
    }

    @Test func softHyphenKeptOnlyAtALineEnd() throws {
        let document = try normalize("inter\u{00AD}\nnational co\u{00AD}operation")
        #expect(output(document) == "inter\u{00AD}\nnational cooperation")
        #expect(document.text.readingText(document.text.all) == "international cooperation")
    }

    @Test func optionsTurnRulesOff() throws {
        let stage = NormalizeStage(composeCanonically: false, expandLigatures: false, removeControlCharacters: false, normalizeWhiteSpace: false)
        let text = "\u{FB01} e\u{0301}\u{0007}  x"
        #expect(output(try normalize(text, stage)) == text)
    }

    /// Property: cleaning never loses a letter. The letters of the output are the letters of the
    /// input's NFC form with ligatures expanded, in order, and each maps back to its source.
    @Test func neverLosesALetter() throws {
        var random = SeededGenerator(seed: 42)
        let alphabet: [String] = ["a", "b", "Z", " ", "  ", "\n", "\r\n", "\t", "\u{00A0}", "\u{FB01}", "e\u{0301}", "\u{0007}",
                                  "\u{200B}", "ș", "\u{000C}", "\u{00AD}", "-", "’", "—", "1", "ñ", "n\u{0303}", "\u{2028}"]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 1...40, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined()
            let document = try normalize(text)
            let expected = text.precomposedStringWithCanonicalMapping.replacingOccurrences(of: "\u{FB01}", with: "fi")
                .unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
            let actual = document.text.scalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
            #expect(Array(expected) == actual, "lost letters in \(text.debugDescription)")
            // Every unchanged letter still points at itself in the source.
            let source = document.source.scalars
            for position in 0..<document.text.count where document.text[position].properties.isAlphabetic {
                let range = document.text.sourceRange(TextRange(position, position + 1))
                #expect(range.count >= 1)
                if range.count == 1 && source[range.start] != "\u{FB01}" && source[range.start].value < 0x300 {
                    #expect(source[range.start] == document.text[position] || !source[range.start].properties.isAlphabetic)
                }
            }
        }
    }
}
