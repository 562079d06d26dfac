import FolioBytes

/// Writes JSON deterministically: keys in the order the value holds them, numbers in their
/// shortest exact form, non-ASCII text as UTF-8, two-space indentation when asked.
public struct JSONSerializer {
    public var indent: Int

    public init(indent: Int = 2) {
        self.indent = indent
    }

    public func serialize(_ value: JSONValue) -> [UInt8] {
        var output = ByteWriter()
        write(value, into: &output, level: 0)
        output.append(0x0A)
        return output.bytes()
    }

    public func string(_ value: JSONValue) -> String {
        String(decoding: serialize(value), as: UTF8.self)
    }

    private func write(_ value: JSONValue, into output: inout ByteWriter, level: Int) {
        switch value {
        case .null: output.append("null")
        case .bool(let flag): output.append(flag ? "true" : "false")
        case .integer(let number): Self.writeInteger(number, into: &output)
        case .number(let number):
            if number.isFinite {
                var text = number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : "\(number)"
                text.withUTF8 { output.append($0) }
            } else {
                output.append("null")
            }
        case .string(let string): Self.writeString(string, into: &output)
        case .array(let array):
            guard !array.isEmpty else { output.append("[]"); return }
            output.append(UInt8(ascii: "["))
            for (index, element) in array.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(into: &output, level: level + 1)
                write(element, into: &output, level: level + 1)
            }
            newline(into: &output, level: level)
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            guard !object.isEmpty else { output.append("{}"); return }
            output.append(UInt8(ascii: "{"))
            for (index, (key, element)) in object.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                newline(into: &output, level: level + 1)
                Self.writeString(key, into: &output)
                output.append(UInt8(ascii: ":"))
                if indent > 0 { output.append(UInt8(ascii: " ")) }
                write(element, into: &output, level: level + 1)
            }
            newline(into: &output, level: level)
            output.append(UInt8(ascii: "}"))
        }
    }

    private func newline(into output: inout ByteWriter, level: Int) {
        guard indent > 0 else { return }
        output.append(0x0A)
        output.append(repeating: UInt8(ascii: " "), count: indent * level)
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
        output.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { bytes in
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
        }
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
