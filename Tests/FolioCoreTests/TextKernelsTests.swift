import CTextKernels
@testable import FolioCore
import Testing

@Suite struct TextKernelsTests {
    /// What `folio_copy_plain_ascii` copies, one code point at a time.
    private func plainPrefix(_ values: [UInt32], from start: Int) -> Int {
        func isPrintable(_ value: UInt32) -> Bool { value > 0x20 && value < 0x80 }
        var index = start
        while index + 1 < values.count,
              isPrintable(values[index]) || values[index] == 0x20 && isPrintable(values[index - 1]) && isPrintable(values[index + 1]) {
            index += 1
        }
        return index - start
    }

    /// Property: sixteen at a time, it copies the same code points as one at a time, from every
    /// place in a block, and stops before the last code point it is given.
    @Test func copiesWhatOneAtATimeCopies() {
        var generator = SystemRandomNumberGenerator()
        let values: [UInt32] = [0x61, 0x7A, 0x21, 0x7F, 0x7E, 0x20, 0x20, 0x0A, 0x09, 0x1F, 0x80, 0xE9, 0x10FFFF, 0x41, 0x161, 0x120]
        for round in 0..<20_000 {
            // Mostly letters, so that runs reach past a block of sixteen; or, every other text,
            // short words between single spaces, which the blocks' edges cut.
            let text = (0..<Int.random(in: 2...80, using: &generator)).map { _ -> UInt32 in
                let pick = Int.random(in: 0..<12, using: &generator)
                return pick < 2 ? values.randomElement(using: &generator)! : round % 2 == 1 && pick < 6 ? 0x20 : 0x61
            }
            let start = Int.random(in: 1..<text.count, using: &generator)
            var bytes = [UInt8](repeating: 0, count: text.count + 8)
            let copied = text.withUnsafeBufferPointer { text in
                bytes.withUnsafeMutableBufferPointer { folio_copy_plain_ascii(text.baseAddress! + start, text.count - start, $0.baseAddress!) }
            }
            #expect(copied == plainPrefix(text, from: start), "\(text) from \(start)")
            #expect(bytes[..<copied].map(UInt32.init) == Array(text[start..<(start + copied)]), "\(text) from \(start)")
        }
    }

    @Test func keepsOnlySingleSpacesBetweenPrintables() {
        func copied(_ text: String, from start: Int = 1) -> Int {
            let values = text.unicodeScalars.map(\.value)
            var bytes = [UInt8](repeating: 0, count: values.count + 8)
            return values.withUnsafeBufferPointer { folio_copy_plain_ascii($0.baseAddress! + start, values.count - start, &bytes) }
        }
        #expect(copied("xword after word and more") == 23, "all but the last")
        #expect(copied("xword  after word and more") == 4, "not a second space")
        #expect(copied("xword after\nword and more") == 10, "not a line break")
        #expect(copied("xword after é and more") == 10, "not a letter beyond ASCII, nor the space before it")
        #expect(copied(" word after", from: 1) == 9, "a run after a space")
        #expect(copied("xa  b") == 1, "not a space before a space")
    }

