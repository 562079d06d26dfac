import FolioBytes
import FolioCore
import Foundation

/// The TEI date attributes for a temporal expression: `@when` for a day, month or year,
/// `@from`/`@to` for a range, `@notBefore`/`@notAfter` for a decade or century, as the output
/// profile fixes. Read from the EDTF form, else from a TIMEX3 value that is a plain date. A
/// duration gets `@dur` where its length is exact.
public enum TEIDateAttributes {
    public static func attributes(for date: TemporalExpression) -> [(String, String)] {
        if date.type == .duration { return w3cDuration(date.value).map { [("dur", $0)] } ?? [] }
        guard date.type == .date || date.type == .time else { return [] }
        if let edtf = date.edtf, let attributes = attributes(edtf: edtf) { return attributes }
        if let when = isoDate(date.value) { return [("when", when)] }
        return []
    }

    /// An event's date: the expression's own, or the one an offset (`one year after`) reaches.
    public static func eventAttributes(for date: TemporalExpression) -> [(String, String)] {
        if let reaches = date.reaches { return attributes(edtf: reaches) ?? [] }
        return attributes(for: date)
    }

    /// TIMEX3's `P2W`, `PT24H` as an XML Schema duration (`P14D`, `PT24H`), which has no weeks;
    /// nil for an open or fractional length (`PXY`, `P2.5Y`). Read from the bytes: a duration is
    /// ASCII, and any other byte makes the value none.
    static func w3cDuration(_ value: String) -> String? {
        // P, then numbers each with its unit, the time part after T: P2Y6M, P1W, PT1H30M.
        let amounts = value.withUTF8Bytes { bytes -> [UInt8: Int]? in
            guard bytes.count > 1, bytes[0] == UInt8(ascii: "P"), bytes[bytes.count - 1] != UInt8(ascii: "T") else { return nil }
            var amounts: [UInt8: Int] = [:]
            var number: Int?
            var inTime = false
            for byte in bytes.dropFirst() {
                if isDigit(byte) {
                    guard let more = appending(byte, to: number ?? 0) else { return nil }
                    number = more
                } else if byte == UInt8(ascii: "T") && number == nil && !inTime {
                    inTime = true
                } else {
                    // Minutes and months share M: tell them apart by the side of T.
                    let unit = inTime && byte == UInt8(ascii: "M") ? UInt8(ascii: "m") : byte
                    guard isUnit(unit, inTime: inTime), amounts[unit] == nil, let amount = number else { return nil }
                    amounts[unit] = amount
                    number = nil
                }
            }
            return number == nil && !amounts.isEmpty ? amounts : nil
        }
        guard let amounts else { return nil }
        func amount(_ unit: Unicode.Scalar) -> Int? { amounts[UInt8(unit.value)] }
        var result = "P"
        if let years = amount("Y") { result += "\(years)Y" }
        if let months = amount("M") { result += "\(months)M" }
        if amount("W") != nil || amount("D") != nil {
            let (weeks, overflowed) = (amount("W") ?? 0).multipliedReportingOverflow(by: 7)
            let (days, overflowedAgain) = weeks.addingReportingOverflow(amount("D") ?? 0)
            guard !overflowed && !overflowedAgain else { return nil }
            result += "\(days)D"
        }
        if amount("H") != nil || amount("m") != nil || amount("S") != nil {
            result += "T" + (amount("H").map { "\($0)H" } ?? "") + (amount("m").map { "\($0)M" } ?? "") + (amount("S").map { "\($0)S" } ?? "")
        }
        return result
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// `number` with the digit `digit` (an ASCII byte) written after it; nil past `Int.max`, as
    /// `Int` reads a string too long.
    private static func appending(_ digit: UInt8, to number: Int) -> Int? {
        let (times10, overflowed) = number.multipliedReportingOverflow(by: 10)
        let (sum, overflowedAgain) = times10.addingReportingOverflow(Int(digit - UInt8(ascii: "0")))
        return overflowed || overflowedAgain ? nil : sum
    }

    /// Whether `unit` is one of a duration's units of dates (Y, M, W, D) or, after T, of times
    /// (H, m for minutes, S).
    private static func isUnit(_ unit: UInt8, inTime: Bool) -> Bool {
        switch unit {
        case UInt8(ascii: "H"), UInt8(ascii: "m"), UInt8(ascii: "S"): inTime
        case UInt8(ascii: "Y"), UInt8(ascii: "M"), UInt8(ascii: "W"), UInt8(ascii: "D"): !inTime
        default: false
        }
    }

    /// `1948` → when; `1992/1995` → from, to; `199X` → notBefore 1990, notAfter 1999.
    public static func attributes(edtf: String) -> [(String, String)]? {
        // Most values are one date: no interval to split.
        guard edtf.utf8.contains(UInt8(ascii: "/")) else {
            guard let range = bounds(edtf) else { return nil }
            return range.lower == range.upper ? [("when", range.lower)] : [("notBefore", range.lower), ("notAfter", range.upper)]
        }
        let parts = edtf.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        var result: [(String, String)] = []
        if let from = bounds(String(parts[0]))?.lower { result.append(("from", from)) }
        if let to = bounds(String(parts[1]))?.upper { result.append(("to", to)) }
        return result.isEmpty ? nil : result
    }

    /// The earliest and latest ISO dates an EDTF date (without qualifiers) covers.
    static func bounds(_ edtf: String) -> (lower: String, upper: String)? {
        // Most values have no qualifiers to take off.
        let plain = edtf.utf8.contains { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "%") }
            ? edtf.filter { !"?~%".contains($0) } : edtf
        if let when = isoDate(plain) { return (when, when) }
        // Unspecified digits: `199X`, `19XX`.
        if isUnspecifiedYear(plain) {
            return (replacingX(in: plain, with: "0"), replacingX(in: plain, with: "9"))
        }
        // Seasons, EDTF codes 21 to 24: spring, summer, autumn, winter (northern hemisphere).
        let pieces = plain.split(separator: "-")
        if pieces.count == 2, pieces[0].count == 4, let year = Int(pieces[0]), let season = Int(pieces[1]), (21...24).contains(season) {
            let months = [21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 2)][season]!
            let endYear = season == 24 ? year + 1 : year
            return (PartialDate(year: year, month: months.0).iso, PartialDate(year: endYear, month: months.1).iso)
        }
        return nil
    }

    /// Four ASCII digits, the last ones `X` (`199X`, `19XX`), at least one: read from the bytes.
    static func isUnspecifiedYear(_ value: String) -> Bool {
        value.withUTF8Bytes { bytes in
            guard bytes.count == 4, isDigit(bytes[0]), let x = bytes.firstIndex(of: UInt8(ascii: "X")) else { return false }
            return bytes[..<x].allSatisfy(isDigit) && bytes[x...].allSatisfy { $0 == UInt8(ascii: "X") }
        }
    }

    /// Each `X` of an ASCII date made `digit` (Foundation's `replacingOccurrences` bridges the
    /// string to an `NSString` and back, for four characters).
    private static func replacingX(in date: String, with digit: Unicode.Scalar) -> String {
        String(decoding: date.utf8.map { $0 == UInt8(ascii: "X") ? UInt8(digit.value) : $0 }, as: UTF8.self)
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, when `value` is one of them: pieces between hyphens
    /// of four, two and two characters that read as integers (as `Int` reads them, a sign
    /// allowed), a month of 1–12, a day of 1–31. Read from the bytes: every date of every paper
    /// is asked, twice.
    static func isoDate(_ value: String) -> String? {
        let isDate = value.withUTF8Bytes { bytes -> Bool in
            var start = 0, index = 0
            for position in 0...bytes.count where position == bytes.count || bytes[position] == UInt8(ascii: "-") {
                guard index < 3 else { return false }
                let piece = UnsafeBufferPointer(rebasing: bytes[start..<position])
                guard piece.count == (index == 0 ? 4 : 2), let number = integer(piece) else { return false }
                if index == 1 && !(1...12).contains(number) { return false }
                if index == 2 && !(1...31).contains(number) { return false }
                index += 1
                start = position + 1
            }
            return true
        }
        return isDate ? value : nil
    }

    /// ASCII bytes read as `Int` reads a string: an optional sign, then digits.
    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = bytes.first else { return nil }
        let signed = first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
        guard bytes.count > (signed ? 1 : 0) else { return nil }
        var number = 0
        for byte in bytes.dropFirst(signed ? 1 : 0) {
            guard isDigit(byte), let more = appending(byte, to: number) else { return nil }
            number = more
        }
        return first == UInt8(ascii: "-") ? -number : number
    }
}
