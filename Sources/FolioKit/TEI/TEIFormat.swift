import FolioCore
import FolioXML

/// Writes `<name>.tei.xml`: TEI P5, validated against Folio's RELAX NG schema with libxml2
/// before a byte is written.
public struct TEIFormat: OutputFormat {
    public static let name = "tei"
    public static let fileExtension = "tei.xml"
    public static let summary = "TEI P5 XML, valid against `folio schema tei` and tei_all"

    /// Whether to indent element-only content (mixed content is never indented).
    public var indent: Bool

    public init(indent: Bool = true) {
        self.indent = indent
    }

    public init(options: inout Options) throws {
        self.init(indent: try options.bool("indent", default: true))
    }

    /// The schema, compiled once per process and shared by every task.
    public static let schema: Result<RelaxNGSchema, any Error> = Result { try RelaxNGSchema(text: TEISchema.text, attributePatterns: TEISchema.attributePatterns,
                                                                                                     attributeChoices: TEISchema.attributeChoices) }

    public func render(_ document: Document) throws -> [UInt8] {
        let tree = TEIWriter(document).tree()
        let issues = try Self.schema.get().validate(tree)
        guard issues.isEmpty else {
            throw FolioError(issues.map {
                Diagnostic(.error, file: document.source.name, place: .xml(line: nil, path: $0.path),
                           "the TEI output would not match Folio's schema: \($0.message)")
            })
        }
        // Room for what papers make (under two and a half bytes a code point of the input): see
        // `JSONFormat.render`.
        return tree.serialized(indented: indent, capacity: document.source.scalars.count * 5 / 2 + 4096)
    }
}
