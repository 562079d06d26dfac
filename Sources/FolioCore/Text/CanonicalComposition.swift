import Foundation

/// Unicode NFC for runs of text, with a fast test for the common case that needs none.
enum CanonicalComposition {
    /// Whether a scalar is certainly unchanged by NFC wherever it stands: a precomposed or
    /// plain character from a block where NFC changes nothing and nothing combines with it.
    /// Anything else goes to Foundation's exact implementation.
    static func isInert(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return true }
        switch value {
        case 0x00A0...0x02FF,  // Latin-1, Latin Extended-A and -B, IPA, spacing modifiers
             0x0400...0x0482, 0x048A...0x052F,  // Cyrillic, without its combining marks
             0x0388...0x03FF,  // Greek (0x0374, 0x037E, 0x0387 are NFC singletons, left out)
             0x1E00...0x1EFF,  // Latin Extended Additional (precomposed, stable)
             0x2010...0x205E,  // General Punctuation: dashes, quotes, bullets, primes
             0x20A0...0x20CF,  // currency signs
             0x2190...0x22FF,  // arrows, mathematical operators (0x2260 and friends are precomposed and stable)
             0x25A0...0x27BF:  // shapes, dingbats, bullets
            return true
        default:
            return false
        }
    }

    /// The NFC form of a run of scalars.
    static func compose(_ scalars: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        Array(String(scalars: scalars).precomposedStringWithCanonicalMapping.unicodeScalars)
    }
}
