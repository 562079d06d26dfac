/// Rewrites a pattern's case-insensitive letters so that ICU matches them one at a time.
///
/// ICU compiles letters in a row under `(?i)` (`the`, `last`) into one string, and matches it
/// by case-folding the text as it goes, a code point at a time, through Unicode's full case
/// folding: several times the cost of matching a single letter without case, which ICU does
/// from a table. The date rules open with such words (`early`, `the end of`, `last`), tried at
/// every place a date may start.
///
/// The rewrite gives each letter a group of its own, `(?i:t)(?i:h)(?i:e)`, and matches what the
/// string matched. A string matches a code point whose full folding is several letters (`ß` is
/// `ss`, `ﬆ` is `st`, `ﬁ` is `fi`), which single letters never do: letters that such a folding
/// spells stay together as a string (`(?i:l)(?i:a)(?i:st)`), so `laﬆ` is still `last`. A
/// character class under `(?i)` and a property (`\p{Lu}`) keep the flag in a group of their
/// own; whatever else the flag changes (a letter beyond ASCII, a back-reference, other flags)
/// leaves the pattern as it was.
enum CaseInsensitiveLetters {
    /// The pattern with its case-insensitive letters one to a group, and no flag beyond those
    /// groups; nil when nothing is case-insensitive, or when the pattern uses what the rewrite
    /// does not read (then it is compiled as written). `insensitive`: whether the whole pattern
    /// is, as the option to compile it so says.
    static func rewritten(_ pattern: String, insensitive: Bool) -> String? {
        guard insensitive || pattern.utf8.contains(UInt8(ascii: "?")) else { return nil }
        var rewrite = Rewrite(Array(pattern.unicodeScalars), insensitive: insensitive)
        return rewrite.run()
    }

    /// Whether two letters (ASCII, lower case) are what one code point's full case folding
    /// spells: `ß` spells `ss`; `ﬀ`, `ﬁ`, `ﬂ`, `ﬃ`, `ﬄ` spell `ff`, `fi`, `fl`, `ffi`, `ffl`;
    /// `ﬅ`, `ﬆ` spell `st`. These are every folding of Unicode into ASCII letters alone, and
    /// the three-letter ones are made of two-letter ones, which is all a row needs to know.
    private static func isFoldedPair(_ first: UInt8, _ second: UInt8) -> Bool {
        switch (first, second) {
        case (UInt8(ascii: "s"), UInt8(ascii: "s")), (UInt8(ascii: "s"), UInt8(ascii: "t")), (UInt8(ascii: "f"), UInt8(ascii: "f")),
             (UInt8(ascii: "f"), UInt8(ascii: "i")), (UInt8(ascii: "f"), UInt8(ascii: "l")): true
        default: false
        }
    }

    private struct Rewrite {
        let pattern: [Unicode.Scalar]
        var index = 0
        var output: [Unicode.Scalar] = []
        /// Whether letters here are case-insensitive, and what it was outside each open group.
        var insensitive: Bool
        var outer: [Bool] = []
        var rewroteAny = false

        init(_ pattern: [Unicode.Scalar], insensitive: Bool) {
            self.pattern = pattern
            self.insensitive = insensitive
        }

        mutating func run() -> String? {
            while index < pattern.count {
                guard step() else { return nil }
            }
            return rewroteAny && outer.isEmpty && !output.isEmpty ? String(scalars: output) : nil
        }

        private func at(_ offset: Int) -> Unicode.Scalar? {
            index + offset < pattern.count ? pattern[index + offset] : nil
        }

        private mutating func copy(_ count: Int) {
            output.append(contentsOf: pattern[index..<min(index + count, pattern.count)])
            index += count
        }

        /// Copies from here through the first `end`; false when there is none.
        private mutating func copy(through end: Unicode.Scalar) -> Bool {
            guard let close = pattern[index...].firstIndex(of: end) else { return false }
            copy(close - index + 1)
            return true
        }

        /// Copies what `body` copies inside a group that keeps the case-insensitive flag.
        private mutating func insensitiveGroup(_ body: (inout Rewrite) -> Bool) -> Bool {
            output.append(contentsOf: Self.openInsensitive)
            guard body(&self) else { return false }
            output.append(")")
            rewroteAny = true
            return true
        }

        /// Reads one piece of the pattern; false for one the rewrite does not read.
        private mutating func step() -> Bool {
            let scalar = pattern[index]
            switch scalar {
            case "\\": return escape()
            case "[": return insensitive ? insensitiveGroup { $0.characterClass() } : characterClass()
            case "(": return openGroup()
            case ")":
                guard let restored = outer.popLast() else { return false }
                insensitive = restored
                copy(1)
            case "{": return copy(through: "}")
            default:
                guard insensitive else { copy(1); return true }
                if scalar.isASCII {
                    if Self.isASCIILetter(scalar) { letters() } else { copy(1) }
                    return true
                }
                // A code point beyond ASCII without case, that no folding makes or spells (a
                // curly apostrophe), is matched alike either way.
                let properties = scalar.properties
                guard !properties.isCased, !properties.changesWhenCaseFolded, !properties.changesWhenCaseMapped,
                      properties.generalCategory != .nonspacingMark, properties.generalCategory != .modifierLetter else { return false }
                copy(1)
            }
            return true
        }

