import FolioBytes
import FolioCore

/// Writes `<name>.json`: the document tree, validated against Folio's JSON Schema first.
public struct JSONFormat: OutputFormat {
    public static let name = "json"
    public static let fileExtension = "json"
    public static let summary = "the document as JSON, valid against `folio schema json`"

    /// Spaces per indentation level; 0 writes one line.
    public var indent: Int

    public init(indent: Int = 2) {
        self.indent = indent
    }

    public init(options: inout Options) throws {
        self.init(indent: try options.integer("indent", default: 2, in: 0...8))
    }

    /// The schema, parsed and checked once per process.
    static let validator: Result<JSONSchemaValidator, any Error> = Result {
        try JSONSchemaValidator(schema: JSONParser.parse(DocumentJSONSchema.text, file: "Folio's JSON Schema"))
    }

    /// Writes the document's bytes and checks them against the schema in one pass over it;
    /// only a document that fails is built as a tree, to say where and why.
    public func render(_ document: Document) throws -> [UInt8] {
        let validator = try Self.validator.get()
        // Room for what papers make (two and a half to four bytes a code point of the input), so
        // that the bytes are not copied into twice the room as they grow: a 10 MB paper's grew
        // to a block beyond what a worker's heap holds, mapped anew and cleared by the kernel.
        let room = document.source.scalars.count * 4 + 4096
        var conforms = false
        let bytes = ByteWriter.collect(capacity: room) { memory in
            var output = CheckedWriter(writer: JSONStreamWriter(indent: indent, output: memory), check: validator.streamCheck())
            DocumentJSON(document).write(into: &output)
            conforms = output.check.conforms
            return output.writer.finishWriting()
        }
        if conforms { return bytes }
        let violations = validator.validate(DocumentJSON(document).value()).map(\.description)
        throw FolioError((violations.isEmpty ? ["the JSON as written does not conform where its tree does: an object has a key twice"] : violations).map {
            Diagnostic(.error, file: document.source.name, "the JSON output would not match Folio's schema, \($0)")
        })
    }
}

/// JSON events written as bytes and checked against the schema at once.
private struct CheckedWriter: ~Copyable, JSONEventSink {
    var writer: JSONStreamWriter
    var check: JSONSchemaValidator.StreamCheck

    mutating func beginObject() { writer.beginObject(); check.beginObject() }
    mutating func key(_ name: StaticString) { writer.key(name); check.key(name) }
    mutating func key(named name: String) { writer.key(named: name); check.key(named: name) }
    mutating func endObject() { writer.endObject(); check.endObject() }
    mutating func beginArray() { writer.beginArray(); check.beginArray() }
    mutating func endArray() { writer.endArray(); check.endArray() }
    mutating func null() { writer.null(); check.null() }
    mutating func bool(_ value: Bool) { writer.bool(value); check.bool(value) }
    mutating func integer(_ value: Int) { writer.integer(value); check.integer(value) }
    mutating func number(_ value: Double) { writer.number(value); check.number(value) }
    mutating func string(_ value: String) { writer.string(value); check.string(value) }
    mutating func string(utf8 value: UnsafeBufferPointer<UInt8>) { writer.string(utf8: value); check.string(utf8: value) }
}
