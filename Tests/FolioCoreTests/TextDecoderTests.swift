import Testing
@testable import FolioCore

@Suite struct TextDecoderTests {
    func decode(_ bytes: [UInt8]) throws -> String {
        String(scalars: try TextDecoder.decode(bytes, file: "in.txt"))
    }

    @Test func utf8WithAndWithoutByteOrderMark() throws {
        #expect(try decode(Array("Ionașcu".utf8)) == "Ionașcu")
        #expect(try decode([0xEF, 0xBB, 0xBF] + Array("é".utf8)) == "é")
    }

    @Test func utf16BothEndiannesses() throws {
        let little: [UInt8] = [0xFF, 0xFE] + "Aé😀".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + "Aé😀".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try decode(little) == "Aé😀")
        #expect(try decode(big) == "Aé😀")
    }

    @Test func utf32WithByteOrderMark() throws {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x00, 0x00] + "Aé".unicodeScalars.flatMap { scalar in
            (0..<4).map { UInt8((scalar.value >> (8 * $0)) & 0xFF) }
        }
        #expect(try decode(bytes) == "Aé")
    }

    @Test func invalidUTF8NamesTheByteLineAndColumn() {
        let bytes = Array("line one\nab".utf8) + [0xC3, 0x28] + Array(" rest".utf8)
        do {
            _ = try decode(bytes)
            Issue.record("invalid UTF-8 was accepted")
        } catch let error as FolioError {
            let message = error.description
            #expect(message.contains("in.txt"))
            #expect(message.contains("byte 11"))
            #expect(message.contains("line 2, column 3"))
            #expect(message.contains("0xC3"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    /// Property: UTF-8 decodes as the standard library decodes it, whatever runs of ASCII and
    /// other characters stand where (eight bytes are read at a time), and a NUL anywhere, even
    /// inside a run of ASCII, makes the file binary, named at its byte.
    @Test func utf8DecodesAsTheStandardLibraryDoes() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "abcdefgh", "0123456789", " ", "\n", "é", "—", "😀", "\u{7F}", "\u{80}", "ab\u{7F}cdefghij"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            guard !text.isEmpty else { continue }
            #expect(try TextDecoder.decode(Array(text.utf8), file: "in.txt") == Array(text.unicodeScalars), "\(text.debugDescription)")
            var bytes = Array(text.utf8)
            let place = Int.random(in: 0..<bytes.count, using: &generator)
            let wasASCII = bytes[place] < 0x80
            bytes[place] = 0
            #expect { try TextDecoder.decode(bytes, file: "in.txt") } throws: { error in
                // In place of an ASCII byte the NUL is named; in a longer character, the cut.
                guard let error = error as? FolioError else { return false }
                return wasASCII ? error.diagnostics.first?.message.contains("binary") == true && error.diagnostics.first?.place == .byte(place) : "\(error)".contains("UTF-8")
            }
        }
    }

    @Test func truncatedOverlongAndSurrogateSequencesAreErrors() {
        for bytes: [UInt8] in [[0x61, 0xE2, 0x82], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x80], [0x80]] {
            #expect(throws: FolioError.self) { try decode(bytes) }
        }
    }

    @Test func nulBytesMeanBinary() {
        #expect { try decode([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]) } throws: { error in
            "\(error)".contains("binary")
        }
    }

    @Test func loneSurrogateInUTF16IsAnError() {
        #expect(throws: FolioError.self) { try decode([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]) }
    }

    @Test func emptyAndBlankFilesAreRefused() {
        #expect { try DocumentReader.decode([], name: "e.txt", format: .plainText) } throws: { "\($0)".contains("empty") }
        #expect { try DocumentReader.decode(Array(" \n\t".utf8), name: "e.txt", format: .plainText) } throws: { "\($0)".contains("white space") }
    }

    @Test func textLaidOutAParagraphALineIsReadAsMarkdown() throws {
        let paragraph = String(repeating: "A sentence of a paragraph that a converter kept on one line. ", count: 5)
        let converted = try DocumentReader.decode(Array("Title\n\n\(paragraph)\n\n\(paragraph)\n".utf8), name: "c.txt", format: .plainText)
        #expect(converted.format == .markdown)
        let extracted = String(repeating: "A line broken at the column width, as pdftotext writes it.\n", count: 20)
        #expect(try DocumentReader.decode(Array(extracted.utf8), name: "e.txt", format: .plainText).format == .plainText)
    }

    @Test func unknownExtensionsAreRefusedWithTheKnownOnes() {
        #expect { try DocumentReader.read(path: "/tmp/paper.pdf") } throws: { "\($0)".contains(".txt") }
    }
}
