internal import CLibXML2
import FolioBytes
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An XML document being built in memory: elements in one namespace (or none), text, and
/// attributes of no namespace or of `xml:`.
///
/// The nodes are Swift values in arrays, not a libxml2 tree: making a paper's TEI as libxml2
/// nodes, one allocation for every element, attribute and text, and freeing them again, cost a
/// tenth of a paper. libxml2 validates the tree as it is walked (`TreeValidation`), through
/// stand-in nodes of its own kind.
///
/// One tree belongs to one task at a time, so the type is deliberately not `Sendable`.
public final class XMLTree {
    /// Where the storage lives. A stored `var` of a class is checked for exclusive access at
    /// every use, at run time: some 1,500 checks a paper's TEI, one for every element, text
    /// and attribute made. The tree owns the place; an element keeps its tree alive.
    private let place: UnsafeMutablePointer<Storage>

    var storage: Storage {
        unsafeAddress { UnsafePointer(place) }
        unsafeMutableAddress { place }
    }

    /// The document element. Made on each use, not stored: an element keeps its tree alive,
    /// and a tree keeping its root element would keep itself for ever.
    public var root: XMLElement { XMLElement(tree: self, index: 0) }

    /// Creates `<rootName xmlns="namespace"/>`; children made through `XMLElement` share the
    /// namespace. `expectedBytes`: about how many bytes of text and values it will hold, to
    /// make room for them, and for the nodes, at once.
    public init(rootName: String, namespace uri: String?, expectedBytes: Int = 1 << 14) {
        place = .allocate(capacity: 1)
        place.initialize(to: Storage(rootName: rootName, namespace: uri, expectedBytes: expectedBytes))
    }

    deinit {
        place.pointee.release()
        place.deinitialize(count: 1)
        place.deallocate()
    }

    /// The document as UTF-8 bytes with an XML declaration, as libxml2 writes it (see
    /// `XMLSerializer`): attributes in their order, no indentation inside mixed content, so
    /// the output is deterministic and text-faithful.
    /// `capacity`: the bytes to make room for at first.
    public func serialized(indented: Bool = true, capacity: Int = 1 << 16) -> [UInt8] {
        XMLSerializer.serialize(storage, indented: indented, capacity: capacity)
    }

