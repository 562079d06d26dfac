import FolioCore
import OrderedCollections

/// Validates JSON against a JSON Schema (draft 2020-12), for the keywords Folio's schema uses.
///
/// A schema using any other keyword is refused when loaded, so no constraint is ever silently
/// left unchecked; so is one the check as events pass (`StreamCheck`) cannot decide (see
/// `Plan.compile`). Errors name the value's JSON path and what was expected.
public struct JSONSchemaValidator: Sendable {
    public struct Violation: Sendable, Hashable, CustomStringConvertible {
        public var path: JSONPath
        public var message: String
        public var description: String { "\(path.description == "(top level)" ? "at the top level" : "at \(path)"): \(message)" }
    }

    /// The schema as a table of nodes, compiled once: validation meets every keyword at every
    /// value of every document, and reading a field is far cheaper than looking up a key.
    let nodes: [Node]
    /// For each node, the nodes whose own keywords a value must meet and how their verdicts
    /// combine (`Plan`): what `StreamCheck` checks.
    let plans: [Plan]
    /// What `StreamCheck` reads of the nodes, without references.
    let streamFacts: StreamFacts
    /// For each node whose plan is one node's own keywords, that node; else
    /// `StreamCheck.anything` (see `StreamCheck`).
    let singleAtoms: [Int]

    static let applied: Set<String> = [
        "type", "enum", "const", "properties", "required", "additionalProperties", "items", "minItems",
        "minimum", "maximum", "minLength", "$ref", "anyOf", "oneOf", "allOf", "prefixItems",
    ]
    static let annotations: Set<String> = ["$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default", "format"]

    public init(schema: JSONValue) throws {
        try Self.checkKeywords(schema, path: JSONPath())
        var compiler = Compiler(root: schema)
        _ = compiler.compile(schema)
        nodes = compiler.nodes
        plans = try Plan.compile(nodes)
        streamFacts = StreamFacts(nodes)
        singleAtoms = plans.map { $0.steps == nil && $0.atoms.count == 1 ? $0.atoms[0] : StreamCheck.anything }
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
        // Valid documents are the rule: they are checked without paths or messages, and only
        // an invalid one is walked again to say where and why.
        conforms(value, to: 0) ? [] : violations(in: value)
    }

    /// Every violation in `value`, each with its path and message: the long way `validate` goes
    /// for a document that does not conform.
    func violations(in value: JSONValue) -> [Violation] {
        var violations: [Violation] = []
        var path = JSONPath()
        check(value, against: 0, path: &path, into: &violations)
        return violations
    }

    /// One schema's keywords as the compiler reads them, sub-schemas as indices into `nodes`.
    struct Keywords {
        /// A boolean schema: everything or nothing.
        var allows: Bool?
        /// A `$ref` that did not resolve, to report.
        var brokenReference: String?
        var reference: Int?
        var types: [String]?
        var choices: [JSONValue]?
        var constant: JSONValue?
        var minimum: Double?, maximum: Double?, minLength: Double?, minItems: Double?
        var properties: [(name: String, node: Int, isRequired: Bool)] = []
        var required: [String] = []
        var additionalProperties: Int?
        var prefixItems: [Int] = []
        var items: Int?
        var allOf: [Int] = [], anyOf: [Int] = [], oneOf: [Int] = []
    }

    /// One schema, compiled: its keywords, and what checking a value needs worked out from
    /// them. A class, so that checking a value against it copies no fields; its fields are
    /// constants, so reading one asks nothing at run time (a variable of a class is checked
    /// for exclusive access at every read).
    final class Node: Sendable {
        let allows: Bool?
        let brokenReference: String?
        let reference: Int?
        let types: [String]?
        /// `types` as bits of `typeBit`.
        let typeMask: UInt8?
        let choices: [JSONValue]?
        let constant: JSONValue?
        let minimum: Double?, maximum: Double?, minLength: Double?, minItems: Double?
        /// By name, searched in order: an object of the schema has a dozen properties at most,
        /// and comparing a dozen short strings is cheaper than hashing one.
        let properties: [(name: String, node: Int, isRequired: Bool)]
        let required: [String]
        /// How many of `required` are among `properties`: a valid object meets them all as it
        /// meets its properties. The others are looked up.
        let requiredProperties: Int
        let requiredElsewhere: [String]
        /// The required ones of `properties`, and all of `requiredElsewhere`, as bits of their
        /// positions: what `StreamCheck` must have seen when an object ends.
        let requiredMask: UInt64
        let requiredElsewhereMask: UInt64
        let additionalProperties: Int?
        let prefixItems: [Int]
        let items: Int?
        let allOf: [Int], anyOf: [Int], oneOf: [Int]

