/// Reading a schema's text as bytes, for the rewrites made before libxml2 compiles it
/// (`RelaxNGSchema.inliningPlainDefines`, `GrammarNamespace`).
enum SchemaText {
    /// XML's white space (libxml2's `IS_BLANK_CH`).
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Where `pattern` first stands in `bytes` from `from` on. (The standard library's
    /// `firstRange(of:)`, generic, took some 100 M instructions over Folio's schema at start-up.)
    static func firstRange(of pattern: [UInt8], in bytes: [UInt8], from: Int) -> Range<Int>? {
        guard let first = pattern.first, pattern.count <= bytes.count else { return nil }
        var index = from
        while index + pattern.count <= bytes.count {
            if bytes[index] == first && bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index..<(index + pattern.count) }
            index += 1
        }
        return nil
    }
}
