internal import CLibXML2

/// An attribute whose values must match a pattern (XML Schema regular-expression syntax), as a
/// schema's `<param name="pattern">` says, checked apart from the rest of the schema.
///
/// libxml2 compiles a RELAX NG pattern facet again for every value it checks, which was most of
/// validating Folio's TEI: a date's five optional attributes each compiled the date pattern. A
/// schema given attribute patterns leaves those facets to them; each is compiled once, with
/// libxml2's own regular expressions (the ones the facet uses), and run on the attribute's values.
public struct AttributePattern: Sendable {
    /// The element the attribute is on; nil for an attribute of that name on any element.
    public var element: String?
    public var attribute: String
    /// The pattern as the schema writes it (without characters XML escapes).
    public var pattern: String

    public init(element: String? = nil, attribute: String, pattern: String) {
        precondition(!pattern.contains("<") && !pattern.contains("&"), "a pattern the schema would write escaped")
        self.element = element
        self.attribute = attribute
        self.pattern = pattern
    }

    /// The schema's text for this pattern's facet.
    var facet: String { #"<param name="pattern">"# + pattern + "</param>" }

    /// The facet as the only one of a string: what is left once the facet is checked apart is
    /// any string, which an attribute's `<text/>` is too. libxml2 looks a datatype up by name
    /// in a table for every value it checks (a thousand instructions, a fifth of a paper's
    /// attributes), and for `<text/>` checks nothing.
    var stringFacet: String { #"<data type="string">"# + facet + "</data>" }
}

/// Attribute patterns compiled for checking documents. libxml2 only reads a compiled regular
/// expression while matching (its schemas share theirs between validations the same way).
final class CompiledAttributePatterns: @unchecked Sendable {
    /// What checking an attribute reads: plain pointers, so the walk over every attribute of
    /// every element copies and retains nothing.
    private struct Compiled {
        var regexp: xmlRegexpPtr
        /// The names as libxml2 keeps them, ended by a zero; owned by the compiled patterns.
        var attribute: UnsafeMutablePointer<xmlChar>
        var element: UnsafeMutablePointer<xmlChar>?
    }

    private let patterns: [AttributePattern]
    private let compiled: [Compiled]

    init(_ patterns: [AttributePattern]) throws {
        var compiled: [Compiled] = []
        for pattern in patterns {
            guard let regexp = withXMLChars(pattern.pattern, { xmlRegexpCompile($0) }) else {
                Self.release(compiled)
                throw XMLValidationFailure(issues: [XMLIssue(line: nil, path: nil, message: "the pattern \(pattern.pattern) does not compile")])
            }
            compiled.append(Compiled(regexp: regexp, attribute: Self.zeroEnded(pattern.attribute), element: pattern.element.map(Self.zeroEnded)))
        }
        self.patterns = patterns
        self.compiled = compiled
    }

    deinit {
        Self.release(compiled)
    }

    private static func release(_ compiled: [Compiled]) {
        for pattern in compiled {
            xmlRegFreeRegexp(pattern.regexp)
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

    private func check(_ element: xmlNodePtr, into issues: inout [XMLIssue]) {
        var attribute = element.pointee.properties
        while let current = attribute {
            defer { attribute = current.pointee.next }
            guard current.pointee.ns == nil, let name = current.pointee.name else { continue }
            for (index, compiled) in compiled.enumerated() where xmlStrEqual(name, compiled.attribute) != 0 {
                if let only = compiled.element, xmlStrEqual(element.pointee.name, only) == 0 { continue }
                let value = consumeXMLString(xmlNodeListGetString(element.pointee.doc, current.pointee.children, 1)) ?? ""
                if withXMLChars(value, { xmlRegexpExec(compiled.regexp, $0) }) != 1 {
                    let pattern = patterns[index]
                    issues.append(XMLIssue(line: element.pointee.line > 0 ? Int(element.pointee.line) : nil,
                                           path: consumeXMLString(xmlGetNodePath(element)),
                                           message: "the value '\(value)' of attribute '\(pattern.attribute)' does not match the pattern \(pattern.pattern)"))
                }
            }
        }
    }
}