        init(_ keywords: Keywords) {
            allows = keywords.allows
            brokenReference = keywords.brokenReference
            reference = keywords.reference
            types = keywords.types
            typeMask = keywords.types.map { $0.reduce(0) { $0 | (JSONValue.Kind(rawValue: $1).map { JSONSchemaValidator.typeBit($0, allowed: true) } ?? 0) } }
            choices = keywords.choices
            constant = keywords.constant
            (minimum, maximum, minLength, minItems) = (keywords.minimum, keywords.maximum, keywords.minLength, keywords.minItems)
            let properties = keywords.properties
            self.properties = properties
            required = keywords.required
            requiredProperties = properties.filter(\.isRequired).count
            let elsewhere = keywords.required.filter { name in !properties.contains { $0.name == name } }
            requiredElsewhere = elsewhere
            requiredMask = properties.indices.reduce(0) { properties[$1].isRequired && $1 < 64 ? $0 | 1 << UInt64($1) : $0 }
            requiredElsewhereMask = elsewhere.count >= 64 ? ~0 : (1 << UInt64(elsewhere.count)) - 1
            additionalProperties = keywords.additionalProperties
            prefixItems = keywords.prefixItems
            items = keywords.items
            (allOf, anyOf, oneOf) = (keywords.allOf, keywords.anyOf, keywords.oneOf)
        }
    }

    private struct Compiler {
        let root: JSONValue
        /// Each node's place is taken before its sub-schemas compile, and filled after.
        private var compiled: [Node?] = []
        var nodes: [Node] { compiled.map { $0! } }
        /// Nodes of `$ref` targets, so a recursive schema compiles once.
        var targets: [String: Int] = [:]

        init(root: JSONValue) {
            self.root = root
        }

        mutating func compile(_ schema: JSONValue) -> Int {
            // A schema that is only a `$ref` is its target: one node fewer to visit at every value.
            if let object = schema.objectValue, let reference = object["$ref"]?.stringValue,
               object.keys.allSatisfy({ $0 == "$ref" || JSONSchemaValidator.annotations.contains($0) }) {
                if let target = targets[reference] { return target }
                if let resolved = Self.resolve(reference, in: root) {
                    targets[reference] = compiled.count
                    return compile(resolved)
                }
            }
            let index = compiled.count
            compiled.append(nil)
            var node = Keywords()
            defer { compiled[index] = Node(node) }
            if case .bool(let allowed) = schema {
                node.allows = allowed
                return index
            }
            guard let object = schema.objectValue else { node.allows = true; return index }
            if let reference = object["$ref"]?.stringValue {
                if let target = targets[reference] {
                    node.reference = target
                } else if let resolved = Self.resolve(reference, in: root) {
                    let target = compiled.count
                    targets[reference] = target
                    node.reference = compile(resolved)
                    assert(node.reference == target)
                } else {
                    node.brokenReference = reference
                }
            }
            if let type = object["type"] { node.types = type.arrayValue?.compactMap(\.stringValue) ?? [type.stringValue ?? ""] }
            node.choices = object["enum"]?.arrayValue
            node.constant = object["const"]
            node.minimum = object["minimum"]?.doubleValue
            node.maximum = object["maximum"]?.doubleValue
            node.minLength = object["minLength"]?.doubleValue
            node.minItems = object["minItems"]?.doubleValue
            let required = object["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
            for (key, sub) in object["properties"]?.objectValue ?? [:] { node.properties.append((key, compile(sub), required.contains(key))) }
            node.required = required
            node.additionalProperties = object["additionalProperties"].map { compile($0) }
            node.prefixItems = (object["prefixItems"]?.arrayValue ?? []).map { compile($0) }
            node.items = object["items"].map { compile($0) }
            node.allOf = (object["allOf"]?.arrayValue ?? []).map { compile($0) }
            node.anyOf = (object["anyOf"]?.arrayValue ?? []).map { compile($0) }
            node.oneOf = (object["oneOf"]?.arrayValue ?? []).map { compile($0) }
            return index
        }

        static func resolve(_ reference: String, in root: JSONValue) -> JSONValue? {
            guard reference.hasPrefix("#/") else { return nil }
            var node = root
            for part in reference.dropFirst(2).split(separator: "/") {
                guard let next = node[String(part)] else { return nil }
                node = next
            }
            return node
        }
    }

    /// A JSON type as a bit; a schema that allows a number allows an integer.
    static func typeBit(_ kind: JSONValue.Kind, allowed: Bool) -> UInt8 {
        switch kind {
        case .null: 1
        case .boolean: 2
        case .integer: 4
        case .number: allowed ? 8 | 4 : 8
        case .string: 16
        case .array: 32
        case .object: 64
        }
    }

