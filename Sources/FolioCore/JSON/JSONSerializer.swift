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
        if number < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for the 20 digits of any Int, last first
        var first = 24
        withUnsafeMutableBytes(of: &digits) { digits in
            repeat {
                first -= 1
                digits[first] = UInt8(truncatingIfNeeded: magnitude % 10) + UInt8(ascii: "0")
                magnitude /= 10
            } while magnitude > 0
            output.append(UnsafeBufferPointer(rebasing: digits.bindMemory(to: UInt8.self)[first...]))
        }
    }

    static func writeString(_ string: String, into output: inout ByteWriter) {
        string.withUTF8Bytes { writeString(utf8: $0, into: &output) }
    }

    /// A string given as its UTF-8, quoted and escaped.
    static func writeString(utf8 bytes: UnsafeBufferPointer<UInt8>, into output: inout ByteWriter) {
        output.append(UInt8(ascii: "\""))
        // A short name of ASCII letters and digits (every key, most ids and types) is copied
        // whole: shorter than eight bytes, it would be looked at a byte at a time below.
        if bytes.count <= 16, bytes.allSatisfy({ ($0 | 0x20) &- 0x61 < 26 || $0 &- 0x30 < 10 }) {
            output.append(bytes)
            output.append(UInt8(ascii: "\""))
            return
        }
        // Runs that need no escape are copied whole: most strings are one such run. Eight
        // bytes at a time are checked for one that needs it.
        var runStart = 0, index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count, !Self.needsEscape(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = bytes[index]
            index += 1
            guard byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            output.append(UnsafeBufferPointer(rebasing: bytes[runStart..<(index - 1)]))
            runStart = index
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
        output.append(UnsafeBufferPointer(rebasing: bytes[runStart...]))
        output.append(UInt8(ascii: "\""))
    }

    /// Whether any of eight bytes needs an escape: below `0x20`, `0x7F`, a quotation mark or a
    /// backslash. Bytes of `0x80` and up (UTF-8 beyond ASCII) never do, and do not answer yes:
    /// text with a curly quote or a dash in every few words stays on the eight-byte path.
    static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        // A byte below `n` borrows into its high bit, which a byte of 0x80 and up had set
        // already (`& ~value` leaves those out); a borrow passed on to the next byte comes only
        // from a byte that answers yes itself.
        func hasByteBelow(_ value: UInt64, _ n: UInt64) -> Bool { (value &- ones &* n) & ~value & highs != 0 }
        return hasByteBelow(word, 0x20) || hasByteBelow(word ^ (ones &* 0x22), 1) || hasByteBelow(word ^ (ones &* 0x5C), 1)
            || hasByteBelow(word ^ (ones &* 0x7F), 1)
    }
}
