import FolioBytes

/// Writes JSON events as bytes, exactly as `JSONSerializer` writes the same value: keys in the
/// order they come, `{}` and `[]` for empty containers, two-space indentation when asked.
public struct JSONStreamWriter: ~Copyable, JSONEventSink {
    private var output: ByteWriter
    private let indent: Int
    /// For each open container, whether it has a member yet: the next one is written after a
    /// comma, and the container closes on a line of its own.
    private var hasMembers: [Bool] = []
    /// Whether a key was just written: its value follows on the same line.
    private var afterKey = false

    public init(indent: Int = 2, capacity: Int = 1 << 16) {
        self.init(indent: indent, output: ByteWriter(capacity: capacity))
    }

    /// A writer writing into `output` (see `ByteWriter.collect`).
    public init(indent: Int, output: consuming ByteWriter) {
        self.indent = indent
        self.output = output
        hasMembers.reserveCapacity(16)
    }

    /// The bytes written, with the final newline.
    public consuming func finish() -> [UInt8] {
        finishWriting().bytes()
    }

    /// The writer the bytes are in, with the final newline.
    public consuming func finishWriting() -> ByteWriter {
        output.append(0x0A)
        return output
    }

    /// Where a value or key starts: after its key, or after a comma and on a line of its own in
    /// a container.
    private mutating func startMember() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = hasMembers.indices.last else { return }
        if hasMembers[last] { output.append(UInt8(ascii: ",")) } else { hasMembers[last] = true }
        newline(level: hasMembers.count)
    }

    private mutating func newline(level: Int) {
        guard indent > 0 else { return }
        output.append(0x0A)
        output.append(repeating: UInt8(ascii: " "), count: indent * level)
    }

    private mutating func open(_ bracket: UInt8) {
        startMember()
        output.append(bracket)
        hasMembers.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        if hasMembers.removeLast() { newline(level: hasMembers.count) }
        output.append(bracket)
    }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Copied as it stands, quoted: a name Folio writes needs no escape, and looking for one in
    /// each of the two thousand keys of a paper cost more than the rest of writing them.
    public mutating func key(_ name: StaticString) {
        assert(name.withUTF8Buffer(JSONSerializer.needsNoEscape), "a JSON key that needs escapes written as a literal")
        startMember()
        output.append(UInt8(ascii: "\""))
        output.append(name)
        output.append(UInt8(ascii: "\""))
        endKey()
    }

    public mutating func key(named name: String) {
        startMember()
        JSONSerializer.writeString(name, into: &output)
        endKey()
    }

    /// The colon after a key; its value follows on the same line.
    private mutating func endKey() {
        output.append(UInt8(ascii: ":"))
        if indent > 0 { output.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    public mutating func null() {
        startMember()
        output.append("null")
    }

    public mutating func bool(_ value: Bool) {
        startMember()
        output.append(value ? "true" : "false")
    }

    public mutating func integer(_ value: Int) {
        startMember()
        JSONSerializer.writeInteger(value, into: &output)
    }

    public mutating func number(_ value: Double) {
        startMember()
        if value.isFinite {
            var text = value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
            text.withUTF8 { output.append($0) }
        } else {
            output.append("null")
        }
    }

    public mutating func string(_ value: String) {
        startMember()
        JSONSerializer.writeString(value, into: &output)
    }

    public mutating func string(utf8 value: UnsafeBufferPointer<UInt8>) {
        startMember()
        JSONSerializer.writeString(utf8: value, into: &output)
    }
}
