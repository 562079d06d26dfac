/// A few code points to test a code point against (closing quotes, sentence ends, separators).
/// `".!?".unicodeScalars.contains(x)` walks the string's UTF-8 at every call, some 160
/// instructions; here ASCII members are bits, and the few others a short list.
public struct ScalarSet: Sendable, ExpressibleByStringLiteral {
    /// Bit `n` for ASCII code point `n` (0 to 63), and for `64 + n`.
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private var beyondASCII: [UInt32] = []

    public init(_ members: String) {
        for member in members.unicodeScalars {
            switch member.value {
            case ..<64: low |= 1 << UInt64(member.value)
            case ..<128: high |= 1 << UInt64(member.value - 64)
            default: if !beyondASCII.contains(member.value) { beyondASCII.append(member.value) }
            }
        }
    }

    public init(stringLiteral members: String) { self.init(members) }

    public func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case ..<64: low & (1 << UInt64(scalar.value)) != 0
        case ..<128: high & (1 << UInt64(scalar.value - 64)) != 0
        default: beyondASCII.contains(scalar.value)
        }
    }
}
