import Foundation
import FolioCore
import OrderedCollections

/// `folio parse-references`: printed references, one a line, to CSL-JSON items.
public enum ReferenceListing {
    /// One CSL-JSON item per line of `text`, in order (an empty line gives an empty item), as a
    /// JSON array written one item a line.
    public static func parse(lines text: String) -> [UInt8] {
        let parser = ReferenceParser()
        // Split at each line feed's byte: split by characters, a CR LF (one character) ends no
        // line, and a file written with them was read as one reference. The CR is trimmed below.
        var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
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
