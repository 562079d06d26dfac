import FolioBytes
import Foundation
import Synchronization

/// Regular expressions compiled once per process. Foundation's `range(of:options:
/// .regularExpression)` compiles its pattern on every call, which costs five times the match
/// itself on a short string such as a reference.
package enum Patterns {
    /// By pattern, case-sensitive ones and case-insensitive ones apart.
    private static let cache = Mutex<(sensitive: [Key: RegularExpression], insensitive: [Key: RegularExpression])>(([:], [:]))

    package static func compiled(_ pattern: String, caseInsensitive: Bool = false) -> RegularExpression {
        let key = Key(pattern: pattern)
        if let found = cache.withLock({ caseInsensitive ? $0.insensitive[key] : $0.sensitive[key] }) { return found }
        let expression = RegularExpression(pattern, caseInsensitive: caseInsensitive)
        cache.withLock {
            if caseInsensitive { $0.insensitive[key] = expression } else { $0.sensitive[key] = expression }
        }
        return expression
    }

    /// A pattern as the cache's key, hashed by its length and its last sixteen bytes: a
    /// string's own hash reads every byte (a pattern has hundreds) at every lookup, and patterns
    /// that end alike are still told apart by comparing them whole.
    private struct Key: Hashable {
        let pattern: String

        static func == (left: Key, right: Key) -> Bool { left.pattern == right.pattern }

        func hash(into hasher: inout Hasher) {
            pattern.withUTF8Bytes { bytes in
                hasher.combine(bytes.count)
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[max(0, bytes.count - 16)...]))
            }
        }
    }
}

extension Patterns {
    /// A look-behind for one of `words`, whole, and a white-space character before the place,
    /// or for one of `others`: each a branch of its own, as PCRE2 wants every branch of a
    /// look-behind to have one length (`(?<=\b(?:in|of)\s)` is written `(?<=\bin\s|\bof\s)`).
    package static func lookBehind(words: [String], or others: [String] = []) -> String {
        "(?<=" + (others + words.map { "\\b" + $0 + "\\s" }).joined(separator: "|") + ")"
    }

    /// An alternation of literal `words` with their common beginnings factored out
    /// (`say(?:s)?`, not `say|says`): a backtracking engine tries an alternation's branches one
    /// by one at every place, and a hundred words cost a hundred tries where a few letters rule
    /// most out.
    /// Equivalent to `words` joined by `|` only where the order of the branches cannot matter:
    /// where at most one word can match at a place, as when a word boundary follows.
    package static func factoredAlternation(_ words: [String]) -> String {
        var groups: [(first: Character, rests: [Substring])] = []
        for word in words where !word.isEmpty {
            if let index = groups.firstIndex(where: { $0.first == word.first! }) {
                groups[index].rests.append(word.dropFirst())
            } else {
                groups.append((word.first!, [word.dropFirst()]))
            }
        }
        let branches = groups.map { group -> String in
            let head = escaped(group.first)
            // A word alone in its group is written whole.
            if group.rests.count == 1 { return head + group.rests[0].map(escaped).joined() }
            let rests = group.rests.filter { !$0.isEmpty }.map(String.init)
            if rests.isEmpty { return head }
            let tail = factoredAlternation(rests)
            let optional = rests.count < group.rests.count
            return head + "(?:" + tail + ")" + (optional ? "?" : "")
        }
        return branches.joined(separator: "|")
    }

    private static func escaped(_ character: Character) -> String {
        #"\.*+?()[]{}|^$"#.contains(character) ? "\\" + String(character) : String(character)
    }
}

extension String {
    /// Whether the text holds `needle` (ASCII), byte for byte: a cheap test before a pattern
    /// that cannot match without it.
    package func containsASCII(_ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { containsBytes($0) }
    }

    /// `containsASCII(_:)` for a needle known only when running.
    package func containsASCII(_ needle: String) -> Bool {
        needle.withUTF8Bytes { containsBytes($0) }
    }

    private func containsBytes(_ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        withUTF8Bytes { holdsASCII($0, needle) }
    }

