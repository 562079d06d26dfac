import CRegex
import Synchronization

/// A regular expression in PCRE2's syntax (Perl's, as ICU's and `NSRegularExpression`'s
/// mostly are), compiled once, to machine code by PCRE2's JIT, and matched over UTF-16 code
/// units the caller already holds. Offsets are UTF-16 offsets, as Foundation's.
///
/// `\d`, `\w`, `\b` and `\s` go by Unicode properties; a search can be limited to a window of
/// the text whose look-arounds see past it, as ICU's regions with transparent bounds. Where
/// PCRE2 reads a pattern otherwise than ICU did: letters fold case one to one (under `(?i)`,
/// `ss` does not match `ß`) and `\p{Lu}` stays upper case; `\w` holds the numbers of every kind
/// (`²`) and no combining marks; a line ends at `\n` alone (the cleaned text's); each branch
/// of a look-behind has one length (`(?<=\bin\s|\bof\s)`, not `(?<=\b(?:in|of)\s)`). ICU's
/// engine, used before, matched the date rules' alternations several times slower.
package final class RegularExpression: Sendable {
    package let pattern: String
    private let prototype: Matcher
    private let groupCount: Int
    /// Matchers not in use. A matcher holds the state of one search, so each search takes one
    /// for itself (a clone of the prototype, sharing its compiled code, when none is idle) and
    /// gives it back.
    private let idle = Mutex<[Matcher]>([])

    /// A matcher: used by one search at a time, which the pool of idle ones ensures.
    private struct Matcher: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    package init(_ pattern: String, caseInsensitive: Bool = false) {
        self.pattern = pattern
        var error: UnsafePointer<CChar>?
        var offset: Int32 = -1
        let units = Array(pattern.utf16)
        let compiled = units.withUnsafeBufferPointer {
            folio_regex_open($0.baseAddress, Int32($0.count), caseInsensitive ? 1 : 0, &error, &offset)
        }
        guard let compiled else {
            // Every pattern is written in Folio's source: one that does not compile is a bug.
            preconditionFailure("the pattern does not compile (\(error.map { String(cString: $0) } ?? "?") at \(offset)): \(pattern)")
        }
        prototype = Matcher(pointer: compiled)
        groupCount = Int(folio_regex_group_count(compiled))
    }

    deinit {
        for matcher in idle.withLock({ $0 }) { folio_regex_close(matcher.pointer) }
        folio_regex_close(prototype.pointer)
    }

    /// Every match in `units[range]` (all the units by default), in order. With transparent
    /// bounds, look-arounds, word boundaries, `^` and `$` see the whole text; without, the
    /// range's ends are the text's.
    package func matches(in units: [UInt16], range: Range<Int>? = nil, transparentBounds: Bool = false) -> [RegexMatch] {
        var found: [RegexMatch] = []
        search(units, range, transparentBounds) { found.append($0); return true }
        return found
    }

    /// The first match in `units[range]`, as `matches` finds them.
    package func firstMatch(in units: [UInt16], range: Range<Int>? = nil, transparentBounds: Bool = false) -> RegexMatch? {
        var first: RegexMatch?
        search(units, range, transparentBounds) { first = $0; return false }
        return first
    }

    /// The matches `matches(in: units)` finds, found by trying the pattern only at `starts`
    /// (ascending), which must hold every place where a match can start: where a cheap scan
    /// knows those places, the engine need not try every unit of the text.
    package func matches(in units: [UInt16], startingAtAnyOf starts: [Int]) -> [RegexMatch] {
        guard !starts.isEmpty else { return [] }
        var found: [RegexMatch] = []
        // The whole text: a try from a place of its own sees all of it.
        withMatcher(on: units, 0..<units.count, transparentBounds: false) { matcher, text, bounds in
            // A search goes on from where its last match ended (past it by one, if empty):
            // matches never overlap.
            var next = 0
            // Never between the two units of a pair of surrogates, where a search never tries.
            for start in starts where start >= next && start <= text.count
                && !(start > 0 && start < text.count && UTF16.isLeadSurrogate(text[start - 1]) && UTF16.isTrailSurrogate(text[start])) {
                guard folio_regex_match_at(matcher.pointer, Int32(start), bounds.baseAddress, Int32(groupCount)) == 1 else { continue }
                let match = RegexMatch(bounds: Array(bounds))
                found.append(match)
                next = match.range.isEmpty ? start + 1 : match.range.upperBound
            }
        }
        return found
    }

    /// Whether the pattern matches anywhere in `units`.
    package func isMatched(in units: [UInt16]) -> Bool {
        firstMatch(in: units) != nil
    }

    /// The number of the group `(?<name>…)` names; nil when the pattern names none so.
    package func groupNumber(named name: String) -> Int? {
        let units = Array(name.utf16)
        let number = units.withUnsafeBufferPointer { folio_regex_group_number(prototype.pointer, $0.baseAddress, Int32($0.count)) }
        return number < 0 ? nil : Int(number)
    }

    /// Hands each match to `visit` until it returns false or none is left.
    private func search(_ units: [UInt16], _ range: Range<Int>?, _ transparentBounds: Bool, _ visit: (RegexMatch) -> Bool) {
        let range = range ?? 0..<units.count
        precondition(range.lowerBound >= 0 && range.upperBound <= units.count, "a search range beyond the text")
        withMatcher(on: units, range, transparentBounds: transparentBounds) { matcher, _, bounds in
            while folio_regex_find_next(matcher.pointer, bounds.baseAddress, Int32(groupCount)) == 1 {
                guard visit(RegexMatch(bounds: Array(bounds))) else { return }
            }
        }
    }

    /// Lends `body` a matcher pointed at `units` and limited to `range`, the text, and memory
    /// for a match's bounds (each match keeps its own; the search makes no array, as most find
    /// none). Nothing is lent for limits outside the text.
    private func withMatcher(on units: [UInt16], _ range: Range<Int>, transparentBounds: Bool,
                             _ body: (Matcher, UnsafeBufferPointer<UInt16>, UnsafeMutableBufferPointer<Int32>) -> Void) {
        precondition(units.count < Int32.max, "a text of more than 2^31 UTF-16 units, beyond what a search takes")
        let matcher = checkOut()
        defer { checkIn(matcher) }
        units.withUnsafeBufferPointer { text in
            guard folio_regex_reset(matcher.pointer, text.baseAddress, Int32(text.count), Int32(range.lowerBound), Int32(range.upperBound),
                                    transparentBounds ? 1 : 0) == 0 else { return }
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * (groupCount + 1)) { body(matcher, text, $0) }
        }
    }

    private func checkOut() -> Matcher {
        if let matcher = idle.withLock({ $0.popLast() }) { return matcher }
        guard let clone = folio_regex_clone(prototype.pointer) else { fatalError("no memory left to clone a regular expression") }
        return Matcher(pointer: clone)
    }

    private func checkIn(_ matcher: Matcher) {
        idle.withLock { $0.append(matcher) }
    }
}

/// A match of a `RegularExpression`: the UTF-16 ranges of the whole match and of its groups.
package struct RegexMatch: Sendable {
    /// Start and end of group 0 (the whole match), then of each group; −1 where a group took no part.
    private let bounds: [Int32]

    fileprivate init(bounds: [Int32]) {
        self.bounds = bounds
    }

    package var range: Range<Int> { Int(bounds[0])..<Int(bounds[1]) }

    /// The groups and the whole match.
    package var numberOfRanges: Int { bounds.count / 2 }

    /// Group `number`'s range (0 is the whole match); nil where the group took no part.
    package func range(at number: Int) -> Range<Int>? {
        let start = bounds[2 * number]
        return start < 0 ? nil : Int(start)..<Int(bounds[2 * number + 1])
    }
}
