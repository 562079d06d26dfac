import Foundation
import OrderedCollections
import Testing
@testable import FolioCore
@testable import FolioKit

@Suite struct JSONFormatTests {
    @Test func theShippedSchemaLoads() throws {
        _ = try JSONFormat.validator.get()
    }

    @Test func theFullModelRendersValidAndInAStableOrder() throws {
        let bytes = try JSONFormat().render(fullModelDocument())
        let value = try JSONParser.parse(bytes)
        #expect(value.objectValue?.keys.elements.prefix(4) == ["folio", "source", "frontMatter", "body"])
        #expect(value["citations"]?.arrayValue?.first?["references"] == ["b1"])
        #expect(value["references"]?.arrayValue?.first?["container-title"] == "International Security")
        #expect(value["references"]?.arrayValue?.last?["issued"] == ["date-parts": [[2016, 5]]])
        #expect(value["quotations"]?.arrayValue?[1]["speaker"]?["text"] == "Herz")
        #expect(try JSONFormat().render(fullModelDocument()) == bytes)
    }

    @Test func samplesRenderValidAndIdenticalTwice() throws {
        #expect(samplePaths.count >= 2)
        for path in samplePaths {
            let first = try JSONFormat().render(processSample(path))
            let second = try JSONFormat().render(processSample(path))
            #expect(first == second, "\(path) is not deterministic")
        }
    }

    /// Property: every item's offsets point at the text it holds (white space aside).
    @Test func offsetsPointAtTheRightText() throws {
        for path in samplePaths {
            let document = try processSample(path)
            let json = try JSONParser.parse(JSONFormat().render(document))
            var checked = 0
            func visit(_ value: JSONValue) {
                switch value {
                case .object(let object):
                    if case .integer(let start)? = object["start"], case .integer(let end)? = object["end"],
                       case .string(let text)? = object["text"], object["level"] == nil {
                        let pieces = object["pieces"]?.arrayValue?.compactMap { piece -> SourceRange? in
                            guard case .integer(let from)? = piece["start"], case .integer(let to)? = piece["end"] else { return nil }
                            return SourceRange(from, to)
                        } ?? [SourceRange(start, end)]
                        let slice = pieces.map { repaired($0, document) }.joined(separator: " ")
                        #expect(fold(slice) == fold(text), "\(path) \(start)..<\(end)")
                        checked += 1
                    }
                    object.values.forEach(visit)
                case .array(let array): array.forEach(visit)
                default: break
                }
            }
            visit(json)
            #expect(checked > 10)
        }
    }

    /// The source in `range` with the logged repairs inside it applied: what the item's text
    /// must be, since every change to the text is logged.
    func repaired(_ range: SourceRange, _ document: Document) -> String {
        var result = ""
        var cursor = range.start
        for repair in document.repairs.sorted(by: { $0.source < $1.source })
        where repair.source.start >= cursor && repair.source.end <= range.end && repair.source.count > 0 {
            result += document.source.string(SourceRange(cursor, repair.source.start)) + repair.after
            cursor = repair.source.end
        }
        return result + document.source.string(SourceRange(cursor, range.end))
    }

    /// Text without white space, line-end hyphens kept: what offsets must preserve.
    func fold(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace })
    }

    /// The document written as events into bytes is the document written into a tree and
    /// serialized: a key written twice, which a tree keeps once, would tell them apart.
    @Test func theStreamWritesWhatTheTreeHolds() throws {
        for document in try [fullModelDocument()] + samplePaths.map(processSample) {
            let tree = DocumentJSON(document).value()
            #expect(try JSONFormat().render(document) == JSONSerializer().serialize(tree), "\(document.source.name)")
            #expect(try JSONFormat(indent: 0).render(document) == JSONSerializer(indent: 0).serialize(tree), "\(document.source.name)")
        }
    }

    /// A document the schema does not allow is refused, and the error says where and why.
    @Test func anInvalidDocumentIsRefusedWithItsPath() throws {
        var document = try fullModelDocument()
        document.footnotes[0].number = ""
        #expect { try JSONFormat().render(document) } throws: { error in
            "\(error)".contains("footnotes[0].number: the string is shorter than 1 characters")
        }
    }

    @Test func indentZeroWritesOneLine() throws {
        let bytes = try JSONFormat(indent: 0).render(fullModelDocument())
        #expect(bytes.filter { $0 == 0x0A }.count == 1)
    }
}