    /// The document as libxml2's own `xmlDocDumpFormatMemoryEnc` writes the same tree made of
    /// its nodes: what `serialized` must write.
    func serializedByLibXML2(indented: Bool) -> [UInt8] {
        let document = LibXML2Copy.document(of: storage)
        defer { xmlFreeDoc(document) }
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpFormatMemoryEnc(document, &buffer, &size, "UTF-8", indented ? 1 : 0)
        guard let buffer else { return [] }
        defer { folio_xmlFree(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
    }
}

extension XMLTree {
    /// The tree's nodes, attributes, names and bytes. Reached through the tree in one access a
    /// change, not one a field.
    struct Storage {
        struct Node {
            /// Where the element's name is in `names`; `Node.isText` for text.
            var name: Int
            var firstChild = -1
            var lastChild = -1
            var next = -1
            var firstAttribute = -1
            var lastAttribute = -1
            /// A text's bytes in `bytes`.
            var start = 0
            var end = 0

            static let isText = -1
            var isText: Bool { name == Self.isText }
        }

        struct Attribute {
            var name: Int
            var inXMLNamespace: Bool
            /// The value's bytes in `bytes`, followed there by a zero: libxml2 reads values as
            /// C strings.
            var start: Int
            var end: Int
            var next = -1
        }

        /// Element 0 is the document element; an element's children follow it in no order
        /// but their links'.
        private(set) var nodes: [Node] = []
        private(set) var attributes: [Attribute] = []
        /// Text and attribute values, one after another.
        private(set) var bytes: [UInt8] = []
        /// Element and attribute names, each ended by a zero as libxml2 reads them; owned.
        private(set) var names: [UnsafeMutablePointer<xmlChar>] = []
        /// Each name's number by a hash of its bytes (`hash(_:)`), open addressed; -1 in an empty slot.
        private var nameSlots = [Int](repeating: -1, count: 256)
        /// Each name's length in bytes, beside `names`.
        private var nameLengths: [Int] = []
        /// The numbers of names given as literals.
        private var literalNumbers = LiteralNumbers()
        /// The namespace's URI, ended by a zero; owned.
        let namespace: UnsafeMutablePointer<xmlChar>?

        init(rootName: String, namespace uri: String?, expectedBytes: Int) {
            namespace = uri.map(Self.zeroEnded)
            // A paper's TEI has an element or text for every fifty bytes of text and values or
            // so, an attribute for every ninety: arrays grown as they filled were copied again
            // and again.
            bytes.reserveCapacity(max(expectedBytes, 64))
            nodes.reserveCapacity(max(expectedBytes / 40, 16))
            attributes.reserveCapacity(max(expectedBytes / 80, 16))
            nodes.append(Node(name: nameNumber(rootName)))
        }

        /// Frees what the storage owns (a struct has no deinit of its own here: `XMLTree` calls this).
        func release() {
            for name in names { name.deallocate() }
            namespace?.deallocate()
        }

        private static func zeroEnded(_ text: String) -> UnsafeMutablePointer<xmlChar> {
            withBytesUpToZero(text) { zeroEnded($0) }
        }

        private static func zeroEnded(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeMutablePointer<xmlChar> {
            let pointer = UnsafeMutablePointer<xmlChar>.allocate(capacity: bytes.count + 1)
            if let base = bytes.baseAddress { pointer.initialize(from: base, count: bytes.count) }
            pointer[bytes.count] = 0
            return pointer
        }

        /// `text`'s UTF-8 up to its first zero, if any: where libxml2's C strings end.
        static func withBytesUpToZero<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            text.withUTF8Bytes { body($0.upToZero) }
        }

        /// The number of the name, up to a NUL; made when the tree has no such name yet.
        mutating func nameNumber(_ name: String) -> Int {
            Self.withBytesUpToZero(name) { number(ofName: $0) }
        }

        /// `nameNumber(_:)` of a literal: looked up by where its bytes are, once the tree has
        /// numbered it (`LiteralNumbers`).
        mutating func nameNumber(_ name: StaticString) -> Int {
            guard let bytes = name.pointedUTF8, let start = bytes.baseAddress else { return name.withUTF8Buffer { number(ofName: $0.upToZero) } }
            if let known = literalNumbers.number(at: start, count: bytes.count) { return known }
            let made = number(ofName: bytes.upToZero)
            literalNumbers.keep(made, at: start, count: bytes.count)
            return made
        }

        /// The number of the name `name` (no zero among its bytes).
        private mutating func number(ofName name: UnsafeBufferPointer<UInt8>) -> Int {
            // An empty name has no bytes to point at; a literal's stand in.
            let bytes = name.baseAddress == nil ? UnsafeBufferPointer(start: Self.noName.utf8Start, count: 0) : name
            let mask = nameSlots.count - 1
            var slot = Self.hash(bytes) & mask
            while nameSlots[slot] >= 0 {
                let number = nameSlots[slot]
                if nameLengths[number] == bytes.count && memcmp(names[number], bytes.baseAddress!, bytes.count) == 0 { return number }
                slot = (slot + 1) & mask
            }
            // Kept at most half full: the table doubles and every name is placed again.
            if (names.count + 1) * 2 > nameSlots.count {
                growNameSlots()
                return number(ofName: bytes)
            }
            names.append(Self.zeroEnded(bytes))
            nameLengths.append(bytes.count)
            nameSlots[slot] = names.count - 1
            return names.count - 1
        }

        private static let noName: StaticString = ""

        private mutating func growNameSlots() {
            nameSlots = [Int](repeating: -1, count: nameSlots.count * 2)
            let mask = nameSlots.count - 1
            for number in names.indices {
                var slot = Self.hash(UnsafeBufferPointer(start: names[number], count: nameLengths[number])) & mask
                while nameSlots[slot] >= 0 { slot = (slot + 1) & mask }
                nameSlots[slot] = number
            }
        }

        /// FNV-1a of a name's bytes: names are short, and a string's own hash (SipHash) cost
        /// more than the rest of making an element.
        private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            var hash: UInt32 = 2_166_136_261
            for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            return Int(hash)
        }

        private mutating func link(_ child: Int, to parent: Int) {
            if nodes[parent].lastChild >= 0 { nodes[nodes[parent].lastChild].next = child } else { nodes[parent].firstChild = child }
            nodes[parent].lastChild = child
        }

        /// Appends an element named by name number `name` (`nameNumber`).
        mutating func appendElement(_ name: Int, to parent: Int) -> Int {
            nodes.append(Node(name: name))
            link(nodes.count - 1, to: parent)
            return nodes.count - 1
        }

        /// Appends `text` (none of it a zero) to `parent`: to its last child when that is text,
        /// as libxml2 merges text added after text.
        mutating func appendText(_ text: UnsafeBufferPointer<UInt8>, to parent: Int) {
            let last = nodes[parent].lastChild
            if last >= 0, nodes[last].isText {
                // Its bytes are the last written unless others came since: then they move to the end.
                if nodes[last].end != bytes.count {
                    let moved = Array(bytes[nodes[last].start..<nodes[last].end])
                    nodes[last].start = bytes.count
                    bytes.append(contentsOf: moved)
                }
                bytes.append(contentsOf: text)
                nodes[last].end = bytes.count
                return
            }
            var node = Node(name: Node.isText)
            node.start = bytes.count
            bytes.append(contentsOf: text)
            node.end = bytes.count
            nodes.append(node)
            link(nodes.count - 1, to: parent)
        }

        /// Sets an attribute: in its place when the element has it already, else after the others.
        /// `number`: the attribute's name, numbered (`nameNumber`).
        mutating func setAttribute(_ number: Int, inXMLNamespace: Bool, value: String, on element: Int) {
            let start = bytes.count
            Self.withBytesUpToZero(value) { bytes.append(contentsOf: $0) }
            let end = bytes.count
            bytes.append(0)
            var current = nodes[element].firstAttribute
            while current >= 0 {
                if attributes[current].name == number && attributes[current].inXMLNamespace == inXMLNamespace {
                    attributes[current].start = start
                    attributes[current].end = end
                    return
                }
                current = attributes[current].next
            }
            attributes.append(Attribute(name: number, inXMLNamespace: inXMLNamespace, start: start, end: end))
            let added = attributes.count - 1
            if nodes[element].lastAttribute >= 0 { attributes[nodes[element].lastAttribute].next = added } else { nodes[element].firstAttribute = added }
            nodes[element].lastAttribute = added
        }

        /// The storage as plain buffers, for passes that read it: they copy and retain nothing.
        func withBuffers<Result>(_ body: (Buffers) -> Result) -> Result {
            nodes.withUnsafeBufferPointer { nodes in
                attributes.withUnsafeBufferPointer { attributes in
                    bytes.withUnsafeBufferPointer { bytes in
                        names.withUnsafeBufferPointer { names in
                            nameLengths.withUnsafeBufferPointer { nameLengths in
                                body(Buffers(nodes: nodes, attributes: attributes, bytes: bytes, names: names, nameLengths: nameLengths, namespace: namespace))
                            }
                        }
                    }
                }
            }
        }
    }

    /// A tree's storage as buffers, valid within `Storage.withBuffers`.
    struct Buffers {
        let nodes: UnsafeBufferPointer<Storage.Node>
        let attributes: UnsafeBufferPointer<Storage.Attribute>
        let bytes: UnsafeBufferPointer<UInt8>
        let names: UnsafeBufferPointer<UnsafeMutablePointer<xmlChar>>
        let nameLengths: UnsafeBufferPointer<Int>
        let namespace: UnsafeMutablePointer<xmlChar>?

        func name(of node: Int) -> UnsafeMutablePointer<xmlChar> { names[nodes[node].name] }

        /// The bytes of the name numbered `number`, without its zero.
        func nameBytes(_ number: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: names[number], count: nameLengths[number]) }

        func nameString(of node: Int) -> String { String(cString: name(of: node)) }

        /// An attribute's value, ended by a zero.
        func value(of attribute: Storage.Attribute) -> UnsafePointer<xmlChar> { bytes.baseAddress! + attribute.start }

        /// An attribute's value as bytes, without its zero.
        func valueBytes(of attribute: Storage.Attribute) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[attribute.start..<attribute.end]) }

        /// A text node's bytes.
        func text(of node: Storage.Node) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[node.start..<node.end]) }

        /// The element's children (elements and texts), in order, by their numbers in `nodes`.
        func children(of element: Int) -> Children { Children(nodes: nodes, current: nodes[element].firstChild) }

        /// The element's attributes, in order.
        func attributes(of element: Int) -> Attributes { Attributes(attributes: attributes, current: nodes[element].firstAttribute) }

        /// The children of an element, followed along their links.
        struct Children: Sequence, IteratorProtocol {
            let nodes: UnsafeBufferPointer<Storage.Node>
            var current: Int

            mutating func next() -> Int? {
                guard current >= 0 else { return nil }
                defer { current = nodes[current].next }
                return current
            }
        }

        /// The attributes of an element, followed along their links.
        struct Attributes: Sequence, IteratorProtocol {
            let attributes: UnsafeBufferPointer<Storage.Attribute>
            var current: Int

            mutating func next() -> Storage.Attribute? {
                guard current >= 0 else { return nil }
                defer { current = attributes[current].next }
                return attributes[current]
            }
        }

        /// Whether any child of the element is text.
        func holdsText(_ element: Int) -> Bool {
            children(of: element).contains { nodes[$0].isText }
        }

        /// Where an element is, given it and its ancestors, as an XPath (`/TEI/text/body/div[2]/p[3]`):
        /// a position among siblings of the same name where it has any. Made for messages only.
        func path(_ elements: [Int]) -> String {
            var result = "/" + nameString(of: elements[0])
            for (parent, element) in zip(elements, elements.dropFirst()) {
                var (position, count) = (0, 0)
                for child in children(of: parent) where !nodes[child].isText && nodes[child].name == nodes[element].name {
                    count += 1
                    if child == element { position = count }
                }
                result += "/" + nameString(of: element) + (count > 1 ? "[\(position)]" : "")
            }
            return result
        }
    }
}

