internal import CLibXML2

/// An XML file read from bytes, kept for validation. Not `Sendable`: libxml2 documents stay
/// on one task.
public final class ParsedXML {
    let document: xmlDocPtr

    /// Parses `bytes`; throws every well-formedness error with its line. Never fetches
    /// anything from the network.
    public init(bytes: [UInt8], name: String) throws {
        XMLLibrary.initialize()
        let collector = XMLIssueCollector()
        let options = Int32(XML_PARSE_NONET.rawValue)
        let parsed: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                // The handler is per thread in libxml2, so concurrent parses do not mix errors.
                xmlSetStructuredErrorFunc(collector.context, XMLIssueCollector.callback)
                defer { xmlSetStructuredErrorFunc(nil, nil) }
                return xmlReadMemory(chars.baseAddress, Int32(chars.count), name, "UTF-8", options)
            }
        }
        guard let parsed, collector.issues.isEmpty else {
            if let parsed { xmlFreeDoc(parsed) }
            throw collector.failure("not well-formed XML")
        }
        document = parsed
    }

    deinit {
        xmlFreeDoc(document)
    }
}
