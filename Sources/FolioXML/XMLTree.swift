internal import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An XML document being built in memory, backed by a libxml2 tree.
///
/// One tree belongs to one task at a time (libxml2 documents must not be shared between
/// threads), so the type is deliberately not `Sendable`.
public final class XMLTree {
    let document: xmlDocPtr
    private let namespace: xmlNsPtr?

    /// The document element. Made on each use, not stored: an element keeps its tree alive,
    /// and a tree keeping its root element would keep itself, and its libxml2 document, for ever.
    public var root: XMLElement { XMLElement(tree: self, node: xmlDocGetRootElement(document)!) }

    /// Creates `<rootName xmlns="namespace"/>`; children made through `XMLElement` share the
    /// namespace.
    public init(rootName: String, namespace uri: String?) {
        XMLLibrary.initialize()
        let document = withXMLChars("1.0") { xmlNewDoc($0) }!
        // Element and attribute names are then kept once each, looked up in the dictionary,
        // not copied for every node: a paper's TEI has thousands of nodes and a few dozen names.
        // The document frees its dictionary.
        document.pointee.dict = xmlDictCreate()
        self.document = document
        let node = withXMLChars(rootName) { xmlNewDocNode(document, nil, $0, nil) }!
        xmlDocSetRootElement(document, node)
        namespace = uri.map { uri in withXMLChars(uri) { xmlNewNs(node, $0, nil) } }
        xmlSetNs(node, namespace)
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// The document as UTF-8 bytes with an XML declaration, as libxml2 writes it (see
    /// `XMLSerializer`): attributes in their order, no indentation inside mixed content, so
    /// the output is deterministic and text-faithful.
    /// `capacity`: the bytes to make room for at first.
    public func serialized(indented: Bool = true, capacity: Int = 1 << 16) -> [UInt8] {
        XMLSerializer.serialize(document, indented: indented, capacity: capacity)
    }

    /// The document as libxml2's own `xmlDocDumpFormatMemoryEnc` writes it: what `serialized`
    /// must write.
    func serializedByLibXML2(indented: Bool) -> [UInt8] {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpFormatMemoryEnc(document, &buffer, &size, "UTF-8", indented ? 1 : 0)
        guard let buffer else { return [] }
        defer { folio_xmlFree(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
    }

    func makeElement(_ name: String, parent: xmlNodePtr) -> XMLElement {
        let node = withXMLChars(name) { xmlNewChild(parent, namespace, $0, nil) }!
        return XMLElement(tree: self, node: node)
    }

    /// The `xml:` namespace, which every document has implicitly.
    lazy var xmlNamespace: xmlNsPtr? = withXMLChars("http://www.w3.org/XML/1998/namespace") {
        xmlSearchNsByHref(document, xmlDocGetRootElement(document), $0)
    }
}

/// An element of an `XMLTree`. It keeps its tree alive.
public struct XMLElement {
    let tree: XMLTree
    let node: xmlNodePtr

    /// Appends a child element in the tree's namespace, optionally holding `text`.
    @discardableResult
    public func element(_ name: String, text: String? = nil) -> XMLElement {
        let child = tree.makeElement(name, parent: node)
        if let text { child.append(text) }
        return child
    }

    /// Appends character data; `<`, `&` and friends are escaped when serialized.
    public func append(_ text: String) {
        var text = text
        text.withUTF8 { append(utf8: $0) }
    }

    /// Appends character data given as UTF-8, up to a NUL (where libxml2's C strings end).
    public func append(utf8 text: UnsafeBufferPointer<UInt8>) {
        guard let base = text.baseAddress else { return }
        // `memchr` looks at many bytes at a time; a loop over the buffer looked at one.
        let length = memchr(base, 0, text.count).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? text.count
        guard length > 0 else { return }
        xmlNodeAddContentLen(node, base, Int32(length))
    }

    /// Sets an attribute; its value is escaped when serialized.
    @discardableResult
    public func attribute(_ name: String, _ value: String) -> XMLElement {
        withXMLChars(name) { name in withXMLChars(value) { value in _ = xmlSetProp(node, name, value) } }
        return self
    }

    /// Sets `xml:id`.
    ///
    /// The attribute is made empty and its text added apart: given a value, libxml2 also enters
    /// every `xml:id` in the document's table of IDs, for DTD validation and `xmlGetID`, which
    /// Folio never asks for (its schema types `xml:id` as a name). That entry cost more than
    /// the rest of the attribute, for every element of a paper's TEI.
    @discardableResult
    public func id(_ value: String) -> XMLElement {
        let attribute = withXMLChars("id") { name in
            xmlHasNsProp(node, name, tree.xmlNamespace?.pointee.href) ?? xmlNewNsProp(node, tree.xmlNamespace, name, nil)
        }!
        xmlFreeNodeList(attribute.pointee.children)
        let text = withXMLChars(value) { xmlNewDocText(tree.document, $0) }!
        text.pointee.parent = UnsafeMutableRawPointer(attribute).assumingMemoryBound(to: xmlNode.self)
        attribute.pointee.children = text
        attribute.pointee.last = text
        return self
    }

    /// Whether the element has neither children nor text.
    public var isEmpty: Bool { node.pointee.children == nil }
}