/// An element of an `XMLTree`. It keeps its tree alive.
public struct XMLElement {
    let tree: XMLTree
    let index: Int

    /// Appends a child element in the tree's namespace, optionally holding `text`. Its name
    /// is a literal, as most are: the tree finds it by where its bytes are.
    @discardableResult
    public func element(_ name: StaticString, text: String? = nil) -> XMLElement {
        element(number: tree.storage.nameNumber(name), text: text)
    }

    /// `element(_:text:)` for a name made at run time.
    @discardableResult
    public func element(named name: String, text: String? = nil) -> XMLElement {
        element(number: tree.storage.nameNumber(name), text: text)
    }

    private func element(number: Int, text: String?) -> XMLElement {
        let child = XMLElement(tree: tree, index: tree.storage.appendElement(number, to: index))
        if let text { child.append(text) }
        return child
    }

    /// Appends character data; `<`, `&` and friends are escaped when serialized.
    public func append(_ text: String) {
        text.withUTF8Bytes { append(utf8: $0) }
    }

    /// Appends character data given as UTF-8, up to a NUL (where libxml2's C strings end).
    public func append(utf8 text: UnsafeBufferPointer<UInt8>) {
        let text = text.upToZero
        guard !text.isEmpty else { return }
        tree.storage.appendText(text, to: index)
    }