        /// `\s`, `\.`, `\p{…}`: escapes that mean the same under `(?i)` are copied; a property
        /// under it keeps the flag; the rest (a back-reference, a code point by number) are not
        /// read, nor is quoting (`\Q…\E`), whose `(?i)` would be no flag.
        private mutating func escape() -> Bool {
            guard let next = at(1), next != "Q" else { return false }
            if next == "p" || next == "P" {
                guard at(2) == "{" else { return false }
                return insensitive ? insensitiveGroup { $0.copy(through: "}") } : copy(through: "}")
            }
            let meansTheSame = (!Self.isASCIILetter(next) && !("0"..."9").contains(next)) || Self.caseFreeEscapes.contains(next)
            guard !insensitive || meansTheSame else { return false }
            copy(2)
            return true
        }

        /// Escapes whose meaning no case changes: classes closed under case, assertions, controls.
        private static let caseFreeEscapes: Set<Unicode.Scalar> = ["s", "S", "d", "D", "w", "W", "b", "B", "h", "H", "v", "V", "R", "X",
                                                                  "A", "Z", "z", "G", "t", "n", "r", "f", "e", "a"]

        /// A class, nested classes and escapes in it included, copied as it is.
        private mutating func characterClass() -> Bool {
            // `[]…]` and `[^]…]` are read differently by different engines: not read.
            guard at(1) != "]", !(at(1) == "^" && at(2) == "]") else { return false }
            var depth = 0
            while index < pattern.count {
                let scalar = pattern[index]
                if scalar == "\\" { copy(2); continue }
                if scalar == "[" { depth += 1 }
                copy(1)
                if scalar == "]" {
                    depth -= 1
                    if depth == 0 { return true }
                }
            }
            return false
        }

        /// `(`, `(?:`, look-arounds, named groups, and the case flag alone (`(?i)`, `(?-i:`).
        private mutating func openGroup() -> Bool {
            guard at(1) == "?" else {
                outer.append(insensitive)
                copy(1)
                return true
            }
            var flagEnd = index + 2
            var turnsOn = true
            while flagEnd < pattern.count, pattern[flagEnd] == "i" || pattern[flagEnd] == "-" {
                if pattern[flagEnd] == "-" { turnsOn = false }
                flagEnd += 1
            }
            if flagEnd > index + 2 {
                guard flagEnd < pattern.count else { return false }
                switch pattern[flagEnd] {
                case ")":
                    // Until the end of the group it stands in.
                    insensitive = turnsOn
                    index = flagEnd + 1
                case ":":
                    outer.append(insensitive)
                    insensitive = turnsOn
                    output.append(contentsOf: Self.openNonCapturing)
                    index = flagEnd + 1
                default:
                    return false
                }
                rewroteAny = true
                return true
            }
            switch at(2) {
            case ":", "=", "!", ">":
                outer.append(insensitive)
                copy(3)
            case "<" where at(3) == "=" || at(3) == "!":
                outer.append(insensitive)
                copy(4)
            case "<":
                outer.append(insensitive)
                return copy(through: ">")
            default:
                // Comments, other flags.
                return false
            }
            return true
        }

        /// Case-insensitive letters in a row: each in a group of its own, but those that a
        /// code point's folding spells together, kept together. A letter a quantifier follows
        /// is ICU's own piece, apart from the row.
        private mutating func letters() {
            var end = index
            while end < pattern.count, Self.isASCIILetter(pattern[end]), !(end + 1 < pattern.count && Self.isQuantifier(pattern[end + 1])) {
                end += 1
            }
            if end == index { end += 1 }
            // Lower case; letters of a folded pair go together, and overlapping pairs (`sst`)
            // make one piece.
            func lower(_ offset: Int) -> UInt8 { pattern[index + offset].asciiLetterLowercased! }
            func startsPair(_ offset: Int) -> Bool { index + offset + 1 < end && CaseInsensitiveLetters.isFoldedPair(lower(offset), lower(offset + 1)) }
            let count = end - index
            var offset = 0
            while offset < count {
                var last = offset
                while startsPair(last) { last += 1 }
                output.append(contentsOf: Self.openInsensitive)
                output.append(contentsOf: pattern[(index + offset)...(index + last)])
                output.append(")")
                offset = last + 1
            }
            index = end
            rewroteAny = true
        }

        private static let openInsensitive = Array("(?i:".unicodeScalars), openNonCapturing = Array("(?:".unicodeScalars)

        private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool { scalar.asciiLetterLowercased != nil }

        private static func isQuantifier(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "?" || scalar == "*" || scalar == "+" || scalar == "{"
        }
    }
}
