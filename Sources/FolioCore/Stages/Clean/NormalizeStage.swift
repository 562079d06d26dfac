import CTextKernels

/// Unicode NFC, ligatures, control and invisible characters, line ends and spaces.
///
/// It keeps what later stages read as layout: form feeds (page breaks), line breaks and the
/// indentation at the start of a line. Every change but white space is logged as a repair.
public struct NormalizeStage: Stage {
    public static let name = "normalize"
    public static let phase = Phase.clean
    public static let summary = "Unicode NFC, ligatures, control characters, line ends and white space"

    public var composeCanonically: Bool
    public var expandLigatures: Bool
    public var removeControlCharacters: Bool
    public var normalizeWhiteSpace: Bool

    public init(composeCanonically: Bool = true, expandLigatures: Bool = true,
                removeControlCharacters: Bool = true, normalizeWhiteSpace: Bool = true) {
        self.composeCanonically = composeCanonically
        self.expandLigatures = expandLigatures
        self.removeControlCharacters = removeControlCharacters
        self.normalizeWhiteSpace = normalizeWhiteSpace
    }

    public init(options: inout Options) throws {
        self.init(composeCanonically: try options.bool("nfc", default: true),
                  expandLigatures: try options.bool("ligatures", default: true),
                  removeControlCharacters: try options.bool("controlCharacters", default: true),
                  normalizeWhiteSpace: try options.bool("whiteSpace", default: true))
    }

    /// What a typographic ligature stands for; nil for another code point. A switch, not a
    /// table: every code point beyond plain ASCII is asked, and hashing each cost more.
    static func ligature(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0xFB00: "ff"
        case 0xFB01: "fi"
        case 0xFB02: "fl"
        case 0xFB03: "ffi"
        case 0xFB04: "ffl"
        case 0xFB05, 0xFB06: "st"
        case 0x0132: "IJ"
        case 0x0133: "ij"
        default: nil
        }
    }

    /// Invisible characters that carry nothing a reader sees.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B, 0x2060, 0xFEFF, 0x180E: true
        default: false
        }
    }

    static func isHorizontalSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Whether one of the rules before NFC handles `scalar`.
    func ownedByOtherRules(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return Self.isHorizontalSpace(scalar) || Self.ligature(scalar) != nil || Self.isInvisible(scalar)
            || value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xAD || value == 0x2028 || value == 0x2029
    }

    /// Where, from `start`, the first code point that a rule may change stands: printable
    /// ASCII stays as it is, and so (with `passingSingleSpaces`) does one space before it, the
    /// space between most words (what `normalizeSpaces` would decide, without weighing the
    /// run). Most of a paper is passed over here, through a pointer.
    private static func skipPlain(_ scalars: [Unicode.Scalar], from start: Int, passingSingleSpaces: Bool) -> Int {
        guard start < scalars.count else { return start }
        // Sixteen code points at a time (`folio_skip_plain_ascii`).
        return start + scalars.withUnsafeBufferPointer { scalars in
            folio_skip_plain_ascii(scalars.codePointValues! + start, scalars.count - start, passingSingleSpaces ? 1 : 0)
        }
    }

    public func run(_ document: inout Document, context: StageContext) throws {
        let text = document.text
        let scalars = text.scalars
        var builder = WorkingTextBuilder(base: text)
        var repairs: [Repair] = []
        var kept = 0  // start of the run of scalars copied unchanged
        var index = 0

        func replace(_ count: Int, with replacement: [Unicode.Scalar], rule: String?) {
            builder.copy(TextRange(kept, index))
            let range = TextRange(index, index + count)
            builder.replace(range, with: replacement)
            if let rule {
                repairs.append(Repair(rule: rule, source: text.sourceRange(range), before: text.string(range), after: String(scalars: replacement)))
            }
            index += count
            kept = index
        }

        /// A run of spaces: dropped at a line's end, one space inside a line; indentation at a
        /// line's start is layout and keeps its width.
        func normalizeSpaces() {
            var end = index + 1
            while end < scalars.count && Self.isHorizontalSpace(scalars[end]) { end += 1 }
            let atLineStart = index == 0 || scalars[index - 1].isLineBreak
            let atLineEnd = end == scalars.count || scalars[end].isLineBreak || scalars[end] == "\r"
            let run = scalars[index..<end]
            if atLineEnd {
                replace(end - index, with: [], rule: nil)
            } else if atLineStart {
                if run.allSatisfy({ $0 == " " }) { index = end } else { replace(end - index, with: Array(repeating: " ", count: run.count), rule: nil) }
            } else if run.count == 1 && run.first == " " {
                index = end
            } else {
                replace(end - index, with: [" "], rule: nil)
            }
        }

        while index < scalars.count {
            index = Self.skipPlain(scalars, from: index, passingSingleSpaces: normalizeWhiteSpace)
            guard index < scalars.count else { break }
            let scalar = scalars[index]
            let value = scalar.value
            if normalizeWhiteSpace {
                if Self.isHorizontalSpace(scalar) {
                    normalizeSpaces()
                    continue
                }
                switch value {
                case 0x0D:
                    let count = index + 1 < scalars.count && scalars[index + 1] == "\n" ? 2 : 1
                    replace(count, with: ["\n"], rule: nil)
                    continue
                case 0x0B, 0x2028, 0x2029:
                    replace(1, with: ["\n"], rule: nil)
                    continue
                default: break
                }
            }
            if removeControlCharacters {
                if (value < 0x20 && value != 0x0A && value != 0x0C && value != 0x09 && value != 0x0D) || (0x7F...0x9F).contains(value) {
                    replace(1, with: [], rule: "control-character")
                    continue
                }
                if Self.isInvisible(scalar) {
                    replace(1, with: [], rule: "invisible-character")
                    continue
                }
                if value == 0xAD && !(index + 1 < scalars.count && scalars[index + 1] == "\n") {
                    // A soft hyphen only matters where a line breaks; elsewhere it is invisible.
                    replace(1, with: [], rule: "soft-hyphen")
                    continue
                }
            }
            if expandLigatures, let expansion = Self.ligature(scalar) {
                replace(1, with: Array(expansion.unicodeScalars), rule: "ligature")
                continue
            }
            if composeCanonically && value >= 0x80 && !CanonicalComposition.isInert(scalar) {
                // NFC composes a character only with the marks after it, and never across a
                // character that is inert, so the run from the previous character through the
                // marks is enough. Characters other rules own end the run.
                let start = index > 0 && kept < index ? index - 1 : index
                var end = index + 1
                while end < scalars.count && scalars[end].value >= 0x80 && !CanonicalComposition.isInert(scalars[end])
                        && !ownedByOtherRules(scalars[end]) {
                    end += 1
                }
                let composed = CanonicalComposition.compose(scalars[start..<end])
                if composed.elementsEqual(scalars[start..<end]) {
                    index = end
                } else {
                    index = start
                    replace(end - start, with: composed, rule: "unicode-nfc")
                }
                continue
            }
            index += 1
        }
        builder.copy(TextRange(kept, scalars.count))
        document.replaceText(with: builder)
        document.repairs.append(contentsOf: repairs)
    }
}
