import CTextKernels
import FolioBytes

extension String {
    /// The string of these code points.
    public init(scalars: some Sequence<Unicode.Scalar>) {
        self.init(scalars: Array(scalars))
    }

    /// The string of these code points, encoded straight into the string's own storage: its
    /// length counted first, so a word (fifteen bytes or fewer) allocates nothing at all.
    /// (Appending scalar by scalar to a string's scalar view was the cost of cutting a paper
    /// into sentences and words.)
    public init(scalars: some Collection<Unicode.Scalar>) {
        self = scalars.withContiguousStorageIfAvailable { String(encoding: $0) } ?? String(scalars: Array(scalars))
    }

    /// Arrays and their slices, the usual case, are encoded without the generic collection:
    /// unspecialized across modules, walking it cost ten times the encoding.
    public init(scalars: [Unicode.Scalar]) {
        self = scalars.withUnsafeBufferPointer { String(encoding: $0) }
    }

    public init(scalars: ArraySlice<Unicode.Scalar>) {
        self = scalars.withUnsafeBufferPointer { String(encoding: $0) }
    }

    private init(encoding scalars: UnsafeBufferPointer<Unicode.Scalar>) {
        var length = 0
        for scalar in scalars { length += scalar.utf8Length }
        self.init(unsafeUninitializedCapacity: length) { buffer in
            let bytes = buffer.baseAddress!
            var index = 0
            for scalar in scalars { index += UTF8Writing.write(scalar.value, at: bytes + index) }
            return index
        }
    }
}

/// Code points written as UTF-8 through a pointer, where strings are built a byte at a time.
enum UTF8Writing {
    /// Writes the code point `value` at `bytes`; how many bytes it took.
    static func write(_ value: UInt32, at bytes: UnsafeMutablePointer<UInt8>) -> Int {
        if value < 0x80 {
            bytes[0] = UInt8(truncatingIfNeeded: value)
            return 1
        }
        if value < 0x800 {
            bytes[0] = UInt8(truncatingIfNeeded: 0xC0 | value >> 6)
            bytes[1] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            return 2
        }
        if value < 0x1_0000 {
            bytes[0] = UInt8(truncatingIfNeeded: 0xE0 | value >> 12)
            bytes[1] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
            bytes[2] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            return 3
        }
        bytes[0] = UInt8(truncatingIfNeeded: 0xF0 | value >> 18)
        bytes[1] = UInt8(truncatingIfNeeded: 0x80 | value >> 12 & 0x3F)
        bytes[2] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
        bytes[3] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
        return 4
    }
}

extension String {
    /// The string of these UTF-16 units (ill-formed ones repaired, as `String(decoding:as:)`
    /// does), written straight into the string's storage: ASCII, the usual case, byte for byte;
    /// beyond it, a unit in at most three bytes and a pair in four. The standard library
    /// transcodes UTF-16 through its generic path, some four hundred instructions a unit.
    init(utf16 units: ArraySlice<UInt16>) {
        guard units.allSatisfy({ $0 < 0x80 }) else {
            self.init(unsafeUninitializedCapacity: units.count * 3) { buffer in
                let bytes = buffer.baseAddress!
                var written = 0, index = units.startIndex
                while index < units.endIndex {
                    let unit = units[index]
                    index += 1
                    var value = UInt32(unit)
                    if UTF16.isLeadSurrogate(unit), index < units.endIndex, UTF16.isTrailSurrogate(units[index]) {
                        value = 0x1_0000 + (UInt32(unit - 0xD800) << 10 | UInt32(units[index] - 0xDC00))
                        index += 1
                    } else if UTF16.isLeadSurrogate(unit) || UTF16.isTrailSurrogate(unit) {
                        value = 0xFFFD
                    }
                    written += UTF8Writing.write(value, at: bytes + written)
                }
                return written
            }
            return
        }
        self.init(ascii: units, setting: 0)
    }

    /// The word of these ASCII UTF-16 units with each unit's `0x20` bit set: its letters in lower
    /// case, as word lists are looked up, made without an array of the units between.
    init(lowercasingASCII units: ArraySlice<UInt16>) {
        assert(units.allSatisfy { $0 < 0x80 }, "a word beyond ASCII")
        self.init(ascii: units, setting: 0x20)
    }

