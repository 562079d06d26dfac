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