@Suite struct JSONSchemaValidatorTests {
    let schema: JSONValue = [
        "type": "object", "required": ["a"], "additionalProperties": false,
        "properties": ["a": ["type": "integer", "minimum": 0], "b": ["$ref": "#/$defs/b"]],
        "$defs": ["b": ["type": "array", "items": ["enum": ["x", "y"]]]],
    ]

    @Test func reportsEachViolationWithItsPath() throws {
        let validator = try JSONSchemaValidator(schema: schema)
        #expect(validator.validate(["a": 1, "b": ["x"]]).isEmpty)
        let violations = validator.validate(["a": -1, "b": ["x", "z"], "c": true]).map(\.description)
        #expect(violations.contains("at a: -1.0 is less than the minimum 0.0"))
        #expect(violations.contains { $0.hasPrefix("at b[1]: expected one of \"x\", \"y\"") })
        #expect(violations.contains("at c: the property 'c' is not allowed here"))
        #expect(validator.validate(["b": []]).map(\.description) == ["at the top level: the required property 'a' is missing"])
    }

    @Test func refusesKeywordsItWouldNotApply() {
        #expect { try JSONSchemaValidator(schema: ["type": "string", "pattern": "^a"]) } throws: { "\($0)".contains("'pattern'") }
    }

    /// What the check as events pass cannot decide is refused when the schema loads.
    @Test func refusesWhatItCannotCheckAsEventsPass() {
        #expect { try JSONSchemaValidator(schema: ["$defs": ["a": ["allOf": [["$ref": "#/$defs/a"]]]], "$ref": "#/$defs/a", "type": "object"]) }
            throws: { "\($0)".contains("leads back to itself") }
        #expect { try JSONSchemaValidator(schema: ["enum": [["a": 1], 2]]) } throws: { "\($0)".contains("holds an array or an object") }
        let many = JSONValue.object(.init(uniqueKeysWithValues: (0...64).map { ("p\($0)", JSONValue.bool(true)) }))
        #expect { try JSONSchemaValidator(schema: ["properties": many]) } throws: { "\($0)".contains("more than 64") }
        let sixtyFour = JSONValue.object(.init(uniqueKeysWithValues: (0..<64).map { ("p\($0)", JSONValue.bool(true)) }))
        #expect(throws: Never.self) { try JSONSchemaValidator(schema: ["properties": sixtyFour]) }
    }

