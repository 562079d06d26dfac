/// The letters a list of label words starts with, so that a line which starts with none of them
/// is passed over before a string is made of it: every line of a paper is asked whether it
/// opens a caption or a front-matter label, and almost none does.
struct LabelInitials: Sendable {
    /// Bit `n` of `bits` for the ASCII letter `n` in lower case (97 to 122 → 33 to 58).
    private let bits: UInt64

    init(_ words: some Sequence<String>) {
        var bits: UInt64 = 0
        for word in words {
            guard let first = word.unicodeScalars.first else { continue }
            // A word that starts beyond ASCII letters could start anything: no line is passed over.
            guard let letter = first.asciiLetterLowercased else { bits = .max; break }
            bits |= 1 << UInt64(letter - 64)
        }
        self.bits = bits
    }

    /// Whether a text starting with `scalar` may start with one of the words, ignoring case.
    func mayStart(with scalar: Unicode.Scalar) -> Bool {
        // Beyond ASCII, lower-casing may still give an ASCII letter (the Kelvin sign gives `k`).
        guard scalar.value < 0x80 else { return true }
        guard let letter = scalar.asciiLetterLowercased else { return bits == .max }
        return bits & (1 << UInt64(letter - 64)) != 0
    }
}