    /// Foundation's `range(of:)`, which compares composed characters alike (`é` written as
    /// one code point or two), searched as bytes where that compares the same: Foundation's
    /// search costs tens of thousands of instructions a call, and a reference's journal is
    /// looked for in the reference. That is where text and needle hold only code points below
    /// U+0300 (where the combining marks begin; none of them is canonically equivalent to
    /// another string) and general punctuation from U+2002 (dashes, quotation marks: none
    /// decomposes, combines or is a mark).
    package func rangeOfText(_ needle: String) -> Range<String.Index>? {
        func comparesAsBytes(_ text: String) -> Bool {
            text.unicodeScalars.allSatisfy { $0.value < 0x300 || (0x2002...0x206F).contains($0.value) }
        }
        guard comparesAsBytes(self), comparesAsBytes(needle) else { return range(of: needle) }
        guard let offset = withUTF8Bytes({ text in needle.withUTF8Bytes { firstOffset(of: $0, in: text) } }) else { return nil }
        let start = utf8.index(startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: needle.utf8.count)
    }

    /// Whether the text holds `needle` as Foundation's `contains` finds it: `rangeOfText(_:)`.
    package func containsText(_ needle: String) -> Bool {
        rangeOfText(needle) != nil
    }

    /// Whether the text holds any of `needles` (ASCII), byte for byte.
    package func containsASCII(anyOf needles: StaticString...) -> Bool {
        needles.contains { containsASCII($0) }
    }

    /// Whether the text holds any of `needles` (lower-case ASCII) in any case: the cheap test
    /// before a case-insensitive pattern that cannot match without one of them. Nil beyond
    /// ASCII, where such a pattern also folds letters such as `ſ` to ASCII ones and the bytes
    /// cannot tell.
    package func containsASCIIInAnyCase(anyOf needles: [String]) -> Bool? {
        // Lower-cased once, byte by byte, into memory lent for the question: a reference is asked
        // ten needles, and each had made a string and walked it again.
        withUTF8Bytes { bytes -> Bool? in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { lowered -> Bool? in
                for index in bytes.indices {
                    let byte = bytes[index]
                    guard byte < 0x80 else { return nil }
                    lowered[index] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                }
                let lowered = UnsafeBufferPointer(rebasing: lowered[..<bytes.count])
                return needles.contains { needle in needle.withUTF8Bytes { holdsASCII(lowered, $0) } }
            }
        }
    }
}

extension String {
    /// The first match of `pattern`, as `range(of:options: .regularExpression)` finds it.
    package func range(ofPattern pattern: String, caseInsensitive: Bool = false) -> Range<String.Index>? {
        Patterns.compiled(pattern, caseInsensitive: caseInsensitive).firstMatch(in: utf16Units).flatMap { indices(utf16: $0.range) }
    }

    /// Every match of `pattern` replaced by `template`, as `replacingOccurrences(of:with:
    /// options: .regularExpression)` does: `$1` in the template stands for the first group.
    package func replacing(pattern: String, with template: String, caseInsensitive: Bool = false) -> String {
        let units = utf16Units
        let matches = Patterns.compiled(pattern, caseInsensitive: caseInsensitive).matches(in: units)
        guard !matches.isEmpty else { return self }
        let template = Array(template.utf16)
        // Spliced in UTF-16, as Foundation does: a match is whole code points, whatever
        // characters it cuts.
        var result: [UInt16] = [], written = 0
        result.reserveCapacity(units.count)
        for match in matches {
            result += units[written..<match.range.lowerBound]
            Self.expand(template, for: match, in: units, into: &result)
            written = match.range.upperBound
        }
        result += units[written...]
        return String(utf16: result[...])
    }

    /// A replacement template read as Foundation reads it: `$` and as many digits as a group's
    /// number can have stand for that group (nothing where it took no part), `\` takes the
    /// character after it as it stands.
    private static func expand(_ template: [UInt16], for match: RegexMatch, in units: [UInt16], into result: inout [UInt16]) {
        var digits = 1, magnitude = 10
        while magnitude < match.numberOfRanges { digits += 1; magnitude *= 10 }
        var index = 0
        while index < template.count {
            let unit = template[index]
            index += 1
            if unit == 0x5C {  // `\`
                if index < template.count { result.append(template[index]); index += 1 }
            } else if unit == 0x24, index < template.count, (0x30...0x39).contains(template[index]) {  // `$1`
                var number = 0, read = 0
                while read < digits, index < template.count, (0x30...0x39).contains(template[index]) {
                    number = number * 10 + Int(template[index] - 0x30)
                    index += 1
                    read += 1
                }
                if number < match.numberOfRanges, let group = match.range(at: number) { result += units[group] }
            } else {
                result.append(unit)
            }
        }
    }

