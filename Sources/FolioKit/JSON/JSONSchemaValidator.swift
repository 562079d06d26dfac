import FolioCore
import OrderedCollections

/// Validates JSON against a JSON Schema (draft 2020-12), for the keywords Folio's schema uses.
///
/// A schema using any other keyword is refused when loaded, so no constraint is ever silently
/// left unchecked. Errors name the value's JSON path and what was expected.
public struct JSONSchemaValidator: Sendable {
    public struct Violation: Sendable, Hashable, CustomStringConvertible {
        public var path: JSONPath
        public var message: String
        public var description: String { "\(path.description == "(top level)" ? "at the top level" : "at \(path)"): \(message)" }
    }

    private let root: JSONValue
    /// Each `$ref` of the schema, resolved once: validation meets them at every node.
    private let references: [String: JSONValue]

    static let applied: Set<String> = [
        "type", "enum", "const", "properties", "required", "additionalProperties", "items", "minItems",
        "minimum", "maximum", "minLength", "$ref", "anyOf", "oneOf", "allOf", "prefixItems",
    ]
    static let annotations: Set<String> = ["$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default", "format"]

    public init(schema: JSONValue) throws {
        root = schema
        try Self.checkKeywords(schema, path: JSONPath())
        var references: [String: JSONValue] = [:]
        func collect(_ node: JSONValue) {
            switch node {
            case .object(let object):
                if let reference = object["$ref"]?.stringValue, references[reference] == nil {
                    references[reference] = Self.resolve(reference, in: schema)
                }
                object.values.forEach(collect)
            case .array(let array): array.forEach(collect)
            default: break
            }
        }
        collect(schema)
        self.references = references
    }

    private static func checkKeywords(_ schema: JSONValue, path: JSONPath) throws {
        switch schema {
        case .bool: return
        case .object(let object):
            for (key, value) in object {
                guard applied.contains(key) || annotations.contains(key) else {
                    throw FolioError(place: .jsonPath(path.appending(key).description), "the schema uses '\(key)', which Folio's validator does not apply")
                }
                switch key {
                case "properties", "$defs":
                    for (name, sub) in value.objectValue ?? [:] { try checkKeywords(sub, path: path.appending(key).appending(name)) }
                case "items", "additionalProperties":
                    try checkKeywords(value, path: path.appending(key))
                case "anyOf", "oneOf", "allOf", "prefixItems":
                    for (index, sub) in (value.arrayValue ?? []).enumerated() { try checkKeywords(sub, path: path.appending(key).appending(index)) }
                default: break
                }
            }
        default:
            throw FolioError(place: .jsonPath(path.description), "a schema must be an object or a boolean")
        }
    }

    /// Every violation in `value`; empty when it is valid.
    public func validate(_ value: JSONValue) -> [Violation] {
        var violations: [Violation] = []
        check(value, against: root, path: JSONPath(), into: &violations)
        return violations
    }

    private static func resolve(_ reference: String, in root: JSONValue) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var node = root
        for part in reference.dropFirst(2).split(separator: "/") {
            guard let next = node[String(part)] else { return nil }
            node = next
        }
        return node
    }

    private func check(_ value: JSONValue, against schema: JSONValue, path: JSONPath, into violations: inout [Violation]) {
        if case .bool(let allowed) = schema {
            if !allowed { violations.append(Violation(path: path, message: "no value is allowed here")) }
            return
        }
        guard let schema = schema.objectValue else { return }
        func fail(_ message: String) { violations.append(Violation(path: path, message: message)) }

        if let reference = schema["$ref"]?.stringValue {
            if let target = references[reference] { check(value, against: target, path: path, into: &violations) } else { fail("the schema's $ref '\(reference)' does not resolve") }
        }
        if let type = schema["type"] {
            let allowed = type.arrayValue?.compactMap(\.stringValue) ?? [type.stringValue ?? ""]
            let actual = value.typeName
            if !(allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))) {
                fail("expected \(allowed.joined(separator: " or ")), found \(actual)")
                return
            }
        }
        if let choices = schema["enum"]?.arrayValue, !choices.contains(value) {
            fail("expected one of \(choices.map { JSONSerializer(indent: 0).string($0).dropLast() }.joined(separator: ", ")), found \(JSONSerializer(indent: 0).string(value).dropLast())")
        }
        if let constant = schema["const"], constant != value {
            fail("expected \(JSONSerializer(indent: 0).string(constant).dropLast())")
        }
        if let number = value.doubleValue {
            if let minimum = schema["minimum"]?.doubleValue, number < minimum { fail("\(number) is less than the minimum \(minimum)") }
            if let maximum = schema["maximum"]?.doubleValue, number > maximum { fail("\(number) is more than the maximum \(maximum)") }
        }
        if let string = value.stringValue, let minimum = schema["minLength"]?.doubleValue, Double(string.unicodeScalars.count) < minimum {
            fail("the string is shorter than \(Int(minimum)) characters")
        }
        if case .object(let object) = value {
            let properties = schema["properties"]?.objectValue ?? [:]
            for key in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where object[key] == nil {
                fail("the required property '\(key)' is missing")
            }
            for (key, member) in object {
                if let propertySchema = properties[key] {
                    check(member, against: propertySchema, path: path.appending(key), into: &violations)
                } else if let additional = schema["additionalProperties"] {
                    if case .bool(false) = additional {
                        violations.append(Violation(path: path.appending(key), message: "the property '\(key)' is not allowed here"))
                    } else {
                        check(member, against: additional, path: path.appending(key), into: &violations)
                    }
                }
            }
        }
        if case .array(let array) = value {
            if let minimum = schema["minItems"]?.doubleValue, Double(array.count) < minimum { fail("expected at least \(Int(minimum)) items") }
            let prefix = schema["prefixItems"]?.arrayValue ?? []
            for (index, element) in array.enumerated() {
                if index < prefix.count {
                    check(element, against: prefix[index], path: path.appending(index), into: &violations)
                } else if let items = schema["items"] {
                    check(element, against: items, path: path.appending(index), into: &violations)
                }
            }
        }
        if let all = schema["allOf"]?.arrayValue {
            for sub in all { check(value, against: sub, path: path, into: &violations) }
        }
        if let any = schema["anyOf"]?.arrayValue {
            let matches = any.contains { sub in
                var scratch: [Violation] = []
                check(value, against: sub, path: path, into: &scratch)
                return scratch.isEmpty
            }
            if !matches { fail("the value matches none of the allowed forms") }
        }
        if let one = schema["oneOf"]?.arrayValue {
            var failures: [[Violation]] = []
            for sub in one {
                var scratch: [Violation] = []
                check(value, against: sub, path: path, into: &scratch)
                failures.append(scratch)
            }
            let matching = failures.filter(\.isEmpty).count
            if matching != 1 {
                // Report the closest form's problems: they are what the author most likely meant.
                if matching == 0, let closest = failures.min(by: { $0.count < $1.count }) {
                    violations.append(contentsOf: closest)
                } else {
                    fail("the value matches \(matching) of the forms where exactly one is allowed")
                }
            }
        }
    }
}
