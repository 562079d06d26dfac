import Foundation
import OrderedCollections

/// A JSON value that keeps the order of object keys, so Folio's output is stable and reads in
/// a sensible order.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(OrderedDictionary<String, JSONValue>)

    /// The JSON Schema types.
    public enum Kind: String, Sendable, CaseIterable {
        case null, boolean, integer, number, string, array, object
    }

    /// The JSON Schema type of the value (`integer` for whole numbers).
    public var kind: Kind {
        switch self {
        case .null: .null
        case .bool: .boolean
        case .integer: .integer
        case .number(let value): value.rounded() == value && abs(value) < 1e15 ? .integer : .number
        case .string: .string
        case .array: .array
        case .object: .object
        }
    }

    /// The JSON Schema type name of the value (`integer` for whole numbers).
    public var typeName: String { kind.rawValue }

    public var objectValue: OrderedDictionary<String, JSONValue>? {
        if case .object(let object) = self { return object }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let array) = self { return array }
        return nil
    }

    public var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    public var doubleValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(OrderedDictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

/// A JSON path for messages: `stages[1].options.ligatures`.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public var components: [Component] = []

    public init(_ components: [Component] = []) {
        self.components = components
    }

    public func appending(_ key: String) -> JSONPath { JSONPath(components + [.key(key)]) }
    public func appending(_ index: Int) -> JSONPath { JSONPath(components + [.index(index)]) }

    public var description: String {
        var result = ""
        for component in components {
            switch component {
            case .key(let key): result += result.isEmpty ? key : ".\(key)"
            case .index(let index): result += "[\(index)]"
            }
        }
        return result.isEmpty ? "(top level)" : result
    }

    /// The RFC 6901 JSON Pointer form: `/stages/1/options/ligatures`.
    public var pointer: String {
        components.map { component in
            switch component {
            case .key(let key): "/" + key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
            case .index(let index): "/\(index)"
            }
        }.joined()
    }
}