    /// Property: sixteen at a time, it finds the first mark (or code point beyond ASCII) that one
    /// at a time finds, for one to eight marks, from every place in a block, and `count` when
    /// there is none; a code point past 0xFF is none of the marks its low byte is.
    @Test func findsTheFirstMark() {
        var generator = SystemRandomNumberGenerator()
        let values: [UInt32] = [0x28, 0x29, 0x2E, 0x21, 0x22, 0x5B, 0x7F, 0x80, 0xE9, 0x201C, 0x10FFFF, 0x0A, 0x20, 0x128, 0x12E, 0xFF]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...80, using: &generator)).map { _ in
                Int.random(in: 0..<10, using: &generator) == 0 ? values.randomElement(using: &generator)! : 0x61
            }
            let marks = (0..<Int.random(in: 1...8, using: &generator)).map { _ in values.filter { $0 < 0x80 }.randomElement(using: &generator)! }
            let beyondASCII = Bool.random(using: &generator)
            let start = Int.random(in: 0...text.count, using: &generator)
            let expected = text[start...].firstIndex { beyondASCII && $0 >= 0x80 || marks.contains($0) }.map { $0 - start } ?? text.count - start
            let found = text.withUnsafeBufferPointer { text in
                folio_first_mark(text.baseAddress! + start, text.count - start, marks, marks.count, beyondASCII ? 1 : 0)
            }
            #expect(found == expected, "\(text) from \(start), marks \(marks), beyond ASCII: \(beyondASCII)")
        }
    }

    @Test func scansStopAtTheirMarks() {
        let working = WorkingText(source: SourceText(name: "t", format: .plainText, text: "Plain words here, and then (a bracket) and “a quote”."))
        let bracket = working.scalars.firstIndex(of: "(")!
        #expect(working.firstPosition(from: 0, to: working.count, of: ScanMarks("(")) == bracket)
        #expect(working.firstPosition(from: bracket + 1, to: working.count, of: ScanMarks("(")) == working.count, "none after it")
        #expect(working.firstPosition(from: 0, to: bracket, of: ScanMarks("(")) == bracket, "none before the end given")
        #expect(working.firstPosition(from: 0, to: working.count, of: ScanMarks("\"", beyondASCII: true)) == working.scalars.firstIndex(of: "“")!)
        #expect(working.firstPosition(from: 5, to: 5, of: ScanMarks("(")) == 5, "an empty range")
    }

    /// Property: eight at a time, it narrows what one at a time narrows (each code point below
    /// 0x10000, up to the first that is not), and the units are the code points'.
    @Test func narrowsToUTF16() {
        var generator = SystemRandomNumberGenerator()
        let values: [UInt32] = [0x61, 0x00, 0x7FFF, 0x8000, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x1F642, 0x10FFFF, 0x201C]
        for _ in 0..<20_000 {
            let scalars = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                Int.random(in: 0..<8, using: &generator) == 0 ? values.randomElement(using: &generator)! : UInt32.random(in: 0x20...0xFFFF, using: &generator)
            }
            let expected = scalars.firstIndex { $0 >= 0x10000 } ?? scalars.count
            var units = [UInt16](repeating: 0, count: scalars.count)
            let narrowed = scalars.withUnsafeBufferPointer { scalars in
                units.withUnsafeMutableBufferPointer { folio_narrow_to_utf16(scalars.baseAddress, scalars.count, $0.baseAddress) }
            }
            #expect(narrowed == expected, "\(scalars)")
            #expect(units[..<narrowed].map(UInt32.init) == Array(scalars[..<expected]), "\(scalars)")
        }
        let sentence: ArraySlice<Unicode.Scalar> = ArraySlice("A “quoted” 🙂 text of more than eight code points, 🙂🙂 and more".unicodeScalars)
        #expect(sentence.utf16Units == Array(String(String.UnicodeScalarView(sentence)).utf16))
    }

    /// Property: a string's units are its UTF-16 view's, of ASCII (each byte widened) or not
    /// (decoded), whatever its length and wherever a code point beyond ASCII stands.
    @Test func aStringsUnitsAreItsUTF16() {
        var generator = SystemRandomNumberGenerator()
        let others: [Character] = ["é", "“", "🙂", "\u{7F}", "\u{80}", "ß"]
        for _ in 0..<5_000 {
            var string = String((0..<Int.random(in: 0...70, using: &generator)).map { _ in Character(Unicode.Scalar(UInt8.random(in: 0...0x7F, using: &generator))) })
            if Bool.random(using: &generator), !string.isEmpty {
                string.insert(others.randomElement(using: &generator)!, at: string.index(string.startIndex, offsetBy: Int.random(in: 0..<string.count, using: &generator)))
            }
            #expect(string.utf16Units == Array(string.utf16), "\(string.debugDescription)")
        }
    }

    /// Property: eight at a time, it finds the first ASCII digit or unit beyond ASCII that one
    /// at a time finds, from every place in a block.
    @Test func findsTheFirstDigitOrUnitBeyondASCII() {
        var generator = SystemRandomNumberGenerator()
        let values: [UInt16] = [0x2F, 0x30, 0x39, 0x3A, 0x7F, 0x80, 0xFF, 0x2013, 0xD83D, 0xFFFF, 0x00]
        for _ in 0..<20_000 {
            let units = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                Int.random(in: 0..<8, using: &generator) == 0 ? values.randomElement(using: &generator)! : UInt16.random(in: 0x00...0x7F, using: &generator) | 0x40
            }
            let start = Int.random(in: 0...units.count, using: &generator)
            let expected = units[start...].firstIndex { $0 >= 0x80 || (0x30...0x39).contains($0) }.map { $0 - start } ?? units.count - start
            let found = units.withUnsafeBufferPointer { folio_first_digit_or_beyond_ascii($0.baseAddress! + start, $0.count - start) }
            #expect(found == expected, "\(units) from \(start)")
        }
    }

    /// Property: sixteen at a time, it finds the first code point at most the bound that one at a
    /// time finds, from every place in a block.
    @Test func findsTheFirstAtMost() {
        var generator = SystemRandomNumberGenerator()
        let values: [UInt32] = [0x00, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x2028, 0x10FFFF, 0x10A, 0x20C]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...80, using: &generator)).map { _ in
                Int.random(in: 0..<10, using: &generator) == 0 ? values.randomElement(using: &generator)! : 0x61
            }
            let highest: UInt32 = [0x0A, 0x0C, 0x20].randomElement(using: &generator)!
            let start = Int.random(in: 0...text.count, using: &generator)
            let expected = text[start...].firstIndex { $0 <= highest }.map { $0 - start } ?? text.count - start
            let found = text.withUnsafeBufferPointer { folio_first_at_most($0.baseAddress! + start, $0.count - start, highest) }
            #expect(found == expected, "\(text) from \(start), at most \(highest)")
        }
    }

    /// Property: sixteen at a time (a short string padded, the end of a long one read again),
    /// it finds the first byte a JSON string escapes, and XML text or an attribute value, that
    /// one at a time finds.
    @Test func findsTheFirstByteEachFormatEscapes() {
        var generator = SystemRandomNumberGenerator()
        let special: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x22, 0x26, 0x3C, 0x3E, 0x5B, 0x5C, 0x5D, 0x7E, 0x7F, 0x80, 0xC3, 0xFF]
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0...50, using: &generator)).map { _ in
                Int.random(in: 0..<12, using: &generator) == 0 ? special.randomElement(using: &generator)! : UInt8.random(in: 0x61...0x7A, using: &generator)
            }
            let json = bytes.firstIndex { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F } ?? bytes.count
            #expect(bytes.withUnsafeBufferPointer { folio_first_json_escape($0.baseAddress, $0.count) } == json, "\(bytes)")
            for inAttribute in [false, true] {
                let xml = bytes.firstIndex { [0x0D, 0x26, 0x3C, 0x3E].contains($0) || inAttribute && [0x22, 0x0A, 0x09].contains($0) } ?? bytes.count
                #expect(bytes.withUnsafeBufferPointer { folio_first_xml_escape($0.baseAddress, $0.count, inAttribute ? 1 : 0) } == xml,
                        "\(bytes), in an attribute: \(inAttribute)")
            }
        }
    }

    /// Property: sixteen at a time, it widens the ASCII bytes before the first NUL or byte beyond
    /// ASCII that one at a time widens, to the code points they are.
    @Test func widensASCII() {
        var generator = SystemRandomNumberGenerator()
        let special: [UInt8] = [0x00, 0x01, 0x7F, 0x80, 0xC3, 0xA9, 0xFF]
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0...50, using: &generator)).map { _ in
                Int.random(in: 0..<16, using: &generator) == 0 ? special.randomElement(using: &generator)! : UInt8.random(in: 0x01...0x7F, using: &generator)
            }
            let expected = bytes.firstIndex { $0 == 0 || $0 >= 0x80 } ?? bytes.count
            var scalars = [UInt32](repeating: 0xFFFF_FFFF, count: bytes.count)
            let widened = bytes.withUnsafeBufferPointer { bytes in
                scalars.withUnsafeMutableBufferPointer { folio_widen_ascii(bytes.baseAddress, bytes.count, $0.baseAddress) }
            }
            #expect(widened == expected, "\(bytes)")
            #expect(scalars[..<widened] == bytes[..<expected].map(UInt32.init)[...], "\(bytes)")
        }
    }

    /// Property: sixteen at a time, it passes over what one at a time passes over: printable ASCII
    /// and, when asked, a space before it, from every place in a block.
    @Test func skipsPlainASCII() {
        var generator = SystemRandomNumberGenerator()
        let special: [UInt32] = [0x20, 0x20, 0x21, 0x7E, 0x7F, 0x0A, 0x09, 0xA0, 0xE9, 0x10FFFF, 0x161, 0x120]
        func isPrintable(_ value: UInt32) -> Bool { value > 0x20 && value < 0x7F }
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...80, using: &generator)).map { _ in
                Int.random(in: 0..<6, using: &generator) == 0 ? special.randomElement(using: &generator)! : 0x61
            }
            let passing = Bool.random(using: &generator)
            let start = Int.random(in: 0...text.count, using: &generator)
            var expected = start
            while expected < text.count,
                  isPrintable(text[expected]) || passing && text[expected] == 0x20 && expected + 1 < text.count && isPrintable(text[expected + 1]) {
                expected += 1
            }
            let skipped = text.withUnsafeBufferPointer { folio_skip_plain_ascii($0.baseAddress! + start, $0.count - start, passing ? 1 : 0) }
            #expect(skipped == expected - start, "\(text) from \(start), passing spaces: \(passing)")
        }
    }

    /// Property: eight at a time, it counts the ASCII letters that one at a time counts, from
    /// every place in a block, as UTF-16 units.
    @Test func countsASCIILetters() {
        var generator = SystemRandomNumberGenerator()
        let special: [UInt16] = [0x40, 0x41, 0x5A, 0x5B, 0x60, 0x7A, 0x7B, 0x20, 0xC1, 0xE1, 0xFA, 0x2D, 0x161]
        func isLetter(_ unit: UInt16) -> Bool { (0x41...0x5A).contains(unit) || (0x61...0x7A).contains(unit) }
        for _ in 0..<20_000 {
            let units = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                Int.random(in: 0..<8, using: &generator) == 0 ? special.randomElement(using: &generator)! : UInt16.random(in: 0x61...0x7A, using: &generator)
            }
            let start = Int.random(in: 0...units.count, using: &generator)
            let expected = (units[start...].firstIndex { !isLetter($0) } ?? units.count) - start
            #expect(units.withUnsafeBufferPointer { folio_ascii_letters16($0.baseAddress! + start, $0.count - start) } == expected, "\(units) from \(start)")
        }
    }

    /// The runs of code points that may be letters (ASCII letters, any beyond ASCII), found one
    /// at a time, each with whether it holds one beyond ASCII.
    private static func runsOneAtATime(_ text: [UInt32]) -> [(run: Range<Int>, beyond: Bool)] {
        func mayBeLetter(_ value: UInt32) -> Bool { (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || value >= 0x80 }
        var runs: [(run: Range<Int>, beyond: Bool)] = []
        var index = 0
        while index < text.count {
            guard mayBeLetter(text[index]) else { index += 1; continue }
            let start = index
            while index < text.count && mayBeLetter(text[index]) { index += 1 }
            runs.append((start..<index, text[start..<index].contains { $0 >= 0x80 }))
        }
        return runs
    }

    /// What a kernel of runs gives over all of `text`: called with room for `capacity` runs of
    /// `width` words, then again from where it says the rest starts, until the end.
    private static func calledUntilDone(_ kernel: (UnsafePointer<UInt32>?, Int, Int, UnsafeMutablePointer<UInt32>, Int, UnsafeMutablePointer<Int>) -> Int,
                                        width: Int, capacity: Int, over text: [UInt32]) -> [UInt32] {
        var found: [UInt32] = []
        var from = 0, calls = 0
        repeat {
            var given = [UInt32](repeating: 0, count: width * capacity)
            var next = 0
            let count = text.withUnsafeBufferPointer { text in
                given.withUnsafeMutableBufferPointer { kernel(text.baseAddress, text.count, from, $0.baseAddress!, capacity, &next) }
            }
            #expect(count <= capacity)
            found += given.prefix(width * count)
            from = next
            calls += 1
        } while from < text.count && calls <= text.count
        return found
    }

    /// Property: the runs of code points that may be letters, 64 at a time from bits, are those
    /// one at a time finds, flagged when they hold a code point beyond ASCII, whatever the
    /// room for runs given (a call for the rest starting where the last stopped), over texts
    /// whose runs cross from one block of 64 into the next.
    @Test func givesTheRunsOfWords() {
        var generator = SystemRandomNumberGenerator()
        let others: [UInt32] = [0x20, 0x2D, 0x40, 0x5B, 0x60, 0x7B, 0x31, 0x0A, 0x7F, 0x80, 0xE9, 0x2019, 0x10FFFF]
        for round in 0..<5_000 {
            let otherEvery = round % 4 == 0 ? 60 : 4
            let text: [UInt32] = (0..<Int.random(in: 0...300, using: &generator)).map { _ in
                Int.random(in: 0..<otherEvery, using: &generator) == 0 ? others.randomElement(using: &generator)! : UInt32.random(in: 0x41...0x7A, using: &generator)
            }
            let expected = Self.runsOneAtATime(text).flatMap { run, beyond in [UInt32(run.lowerBound), UInt32(run.upperBound) | (beyond ? 0x8000_0000 : 0)] }
            let capacity = [1, 2, 3, 7, 1000][round % 5]
            #expect(Self.calledUntilDone(folio_word_runs, width: 2, capacity: capacity, over: text) == expected, "\(text), room for \(capacity)")
        }
    }

    /// Property: the runs told of are the runs of words, each with the shape and flags
    /// hyphenation would find one code point at a time, whatever the room given and the length
    /// from which a run is long, over texts of words in capitals and in lower case, hyphens,
    /// line breaks (LF and FF), spaces, digits and code points beyond ASCII.
    @Test func tellsOfEachRunAsHyphenationWould() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt32]] = [[0x2D], [0x0A], [0x0C], [0x0D], [0x20], [0x20, 0x20], [0x31], [0xE9], [0x2019], Array("ab".unicodeScalars.map(\.value)),
                                  Array("Word".unicodeScalars.map(\.value)), Array("NATIONS".unicodeScalars.map(\.value)), Array("nations".unicodeScalars.map(\.value)),
                                  Array("NATIONs".unicodeScalars.map(\.value)), Array(repeating: 0x61, count: 63), Array(repeating: 0x41, count: 64)]
        func isBreak(_ value: UInt32) -> Bool { value == 0x0A || value == 0x0C }
        for round in 0..<3_000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
            let long = Int.random(in: 1...8, using: &generator)
            var expected: [UInt32] = []
            for (run, beyond) in Self.runsOneAtATime(text) {
                let (start, index, length) = (run.lowerBound, run.upperBound, run.count)
                var flags = beyond ? FOLIO_RUN_BEYOND_ASCII : 0
                var shape = FOLIO_RUN_NO_SHAPE
                if !beyond {
                    if length <= 63 { shape = UInt32((length * 26 + Int((text[start] | 0x20) - 0x61)) * 26 + Int((text[index - 1] | 0x20) - 0x61)) }
                    if length >= long { flags |= FOLIO_RUN_LONG }
                    if length >= long && !text[start..<index].contains(where: { (0x61...0x7A).contains($0) }) { flags |= FOLIO_RUN_CAPITALS }
                }
                if index < text.count && text[index] == 0x2D {
                    flags |= FOLIO_RUN_HYPHEN_AFTER
                    if index + 1 < text.count && isBreak(text[index + 1]) { flags |= FOLIO_RUN_BROKEN_AFTER }
                }
                var before = start - 1
                while before > 0 && text[before] == 0x20 { before -= 1 }
                if before >= 1 && isBreak(text[before]) && text[before - 1] == 0x2D { flags |= FOLIO_RUN_BROKEN_BEFORE }
                expected += [UInt32(start), UInt32(index), shape, UInt32(flags)]
            }
            let capacity = [1, 3, 1000][round % 3]
            #expect(Self.calledUntilDone({ folio_classified_word_runs($0, $1, $2, long, $3, $4, $5) }, width: 4, capacity: capacity, over: text) == expected,
                    "\(text), room for \(capacity), long from \(long)")
        }
    }

    /// Property: the runs of letters given are those one at a time finds that touch a unit
    /// beyond ASCII (flagged in the start's top bit) or whose key is marked, with random marks, over random texts of letters,
    /// marks, spaces and units beyond ASCII, runs longer than eight among them.
    @Test func givesTheRunsOfLettersAsked() {
        var generator = SystemRandomNumberGenerator()
        let others: [UInt16] = [0x20, 0x2D, 0x40, 0x5B, 0x60, 0x7B, 0x31, 0xE9, 0x2019, 0xD835, 0xDC00]
        func isLetter(_ unit: UInt16) -> Bool { (0x41...0x5A).contains(unit) || (0x61...0x7A).contains(unit) }
        func place(_ unit: UInt16) -> Int { Int((unit | 0x20) - 0x61) }
        var keys = [UInt8](repeating: 0, count: (Int(FOLIO_LETTER_RUN_KEYS) + 7) / 8)
        for round in 0..<5_000 {
            // A quarter of the keys marked, marked anew every hundred texts.
            if round % 100 == 0 {
                for index in keys.indices { keys[index] = UInt8.random(in: 0...255, using: &generator) & UInt8.random(in: 0...255, using: &generator) }
            }
            // Up to three blocks of 64 units, which the kernel reads at a time; one text in four
            // with few other units, so that runs cross from one block into the next.
            let otherEvery = round % 4 == 0 ? 40 : 5
            let units: [UInt16] = (0..<Int.random(in: 1...200, using: &generator)).map { _ in
                Int.random(in: 0..<otherEvery, using: &generator) == 0 ? others.randomElement(using: &generator)! : UInt16.random(in: 0x61...0x66, using: &generator) & ~(Bool.random(using: &generator) ? 0x20 : 0)
            }
            var expected: [UInt32] = []
            for range in runs(of: units, where: isLetter) {
                let (start, run) = (range.lowerBound, units[range])
                let key = ((place(run[start]) * 27 + (run.count > 1 ? place(run[start + 1]) + 1 : 0)) * 27 + (run.count > 2 ? place(run[start + 2]) + 1 : 0)) * 2
                    + (run.count > 3 ? 1 : 0)
                let touches = (start > 0 && units[start - 1] >= 0x80) || (range.upperBound < units.count && units[range.upperBound] >= 0x80)
                if touches || keys[key / 8] >> (key % 8) & 1 == 1 { expected += [UInt32(start) | (touches ? 0x8000_0000 : 0), UInt32(range.upperBound)] }
            }
            var given = [UInt32](repeating: 0, count: units.count + 1)
            let count = units.withUnsafeBufferPointer { units in
                keys.withUnsafeBufferPointer { keys in given.withUnsafeMutableBufferPointer { folio_letter_runs16(units.baseAddress!, units.count, keys.baseAddress!, $0.baseAddress!) } }
            }
            #expect(Array(given.prefix(2 * count)) == expected, "\(units)")
        }
    }
}
