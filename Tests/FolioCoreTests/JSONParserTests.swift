import Testing
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
}
