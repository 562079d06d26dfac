/// Something a JSON document is written into, one event at a time, in document order: bytes
/// (`JSONStreamWriter`), a tree (`JSONTreeBuilder`), a schema check, or several at once.
///
/// A document written as events is never held as a tree: building a paper's tree, walking it
/// to check it and again to write it, then freeing it, was a seventh of a paper's cost.
/// In an object, every value follows its key (`key(_:)` or `key(named:)`).
public protocol JSONEventSink: ~Copyable {
    mutating func beginObject()
    /// A key Folio names where it is written (a literal): its characters need no escape in
    /// JSON, and its bytes are at hand without a string made. By default, `key(named:)` of it.
    mutating func key(_ name: StaticString)
    /// A key taken from data (a value's members, a reference's fields).
    mutating func key(named name: String)
    mutating func endObject()
    mutating func beginArray()
    mutating func endArray()
    mutating func null()
    mutating func bool(_ value: Bool)
    mutating func integer(_ value: Int)
    mutating func number(_ value: Double)
    mutating func string(_ value: String)
    /// A string given as its UTF-8, valid: for text a writer makes into memory of its own, so
    /// that no string need be made where the sink copies it at once. By default, made a string.
    mutating func string(utf8 value: UnsafeBufferPointer<UInt8>)
}

extension JSONEventSink where Self: ~Copyable {
    public mutating func key(_ name: StaticString) {
        key(named: name.description)
    }

    public mutating func string(utf8 value: UnsafeBufferPointer<UInt8>) {
        string(String(decoding: value, as: UTF8.self))
    }

    /// A whole value, as the events that write it.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .integer(let number): integer(number)
        case .number(let number): self.number(number)
        case .string(let text): string(text)
        case .array(let elements):
            beginArray()
            for element in elements { self.value(element) }
            endArray()
        case .object(let members):
            beginObject()
            for (name, member) in members {
                key(named: name)
                self.value(member)
            }
            endObject()
        }
    }

    /// A member of the object being written.
    public mutating func field(_ name: StaticString, _ text: String) {
        key(name)
        string(text)
    }

    public mutating func field(_ name: StaticString, _ number: Int) {
        key(name)
        integer(number)
    }

    public mutating func field(_ name: StaticString, _ value: JSONValue) {
        key(name)
        self.value(value)
    }

    /// A member whose name is taken from data.
    public mutating func field(named name: String, _ value: JSONValue) {
        key(named: name)
        self.value(value)
    }

    /// An array of `elements`, each written by `write`. Inlinable: the document's writer is in
    /// another module, where the loop ran unspecialized, its iterator reached through witness
    /// tables and its types' metadata looked up at every call.
    @inlinable
    public mutating func array<Elements: Sequence>(_ elements: Elements, _ write: (inout Self, Elements.Element) -> Void) {
        beginArray()
        for element in elements { write(&self, element) }
        endArray()
    }
}
