internal import CLibXML2
internal import CTextKernels
import FolioBytes
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes an `XMLTree` as `xmlDocDumpFormatMemoryEnc(document, …, "UTF-8", format)` writes the
/// same tree made of libxml2's nodes, byte for byte (a property test holds it to that).
///
/// What libxml2 does, and this does:
/// - an XML declaration with version and encoding, and a line break after it and after the
///   document element;
/// - element-only content indented two spaces a level (at most 30 levels: libxml2's 60
///   columns), each child on its own line; none inside an element holding text, whose
///   descendants are written as they are;
/// - `<name/>` for an element without children;
/// - `<`, `>`, `&` and a carriage return escaped in text; those and `"`, a line feed and a tab
///   in attribute values; everything else, UTF-8 beyond ASCII too, as it is.
struct XMLSerializer: ~Copyable {
    private var output: ByteWriter
    private var indents: Bool

    private static let maximumIndentLevel = 30

    private init(indented: Bool, output: consuming ByteWriter) {
        indents = indented
        self.output = output
    }

    static func serialize(_ tree: XMLTree.Storage, indented: Bool, capacity: Int) -> [UInt8] {
        ByteWriter.collect(capacity: capacity) { memory in
            var serializer = XMLSerializer(indented: indented, output: memory)
            serializer.output.append(#"<?xml version="1.0" encoding="UTF-8"?>"#)
            serializer.output.append(0x0A)
            tree.withBuffers { tree in
                serializer.writeElement(0, of: tree, level: 0, isRoot: true)
            }
            serializer.output.append(0x0A)
            return serializer.output
        }
    }

    private mutating func writeElement(_ element: Int, of tree: XMLTree.Buffers, level: Int, isRoot: Bool) {
        if indents && !isRoot { indent(level) }
        output.append(UInt8(ascii: "<"))
        // Names are written from the lengths the tree keeps, not measured again at every element.
        let name = tree.nameBytes(tree.nodes[element].name)
        output.append(name)
        if isRoot, let namespace = tree.namespace {
            output.append(" xmlns=\"")
            writeCString(namespace)
            output.append(UInt8(ascii: "\""))
        }
        for property in tree.attributes(of: element) {
            output.append(UInt8(ascii: " "))
            if property.inXMLNamespace { output.append("xml:") }
            output.append(tree.nameBytes(property.name))
            output.append("=\"")
            writeEscaped(tree.valueBytes(of: property), inAttribute: true)
            output.append(UInt8(ascii: "\""))
        }
        guard tree.nodes[element].firstChild >= 0 else {
            output.append("/>")
            return
        }
        // Text among the children: nothing inside is indented, as white space there would be
        // part of the text.
        let wasIndenting = indents
        if indents && tree.holdsText(element) { indents = false }
        output.append(UInt8(ascii: ">"))
        if indents { output.append(0x0A) }
        for child in tree.children(of: element) {
            let node = tree.nodes[child]
            if node.isText {
                writeEscaped(tree.text(of: node), inAttribute: false)
            } else {
                writeElement(child, of: tree, level: level + 1, isRoot: false)
            }
            if indents { output.append(0x0A) }
        }
        if indents { indent(level) }
        output.append("</")
        output.append(name)
        output.append(UInt8(ascii: ">"))
        indents = wasIndenting
    }

    private mutating func indent(_ level: Int) {
        output.append(repeating: UInt8(ascii: " "), count: 2 * min(level, Self.maximumIndentLevel))
    }

    private mutating func writeCString(_ text: UnsafePointer<xmlChar>) {
        output.append(UnsafeBufferPointer(start: text, count: strlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self))))
    }

    /// Text or an attribute value, escaped as libxml2 escapes it; runs needing no escape are
    /// copied whole, found sixteen bytes at a time (`folio_first_xml_escape`).
    private mutating func writeEscaped(_ text: UnsafeBufferPointer<UInt8>, inAttribute: Bool) {
        guard let base = text.baseAddress else { return }
        let count = text.count
        var index = 0
        while true {
            let run = folio_first_xml_escape(base + index, count - index, inAttribute ? 1 : 0)
            output.append(UnsafeBufferPointer(start: base + index, count: run))
            index += run
            guard index < count else { return }
            let escape: StaticString
            switch base[index] {
            case UInt8(ascii: "<"): escape = "&lt;"
            case UInt8(ascii: ">"): escape = "&gt;"
            case UInt8(ascii: "&"): escape = "&amp;"
            case 0x0D: escape = "&#13;"
            case UInt8(ascii: "\""): escape = "&quot;"
            case 0x0A: escape = "&#10;"
            default: escape = "&#9;"
            }
            output.append(escape)
            index += 1
        }
    }
}
