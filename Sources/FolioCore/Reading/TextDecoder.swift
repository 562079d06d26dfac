import CTextKernels

/// Turns a file's bytes into code points: UTF-8 with or without a byte-order mark, UTF-16 and
/// UTF-32 with one. Anything else (invalid UTF-8, binary data) is an error that says where.
public enum TextDecoder {
    public static func decode(_ bytes: [UInt8], file: String) throws -> [Unicode.Scalar] {
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return try decodeUTF32(bytes.dropFirst(4), bigEndian: false, file: file) }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return try decodeUTF32(bytes.dropFirst(4), bigEndian: true, file: file) }
        if bytes.starts(with: [0xFF, 0xFE]) { return try decodeUTF16(bytes.dropFirst(2), bigEndian: false, file: file) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try decodeUTF16(bytes.dropFirst(2), bigEndian: true, file: file) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return try decodeUTF8(bytes.dropFirst(3), file: file) }
        return try decodeUTF8(bytes[...], file: file)
    }

    private static let hint = "Folio reads UTF-8 text, or UTF-16 or UTF-32 with a byte-order mark"

    private static func decodeUTF8(_ bytes: ArraySlice<UInt8>, file: String) throws -> [Unicode.Scalar] {
        // Written straight into the array's storage: every byte of every paper passes here,
        // most of them ASCII. Errors name the byte by its place in `bytes`.
        try bytes.withUnsafeBufferPointer { buffer in
            try [Unicode.Scalar](unsafeUninitializedCapacity: buffer.count) { scalars, count in
                let base = bytes.startIndex
                var index = 0
                while index < buffer.count {
                    // ASCII bytes, none of them NUL (most of a paper), sixteen at a time.
                    let ascii = folio_widen_ascii(buffer.baseAddress! + index, buffer.count - index, scalars.codePointValues! + count)
                    index += ascii
                    count += ascii
                    guard index < buffer.count else { break }
                    let lead = buffer[index]
                    if lead < 0x80 {
                        if lead == 0 { throw binary(at: base + index, file: file) }
                        scalars[count] = Unicode.Scalar(lead)
                        count += 1
                        index += 1
                        continue
                    }
                    let length: Int
                    var value: UInt32
                    switch lead {
                    case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
                    case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
                    case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
                    default: throw invalid(at: base + index, in: bytes, file: file, "byte 0x\(hex(lead)) cannot start a UTF-8 character")
                    }
                    guard index + length <= buffer.count else {
                        throw invalid(at: base + index, in: bytes, file: file, "the file ends inside a UTF-8 character")
                    }
                    for offset in 1..<length {
                        let byte = buffer[index + offset]
                        guard byte & 0xC0 == 0x80 else {
                            throw invalid(at: base + index, in: bytes, file: file,
                                          "byte 0x\(hex(lead)) starts a UTF-8 character that byte 0x\(hex(byte)) cuts short")
                        }
                        value = value << 6 | UInt32(byte & 0x3F)
                    }
                    let shortest: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
                    guard value >= shortest, let scalar = Unicode.Scalar(value) else {
                        throw invalid(at: base + index, in: bytes, file: file, "an over-long or surrogate UTF-8 sequence")
                    }
                    scalars[count] = scalar
                    count += 1
                    index += length
                }
            }
        }
    }

    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool, file: String) throws -> [Unicode.Scalar] {
        guard bytes.count % 2 == 0 else {
            throw FolioError(file: file, place: .byte(bytes.endIndex - 1), "a UTF-16 file must have an even number of bytes", hint: hint)
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let (first, second) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        var scalars: [Unicode.Scalar] = []
        var decoder = UTF16()
        var iterator = units.makeIterator()
        var unitOffset = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value == 0 { throw binary(at: bytes.startIndex + unitOffset * 2, file: file) }
                scalars.append(scalar)
                unitOffset += scalar.utf16.count
            case .emptyInput:
                break loop
            case .error:
                throw FolioError(file: file, place: .byte(bytes.startIndex + unitOffset * 2),
                                 "a lone UTF-16 surrogate: the text is not valid UTF-16", hint: hint)
            }
        }
        return scalars
    }

    private static func decodeUTF32(_ bytes: ArraySlice<UInt8>, bigEndian: Bool, file: String) throws -> [Unicode.Scalar] {
        guard bytes.count % 4 == 0 else {
            throw FolioError(file: file, place: .byte(bytes.endIndex - 1), "a UTF-32 file must have a multiple of four bytes", hint: hint)
        }
        var scalars: [Unicode.Scalar] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let b = bytes[index..<index + 4].map(UInt32.init)
            let value = bigEndian ? b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3] : b[3] << 24 | b[2] << 16 | b[1] << 8 | b[0]
            guard value != 0 else { throw binary(at: index, file: file) }
            guard let scalar = Unicode.Scalar(value) else {
                throw FolioError(file: file, place: .byte(index), "0x\(String(value, radix: 16)) is not a Unicode character", hint: hint)
            }
            scalars.append(scalar)
            index += 4
        }
        return scalars
    }

    private static func binary(at offset: Int, file: String) -> FolioError {
        FolioError(file: file, place: .byte(offset),
                   "a NUL byte: this looks like a binary file (or UTF-16 without a byte-order mark), not text", hint: hint)
    }

    private static func invalid(at offset: Int, in bytes: ArraySlice<UInt8>, file: String, _ message: String) -> FolioError {
        // Say where in the text, too: line and column count the characters before the bad byte.
        let before = bytes[bytes.startIndex..<offset]
        let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? bytes.startIndex
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
        return FolioError(file: file, place: .byte(offset), "invalid UTF-8 (line \(line), column \(column)): \(message)", hint: hint)
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}
