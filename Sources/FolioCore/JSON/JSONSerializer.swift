import CTextKernels
import FolioBytes

/// Writes JSON deterministically: keys in the order the value holds them, numbers in their
/// shortest exact form, non-ASCII text as UTF-8, two-space indentation when asked.
public struct JSONSerializer {
    public var indent: Int

    public init(indent: Int = 2) {
        self.indent = indent
    }

    public func serialize(_ value: JSONValue) -> [UInt8] {
        var writer = JSONStreamWriter(indent: indent)
        writer.value(value)
        return writer.finish()
    }

    public func string(_ value: JSONValue) -> String {
        String(decoding: serialize(value), as: UTF8.self)
    }

    /// An integer's decimal digits, written without making a string: offsets are most of a
    /// document's numbers.
    static func writeInteger(_ number: Int, into output: inout ByteWriter) {
        DecimalDigits.withDigits(of: number) { output.append($0) }
    }

    static func writeString(_ string: String, into output: inout ByteWriter) {
        string.withUTF8Bytes { writeString(utf8: $0, into: &output) }
    }

    /// Whether UTF-8 `bytes` are written as they stand in a JSON string.
    static func needsNoEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        return folio_first_json_escape(base, bytes.count) == bytes.count
    }

    /// A string given as its UTF-8, quoted and escaped.
    static func writeString(utf8 bytes: UnsafeBufferPointer<UInt8>, into output: inout ByteWriter) {
        output.append(UInt8(ascii: "\""))
        // Runs that need no escape are copied whole: most strings are one such run, found
        // sixteen bytes at a time (`folio_first_json_escape`).
        guard let base = bytes.baseAddress else {
            output.append(UInt8(ascii: "\""))
            return
        }
        var index = 0
        while true {
            let run = folio_first_json_escape(base + index, bytes.count - index)
            output.append(UnsafeBufferPointer(start: base + index, count: run))
            index += run
            guard index < bytes.count else { break }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): output.append(#"\""#)
            case UInt8(ascii: "\\"): output.append(#"\\"#)
            case 0x0A: output.append(#"\n"#)
            case 0x0D: output.append(#"\r"#)
            case 0x09: output.append(#"\t"#)
            default:
                output.append(#"\u00"#)
                Hexadecimal.append(byte, to: &output)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