    /// ASCII units copied byte for byte, `bits` set in each.
    private init(ascii units: ArraySlice<UInt16>, setting bits: UInt8) {
        self.init(unsafeUninitializedCapacity: units.count) { buffer in
            for (offset, unit) in units.enumerated() { buffer[offset] = UInt8(truncatingIfNeeded: unit) | bits }
            return units.count
        }
    }

    /// The string's UTF-16 units, transcoded from its UTF-8 bytes in one pass: the standard
    /// library copies the UTF-16 view through its generic path, a dozen instructions a unit,
    /// and regular expressions need a sentence in UTF-16 before anything else.
    var utf16Units: [UInt16] {
        withUTF8Bytes { bytes in
            // Of ASCII (most references, and most strings a pattern is asked of), each byte is a
            // unit: widened in a loop the compiler vectorizes, not decoded and appended one by one.
            if bytes.reduce(0, |) < 0x80 {
                return [UInt16](unsafeUninitializedCapacity: bytes.count) { units, initialized in
                    for index in bytes.indices { units[index] = UInt16(truncatingIfNeeded: bytes[index]) }
                    initialized = bytes.count
                }
            }
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count)
            UTF8Reading.forEachScalar(in: bytes) { value in
                if value < 0x1_0000 {
                    units.append(UInt16(truncatingIfNeeded: value))
                } else {
                    units.append(UTF16.CodeUnit(0xD800 + ((value - 0x1_0000) >> 10)))
                    units.append(UTF16.CodeUnit(0xDC00 + ((value - 0x1_0000) & 0x3FF)))
                }
            }
            return units
        }
    }

    /// The string's code points, decoded from its UTF-8 bytes in one pass: `Array(unicodeScalars)`
    /// counts them first and then copies them through the view, a reference three times over.
    package var scalarArray: [Unicode.Scalar] {
        withUTF8Bytes { bytes in
            var scalars: [Unicode.Scalar] = []
            scalars.reserveCapacity(bytes.count)
            UTF8Reading.forEachScalar(in: bytes) { scalars.append(Unicode.Scalar($0)!) }
            return scalars
        }
    }
}

/// Reading the UTF-8 a string holds, which is well-formed: a String holds nothing else.
enum UTF8Reading {
    /// Hands `body` each code point's value, in order.
    @inline(__always)
    static func forEachScalar(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt32) -> Void) {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                body(UInt32(lead))
                index += 1
            } else if lead < 0xE0 {
                body(UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F))
                index += 2
            } else if lead < 0xF0 {
                body(UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F))
                index += 3
            } else {
                body(UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                     | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F))
                index += 4
            }
        }
    }
}

extension ArraySlice<Unicode.Scalar> {
    /// The code points' UTF-16 units, written straight from them: a sentence given to regular
    /// expressions as code points needs no string made first (`String.utf16Units`).
    var utf16Units: [UInt16] {
        // At most two units a code point, written through a pointer into temporary memory, then
        // copied: an array made with room it need not fill (`unsafeUninitializedCapacity`) is
        // allocated by code never specialized (see `Array(filledWith:count:)`), once a sentence.
        // Eight code points of one unit each at a time (`folio_narrow_to_utf16`), a pair of
        // surrogates one at a time.
        withUnsafeTemporaryAllocation(of: UInt16.self, capacity: count * 2) { units in
            withUnsafeBufferPointer { scalars in
                guard let values = scalars.codePointValues else { return [] }
                var read = 0, written = 0
                while read < scalars.count {
                    let narrowed = folio_narrow_to_utf16(values + read, scalars.count - read, units.baseAddress! + written)
                    read += narrowed
                    written += narrowed
                    guard read < scalars.count else { break }
                    units[written] = UTF16.leadSurrogate(scalars[read])
                    units[written + 1] = UTF16.trailSurrogate(scalars[read])
                    read += 1
                    written += 2
                }
                return Array(UnsafeBufferPointer(rebasing: units[..<written]))
            }
        }
    }
}