    /// Whether `string` has fewer than `minimum` code points, counted only as far as needed.
    static func isShorter(_ string: String, than minimum: Double) -> Bool {
        var count = 0
        for _ in string.unicodeScalars {
            count += 1
            if Double(count) >= minimum { return false }
        }
        return Double(count) < minimum
    }

    /// Whether `value` meets schema `index`: `check` finding nothing, found without paths or
    /// messages (a property test holds the two to each other), by the check a document's events
    /// pass through as it is written.
    func conforms(_ value: JSONValue, to index: Int) -> Bool {
        var check = streamCheck(against: index)
        check.value(value)
        return check.conforms
    }

    /// `explaining`: whether violations say what is wrong. Trying the forms of `anyOf` and
    /// `oneOf` only counts them (most forms fail by design): writing their messages was most
    /// of validation.
    private func check(_ value: JSONValue, against index: Int, path: inout JSONPath, into violations: inout [Violation], explaining: Bool = true) {
        let schema = nodes[index]
        if let allowed = schema.allows {
            if !allowed { violations.append(Violation(path: path, message: explaining ? "no value is allowed here" : "")) }
            return
        }
        func fail(_ message: @autoclosure () -> String) { violations.append(Violation(path: path, message: explaining ? message() : "")) }
        func descend(_ component: JSONPath.Component, _ member: JSONValue, _ sub: Int) {
            path.components.append(component)
            check(member, against: sub, path: &path, into: &violations, explaining: explaining)
            path.components.removeLast()
        }

        if let reference = schema.reference { check(value, against: reference, path: &path, into: &violations, explaining: explaining) }
        if let reference = schema.brokenReference { fail("the schema's $ref '\(reference)' does not resolve") }
        if let allowed = schema.typeMask, allowed & Self.typeBit(value.kind, allowed: false) == 0 {
            fail("expected \(schema.types!.joined(separator: " or ")), found \(value.typeName)")
            return
        }
        if let choices = schema.choices, !choices.contains(value) {
            fail("expected one of \(choices.map { JSONSerializer(indent: 0).string($0).dropLast() }.joined(separator: ", ")), found \(JSONSerializer(indent: 0).string(value).dropLast())")
        }
        if let constant = schema.constant, constant != value {
            fail("expected \(JSONSerializer(indent: 0).string(constant).dropLast())")
        }
        if let number = value.doubleValue {
            if let minimum = schema.minimum, number < minimum { fail("\(number) is less than the minimum \(minimum)") }
            if let maximum = schema.maximum, number > maximum { fail("\(number) is more than the maximum \(maximum)") }
        }
        if let string = value.stringValue, let minimum = schema.minLength, Self.isShorter(string, than: minimum) {
            fail("the string is shorter than \(Int(minimum)) characters")
        }
        if case .object(let object) = value {
            for key in schema.required where object[key] == nil {
                fail("the required property '\(key)' is missing")
            }
            for (key, member) in object {
                if let property = schema.properties.first(where: { $0.name == key })?.node {
                    descend(.key(key), member, property)
                } else if let additional = schema.additionalProperties {
                    if nodes[additional].allows == false {
                        violations.append(Violation(path: path.appending(key), message: explaining ? "the property '\(key)' is not allowed here" : ""))
                    } else {
                        descend(.key(key), member, additional)
                    }
                }
            }
        }
        if case .array(let array) = value {
            if let minimum = schema.minItems, Double(array.count) < minimum { fail("expected at least \(Int(minimum)) items") }
            for (position, element) in array.enumerated() {
                if position < schema.prefixItems.count {
                    descend(.index(position), element, schema.prefixItems[position])
                } else if let items = schema.items {
                    descend(.index(position), element, items)
                }
            }
        }
        for sub in schema.allOf { check(value, against: sub, path: &path, into: &violations, explaining: explaining) }
        if !schema.anyOf.isEmpty {
            let matches = schema.anyOf.contains { sub in
                var scratch: [Violation] = []
                check(value, against: sub, path: &path, into: &scratch, explaining: false)
                return scratch.isEmpty
            }
            if !matches { fail("the value matches none of the allowed forms") }
        }
        if !schema.oneOf.isEmpty {
            var failures: [Int] = []
            for sub in schema.oneOf {
                var scratch: [Violation] = []
                check(value, against: sub, path: &path, into: &scratch, explaining: false)
                failures.append(scratch.count)
            }
            let matching = failures.filter { $0 == 0 }.count
            if matching != 1 {
                // Report the closest form's problems: they are what the author most likely meant.
                if matching == 0, let closest = failures.indices.min(by: { failures[$0] < failures[$1] }) {
                    check(value, against: schema.oneOf[closest], path: &path, into: &violations, explaining: explaining)
                } else {
                    fail("the value matches \(matching) of the forms where exactly one is allowed")
                }
            }
        }
    }
}