    /// The string's range for UTF-16 offsets, as Foundation makes it of an `NSRange` (and in the
    /// same steps, without its bridging): nil where either end is past the string's or falls
    /// inside a character.
    package func indices(utf16 range: Range<Int>) -> Range<String.Index>? {
        let units = utf16
        guard let start = units.index(units.startIndex, offsetBy: range.lowerBound, limitedBy: units.endIndex),
              let end = units.index(start, offsetBy: range.count, limitedBy: units.endIndex),
              let lower = String.Index(start, within: self), let upper = String.Index(end, within: self) else { return nil }
        return lower..<upper
    }

    /// Group `number` of `match`, a match in this string's UTF-16 units: nil where there is no
    /// such group, where it took no part, or where it cuts a character.
    package func group(_ number: Int?, of match: RegexMatch) -> Substring? {
        number.flatMap(match.range(at:)).flatMap(indices(utf16:)).map { self[$0] }
    }
}

/// A match of a pattern given as a string: its range and its groups (nil where a group took
/// no part).
package struct PatternMatch {
    package let range: Range<String.Index>
    private let groups: [Substring?]

    init?(_ match: RegexMatch?, in text: String) {
        guard let match, let range = text.indices(utf16: match.range) else { return nil }
        self.range = range
        groups = (0..<match.numberOfRanges).map { text.group($0, of: match) }
    }

    /// Group `number` (0 is the whole match).
    package subscript(number: Int) -> Substring? { groups[number] }
}

extension String {
    /// The first match of `pattern`: Swift's regular-expression literals are built and compiled
    /// again each time a function runs, these once a process.
    package func firstMatch(ofPattern pattern: String) -> PatternMatch? {
        PatternMatch(Patterns.compiled(pattern).firstMatch(in: utf16Units), in: self)
    }

    /// The match of `pattern` over the whole string, if it matches it all.
    package func wholeMatch(ofPattern pattern: String) -> PatternMatch? {
        firstMatch(ofPattern: #"\A(?:"# + pattern + #")\z"#)
    }
}

extension [UInt16] {
    /// Whether the UTF-16 units hold `needle` (ASCII), unit for unit: `String.containsASCII`
    /// for text already held as UTF-16.
    package func containsASCII(_ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { needle in withUnsafeBufferPointer { holdsASCII($0, needle) } }
    }
}

/// Whether `text` (UTF-8 bytes or UTF-16 units) holds the ASCII `needle`, unit for unit.
private func holdsASCII<Unit: FixedWidthInteger>(_ text: UnsafeBufferPointer<Unit>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
    needle.isEmpty || firstOffset(of: needle, in: text) != nil
}

/// Where `needle` (ASCII, not empty) first stands in `text`, unit for unit.
private func firstOffset<Unit: FixedWidthInteger>(of needle: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<Unit>) -> Int? {
    if Unit.self == UInt8.self {
        return text.withMemoryRebound(to: UInt8.self) { firstOffset(of: needle, inBytes: $0) }
    }
    let count = needle.count
    guard count > 0, text.count >= count else { return nil }
    let first = Unit(needle[0])
    for start in 0...(text.count - count) where text[start] == first {
        if (1..<count).allSatisfy({ text[start + $0] == Unit(needle[$0]) }) { return start }
    }
    return nil
}

/// `firstOffset(of:in:)` in bytes: the needle's first byte found by `memchr`, many bytes at a
/// time, and only there the rest compared. A reference is asked for a dozen needles, and a
/// comparison at every byte for each cost more than the rest of reading its style.
private func firstOffset(of needle: UnsafeBufferPointer<UInt8>, inBytes text: UnsafeBufferPointer<UInt8>) -> Int? {
    let count = needle.count
    guard count > 0, text.count >= count, let base = text.baseAddress, let needleBase = needle.baseAddress else { return nil }
    let last = text.count - count
    var start = 0
    while start <= last, let found = memchr(base + start, Int32(needle[0]), last - start + 1) {
        let offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        if count == 1 || memcmp(base + offset + 1, needleBase + 1, count - 1) == 0 { return offset }
        start = offset + 1
    }
    return nil
}
