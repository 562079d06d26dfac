/// A set of ASCII bytes as 128 bits: asking whether a byte is in it is a shift and a mask,
/// where a `Set<UInt8>` hashes the byte. For the tests made of every line of a paper.
struct ASCIIByteSet: Sendable {
    private var low: UInt64 = 0, high: UInt64 = 0

    init(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            precondition(byte < 0x80, "a byte beyond ASCII")
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
    }

    func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? low >> UInt64(byte) & 1 != 0 : byte < 128 && high >> UInt64(byte - 64) & 1 != 0
    }
}
