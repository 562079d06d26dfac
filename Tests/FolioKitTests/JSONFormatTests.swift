import Foundation
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
}
