internal import CLibXML2
internal import CTextKernels
import FolioBytes
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a libxml2 tree as `xmlDocDumpFormatMemoryEnc(document, …, "UTF-8", format)` does, byte
/// for byte, without libxml2's output buffers: they copied and measured every piece again, and
/// writing a paper's TEI cost as much as validating it.
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
///
/// The tree holds elements, text and attributes of text only, as `XMLTree` builds it.
struct XMLSerializer: ~Copyable {
    private var output: ByteWriter
    private var indents: Bool

    private static let maximumIndentLevel = 30

    init(indented: Bool, capacity: Int) {
        indents = indented
        output = ByteWriter(capacity: capacity)
    }

    static func serialize(_ document: xmlDocPtr, indented: Bool, capacity: Int) -> [UInt8] {
        var serializer = XMLSerializer(indented: indented, capacity: capacity)
        serializer.output.append(#"<?xml version="1.0" encoding="UTF-8"?>"#)
        serializer.output.append(0x0A)
        var child = document.pointee.children
        while let node = child {
            serializer.writeNode(node, level: 0, isRoot: true)
            serializer.output.append(0x0A)
            child = node.pointee.next
        }
        return serializer.output.bytes()
    }

    private mutating func writeNode(_ node: xmlNodePtr, level: Int, isRoot: Bool) {
        switch node.pointee.type {
        case XML_ELEMENT_NODE: writeElement(node, level: level, isRoot: isRoot)
        case XML_TEXT_NODE: node.pointee.content.map { writeEscaped($0, inAttribute: false) }
        default: preconditionFailure("a node of a kind XMLTree never makes")
        }
    }

    private mutating func writeElement(_ element: xmlNodePtr, level: Int, isRoot: Bool) {
        if indents && !isRoot { indent(level) }
        output.append(UInt8(ascii: "<"))
        writeName(element.pointee.name, namespace: element.pointee.ns)
        var namespace = element.pointee.nsDef
        while let declared = namespace {
            output.append(" xmlns")
            if let prefix = declared.pointee.prefix {
                output.append(UInt8(ascii: ":"))
                writeCString(prefix)
            }
            output.append("=\"")
            declared.pointee.href.map { writeCString($0) }
            output.append(UInt8(ascii: "\""))
            namespace = declared.pointee.next
        }
        var attribute = element.pointee.properties
        while let property = attribute {
            output.append(UInt8(ascii: " "))
            writeName(property.pointee.name, namespace: property.pointee.ns)
            output.append("=\"")
            var value = property.pointee.children
            while let text = value {
                text.pointee.content.map { writeEscaped($0, inAttribute: true) }
                value = text.pointee.next
            }
            output.append(UInt8(ascii: "\""))
            attribute = property.pointee.next
        }
        guard let first = element.pointee.children else {
            output.append("/>")
            return
        }
        // Text among the children: nothing inside is indented, as white space there would be
        // part of the text.
        let wasIndenting = indents
        if indents && Self.holdsText(first) { indents = false }
        output.append(UInt8(ascii: ">"))
        if indents { output.append(0x0A) }
        var child: xmlNodePtr? = first
        while let node = child {
            writeNode(node, level: level + 1, isRoot: false)
            if indents { output.append(0x0A) }
            child = node.pointee.next
        }
        if indents { indent(level) }
        output.append("</")
        writeName(element.pointee.name, namespace: element.pointee.ns)
        output.append(UInt8(ascii: ">"))
        indents = wasIndenting
    }

    private static func holdsText(_ first: xmlNodePtr) -> Bool {
        var child: xmlNodePtr? = first
        while let node = child {
            if node.pointee.type == XML_TEXT_NODE { return true }
            child = node.pointee.next
        }
        return false
    }

    private mutating func indent(_ level: Int) {
        output.append(repeating: UInt8(ascii: " "), count: 2 * min(level, Self.maximumIndentLevel))
    }

    private mutating func writeName(_ name: UnsafePointer<xmlChar>?, namespace: xmlNsPtr?) {
        if let prefix = namespace?.pointee.prefix {
            writeCString(prefix)
            output.append(UInt8(ascii: ":"))
        }
        name.map { writeCString($0) }
    }

    private mutating func writeCString(_ text: UnsafePointer<xmlChar>) {
        output.append(UnsafeBufferPointer(start: text, count: Self.length(text)))
    }

    /// The length of a NUL-terminated libxml2 string: C's `strlen`, many bytes at a time.
    private static func length(_ text: UnsafePointer<xmlChar>) -> Int {
        strlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self))
    }

    /// Text or an attribute value, escaped as libxml2 escapes it; runs needing no escape are
    /// copied whole, found sixteen bytes at a time (`folio_first_xml_escape`).
    private mutating func writeEscaped(_ text: UnsafePointer<xmlChar>, inAttribute: Bool) {
        let count = Self.length(text)
        var index = 0
        while true {
            let run = folio_first_xml_escape(text + index, count - index, inAttribute ? 1 : 0)
            output.append(UnsafeBufferPointer(start: text + index, count: run))
            index += run
            guard index < count else { return }
            let escape: StaticString
            switch text[index] {
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
