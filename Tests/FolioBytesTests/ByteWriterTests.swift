import FolioBytes
import Testing

@Suite struct ByteWriterTests {
    /// Property: a writer holds what an array appended the same pieces holds, from a small
    /// start that must grow many times, by a byte and by more than it has room for.
    @Test func holdsWhatWasAppended() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var writer = ByteWriter(capacity: 1)
            let expected = Self.appendRandomPieces(to: &writer, using: &generator)
            #expect(writer.bytes() == expected)
        }
    }

    /// Property: bytes collected into an array's memory are what was appended, whether they fit
    /// the room made for them or outgrow it (into the writer's own memory) at any point.
    @Test func collectsWhatWasAppended() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var expected: [UInt8] = []
            let collected = ByteWriter.collect(capacity: Int.random(in: 0...400, using: &generator)) { writer in
                var writer = writer
                expected = Self.appendRandomPieces(to: &writer, using: &generator)
                return writer
            }
            #expect(collected == expected)
        }
    }

    /// A literal's bytes where it stands are its UTF-8, and a writer appends them whole: a
    /// literal of one code point, which may have none there, is written from its code point.
    @Test func literalsAreTheirUTF8() {
        let literals: [(StaticString, String)] = [("", ""), ("a", "a"), ("é", "é"), ("\u{1F600}", "\u{1F600}"), ("key", "key"), ("&amp;é", "&amp;é")]
        for (literal, text) in literals {
            if let bytes = literal.pointedUTF8 { #expect(Array(bytes) == Array(text.utf8), "\(text)") }
            var writer = ByteWriter(capacity: 1)
            writer.append(literal)
            #expect(writer.bytes() == Array(text.utf8), "\(text)")
        }
        let single: StaticString = "x"
        #expect(single.pointedUTF8.map(Array.init) ?? Array("x".utf8) == Array("x".utf8))
    }

    /// Appends random pieces of each kind; returns what an array appended the same holds.
    private static func appendRandomPieces(to writer: inout ByteWriter, using generator: inout SystemRandomNumberGenerator) -> [UInt8] {
        var expected: [UInt8] = []
        for _ in 0..<Int.random(in: 0...60, using: &generator) {
            switch Int.random(in: 0..<4, using: &generator) {
            case 0:
                let byte = UInt8.random(in: 0...255, using: &generator)
                writer.append(byte)
                expected.append(byte)
            case 1:
                let bytes = (0..<Int.random(in: 0...100, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                bytes.withUnsafeBufferPointer { writer.append($0) }
                expected += bytes
            case 2:
                let count = Int.random(in: -2...70, using: &generator)
                writer.append(repeating: 0x20, count: count)
                expected += repeatElement(0x20, count: max(count, 0))
            default:
                writer.append("&amp;é")
                expected += Array("&amp;é".utf8)
            }
        }
        return expected
    }
}
