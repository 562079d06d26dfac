internal import CLibXML2

/// An attribute whose values must match a pattern, as a schema says, checked apart from the
/// rest of the schema: a regular expression (XML Schema syntax), as `<param name="pattern">`
/// says, or the NCName form, as `<data type="NCName"/>` says (XML Schema defines NCName by the
/// pattern `[\i-[:]][\c-[:]]*`).
///
/// libxml2 compiles a RELAX NG pattern facet again for every value it checks, which was most of
/// validating Folio's TEI: a date's five optional attributes each compiled the date pattern. A
/// schema given attribute patterns leaves those facets to them; each is compiled once, with
/// libxml2's own regular expressions (the ones the facet uses), and run on the attribute's values.
/// For every value of a datatype it checks, libxml2 also looks the datatype up by name in a
/// table, which cost more than checking an `xml:id` with libxml2's own NCName check.
public struct AttributePattern: Sendable {
    public enum Form: Sendable {
        /// A regular expression, as the schema writes it (without characters XML escapes).
        case regularExpression(String)
        /// An NCName, with white space around it, as libxml2's datatype allows.
        case ncName
    }

    /// The element the attribute is on; nil for an attribute of that name on any element.
    public var element: String?
    /// The attribute's name; `xml:` is the one prefix it may have.
    public var attribute: String
    public var form: Form

    public init(element: String? = nil, attribute: String, pattern: String) {
        precondition(!pattern.contains("<") && !pattern.contains("&"), "a pattern the schema would write escaped")
        self.init(element: element, attribute: attribute, form: .regularExpression(pattern))
    }

    /// An attribute the schema types as an NCName (`<data type="NCName"/>`) wherever it is.
    public init(ncName attribute: String) {
        self.init(element: nil, attribute: attribute, form: .ncName)
    }

    private init(element: String?, attribute: String, form: Form) {
        precondition(!attribute.contains(":") || attribute.hasPrefix("xml:"), "an attribute of a prefix other than xml:")
        self.element = element
        self.attribute = attribute
        self.form = form
    }

