/// A reference cut into tokens: runs of letters and digits, and each other visible character
/// on its own, each with its place in the string. A lone capital glued to digits (`D12`,
/// `B511`) stands apart: a journal's series letter and its volume are two fields.
public struct ReferenceToken: Sendable, Hashable {
    public var text: String
    /// Code-point offsets in the reference string.
    public var start: Int
    public var end: Int
    /// Whether white space came before it.
    public var spaceBefore: Bool

    public static func tokenize(_ string: String) -> [ReferenceToken] {
        let scalars = string.scalarArray
        var tokens: [ReferenceToken] = []
        var index = 0
        var space = false
        func isWord(_ scalar: Unicode.Scalar) -> Bool { scalar.isAlphabetic || scalar.hasNumericType }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.isWhitespace {
                space = true
                index += 1
                continue
            }
            let start = index
            if isWord(scalar) {
                while index < scalars.count && isWord(scalars[index]) { index += 1 }
                // `D12`: a lone capital glued to digits.
                if index - start > 1, scalar.isUppercase, scalars[start + 1].hasNumericType,
                   start == 0 || !isWord(scalars[start - 1]) {
                    index = start + 1
                }
            } else {
                index += 1
            }
            tokens.append(ReferenceToken(text: String(scalars: scalars[start..<index]), start: start, end: index, spaceBefore: space))
            space = false
        }
        return tokens
    }
}

/// The fields a token of a reference can belong to.
public enum ReferenceLabel: Int, Sendable, CaseIterable {
    case other, citationNumber, author, editor, issued, title, containerTitle, collectionTitle, publisher, publisherPlace,
         volume, issue, page, edition, url, doi, note

    public var name: String { String(describing: self) }
}
