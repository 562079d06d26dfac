internal import CLibXML2

/// A RELAX NG schema (XML syntax) compiled once by libxml2.
///
/// libxml2 only reads a compiled schema while validating, and one schema validated thousands
/// of documents concurrently under the thread sanitizer (see shared/NOTES.md): that is why it
/// may be shared between tasks although it wraps a C pointer.
public final class RelaxNGSchema: @unchecked Sendable {
    private let schema: xmlRelaxNGPtr
    private let attributePatterns: CompiledAttributePatterns
    /// The schema as libxml2 compiled it: without the attribute patterns.
    let compiledText: String

    /// Compiles `text`; throws the issues libxml2 found when it is not a valid schema.
    ///
    /// `attributePatterns`: patterns of the schema that are checked apart, each compiled once
    /// (see `AttributePattern`); each must be in the schema, which is compiled without them.
    public init(text: String, attributePatterns: [AttributePattern] = []) throws {
        XMLLibrary.initialize()
        var stripped = text
        for pattern in attributePatterns {
            // The last text is what the schema must hold; the first ones are its longer forms.
            guard let said = pattern.schemaTexts.last, text.contains(said.text) else {
                throw XMLValidationFailure(issues: [XMLIssue(line: nil, path: nil, message: "the schema has no pattern \(pattern.described) for '\(pattern.attribute)'")])
            }
            for (said, replacement) in pattern.schemaTexts { stripped = stripped.replacing(said, with: replacement) }
        }
        self.attributePatterns = try CompiledAttributePatterns(attributePatterns)
        compiledText = stripped
        let collector = XMLIssueCollector()
        let bytes = Array(stripped.utf8)
        let parsed: xmlRelaxNGPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let context = xmlRelaxNGNewMemParserCtxt(chars.baseAddress, Int32(chars.count)) else {
                    return nil
                }
                defer { xmlRelaxNGFreeParserCtxt(context) }
                xmlRelaxNGSetParserStructuredErrors(context, XMLIssueCollector.callback, collector.context)
                return xmlRelaxNGParse(context)
            }
        }
        guard let parsed else {
            throw collector.failure("the RELAX NG schema does not compile")
        }
        schema = parsed
    }

    deinit {
        xmlRelaxNGFree(schema)
    }

    /// The problems that make `tree` invalid; empty when it is valid.
    public func validate(_ tree: XMLTree) -> [XMLIssue] {
        validate(document: tree.document)
    }

    /// The problems that make the parsed document invalid; empty when it is valid.
    public func validate(_ document: ParsedXML) -> [XMLIssue] {
        validate(document: document.document)
    }

    private func validate(document: xmlDocPtr) -> [XMLIssue] {
        let collector = XMLIssueCollector()
        guard let context = xmlRelaxNGNewValidCtxt(schema) else {
            return [XMLIssue(line: nil, path: nil, message: "libxml2 could not create a validation context")]
        }
        defer { xmlRelaxNGFreeValidCtxt(context) }
        xmlRelaxNGSetValidStructuredErrors(context, XMLIssueCollector.callback, collector.context)
        let result = xmlRelaxNGValidateDoc(context, document)
        if result != 0 && collector.issues.isEmpty {
            return [XMLIssue(line: nil, path: nil, message: "the document does not match the schema")]
        }
        return collector.issues + attributePatterns.issues(in: document)
    }
}

/// Thrown when a document or schema is not valid; carries every issue found.
public struct XMLValidationFailure: Error, Sendable, CustomStringConvertible {
    public var issues: [XMLIssue]

    public init(issues: [XMLIssue]) {
        self.issues = issues
    }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
