import CTextKernels

/// The digits of a text and the shapes they make with the marks around them, found in one
/// pass: rules whose dates are all digits (`2022-02-24`, `24.02.2022`, `1992–95`, `1990s`) run
/// their patterns only where a text holds the shape, which few sentences do.
struct DigitShapes {
    struct Shape: OptionSet, Sendable {
        let rawValue: UInt8
        /// `\d{4}-\d{2}-\d{2}`
        static let isoDate = Shape(rawValue: 1)
        /// `\d[./]\d{1,2}[./]\d`
        static let numericDate = Shape(rawValue: 2)
        /// `\d{4}\s?[–—-]\s?\d{2}`
        static let yearSpan = Shape(rawValue: 4)
        /// `\d{3}0[’']?s`
        static let decade = Shape(rawValue: 8)
        static let all: Shape = [.isoDate, .numericDate, .yearSpan, .decade]
    }

    /// The longest run of ASCII digits, up to four (years need four).
    private(set) var longestRun = 0
    private(set) var shapes: Shape = []

    init(_ text: String) { self.init(units: text.utf16Units) }

    init(units: [UInt16]) {
        func at(_ index: Int, _ test: (UInt16) -> Bool) -> Bool { index < units.count && test(units[index]) }
        let isDigit = { (unit: UInt16) in (0x30...0x39).contains(unit) }
        let isSeparator = { (unit: UInt16) in unit == 0x2E || unit == 0x2F }
        let isHyphen = { (unit: UInt16) in unit == 0x2D }
        let isDash = { (unit: UInt16) in unit == 0x2D || unit == 0x2013 || unit == 0x2014 }
        var run = 0
        var index = 0
        while index < units.count {
            // Most units are neither digits nor beyond ASCII: passed over eight at a time, each
            // ending a run of digits.
            let next = index + units.withUnsafeBufferPointer { folio_first_digit_or_beyond_ascii($0.baseAddress! + index, $0.count - index) }
            if next > index { run = 0 }
            index = next
            guard index < units.count else { break }
            let unit = units[index]
            defer { index += 1 }
            // A digit beyond ASCII is a `\d` to the patterns: every shape may be there.
            if unit >= 0x80 && shapes != .all {
                if UTF16.isSurrogate(unit) || Unicode.Scalar(unit)?.isDecimalDigit == true { shapes = .all }
            }
            guard isDigit(unit) else { run = 0; continue }
            run += 1
            longestRun = max(longestRun, min(run, 4))
            // `\d[./]\d{1,2}[./]\d`
            if at(index + 1, isSeparator) && at(index + 2, isDigit) {
                let after = at(index + 3, isDigit) ? index + 4 : index + 3
                if at(after, isSeparator) && at(after + 1, isDigit) { shapes.insert(.numericDate) }
            }
            guard run >= 4 else { continue }
            let end = index + 1
            // `\d{4}-\d{2}-\d{2}`
            if at(end, isHyphen) && at(end + 1, isDigit) && at(end + 2, isDigit) && at(end + 3, isHyphen) && at(end + 4, isDigit) && at(end + 5, isDigit) {
                shapes.insert(.isoDate)
            }
            // `\d{4}\s?[–—-]\s?\d{2}`
            let dash = at(end, UTF16.isPatternSpace) ? end + 1 : end
            if at(dash, isDash) {
                let next = at(dash + 1, UTF16.isPatternSpace) ? dash + 2 : dash + 1
                if at(next, isDigit) && at(next + 1, isDigit) { shapes.insert(.yearSpan) }
            }
            // `\d{3}0[’']?s`
            if unit == 0x30 {
                let letter = at(end, { $0 == 0x2019 || $0 == 0x27 }) ? end + 1 : end
                if at(letter, { $0 == 0x73 }) { shapes.insert(.decade) }
            }
        }
    }
}