extension Unicode.Scalar {
    /// How many bytes the scalar takes in UTF-8.
    var utf8Length: Int { value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x1_0000 ? 3 : 4 }

    /// A line feed or a form feed (a page break): where a line of extracted text ends.
    /// Most code points are above the form feed, the higher of the two: one test passes them.
    var isLineBreak: Bool { value <= 0x0C && (value == 0x0A || value == 0x0C) }

    /// `properties.isAlphabetic`, with ASCII and Latin letters answered without Unicode's
    /// property tables: looking there was the largest single cost of scanning a paper's words.
    var isAlphabetic: Bool {
        value < 0x80 ? asciiLetterLowercased != nil : LatinLetters.isAlphabetic(self)
    }

    /// A code point known to be no letter, in either case, and to have no numeric type: one of
    /// Unicode's General Punctuation block (U+2000–U+206F: spaces, dashes, quotation marks,
    /// ellipses) or the object replacement character (U+FFFC), which stands for each citation
    /// in the sentences the dates tagger reads. Most of the code points beyond ASCII that
    /// Folio asks about are, and Unicode's tables need not be asked.
    var isKnownNonAlphanumeric: Bool { value &- 0x2000 < 0x70 || value == 0xFFFC }

    /// `properties.isWhitespace`, with ASCII answered without Unicode's property tables.
    var isWhitespace: Bool {
        value < 0x80 ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace
    }

    /// `properties.numericType != nil`, with ASCII answered without Unicode's property tables:
    /// there only the ten digits have a numeric type.
    var hasNumericType: Bool {
        value < 0x80 ? (0x30...0x39).contains(value) : !isKnownNonAlphanumeric && properties.numericType != nil
    }

    /// `properties.numericType == .decimal` (what `\d` matches), with ASCII and punctuation
    /// answered without Unicode's property tables.
    var isDecimalDigit: Bool {
        value < 0x80 ? (0x30...0x39).contains(value) : !isKnownNonAlphanumeric && properties.numericType == .decimal
    }

    /// `properties.isUppercase`, with ASCII answered without Unicode's property tables.
    var isUppercase: Bool {
        value < 0x80 ? (0x41...0x5A).contains(value) : !isKnownNonAlphanumeric && properties.isUppercase
    }

    /// An ASCII letter as its lower-case byte; nil for anything else.
    var asciiLetterLowercased: UInt8? {
        guard value < 0x80 else { return nil }
        let folded = UInt8(value) | 0x20
        return (0x61...0x7A).contains(folded) ? folded : nil
    }
}

extension UTF16 {
    /// An ASCII letter, of either case.
    static func isASCIILetter(_ unit: UInt16) -> Bool { (unit | 0x20) &- 0x61 < 26 }

    /// An ASCII digit, `0` to `9`.
    static func isASCIIDigit(_ unit: UInt16) -> Bool { unit &- 0x30 < 10 }

    /// Whether `\s` in a pattern matches this unit (white space and separators).
    static func isPatternSpace(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}

extension UnsafeBufferPointer<Unicode.Scalar> {
    /// The code points' 32-bit values, as the C kernels (`CTextKernels`) read them:
    /// `Unicode.Scalar` has that layout. Nil for an empty buffer.
    var codePointValues: UnsafePointer<UInt32>? {
        baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: UInt32.self) }
    }

    /// Where, from `start`, the first code point at or below the form feed (so possibly a line
    /// break) stands, or `end`. Lines are dozens of code points long: they are passed over
    /// sixteen at a time (`folio_first_at_most`).
    func firstAtOrBelowFormFeed(from start: Int, to end: Int) -> Int {
        guard start < end, let values = codePointValues else { return start }
        return start + folio_first_at_most(values + start, end - start, 0x0C)
    }
}

extension UnsafeMutableBufferPointer<Unicode.Scalar> {
    /// The code points' 32-bit values, for the C kernels to write (see the read-only one).
    var codePointValues: UnsafeMutablePointer<UInt32>? {
        baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: UInt32.self) }
    }
}
