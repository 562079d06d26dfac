internal import CLibXML2

/// Process-wide facts about libxml2.
public enum XMLLibrary {
    /// libxml2 wants `xmlInitParser` once, before threads use it; Swift runs this initializer
    /// once, lazily and thread-safely.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Call before any other libxml2 work; cheap after the first call.
    public static func initialize() {
        _ = initialized
    }

    /// The namespace of `xml:` attributes (`xml:id`), as libxml2 names it; ended by a zero, as
    /// a literal is.
    static let xmlNamespaceURI: StaticString = "http://www.w3.org/XML/1998/namespace"

    /// The libxml2 version this binary was built against, e.g. `2.9.14`.
    public static var version: String { String(cString: folio_libxml_version()) }
}

/// Turns a libxml2-owned string into a Swift string and frees it.
func consumeXMLString(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String? {
    guard let pointer else { return nil }
    defer { folio_xmlFree(pointer) }
    return String(cString: pointer)
}

/// Calls `body` with a NUL-terminated xmlChar pointer for `string`.
func withXMLChars<R>(_ string: String, _ body: (UnsafePointer<xmlChar>) throws -> R) rethrows -> R {
    try string.withCString { cString in
        try cString.withMemoryRebound(to: xmlChar.self, capacity: string.utf8.count + 1, body)
    }
}
