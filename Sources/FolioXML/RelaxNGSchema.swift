internal import CLibXML2

/// A RELAX NG schema (XML syntax) compiled once by libxml2.
///
/// libxml2 only reads a compiled schema while validating, and one schema validated thousands
/// of documents concurrently under the thread sanitizer (see shared/NOTES.md): that is why it
/// may be shared between tasks although it wraps a C pointer.
public final class RelaxNGSchema: @unchecked Sendable {
    /// The schema parsed documents are validated against.
    private let schema: xmlRelaxNGPtr
    /// The schema trees are validated against as they are walked: without the attribute
    /// choices checked apart; nil when there are none (it is `schema`).
    private let treeSchema: xmlRelaxNGPtr?
    /// The tree schema without its grammar's namespace, and that namespace's URI ended by a
    /// zero, for trees in it (`GrammarNamespace`); nil where the schema names namespaces elsewhere too.
    private let withoutNamespace: (schema: xmlRelaxNGPtr, uri: [xmlChar])?
    private let attributePatterns: CompiledAttributePatterns
    private let attributeChoices: CompiledAttributeChoices
    /// The schema as libxml2 compiled it for documents: without the attribute patterns.
    let compiledText: String

    /// Compiles `text`; throws the issues libxml2 found when it is not a valid schema.
    ///
    /// `attributePatterns`: patterns of the schema that are checked apart, each compiled once
    /// (see `AttributePattern`); each must be in the schema, which is compiled without them.
    /// `attributeChoices`: defines of attributes checked apart in trees (see `AttributeChoice`);
    /// each must be referred to in the schema.
    public init(text: String, attributePatterns: [AttributePattern] = [], attributeChoices: [AttributeChoice] = []) throws {
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
        stripped = Self.inliningPlainDefines(stripped)
        compiledText = stripped
        self.attributeChoices = try CompiledAttributeChoices(attributeChoices, schema: stripped)
        var treeText = stripped
        for choice in attributeChoices {
            guard treeText.contains(choice.reference) else {
                throw XMLValidationFailure(issues: [XMLIssue(line: nil, path: nil, message: "the schema does not refer to the define '\(choice.define)'")])
            }
            treeText = treeText.replacing(choice.reference, with: "")
        }
        var compiled: [xmlRelaxNGPtr] = []
        do {
            schema = try Self.compile(stripped)
            compiled.append(schema)
            treeSchema = treeText == stripped ? nil : try Self.compile(treeText)
            treeSchema.map { compiled.append($0) }
            withoutNamespace = try GrammarNamespace.leftOut(of: treeText).map { (try Self.compile($0.text), Array($0.uri.utf8) + [0]) }
        } catch {
            compiled.forEach(xmlRelaxNGFree)
            throw error
        }
    }

    private static func compile(_ text: String) throws -> xmlRelaxNGPtr {
        let collector = XMLIssueCollector()
        let bytes = Array(text.utf8)
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
        return parsed
    }

    deinit {
        xmlRelaxNGFree(schema)
        treeSchema.map(xmlRelaxNGFree)
        withoutNamespace.map { xmlRelaxNGFree($0.schema) }
    }

    /// `text` with each define that holds only any text, or an attribute of any text (as the
    /// attribute patterns checked apart leave `id` and `pointer`), written out where it is
    /// referred to, and gone. An attribute written in an element is one of the element's own,
    /// which libxml2 checks apart; behind a reference it stays in the element's content, read
    /// step by step with the rest. With Folio's `xml:id` on most elements, that was a tenth of
    /// validating.
    static func inliningPlainDefines(_ text: String) -> String {
        var bytes = Array(text.utf8)
        var inlined: [(reference: [UInt8], body: [UInt8])] = []
        var from = 0
        while let define = nextDefine(in: bytes, from: from) {
            guard isPlain(define.body) else {
                from = define.whole.upperBound
                continue
            }
            inlined.append((Array(#"<ref name=""#.utf8) + define.name + Array(#""/>"#.utf8), Array(define.body)))
            bytes.removeSubrange(define.whole)
            from = define.whole.lowerBound
        }
        for (reference, body) in inlined {
            var result: [UInt8] = []
            var copied = 0
            while let found = SchemaText.firstRange(of: reference, in: bytes, from: copied) {
                result += bytes[copied..<found.lowerBound] + body
                copied = found.upperBound
            }
            bytes = result + bytes[copied...]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The next `<define name="NAME">BODY</define>` from `from` on: its name, its body without
    /// the white space around it, and where it stands with the white space before it.
    private static func nextDefine(in bytes: [UInt8], from: Int) -> (name: ArraySlice<UInt8>, body: ArraySlice<UInt8>, whole: Range<Int>)? {
        let opening = Array(#"<define name=""#.utf8)
        guard let start = SchemaText.firstRange(of: opening, in: bytes, from: from),
              let quote = bytes[start.upperBound...].firstIndex(of: UInt8(ascii: "\"")), bytes[(quote + 1)...].first == UInt8(ascii: ">"),
              let close = SchemaText.firstRange(of: Array("</define>".utf8), in: bytes, from: quote) else { return nil }
        var (bodyStart, bodyEnd, wholeStart) = (quote + 2, close.lowerBound, start.lowerBound)
        while bodyStart < bodyEnd && SchemaText.isSpace(bytes[bodyStart]) { bodyStart += 1 }
        while bodyEnd > bodyStart && SchemaText.isSpace(bytes[bodyEnd - 1]) { bodyEnd -= 1 }
        while wholeStart > 0 && SchemaText.isSpace(bytes[wholeStart - 1]) { wholeStart -= 1 }
        return (bytes[start.upperBound..<quote], bytes[bodyStart..<bodyEnd], wholeStart..<close.upperBound)
    }

    /// `<text/>`, or an attribute of it.
    private static func isPlain(_ body: ArraySlice<UInt8>) -> Bool {
        let (opening, closing) = (Array(#"<attribute name=""#.utf8), Array(#""><text/></attribute>"#.utf8))
        if body.elementsEqual("<text/>".utf8) { return true }
        return body.starts(with: opening) && body.reversed().starts(with: closing.reversed())
            && !body.dropFirst(opening.count).dropLast(closing.count).contains { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") }
    }

    /// The problems that make `tree` invalid; empty when it is valid. libxml2 validates it as
    /// it is walked (`TreeValidation`) and reports up to the first element it finds wrong.
    public func validate(_ tree: XMLTree) -> [XMLIssue] {
        // A tree in the grammar's namespace is validated with the namespace left out of both.
        let validation = if let left = withoutNamespace, let namespace = tree.storage.namespace, xmlStrEqual(namespace, left.uri) != 0 {
            TreeValidation(namespace: nil, schema: left.schema, patterns: attributePatterns, choices: attributeChoices)
        } else {
            TreeValidation(namespace: tree.storage.namespace, schema: treeSchema ?? schema, patterns: attributePatterns, choices: attributeChoices)
        }
        guard var validation else {
            return [XMLIssue(line: nil, path: nil, message: "libxml2 could not create a validation context")]
        }
        return validation.issues(of: tree.storage)
    }

    /// `validate(_:)` of the tree made of libxml2's nodes, validated as libxml2 validates a
    /// document: what `validate(_:)` must find.
    func validateAsDocument(_ tree: XMLTree) -> [XMLIssue] {
        let document = LibXML2Copy.document(of: tree.storage)
        defer { xmlFreeDoc(document) }
        return validate(document: document)
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
