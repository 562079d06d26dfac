internal import CLibXML2

/// One problem libxml2 reported: while parsing, or while validating against a schema.
public struct XMLIssue: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line in the parsed file; nil for trees built in memory, where libxml2 knows none.
    public var line: Int?
    /// Where in the tree, as an XPath such as `/TEI/text/body/div[2]/p[3]`, when known.
    public var path: String?
    public var message: String

    public init(line: Int?, path: String?, message: String) {
        self.line = line
        self.path = path
        self.message = message
    }

    public var description: String {
        var place: [String] = []
        if let line { place.append("line \(line)") }
        if let path { place.append(path) }
        return place.isEmpty ? message : "\(place.joined(separator: ", ")): \(message)"
    }
}

/// Collects the structured errors libxml2 reports through a C callback.
final class XMLIssueCollector {
    var issues: [XMLIssue] = []
    /// Whether an issue's place is read from the node libxml2 names: not where the nodes stand
    /// in for a tree of another kind, and the caller says where (`place(unplaced:)`).
    private let readsNodes: Bool

    init(readsNodes: Bool = true) {
        self.readsNodes = readsNodes
    }

    /// The C callback; `context` is an unretained pointer to a collector.
    static let callback: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let collector = Unmanaged<XMLIssueCollector>.fromOpaque(context).takeUnretainedValue()
        collector.record(error.pointee)
    }

    func record(_ error: xmlError) {
        var message = error.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        while message.last?.isWhitespace == true { message.removeLast() }
        var path: String?
        if readsNodes, let node = error.node {
            path = consumeXMLString(xmlGetNodePath(node.assumingMemoryBound(to: xmlNode.self)))
        }
        let line = error.line > 0 ? Int(error.line) : nil
        issues.append(XMLIssue(line: line, path: path, message: message))
    }

    /// Gives `path` to the issues that have none.
    func place(unplaced path: String) {
        for index in issues.indices where issues[index].path == nil { issues[index].path = path }
    }

    /// The failure to throw: what libxml2 reported, or `fallback` when it reported nothing.
    func failure(_ fallback: String) -> XMLValidationFailure {
        XMLValidationFailure(issues: issues.isEmpty ? [XMLIssue(line: nil, path: nil, message: fallback)] : issues)
    }

    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}
