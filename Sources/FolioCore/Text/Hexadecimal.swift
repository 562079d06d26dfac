import FolioBytes

/// Bytes as lower-case hexadecimal digits, two a byte: JSON's `\u00XX` escapes and fingerprints.
package enum Hexadecimal {
    private static let digits = Array("0123456789abcdef".utf8)

    package static func append(_ byte: UInt8, to output: inout ByteWriter) {
        output.append(digits[Int(byte >> 4)])
        output.append(digits[Int(byte & 0x0F)])
    }

    package static func string(_ bytes: some Sequence<UInt8>) -> String {
        var text = ByteWriter(capacity: 64)
        for byte in bytes { append(byte, to: &text) }
        return String(decoding: text.bytes(), as: UTF8.self)
    }
}