    /// Each keyword decides a value on its own, both in the check as events pass and in the
    /// full one: random values are seldom valid enough elsewhere for one keyword to decide.
    @Test func eachKeywordDecidesAlone() throws {
        let cases: [(schema: JSONValue, value: JSONValue, conforms: Bool)] = [
            (["minItems": 2], [1], false), (["minItems": 2], [1, 2], true), (["minItems": 2], "x", true),
            (["minLength": 2], "é", false), (["minLength": 2], "éé", true),
            (["minimum": 1], 0, false), (["maximum": 1], 2, false), (["maximum": 1], 1, true),
            (["const": "a"], "a", true), (["const": "a"], ["a"], false), (["enum": [1, "a"]], ["a": 1], false), (["enum": [1, "a"]], 1, true),
            (["type": "object"], [], false), (["type": "array"], [], true), (["type": "integer"], .number(1.5), false),
            (["required": ["a"]], ["b": 1], false), (["required": ["a"]], ["a": nil], true),
            (["properties": ["a": ["type": "string"]], "required": ["a", "b"]], ["a": "x"], false),
            (["properties": ["a": ["type": "string"]], "required": ["a", "b"]], ["b": 1, "a": "x"], true),
            (["properties": ["a": false]], ["a": 1], false), (["additionalProperties": false], ["a": 1], false),
            (["additionalProperties": ["type": "integer"]], ["a": 1, "b": 2], true),
            (["prefixItems": [["type": "string"]], "items": ["type": "integer"]], ["a", 1, 2], true),
            (["prefixItems": [["type": "string"]], "items": ["type": "integer"]], ["a", "b"], false),
            (["prefixItems": [["type": "string"]]], [1], false),
            // Two nodes' `prefixItems`: each its own.
            (["properties": ["a": ["prefixItems": [["type": "string"]]], "b": ["prefixItems": [["type": "integer"]]]]], ["b": [1]], true),
            (["properties": ["a": ["prefixItems": [["type": "string"]]], "b": ["prefixItems": [["type": "integer"]]]]], ["b": ["x"]], false),
            (["allOf": [["minimum": 0], ["maximum": 2]]], 3, false), (["anyOf": [["type": "string"], ["minimum": 5]]], 3, false),
            (["anyOf": [["type": "string"], ["minimum": 5]]], [], true), (["oneOf": [["type": "array"], ["minItems": 1]]], [1], false),
            (["oneOf": [["type": "array"], ["minItems": 1]]], [], true), (true, ["a": [1]], true), (false, nil, false),
            (["$ref": "#/$defs/missing", "type": "string"], "a", false),
            (["items": ["oneOf": [["type": "string"], ["type": "object", "properties": ["k": ["const": 1]], "required": ["k"]]]]], ["a", ["k": 1]], true),
            (["items": ["oneOf": [["type": "string"], ["type": "object", "properties": ["k": ["const": 1]], "required": ["k"]]]]], [["k": 2]], false),
        ]
        for (schema, value, expected) in cases {
            let validator = try JSONSchemaValidator(schema: schema)
            let description = "\(JSONSerializer(indent: 0).string(schema)) \(JSONSerializer(indent: 0).string(value))"
            #expect(validator.conforms(value, to: 0) == expected, "\(description)")
            #expect(validator.violations(in: value).isEmpty == expected, "\(description)")
        }
    }

    /// A string given as its bytes is checked as the string: made one where a keyword reads it.
    @Test func aStringGivenAsBytesIsCheckedAsTheString() throws {
        let schemas: [JSONValue] = [["type": "string"], ["type": "integer"], ["minLength": 2], ["enum": ["ab", 1]], ["const": "é"],
                                    ["items": ["minLength": 2]], ["anyOf": [["const": "x"], ["minLength": 3]]], false]
        for schema in schemas {
            let validator = try JSONSchemaValidator(schema: schema)
            for text in ["", "x", "ab", "é", "abc"] {
                for wrapped in [false, true] {
                    var check = validator.streamCheck()
                    if wrapped { check.beginArray() }
                    Array(text.utf8).withUnsafeBufferPointer { check.string(utf8: $0) }
                    if wrapped { check.endArray() }
                    let value: JSONValue = wrapped ? [.string(text)] : .string(text)
                    #expect(check.conforms == validator.violations(in: value).isEmpty, "\(JSONSerializer(indent: 0).string(schema)) \(text) \(wrapped)")
                }
            }
        }
    }

    /// A key written twice leaves an object whose meaning is not certain: the check refuses it.
    @Test func aKeyWrittenTwiceDoesNotConform() throws {
        let validator = try JSONSchemaValidator(schema: schema)
        var check = validator.streamCheck()
        check.beginObject()
        check.field("a", 1)
        check.field("a", 2)
        check.endObject()
        #expect(!check.conforms)
        var once = validator.streamCheck()
        once.value(["a": 1, "b": ["y"]])
        #expect(once.conforms)
    }

    @Test func typesAllowTheirOwnAndANumberAllowsAnInteger() throws {
        let integer = try JSONSchemaValidator(schema: ["type": "integer"])
        let number = try JSONSchemaValidator(schema: ["type": "number"])
        let either = try JSONSchemaValidator(schema: ["type": ["string", "null"]])
        #expect(integer.validate(3).isEmpty && integer.validate(.number(3.0)).isEmpty)
        #expect(integer.validate(.number(1.5)).map(\.description) == ["at the top level: expected integer, found number"])
        #expect(number.validate(3).isEmpty && number.validate(.number(1.5)).isEmpty && !number.validate("3").isEmpty)
        #expect(either.validate("a").isEmpty && either.validate(nil).isEmpty)
        #expect(either.validate(true).map(\.description) == ["at the top level: expected string or null, found boolean"])
    }

