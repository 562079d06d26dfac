import Foundation

/// Every word and stem the rules need, numbered: a sentence's words are looked up once, and
/// each rule's needs are then a few bit tests. Every rule asks of every sentence, and asking
/// word by word was a quarter of the tagger's time.
struct NeedsIndex: Sendable {
    /// A set of numbered words and stems.
    struct Bits: Sendable {
        private var words: [UInt64]

        init(count: Int) { words = [UInt64](repeating: 0, count: (count + 63) / 64) }

        mutating func insert(_ number: Int) { words[number / 64] |= 1 << UInt64(number % 64) }

        mutating func formUnion(_ other: Bits) {
            for index in words.indices { words[index] |= other.words[index] }
        }

        func contains(_ number: Int) -> Bool { words[number / 64] & (1 << UInt64(number % 64)) != 0 }

        func intersects(_ other: Bits) -> Bool { zip(words, other.words).contains { $0 & $1 != 0 } }
    }

    /// What a text holds of the entries: which, and where (UTF-16 ranges of the words).
    struct Presence {
        var entries: Bits
        var words: [(entry: Int, range: NSRange)] = []
    }

    /// A rule's needs with words replaced by their numbers.
    indirect enum Test: Sendable {
        case digit, year
        case shape(DigitShapes.Shape)
        case words(Bits)
        case all([Test])
        case any([Test])
    }

    private struct Entry: Sendable, Hashable {
        var bytes: [UInt8]
        /// A whole word (`anyWord`), not a stem any longer word may start with.
        var isWord: Bool
    }

    private var entries: [Entry] = []
    /// Entry numbers by their first byte.
    private var byFirstByte = [[Int]](repeating: [], count: 128)
    private(set) var tests: [Test] = []
    /// For each rule, words and stems of which every match holds one: a rule's places to
    /// look (`TemporalRule.aroundWords`). Of `all`, the first part with words (a rule lists the
    /// rarest first); of `any`, every part; nil where a match may hold none (`any` of a digit).
    private(set) var places: [Bits?] = []

    init(_ needs: [TemporalRule.Needs]) {
        var numbers: [Entry: Int] = [:]
        func entry(_ text: String, isWord: Bool) -> Entry { Entry(bytes: Array(text.lowercased().utf8), isWord: isWord) }
        func number(_ texts: some Sequence<String>, isWord: Bool) {
            for entry in texts.map({ entry($0, isWord: isWord) }) where numbers[entry] == nil {
                numbers[entry] = entries.count
                entries.append(entry)
            }
        }
        // Two passes: number every entry, then build masks of the final size.
        func collect(_ need: TemporalRule.Needs) {
            switch need {
            case .digit, .year, .shape: break
            case .word(let stems): number(stems, isWord: false)
            case .anyWord(let words): number(words.sorted(), isWord: true)
            case .all(let needs), .any(let needs): needs.forEach(collect)
            }
        }
        needs.forEach(collect)
        let count = entries.count
        func mask(_ texts: some Sequence<String>, isWord: Bool) -> Bits {
            var result = Bits(count: count)
            for text in texts { result.insert(numbers[entry(text, isWord: isWord)]!) }
            return result
        }
        func compile(_ need: TemporalRule.Needs) -> Test {
            switch need {
            case .digit: .digit
            case .year: .year
            case .shape(let shape): .shape(shape)
            case .word(let stems): .words(mask(stems, isWord: false))
            case .anyWord(let words): .words(mask(words, isWord: true))
            case .all(let needs): .all(needs.map(compile))
            case .any(let needs): .any(needs.map(compile))
            }
        }
        tests = needs.map(compile)
        func placesOf(_ test: Test) -> Bits? {
            switch test {
            case .digit, .year, .shape: return nil
            case .words(let mask): return mask
            case .all(let tests): return tests.lazy.compactMap(placesOf).first
            case .any(let tests):
                var result = Bits(count: count)
                for test in tests {
                    guard let part = placesOf(test) else { return nil }
                    result.formUnion(part)
                }
                return result
            }
        }
        places = tests.map(placesOf)
        for (number, entry) in entries.enumerated() where !entry.bytes.isEmpty && entry.bytes[0] < 128 {
            byFirstByte[Int(entry.bytes[0])].append(number)
        }
    }

    /// The entries the words of `text` hold (whole words equal to it, stems it starts with),
    /// and where.
    func present(in text: String) -> Presence {
        var found = Presence(entries: Bits(count: entries.count))
        var word: [UInt8] = []
        word.reserveCapacity(32)
        // Where the word started and where the text is, in UTF-16 units.
        var start = 0, position = 0
        func close() {
            defer { word.removeAll(keepingCapacity: true) }
            guard let first = word.first, first < 128 else { return }
            for number in byFirstByte[Int(first)] {
                let entry = entries[number]
                if entry.isWord ? word == entry.bytes : word.starts(with: entry.bytes) {
                    found.entries.insert(number)
                    found.words.append((number, NSRange(location: start, length: position - start)))
                }
            }
        }
        for scalar in text.unicodeScalars {
            if let letter = scalar.asciiLetterLowercased {
                if word.isEmpty { start = position }
                word.append(letter)
            } else if scalar.value >= 0x80 && scalar.isAlphabetic {
                // Beyond ASCII: part of the word, but no entry holds it.
                if word.isEmpty { start = position }
                word.append(0x80)
            } else {
                close()
            }
            position += scalar.utf16.count
        }
        close()
        return found
    }

    /// Where the places of rule `rule` (`places`) stand in a text holding `present`.
    func places(of rule: Int, in present: Presence) -> [NSRange] {
        guard let places = places[rule] else { preconditionFailure("rule \(rule) looks around words but its needs name none that every match holds") }
        return present.words.compactMap { places.contains($0.entry) ? $0.range : nil }
    }

    /// Whether rule `rule` may match a text holding `present` and `digits`.
    func met(_ rule: Int, present: Presence, digits: DigitShapes) -> Bool {
        func passes(_ test: Test) -> Bool {
            switch test {
            case .digit: digits.longestRun > 0
            case .year: digits.longestRun >= 4
            case .shape(let shape): digits.shapes.contains(shape)
            case .words(let mask): present.entries.intersects(mask)
            case .all(let tests): tests.allSatisfy(passes)
            case .any(let tests): tests.contains(where: passes)
            }
        }
        return passes(tests[rule])
    }
}
