internal import CLibXML2

/// An `XMLTree` made of libxml2 nodes, as a tree of libxml2's own would hold it: for tests that
/// hold Folio's serializer and validation to libxml2's own.
struct LibXML2Copy {
    let document: xmlDocPtr
    /// The tree's namespace, declared on the document element.
    private let namespace: xmlNsPtr?
    private let xmlNamespace: xmlNsPtr?

    /// A document whose document element, `root`, declares the tree's namespace.
    private init(namespace uri: UnsafePointer<xmlChar>?, root name: String) {
        XMLLibrary.initialize()
        let document = withXMLChars("1.0") { xmlNewDoc($0) }!
        let root = withXMLChars(name) { xmlNewDocNode(document, nil, $0, nil) }!
        xmlDocSetRootElement(document, root)
        let namespace = uri.flatMap { xmlNewNs(root, $0, nil) }
        xmlSetNs(root, namespace)
        self.document = document
        self.namespace = namespace
        xmlNamespace = xmlSearchNsByHref(document, root, XMLLibrary.xmlNamespaceURI.utf8Start)
    }

    /// The whole tree as a libxml2 document, whose document element is the tree's.
    static func document(of tree: XMLTree.Storage) -> xmlDocPtr {
        tree.withBuffers { tree in
            let copy = LibXML2Copy(namespace: tree.namespace, root: tree.nameString(of: 0))
            copy.fill(xmlDocGetRootElement(copy.document)!, from: 0, of: tree)
            return copy.document
        }
    }

    /// Gives `node` the attributes and children of `element`.
    private func fill(_ node: xmlNodePtr, from element: Int, of tree: XMLTree.Buffers) {
        for property in tree.attributes(of: element) {
            // Made empty and given its text apart: given a value, libxml2 also enters an
            // `xml:id` in the document's table of IDs, which validation never reads.
            let made = xmlNewNsProp(node, property.inXMLNamespace ? xmlNamespace : nil, tree.names[property.name], nil)!
            let text = xmlNewDocText(document, tree.value(of: property))!
            text.pointee.parent = UnsafeMutableRawPointer(made).assumingMemoryBound(to: xmlNode.self)
            made.pointee.children = text
            made.pointee.last = text
        }
        for child in tree.children(of: element) {
            let childNode = tree.nodes[child]
            if childNode.isText {
                let text = tree.text(of: childNode)
                xmlNodeAddContentLen(node, text.baseAddress, Int32(text.count))
            } else {
                fill(xmlNewChild(node, namespace, tree.names[childNode.name], nil)!, from: child, of: tree)
            }
        }
    }
}

extension XMLTree {
    /// A tree holding what the parsed document holds (elements, attributes, text), as Folio's
    /// writers would have made it: for tests that hold validating a tree as it is walked to
    /// libxml2's validation of the document. Every element is taken to be in the document
    /// element's namespace, as in a tree; attributes of another prefix than `xml:` are not kept.
    convenience init(copying parsed: ParsedXML) {
        let root = xmlDocGetRootElement(parsed.document)!
        self.init(rootName: String(cString: root.pointee.name), namespace: root.pointee.ns.map { String(cString: $0.pointee.href) })
        Self.copy(root, into: self.root)
    }

    private static func copy(_ node: xmlNodePtr, into element: XMLElement) {
        var attribute = node.pointee.properties
        while let current = attribute {
            let value = consumeXMLString(xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1)) ?? ""
            let name = String(cString: current.pointee.name)
            if let namespace = current.pointee.ns {
                if xmlStrEqual(namespace.pointee.href, XMLLibrary.xmlNamespaceURI.utf8Start) != 0 && name == "id" { element.id(value) }
            } else {
                element.attribute(named: name, value)
            }
            attribute = current.pointee.next
        }
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE: copy(current, into: element.element(named: String(cString: current.pointee.name)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: element.append(String(cString: current.pointee.content))
            default: break
            }
            child = current.pointee.next
        }
    }
}