    @Test func referencesChainAndRecurAndLengthsCountCodePoints() throws {
        // A reference to a reference, a recursive definition, and one with keywords beside it.
        let validator = try JSONSchemaValidator(schema: [
            "$ref": "#/$defs/node",
            "$defs": [
                "node": ["$ref": "#/$defs/tree"],
                "tree": ["type": "object", "properties": ["name": ["$ref": "#/$defs/name"], "children": ["type": "array", "items": ["$ref": "#/$defs/node"]]]],
                "name": ["$ref": "#/$defs/text", "minLength": 2],
                "text": ["type": "string"],
            ],
        ])
        #expect(validator.validate(["name": "ab", "children": [["name": "é̃", "children": []]]]).isEmpty, "two code points")
        #expect(validator.validate(["children": [["children": [["name": 3]]]]]).map(\.description) == ["at children[0].children[0].name: expected string, found integer"])
        #expect(validator.validate(["children": [["name": "é"]]]).map(\.description) == ["at children[0].name: the string is shorter than 2 characters"])
        #expect(!validator.validate(.array([])).isEmpty)
    }

    @Test func oneOfNeedsExactlyOneMatch() throws {
        let validator = try JSONSchemaValidator(schema: ["oneOf": [["type": "integer"], ["type": "number"]]])
        #expect(!validator.validate(1).isEmpty)   // both match
        #expect(validator.validate(.number(1.5)).isEmpty)
    }

    /// The forms of `oneOf` are tried without their messages; when none fits, the closest one's
    /// violations are reported in full, as if it alone had been asked.
    @Test func noMatchingFormReportsTheClosestInFull() throws {
        let validator = try JSONSchemaValidator(schema: ["oneOf": [
            ["type": "object", "required": ["a", "b"]],
            ["type": "object", "properties": ["kind": ["enum": ["x", "y"]]], "required": ["kind"]],
        ]])
        #expect(validator.validate(["kind": "z"]).map(\.description) == ["at kind: expected one of \"x\", \"y\", found \"z\""])
        #expect(validator.validate(["kind": "x"]).isEmpty)
        let either = try JSONSchemaValidator(schema: ["anyOf": [["type": "string"], ["enum": [1, 2]]]])
        #expect(either.validate(3).map(\.description) == ["at the top level: the value matches none of the allowed forms"])
    }

