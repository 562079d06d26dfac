import OrderedCollections

/// Builds the `JSONValue` that JSON events describe: for what needs the tree (explaining why a
/// document does not match its schema, tests).
public struct JSONTreeBuilder: JSONEventSink {
    private enum Container {
        case object(OrderedDictionary<String, JSONValue>, key: String?)
        case array([JSONValue])
    }

    private var open: [Container] = []
    /// The finished value, once the outermost one is complete.
    public private(set) var value: JSONValue?

    public init() {}

    private mutating func add(_ member: JSONValue) {
        switch open.popLast() {
        case nil: value = member
        case .object(var object, let key)?:
            guard let key else { preconditionFailure("a JSON object's member was written without its key") }
            object[key] = member
            open.append(.object(object, key: nil))
        case .array(var array)?:
            array.append(member)
            open.append(.array(array))
        }
    }

    public mutating func beginObject() { open.append(.object([:], key: nil)) }

    public mutating func key(named name: String) {
        guard case .object(let object, _)? = open.popLast() else { preconditionFailure("a JSON key was written outside an object") }
        open.append(.object(object, key: name))
    }

    public mutating func endObject() {
        guard case .object(let object, _)? = open.popLast() else { preconditionFailure("a JSON object was closed where none was open") }
        add(.object(object))
    }

    public mutating func beginArray() { open.append(.array([])) }

    public mutating func endArray() {
        guard case .array(let array)? = open.popLast() else { preconditionFailure("a JSON array was closed where none was open") }
        add(.array(array))
    }

    public mutating func null() { add(.null) }
    public mutating func bool(_ value: Bool) { add(.bool(value)) }
    public mutating func integer(_ value: Int) { add(.integer(value)) }
    public mutating func number(_ value: Double) { add(.number(value)) }
    public mutating func string(_ value: String) { add(.string(value)) }
}
