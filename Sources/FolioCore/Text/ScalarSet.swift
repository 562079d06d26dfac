/// A few code points to test a code point against (closing quotes, sentence ends, separators).
/// `".!?".unicodeScalars.contains(x)` walks the string's UTF-8 at every call, some 160
/// instructions; here ASCII members are bits (`ASCIIByteSet`), and the few others a short list.
public struct ScalarSet: Sendable, ExpressibleByStringLiteral {
    private var ascii: ASCIIByteSet
    private var beyondASCII: [UInt32] = []

    public init(_ members: String) {
        ascii = ASCIIByteSet(members.unicodeScalars.filter(\.isASCII).map { UInt8($0.value) })
        for member in members.unicodeScalars where !member.isASCII && !beyondASCII.contains(member.value) {
            beyondASCII.append(member.value)
        }
    }

    public init(stringLiteral members: String) { self.init(members) }

    public func contains(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ascii.contains(UInt8(scalar.value)) : beyondASCII.contains(scalar.value)
    }
}