    /// Sets an attribute of no namespace (its name has no prefix), up to a NUL; its value is
    /// escaped when serialized. Its name is a literal, found by where its bytes are.
    @discardableResult
    public func attribute(_ name: StaticString, _ value: String) -> XMLElement {
        assert(!name.withUTF8Buffer { $0.contains(UInt8(ascii: ":")) }, "an attribute name with a prefix: only xml:id is made, by id(_:)")
        tree.storage.setAttribute(tree.storage.nameNumber(name), inXMLNamespace: false, value: value, on: index)
        return self
    }

    /// `attribute(_:_:)` for a name made at run time.
    @discardableResult
    public func attribute(named name: String, _ value: String) -> XMLElement {
        assert(!name.utf8.contains(UInt8(ascii: ":")), "an attribute name with a prefix: only xml:id is made, by id(_:)")
        tree.storage.setAttribute(tree.storage.nameNumber(name), inXMLNamespace: false, value: value, on: index)
        return self
    }

    /// Sets `xml:id`.
    @discardableResult
    public func id(_ value: String) -> XMLElement {
        tree.storage.setAttribute(tree.storage.nameNumber("id" as StaticString), inXMLNamespace: true, value: value, on: index)
        return self
    }

    /// Whether the element has neither children nor text.
    public var isEmpty: Bool { tree.storage.nodes[index].firstChild < 0 }
}

extension UnsafeBufferPointer<UInt8> {
    /// The bytes before the first zero, if any: where libxml2's C strings end. (`memchr` looks
    /// at many bytes at a time; a loop over the buffer looked at one.)
    var upToZero: UnsafeBufferPointer<UInt8> {
        guard let base = baseAddress else { return self }
        return UnsafeBufferPointer(start: base, count: memchr(base, 0, count).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? count)
    }
}
