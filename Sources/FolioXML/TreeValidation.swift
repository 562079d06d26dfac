internal import CLibXML2

/// One validation of an `XMLTree` by libxml2's RELAX NG validation as a stream: each element
/// is pushed as it is walked, with its attributes, and its text as text, without a libxml2
/// tree. An element whose pattern libxml2 cannot follow a step at a time (its content is not a
/// regular expression of names: attributes whose values choose its content, typed values) is
/// copied to a libxml2 document and validated whole.
///
/// libxml2 reads an element's name, namespace and attributes from a node while it is pushed,
/// and keeps nothing of it: one node a level of the tree, and attributes filled in for each
/// element, stand in for the tree. A property test holds the verdicts to libxml2's own over
/// the same tree made of its nodes.
struct TreeValidation: ~Copyable {
    private let context: xmlRelaxNGValidCtxtPtr
    private let collector = XMLIssueCollector(readsNodes: false)
    /// The node standing for the element pushed at each level.
    private var levels: [UnsafeMutablePointer<xmlNode>] = []
    /// Attributes and the texts holding their values, filled in for each element pushed.
    private var attributes: [(attribute: UnsafeMutablePointer<xmlAttr>, value: UnsafeMutablePointer<xmlNode>)] = []
    private let namespace: UnsafeMutablePointer<xmlNs>?
    private let xmlNamespace: UnsafeMutablePointer<xmlNs>
    /// The element being validated and its ancestors, for messages.
    private var ancestors: [Int] = []
    /// Where elements validated whole are copied; made when the first is.
    private var copies: LibXML2Copy?
    private static let xmlNamespaceURI: StaticString = "http://www.w3.org/XML/1998/namespace"
    private static let xmlPrefix: StaticString = "xml"
    /// What any text that is not all white space is pushed as: libxml2 only asks which it is.
    private static let someText: StaticString = "x"

    /// `namespace`: the tree's, ended by a zero.
    init?(namespace uri: UnsafeMutablePointer<xmlChar>?, schema: xmlRelaxNGPtr) {
        guard let context = xmlRelaxNGNewValidCtxt(schema) else { return nil }
        self.context = context
        namespace = uri.map { uri in
            let namespace = UnsafeMutablePointer<xmlNs>.allocate(capacity: 1)
            namespace.initialize(to: xmlNs())
            namespace.pointee.type = XML_NAMESPACE_DECL
            namespace.pointee.href = UnsafePointer(uri)
            return namespace
        }
        xmlNamespace = .allocate(capacity: 1)
        xmlNamespace.initialize(to: xmlNs())
        xmlNamespace.pointee.type = XML_NAMESPACE_DECL
        xmlNamespace.pointee.href = Self.xmlNamespaceURI.utf8Start
        xmlNamespace.pointee.prefix = Self.xmlPrefix.utf8Start
        xmlRelaxNGSetValidStructuredErrors(context, XMLIssueCollector.callback, collector.context)
    }

    deinit {
        xmlRelaxNGFreeValidCtxt(context)
        for level in levels { level.deallocate() }
        for (attribute, value) in attributes {
            attribute.deallocate()
            value.deallocate()
        }
        namespace?.deallocate()
        xmlNamespace.deallocate()
        if let copies { xmlFreeDoc(copies.document) }
    }

    /// What libxml2 found wrong, up to the first element found wrong; empty when the tree is valid.
    mutating func issues(of tree: XMLTree.Storage) -> [XMLIssue] {
        let valid = tree.withBuffers { validate(0, level: 0, of: $0) }
        if !valid && collector.issues.isEmpty {
            return [XMLIssue(line: nil, path: nil, message: "the document does not match the schema")]
        }
        return collector.issues
    }

    /// Validates `element` and what it holds; false at the first error.
    private mutating func validate(_ element: Int, level: Int, of tree: XMLTree.Buffers) -> Bool {
        ancestors.append(element)
        defer { ancestors.removeLast() }
        let node = stand(for: element, at: level, of: tree)
        switch xmlRelaxNGValidatePushElement(context, nil, node) {
        case 1:
            break
        case 0:
            // libxml2 cannot follow this element's pattern step by step: it validates a copy whole.
            if copies == nil { copies = LibXML2Copy(namespace: tree.namespace, holder: "copies") }
            let copy = copies!.copy(element, of: tree)
            defer {
                xmlUnlinkNode(copy)
                xmlFreeNode(copy)
            }
            return noted(xmlRelaxNGValidateFullElement(context, copies!.document, copy) == 1, in: tree)
        default:
            return noted(false, in: tree)
        }
        var child = tree.nodes[element].firstChild
        while child >= 0 {
            let childNode = tree.nodes[child]
            if childNode.isText {
                if !Self.isBlank(tree.text(of: childNode)) {
                    guard noted(Self.someText.withUTF8Buffer { xmlRelaxNGValidatePushCData(context, $0.baseAddress, 1) } == 1, in: tree) else { return false }
                }
            } else {
                guard validate(child, level: level + 1, of: tree) else { return false }
            }
            child = childNode.next
        }
        return noted(xmlRelaxNGValidatePopElement(context, nil, levels[level]) == 1, in: tree)
    }

    /// The node for `element` at `level`: its name and namespace, and its attributes.
    private mutating func stand(for element: Int, at level: Int, of tree: XMLTree.Buffers) -> xmlNodePtr {
        if level == levels.count {
            levels.append(.allocate(capacity: 1))
            levels[level].initialize(to: xmlNode())
        }
        let node = levels[level]
        node.pointee.type = XML_ELEMENT_NODE
        node.pointee.name = UnsafePointer(tree.names[tree.nodes[element].name])
        node.pointee.ns = namespace
        node.pointee.properties = nil
        var previous: UnsafeMutablePointer<xmlAttr>?
        var number = 0
        var next = tree.nodes[element].firstAttribute
        while next >= 0 {
            let attribute = tree.attributes[next]
            next = attribute.next
            defer { number += 1 }
            if number == attributes.count {
                let made = (UnsafeMutablePointer<xmlAttr>.allocate(capacity: 1), UnsafeMutablePointer<xmlNode>.allocate(capacity: 1))
                made.0.initialize(to: xmlAttr())
                made.1.initialize(to: xmlNode())
                attributes.append(made)
            }
            let (property, value) = attributes[number]
            value.pointee.type = XML_TEXT_NODE
            value.pointee.content = UnsafeMutablePointer(mutating: tree.value(of: attribute))
            value.pointee.parent = UnsafeMutableRawPointer(property).assumingMemoryBound(to: xmlNode.self)
            property.pointee.type = XML_ATTRIBUTE_NODE
            property.pointee.name = UnsafePointer(tree.names[attribute.name])
            property.pointee.ns = attribute.inXMLNamespace ? xmlNamespace : nil
            property.pointee.children = value
            property.pointee.last = value
            property.pointee.parent = node
            property.pointee.next = nil
            property.pointee.prev = previous
            if let previous { previous.pointee.next = property } else { node.pointee.properties = property }
            previous = property
        }
        return node
    }

    /// `valid`; when not, the issues libxml2 reported without a place get the element's.
    private func noted(_ valid: Bool, in tree: XMLTree.Buffers) -> Bool {
        if !valid { collector.place(unplaced: tree.path(ancestors)) }
        return valid
    }

    /// Whether text is only white space, as libxml2 tells it (`IS_BLANK_CH`): such text is no
    /// text to a pattern.
    private static func isBlank(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        text.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }
}