    /// Property: the quick check finds a value valid exactly when the full check finds no
    /// violation, over random values against a schema of every keyword and against the shipped
    /// schema on mutations of a whole document.
    @Test func theQuickCheckAgreesWithTheFullOne() throws {
        let everyKeyword = try JSONSchemaValidator(schema: [
            "$ref": "#/$defs/node",
            "$defs": [
                "node": ["type": ["object", "array", "string", "integer", "null"], "required": ["k", "extra"],
                         "properties": ["k": ["enum": ["x", 1, nil]], "n": ["type": "number", "minimum": 0, "maximum": 3],
                                        "s": ["type": "string", "minLength": 2], "c": ["const": true],
                                        "o": ["type": "object", "required": ["k"], "properties": ["k": ["type": "integer"]]],
                                        "kids": ["type": "array", "minItems": 1, "prefixItems": [["type": "integer"]], "items": ["$ref": "#/$defs/node"]]],
                         "additionalProperties": ["anyOf": [["type": "boolean"], ["oneOf": [["type": "integer"], ["type": "number"]]]]],
                         "allOf": [true, ["type": ["object", "array", "string", "integer", "null"]]]],
            ],
        ])
        var generator = SystemRandomNumberGenerator()
        func randomValue(_ depth: Int) -> JSONValue {
            switch Int.random(in: 0..<(depth > 3 ? 5 : 8), using: &generator) {
            case 0: return nil
            case 1: return .bool(Bool.random(using: &generator))
            case 2: return .integer(Int.random(in: -1...4, using: &generator))
            case 3: return .number([1.5, 2.0, -0.5, 3.5].randomElement(using: &generator)!)
            case 4: return .string(["", "x", "ab", "é"].randomElement(using: &generator)!)
            case 5, 6:
                var object: OrderedDictionary<String, JSONValue> = [:]
                for key in ["k", "n", "s", "c", "o", "kids", "extra", "other"] where Bool.random(using: &generator) { object[key] = randomValue(depth + 1) }
                return .object(object)
            default: return .array((0..<Int.random(in: 0...3, using: &generator)).map { _ in randomValue(depth + 1) })
            }
        }
        var valid = 0
        for _ in 0..<20_000 {
            let value = randomValue(0)
            let conforms = everyKeyword.conforms(value, to: 0)
            #expect(conforms == everyKeyword.violations(in: value).isEmpty, "\(JSONSerializer(indent: 0).string(value))")
            if conforms { valid += 1 }
        }
        #expect(valid > 100, "random values should sometimes be valid")

        // Literal keys, found by their place once their names compared as text: in one check,
        // after each literal was seen, another literal of the same length is another name.
        let pair = try JSONSchemaValidator(schema: ["items": ["properties": ["ab": ["type": "integer"], "cd": ["type": "string"]], "additionalProperties": false]])
        func literalsConform(_ second: (inout JSONSchemaValidator.StreamCheck) -> Void) -> Bool {
            var check = pair.streamCheck()
            check.beginArray()
            check.beginObject(); check.key("ab"); check.integer(1); check.key("cd"); check.string("x"); check.endObject()
            check.beginObject(); second(&check); check.endObject()
            check.endArray()
            return check.conforms
        }
        #expect(literalsConform { $0.key("ab"); $0.integer(2); $0.key("cd"); $0.string("y") })
        #expect(!literalsConform { $0.key("ab"); $0.integer(2); $0.key("ef"); $0.string("y") })
        #expect(!literalsConform { $0.key("ab"); $0.integer(2); $0.key("ab"); $0.string("y") })
        #expect(!literalsConform { $0.key("cd"); $0.integer(2) })

        // The empty name, the only one of its schema.
        let empty = try JSONSchemaValidator(schema: ["properties": ["": ["type": "integer"]], "additionalProperties": false])
        #expect(empty.conforms(["": 1], to: 0) && !empty.conforms(["": "x"], to: 0) && !empty.conforms(["a": 1], to: 0))

        // Keys equal to names as text but not as bytes: a name beyond ASCII written composed or
        // not, and the Kelvin sign, which is `K`, as a key or as a name.
        for names in [["\u{E9}", "K", "a"], ["K", "a"], ["e\u{301}", "\u{212A}", "a"]] {
            let properties = JSONValue.object(.init(uniqueKeysWithValues: names.map { ($0, ["type": $0 == "a" ? "string" : "integer"]) }))
            let validator = try JSONSchemaValidator(schema: ["properties": properties, "additionalProperties": false])
            for _ in 0..<2_000 {
                var object: OrderedDictionary<String, JSONValue> = [:]
                for key in [Bool.random(using: &generator) ? "\u{E9}" : "e\u{301}", Bool.random(using: &generator) ? "K" : "\u{212A}", "a", "b"]
                where Bool.random(using: &generator) {
                    object[key] = key == "a" ? "x" : .integer(1)
                }
                let value = JSONValue.object(object)
                #expect(validator.conforms(value, to: 0) == validator.violations(in: value).isEmpty, "\(names) \(JSONSerializer(indent: 0).string(value))")
            }
        }

        let shipped = try JSONFormat.validator.get()
        let document = try JSONParser.parse(String(decoding: JSONFormat().render(fullModelDocument()), as: UTF8.self))
        func mutated(_ value: JSONValue) -> JSONValue {
            guard Int.random(in: 0..<12, using: &generator) > 0 else { return randomValue(3) }
            switch value {
            case .object(var object):
                for key in object.keys { object[key] = mutated(object[key]!) }
                if Int.random(in: 0..<20, using: &generator) == 0, let key = object.keys.randomElement(using: &generator) { object[key] = nil }
                return .object(object)
            case .array(let array): return .array(array.map(mutated))
            default: return value
            }
        }
        #expect(shipped.conforms(document, to: 0) && shipped.violations(in: document).isEmpty)
        for _ in 0..<300 {
            let value = mutated(document)
            #expect(shipped.conforms(value, to: 0) == shipped.violations(in: value).isEmpty)
        }
    }
}
