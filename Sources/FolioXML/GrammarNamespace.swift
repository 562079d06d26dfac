/// A schema's default namespace for elements (`ns` on its `<grammar>`), left out of it for
/// trees all of whose elements are in that namespace: validated without namespaces, libxml2
/// compares an element's name alone, not the name and the namespace's URI joined in a buffer
/// made for each element (a sixth of its streaming validation of a paper's TEI).
///
/// Leaving it out renames that namespace to none on both sides, the schema's patterns and the
/// tree's elements, so every verdict stays the same; that holds only where nothing else in the
/// schema names a namespace (another `ns`, or a prefix bound to the same URI), which is checked.
enum GrammarNamespace {
    /// The URI of the grammar's `ns` and the schema's text without it; nil where the schema
    /// names no such namespace, or names namespaces elsewhere too.
    static func leftOut(of text: String) -> (uri: String, text: String)? {
        let bytes = Array(text.utf8)
        guard let grammar = SchemaText.firstRange(of: Array("<grammar".utf8), in: bytes, from: 0),
              let tagEnd = bytes[grammar.upperBound...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let attributes = namespaceAttributes(in: bytes)
        guard attributes.count == 1, let attribute = attributes.first, attribute.whole.lowerBound > grammar.upperBound,
              attribute.whole.upperBound <= tagEnd else { return nil }
        let uri = Array(bytes[attribute.value])
        // The URI nowhere else: no prefix is bound to it, no other pattern names it.
        guard !uri.isEmpty, SchemaText.firstRange(of: uri, in: bytes, from: attribute.value.upperBound) == nil,
              SchemaText.firstRange(of: uri, in: bytes, from: 0)?.lowerBound == attribute.value.lowerBound else { return nil }
        var without = bytes
        without.removeSubrange(attribute.whole)
        return (String(decoding: uri, as: UTF8.self), String(decoding: without, as: UTF8.self))
    }

    /// Every `ns="…"` attribute of the text (quoted either way, with white space before it and
    /// around its `=`): where it stands with the white space before it, and where its value is.
    private static func namespaceAttributes(in bytes: [UInt8]) -> [(whole: Range<Int>, value: Range<Int>)] {
        var found: [(whole: Range<Int>, value: Range<Int>)] = []
        var index = 1
        while index + 2 < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "n"), bytes[index + 1] == UInt8(ascii: "s"), SchemaText.isSpace(bytes[index - 1]) else { continue }
            var equals = index + 2
            while equals < bytes.count && SchemaText.isSpace(bytes[equals]) { equals += 1 }
            guard equals < bytes.count, bytes[equals] == UInt8(ascii: "=") else { continue }
            var quote = equals + 1
            while quote < bytes.count && SchemaText.isSpace(bytes[quote]) { quote += 1 }
            guard quote < bytes.count, bytes[quote] == UInt8(ascii: "\"") || bytes[quote] == UInt8(ascii: "'"),
                  let close = bytes[(quote + 1)...].firstIndex(of: bytes[quote]) else { continue }
            var start = index - 1
            while start > 0 && SchemaText.isSpace(bytes[start - 1]) { start -= 1 }
            found.append((start..<(close + 1), (quote + 1)..<close))
        }
        return found
    }
}
