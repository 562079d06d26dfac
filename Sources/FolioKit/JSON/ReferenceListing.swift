import Foundation
import FolioCore
import OrderedCollections

/// `folio parse-references`: printed references, one a line, to CSL-JSON items.
public enum ReferenceListing {
    /// One CSL-JSON item per line of `text`, in order (an empty line gives an empty item), as a
    /// JSON array written one item a line.
    public static func parse(lines text: String) -> [UInt8] {
        let parser = ReferenceParser()
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        if lines.last == "" { lines.removeLast() }
        let serializer = JSONSerializer(indent: 0)
        var output = Array("[\n".utf8)
        for (index, line) in lines.enumerated() {
            let printed = line.trimmed(.whitespacesAndNewlines)
            let reference = printed.isEmpty ? Reference(span: TextRange(0, 0)) : parser.parse(printed)
            var item: OrderedDictionary<String, JSONValue> = ["id": .string("ref\(index + 1)"), "type": .string(reference.type)]
            for (key, value) in CSLItem.fields(of: reference) { item[key] = value }
            var bytes = serializer.serialize(.object(item))
            bytes.removeLast()  // its newline
            output += bytes + Array((index + 1 < lines.count ? ",\n" : "\n").utf8)
        }
        output += Array("]\n".utf8)
        return output
    }
}
