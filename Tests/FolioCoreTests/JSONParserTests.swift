import Foundation
import Testing
import FolioBytes
@testable import FolioCore

@Suite struct JSONParserTests {
    @Test func parsesEveryKindOfValueAndKeepsKeyOrder() throws {
        let value = try JSONParser.parse(#"{"z": 1, "a": [true, false, null, -2.5e1, "\u00e9\n\ud83d\ude00"], "m": {}}"#)
        #expect(value.objectValue?.keys.elements == ["z", "a", "m"])
        #expect(value["a"] == [true, false, nil, .number(-25), "é\n😀"])
        #expect(value["z"] == .integer(1))
    }

    @Test func serializesDeterministicallyAndRoundTrips() throws {
        let text = #"{"b": [1, 2.5, "x\"y\\z\u0001"], "a": {"nested": null}}"#
        let value = try JSONParser.parse(text)
        let once = JSONSerializer(indent: 2).string(value)
        #expect(try JSONParser.parse(once) == value)
        #expect(JSONSerializer(indent: 0).string(value) == #"{"b":[1,2.5,"x\"y\\z\u0001"],"a":{"nested":null}}"# + "\n")
    }

    /// Each line is indented by its depth, however deep (deeper than the run of spaces the
    /// serializer copies from).
    @Test func indentsEveryLineByItsDepth() {
        for indent in [1, 2, 3] {
            var value: JSONValue = .integer(7)
            for _ in 0..<70 { value = .array([value]) }
            let lines = JSONSerializer(indent: indent).string(value).split(separator: "\n")
            #expect(lines.count == 141)
            for (number, line) in lines.enumerated() {
                let depth = number <= 70 ? number : 140 - number
                #expect(line == String(repeating: " ", count: indent * depth) + (number < 70 ? "[" : number == 70 ? "7" : "]"), "line \(number)")
            }
        }
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "1:9", "expected a key"),
        ("[1 2]", "1:4", "expected ',' or ']'"),
        ("{\"a\": 01}", "1:7", "a number cannot start with 0"),
        ("\"abc", "1:1", "this string is never closed"),
        ("{\"a\": 1, \"a\": 2}", "1:10", "the key \"a\" appears twice"),
        ("tru", "1:1", "expected a JSON value"),
        ("{}\n x", "2:2", "unexpected text after the JSON value"),
        ("", "1:1", "the JSON ends where a value was expected"),
    ])
    func errorsSayWhereAndWhat(text: String, place: String, message: String) {
        #expect { try JSONParser.parse(text, file: "f.json") } throws: { error in
            "\(error)".contains("f.json:\(place): error: \(message)")
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000)
        #expect { try JSONParser.parse(deep) } throws: { "\($0)".contains("nests deeper") }
    }

    /// Property: strings, and keys, come out escaped as one byte at a time would escape them,
    /// whatever eight-byte stretches they fall in, and integers as their decimal form.
    @Test func stringsAndIntegersAreWrittenAsTheirDefinitionSays() {
        func definition(_ string: String) -> [UInt8] {
            var output: [UInt8] = [UInt8(ascii: "\"")]
            for byte in string.utf8 {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): output += [UInt8(ascii: "\\"), byte]
                case 0x0A: output += Array(#"\n"#.utf8)
                case 0x0D: output += Array(#"\r"#.utf8)
                case 0x09: output += Array(#"\t"#.utf8)
                case 0..<0x20, 0x7F: output += Array(String(format: "\\u%04x", Int(byte)).utf8)
                default: output.append(byte)
                }
            }
            return output + [UInt8(ascii: "\"")]
        }
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "abcdefgh", "Z7", "@", "[", "`", "{", " ", "\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1F}", "\u{7F}", "\u{0}", "é", "😀", "!", "~", "\u{80}", "Ü", "/"]
        for _ in 0..<5_000 {
            let string = (0..<Int.random(in: 0...20, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var output = ByteWriter()
            JSONSerializer.writeString(string, into: &output)
            #expect(output.bytes() == definition(string), "\(string.debugDescription)")
            // The same as a key (a short name of letters and digits is copied whole).
            var writer = JSONStreamWriter(indent: 0)
            writer.beginObject()
            writer.key(named: string)
            writer.integer(1)
            writer.endObject()
            #expect(writer.finish() == [UInt8(ascii: "{")] + definition(string) + Array(":1}\n".utf8), "\(string.debugDescription)")
        }
        for number in [0, 7, -7, 10, 99, 100, -100, 123_456_789, Int.max, Int.min] + (0..<1_000).map({ _ in Int.random(in: .min ... .max, using: &generator) }) {
            var output = ByteWriter()
            JSONSerializer.writeInteger(number, into: &output)
            #expect(String(decoding: output.bytes(), as: UTF8.self) == String(number))
        }
    }
}
