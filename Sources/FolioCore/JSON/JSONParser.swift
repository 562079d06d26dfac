import OrderedCollections

/// Reads JSON (RFC 8259) with errors that give line and column, and keeps key order.
public struct JSONParser {
    private let bytes: [UInt8]
    private var position = 0
    private var depth = 0
    private static let maximumDepth = 512

    /// Parses `bytes` (UTF-8, an optional BOM skipped); throws `FolioError` naming the place.
    public static func parse(_ bytes: [UInt8], file: String? = nil) throws -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.position = 3 }
        do {
            parser.skipWhitespace()
            let value = try parser.parseValue()
            parser.skipWhitespace()
            if parser.position < bytes.count { throw parser.failure("unexpected text after the JSON value") }
            return value
        } catch let error as FolioError {
            throw file.map { error.inFile($0) } ?? error
        }
    }

    public static func parse(_ text: String, file: String? = nil) throws -> JSONValue {
        try parse(Array(text.utf8), file: file)
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func parseValue() throws -> JSONValue {
        guard position < bytes.count else { throw failure("the JSON ends where a value was expected") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw failure("expected a JSON value, found \(describeByte())")
        }
    }

    private mutating func parseObject() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        position += 1
        var object = OrderedDictionary<String, JSONValue>()
        skipWhitespace()
        if peek(UInt8(ascii: "}")) { position += 1; return .object(object) }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else { throw failure("expected a key in double quotes, found \(describeByte())") }
            let keyPosition = position
            let key = try parseString()
            if object[key] != nil {
                throw failure("the key \"\(key)\" appears twice in one object", at: keyPosition)
            }
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw failure("expected ':' after the key \"\(key)\", found \(describeByte())") }
            position += 1
            skipWhitespace()
            object[key] = try parseValue()
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { position += 1; continue }
            if peek(UInt8(ascii: "}")) { position += 1; return .object(object) }
            throw failure("expected ',' or '}' in an object, found \(describeByte())")
        }
    }

    private mutating func parseArray() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        position += 1
        var array: [JSONValue] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) { position += 1; return .array(array) }
        while true {
            skipWhitespace()
            array.append(try parseValue())
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { position += 1; continue }
            if peek(UInt8(ascii: "]")) { position += 1; return .array(array) }
            throw failure("expected ',' or ']' in an array, found \(describeByte())")
        }
    }

    private mutating func parseString() throws -> String {
        let start = position
        position += 1
        var utf8: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                guard let string = String(validating: utf8, as: UTF8.self) else {
                    throw failure("the string is not valid UTF-8", at: start)
                }
                return string
            case UInt8(ascii: "\\"):
                position += 1
                guard position < bytes.count else { break }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try parseHex4()
                    if (0xD800..<0xDC00).contains(code), bytes[position...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) {
                        position += 2
                        let low = try parseHex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw failure("a lone UTF-16 surrogate in \\u escapes") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw failure("a lone UTF-16 surrogate in \\u escapes") }
                    utf8.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw failure("unknown escape '\\\(Character(Unicode.Scalar(escape)))' in a string", at: position - 2)
                }
            case 0x00..<0x20:
                throw failure("a control character must be escaped inside a string")
            default:
                utf8.append(byte)
                position += 1
            }
        }
        throw failure("this string is never closed", at: start)
    }

    private mutating func parseHex4() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw failure("a \\u escape needs four hex digits") }
        var value: UInt32 = 0
        for byte in bytes[position..<position + 4] {
            guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else {
                throw failure("a \\u escape needs four hex digits")
            }
            value = value * 16 + UInt32(digit)
        }
        position += 4
        return value
    }

    private mutating func parseNumber() throws -> JSONValue {
        let start = position
        if peek(UInt8(ascii: "-")) { position += 1 }
        func digits() -> Int {
            let from = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
            return position - from
        }
        let integerDigits = digits()
        guard integerDigits > 0 else { throw failure("a number needs digits", at: start) }
        if integerDigits > 1 && bytes[position - integerDigits] == UInt8(ascii: "0") {
            throw failure("a number cannot start with 0", at: start)
        }
        var isInteger = true
        if peek(UInt8(ascii: ".")) {
            position += 1
            isInteger = false
            guard digits() > 0 else { throw failure("a number needs digits after '.'", at: start) }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            position += 1
            isInteger = false
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { position += 1 }
            guard digits() > 0 else { throw failure("a number needs digits in its exponent", at: start) }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if isInteger, let value = Int(text) { return .integer(value) }
        guard let value = Double(text) else { throw failure("'\(text)' is not a number", at: start) }
        return .number(value)
    }

    private mutating func expectWord(_ word: String) throws {
        let utf8 = Array(word.utf8)
        guard bytes[position...].starts(with: utf8) else { throw failure("expected a JSON value, found \(describeByte())") }
        position += utf8.count
    }

    private mutating func enter() throws {
        depth += 1
        if depth > Self.maximumDepth { throw failure("the JSON nests deeper than \(Self.maximumDepth) levels") }
    }

    private func peek(_ byte: UInt8) -> Bool { position < bytes.count && bytes[position] == byte }

    private mutating func skipWhitespace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    private func describeByte() -> String {
        guard position < bytes.count else { return "the end of the file" }
        let byte = bytes[position]
        return (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    private func failure(_ message: String, at offset: Int? = nil) -> FolioError {
        let offset = min(offset ?? position, bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        // Columns count characters, not bytes, as editors do.
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
        return FolioError(place: .text(SourceLocation(line: line, column: column, offset: offset)), message)
    }
}
