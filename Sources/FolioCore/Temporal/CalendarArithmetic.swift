import Foundation

/// Dates as points on the calendar at the granularity a text gives them (a year, a month, a
/// day): relative expressions are arithmetic on these.
extension PartialDate {
    /// `2022-02-24`, `2022-02`, `2022`.
    public init?(iso: String) {
        let pieces = iso.prefix(10).split(separator: "-").map { Int($0) }
        guard let first = pieces.first, let year = first, pieces.allSatisfy({ $0 != nil }) else { return nil }
        self.init(year: year, month: pieces.count > 1 ? pieces[1] : nil, day: pieces.count > 2 ? pieces[2] : nil)
        if let month, !(1...12).contains(month) { return nil }
        if let day, !(1...31).contains(day) { return nil }
    }

    public var yearOnly: PartialDate { PartialDate(year: year) }
    public var monthOnly: PartialDate { PartialDate(year: year, month: month ?? 1) }

    static let gregorian: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        calendar.firstWeekday = 2
        calendar.minimumDaysInFirstWeek = 4
        return calendar
    }()

    private var foundationDate: Date {
        Self.gregorian.date(from: DateComponents(year: year, month: month ?? 1, day: day ?? 1))!
    }

    private init(_ date: Date) {
        let parts = Self.gregorian.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year!, month: parts.month, day: parts.day)
    }

    /// This point moved by `amount` units, kept at the unit's granularity (`2022-02-24` less one
    /// month is `2022-01`).
    public func adding(_ amount: Int, _ unit: TimeUnit) -> PartialDate {
        switch unit {
        case .year: return PartialDate(year: year + amount)
        case .decade: return PartialDate(year: year + 10 * amount)
        case .century: return PartialDate(year: year + 100 * amount)
        case .quarter, .month:
            let months = (year * 12 + (month ?? 1) - 1) + amount * (unit == .quarter ? 3 : 1)
            return PartialDate(year: months / 12, month: months % 12 + 1)
        case .week, .day, .hour, .minute, .second:
            let days = unit == .week ? 7 * amount : unit == .day ? amount : 0
            return PartialDate(Self.gregorian.date(byAdding: .day, value: days, to: foundationDate)!)
        }
    }

    /// The ISO week (`2022-W08`) this day falls in.
    public var isoWeek: String {
        let parts = Self.gregorian.dateComponents([.yearForWeekOfYear, .weekOfYear], from: foundationDate)
        return String(format: "%04d-W%02d", parts.yearForWeekOfYear!, parts.weekOfYear!)
    }

    /// Monday 1 … Sunday 7.
    public var weekday: Int {
        (Self.gregorian.component(.weekday, from: foundationDate) + 5) % 7 + 1
    }
}

/// The units durations and offsets are counted in.
public enum TimeUnit: String, Sendable, CaseIterable {
    case second, minute, hour, day, week, month, quarter, year, decade, century

    /// The TIMEX3 duration form: `P3Y`, `PT2H`, `P2W`.
    /// `whole` and a half of this unit, the half written in the unit below (`P2Y6M`, `PT1M30S`).
    public func andAHalf(_ whole: Int) -> String? {
        switch self {
        case .second: nil
        case .minute: "PT\(whole)M30S"
        case .hour: "PT\(whole)H30M"
        case .day: "P\(whole)DT12H"
        case .week: "P\(whole * 7 + 3)DT12H"
        case .month: "P\(whole)M15D"
        case .quarter: "P\(whole * 3 + 1)M15D"
        case .year: "P\(whole)Y6M"
        case .decade: "P\(whole * 10 + 5)Y"
        case .century: "P\(whole * 100 + 50)Y"
        }
    }

    public func duration(_ amount: String) -> String {
        switch self {
        case .second: "PT\(amount)S"
        case .minute: "PT\(amount)M"
        case .hour: "PT\(amount)H"
        case .day: "P\(amount)D"
        case .week: "P\(amount)W"
        case .month: "P\(amount)M"
        // Quarters, decades and centuries in the units TimeML writes them in: `P9M`, `P20Y`.
        case .quarter: Int(amount).map { "P\($0 * 3)M" } ?? "P\(amount)Q"
        case .year: "P\(amount)Y"
        case .decade: Int(amount).map { "P\($0 * 10)Y" } ?? "P\(amount)DE"
        case .century: Int(amount).map { "P\($0 * 100)Y" } ?? "P\(amount)CE"
        }
    }
}
