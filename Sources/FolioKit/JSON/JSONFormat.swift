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

    public func render(_ document: Document) throws -> [UInt8] {
        let value = DocumentJSON(document).value()
        let violations = try Self.validator.get().validate(value)
        guard violations.isEmpty else {
            throw FolioError(violations.map {
                Diagnostic(.error, file: document.source.name, "the JSON output would not match Folio's schema, \($0)")
            })
        }
        return JSONSerializer(indent: indent).serialize(value)
    }
}