    /// How the schema says it, as libxml2 is not given it, and what libxml2 is given instead.
    ///
    /// A string's pattern is the facet of a string: what is left once it is checked apart is any
    /// string, which an attribute's `<text/>` is too (libxml2 checks nothing for it). An NCName
    /// is said of the attribute wherever it is; `<text/>` stands for it.
    var schemaTexts: [(text: String, replacement: String)] {
        switch form {
        case .regularExpression(let pattern):
            let facet = #"<param name="pattern">"# + pattern + "</param>"
            return [(#"<data type="string">"# + facet + "</data>", "<text/>"), (facet, "")]
        case .ncName:
            return [(#"<attribute name=""# + attribute + #""><data type="NCName"/></attribute>"#, #"<attribute name=""# + attribute + #""><text/></attribute>"#)]
        }
    }

    /// The pattern, for messages.
    var described: String {
        switch form {
        case .regularExpression(let pattern): pattern
        case .ncName: "of an NCName"
        }
    }
}

/// Attribute patterns compiled for checking documents. libxml2 only reads a compiled regular
/// expression while matching (its schemas share theirs between validations the same way).
final class CompiledAttributePatterns: @unchecked Sendable {
    /// What checking an attribute reads: plain pointers, so the walk over every attribute of
    /// every element copies and retains nothing.
    private struct Compiled {
        /// nil for an NCName.
        var regexp: xmlRegexpPtr?
        /// The names as libxml2 keeps them, ended by a zero; owned by the compiled patterns.
        var attribute: UnsafeMutablePointer<xmlChar>
        var element: UnsafeMutablePointer<xmlChar>?
        /// Whether the attribute is in the XML namespace (`xml:id`).
        var inXMLNamespace: Bool
        /// The name's first byte: most of a document's attributes differ from every pattern's in
        /// it, and are passed over without comparing names.
        var firstByte: xmlChar { attribute[0] }
    }

    private let patterns: [AttributePattern]
    private let compiled: [Compiled]
    /// For each pattern, the next of the same attribute name, or -1.
    private let nextOfSameName: [Int]

    init(_ patterns: [AttributePattern]) throws {
        var compiled: [Compiled] = []
        for pattern in patterns {
            var regexp: xmlRegexpPtr?
            if case .regularExpression(let expression) = pattern.form {
                regexp = withXMLChars(expression) { xmlRegexpCompile($0) }
                guard regexp != nil else {
                    Self.release(compiled)
                    throw XMLValidationFailure(issues: [XMLIssue(line: nil, path: nil, message: "the pattern \(expression) does not compile")])
                }
            }
            let inXMLNamespace = pattern.attribute.hasPrefix("xml:")
            compiled.append(Compiled(regexp: regexp, attribute: Self.zeroEnded(inXMLNamespace ? String(pattern.attribute.dropFirst(4)) : pattern.attribute),
                                     element: pattern.element.map(Self.zeroEnded), inXMLNamespace: inXMLNamespace))
        }
        self.patterns = patterns
        self.compiled = compiled
        nextOfSameName = compiled.indices.map { index in
            compiled.indices.first { $0 > index && xmlStrEqual(compiled[$0].attribute, compiled[index].attribute) != 0 } ?? -1
        }
    }

    deinit {
        Self.release(compiled)
    }

    private static func release(_ compiled: [Compiled]) {
        for pattern in compiled {
            pattern.regexp.map(xmlRegFreeRegexp)
            pattern.attribute.deallocate()
            pattern.element?.deallocate()
        }
    }

    private static func zeroEnded(_ name: String) -> UnsafeMutablePointer<xmlChar> {
        let bytes = Array(name.utf8) + [0]
        let pointer = UnsafeMutablePointer<xmlChar>.allocate(capacity: bytes.count)
        pointer.initialize(from: bytes, count: bytes.count)
        return pointer
    }

    var isEmpty: Bool { patterns.isEmpty }

    /// Every attribute value of `document` that does not match its pattern.
    func issues(in document: xmlDocPtr) -> [XMLIssue] {
        var issues: [XMLIssue] = []
        let root = xmlDocGetRootElement(document)
        var node = root
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE {
                check(current, into: &issues)
            }
            // Depth first: the first child, else the next sibling of the nearest ancestor that has one.
            if let child = current.pointee.children {
                node = child
                continue
            }
            var climb: xmlNodePtr? = current
            node = nil
            while let up = climb, up != root {
                if let next = up.pointee.next { node = next; break }
                climb = up.pointee.parent
            }
        }
        return issues
    }

    /// The first pattern of each of a tree's names, as an attribute's, or -1 (found once a
    /// tree: most attributes have none), for `check(_:patternsFrom:...)`.
    func firstPatternByName(of tree: XMLTree.Buffers) -> [Int] {
        tree.names.map { firstPattern(named: $0) }
    }

    /// The first pattern of the attribute named `name`, or -1; the others of the name follow it
    /// in `nextOfSameName`.
    private func firstPattern(named name: UnsafePointer<xmlChar>) -> Int {
        compiled.firstIndex { $0.firstByte == name[0] && xmlStrEqual(name, $0.attribute) != 0 } ?? -1
    }

    /// Checks `value` against each pattern of its attribute's name from `first` on (one
    /// `firstPattern(named:)` gave, or -1 for none), adding the issue of each that applies to
    /// an attribute on an element named `element` and is not matched; `line` and `path` say where.
    func check(_ value: UnsafePointer<xmlChar>, patternsFrom first: Int, inXMLNamespace: Bool, element: UnsafePointer<xmlChar>,
               line: Int? = nil, path: () -> String?, into issues: inout [XMLIssue]) {
        var index = first
        while index >= 0 {
            defer { index = nextOfSameName[index] }
            let compiled = compiled[index]
            guard compiled.inXMLNamespace == inXMLNamespace else { continue }
            if let only = compiled.element, xmlStrEqual(element, only) == 0 { continue }
            if !Self.matches(value, compiled) { issues.append(mismatch(String(cString: value), pattern: index, line: line, path: path())) }
        }
    }

    private func check(_ element: xmlNodePtr, into issues: inout [XMLIssue]) {
        var attribute = element.pointee.properties
        while let current = attribute {
            defer { attribute = current.pointee.next }
            guard let name = current.pointee.name else { continue }
            let inXMLNamespace = current.pointee.ns.map { xmlStrEqual($0.pointee.href, XMLLibrary.xmlNamespaceURI.utf8Start) != 0 }
            guard inXMLNamespace != false else { continue }
            let first = firstPattern(named: name)
            guard first >= 0 else { continue }
            Self.withValue(of: current) { value in
                check(value, patternsFrom: first, inXMLNamespace: inXMLNamespace == true, element: element.pointee.name,
                      line: element.pointee.line > 0 ? Int(element.pointee.line) : nil, path: { consumeXMLString(xmlGetNodePath(element)) }, into: &issues)
            }
        }
    }

    /// Whether `value` matches the compiled pattern.
    private static func matches(_ value: UnsafePointer<xmlChar>, _ compiled: Compiled) -> Bool {
        if let regexp = compiled.regexp { xmlRegexpExec(regexp, value) == 1 } else { xmlValidateNCName(value, 1) == 0 }
    }

    /// The issue of a value that does not match the pattern `index`.
    private func mismatch(_ value: String, pattern index: Int, line: Int?, path: String?) -> XMLIssue {
        let pattern = patterns[index]
        return XMLIssue(line: line, path: path, message: "the value '\(value)' of attribute '\(pattern.attribute)' does not match the pattern \(pattern.described)")
    }

    /// The attribute's value, read where its one text node keeps it (as every value Folio
    /// writes is kept), else made: copying each value out and back cost more than its check.
    private static func withValue<Result>(of attribute: xmlAttrPtr, _ body: (UnsafePointer<xmlChar>) -> Result) -> Result {
        if let text = attribute.pointee.children, text.pointee.next == nil, text.pointee.type == XML_TEXT_NODE, let content = text.pointee.content {
            return body(content)
        }
        let made = xmlNodeListGetString(attribute.pointee.doc, attribute.pointee.children, 1)
        defer { folio_xmlFree(made) }
        return made.map { body($0) } ?? withXMLChars("") { body($0) }
    }
}
