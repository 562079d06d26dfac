import Foundation
import Synchronization

/// Regular expressions compiled once per process. Foundation's `range(of:options:
/// .regularExpression)` compiles its pattern on every call, which costs five times the match
/// itself on a short string such as a reference.
package enum Patterns {
    /// By pattern, case-sensitive ones and case-insensitive ones apart: no key is made per call.
    private static let cache = Mutex<(sensitive: [String: NSRegularExpression], insensitive: [String: NSRegularExpression])>(([:], [:]))

    package static func compiled(_ pattern: String, caseInsensitive: Bool = false) -> NSRegularExpression {
        if let found = cache.withLock({ caseInsensitive ? $0.insensitive[pattern] : $0.sensitive[pattern] }) { return found }
        // A pattern in the source that does not compile is a programming error.
        let expression = try! NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        cache.withLock {
            if caseInsensitive { $0.insensitive[pattern] = expression } else { $0.sensitive[pattern] = expression }
        }
        return expression
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
        var needle = needle
        return needle.withUTF8 { containsBytes($0) }
    }

    private func containsBytes(_ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = needle.count
        guard count > 0 else { return true }
        var text = self
        return text.withUTF8 { bytes in
            guard bytes.count >= count else { return false }
            for start in 0...(bytes.count - count) where bytes[start] == needle[0] {
                if (1..<count).allSatisfy({ bytes[start + $0] == needle[$0] }) { return true }
            }
            return false
        }
    }

    /// Whether the text holds `needle` as Foundation's `contains` finds it, byte for byte when
    /// the text is ASCII: there no combining mark can join a match to what follows, and
    /// Foundation's search bridged the text to UTF-16 for every word asked.
    package func containsText(_ needle: String) -> Bool {
        utf8.allSatisfy({ $0 < 0x80 }) ? containsASCII(needle) : contains(needle)
    }
}

extension String {
    /// The first match of `pattern`, as `range(of:options: .regularExpression)` finds it.
    package func range(ofPattern pattern: String, caseInsensitive: Bool = false) -> Range<String.Index>? {
        let expression = Patterns.compiled(pattern, caseInsensitive: caseInsensitive)
        guard let match = expression.firstMatch(in: self, range: NSRange(startIndex..., in: self)) else { return nil }
        return Range(match.range, in: self)
    }

    /// Every match of `pattern` replaced by `template` (`$1` for a group), as
    /// `replacingOccurrences(of:with:options: .regularExpression)` does.
    package func replacing(pattern: String, with template: String, caseInsensitive: Bool = false) -> String {
        let expression = Patterns.compiled(pattern, caseInsensitive: caseInsensitive)
        return expression.stringByReplacingMatches(in: self, range: NSRange(startIndex..., in: self), withTemplate: template)
    }
}

/// A match of a pattern given as a string: its range and its groups (nil where a group took
/// no part).
package struct PatternMatch {
    package let range: Range<String.Index>
    private let groups: [Substring?]

    init?(_ result: NSTextCheckingResult?, in text: String) {
        guard let result, let range = Range(result.range, in: text) else { return nil }
        self.range = range
        groups = (0..<result.numberOfRanges).map { Range(result.range(at: $0), in: text).map { text[$0] } }
    }

    /// Group `number` (0 is the whole match).
    package subscript(number: Int) -> Substring? { groups[number] }
}

extension String {
    /// The first match of `pattern`: Swift's regular-expression literals are built and compiled
    /// again each time a function runs, these once a process.
    package func firstMatch(ofPattern pattern: String) -> PatternMatch? {
        PatternMatch(Patterns.compiled(pattern).firstMatch(in: self, range: NSRange(startIndex..., in: self)), in: self)
    }

    /// The match of `pattern` over the whole string, if it matches it all.
    package func wholeMatch(ofPattern pattern: String) -> PatternMatch? {
        firstMatch(ofPattern: #"\A(?:"# + pattern + #")\z"#)
    }
}
