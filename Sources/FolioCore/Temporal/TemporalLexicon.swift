/// The words dates are written with, as regular-expression pieces and their values.
enum TemporalLexicon {
    /// A month's name or its abbreviation (`January`, `Jan.`, `Jan`, `Sept.`), factored by hand
    /// (`Ma(?:r(?:ch|\.)?|y)`, not `March|Mar\.?|May`): the engine tries an alternation's
    /// branches one by one wherever a month may be, and the tagger asks for months in every
    /// sentence that names one. The longer form comes first, as in the plain alternation.
    static let month = "(?:J(?:an(?:uary|\\.)?|u(?:ne|n\\.?|ly|l\\.?))|Feb(?:ruary|\\.)?|Ma(?:r(?:ch|\\.)?|y)|A(?:pr(?:il|\\.)?|ug(?:ust|\\.)?)"
        + "|Sep(?:tember|t?\\.?)|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)"

    /// The month a written name stands for.
    static func monthNumber(_ word: String) -> Int? {
        var trimmed = Substring(word)
        while trimmed.first == "." { trimmed.removeFirst() }
        while trimmed.last == "." { trimmed.removeLast() }
        let bare = trimmed.lowercased()
        guard bare.count >= 3 else { return nil }
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        return names.firstIndex { $0.hasPrefix(bare) }.map { $0 + 1 }
    }

    /// Month names and their abbreviations as words (lower case): what a month rule needs.
    static let monthWords: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                                          "sep", "sept", "oct", "nov", "dec"]
    static let unitStems = ["second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade", "centur"]
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let weekday = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

    static let day = "(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?"
    /// What follows a day's number, in lower case (`24th`).
    static let daySuffixes = ["st", "nd", "rd", "th"]
    /// A year of the common era as prose writes it: not part of a longer number, a decimal or
    /// an amount (`2000 troops`).
    static let year = "(?<![\\d.,$€£#/\\p{L}])(?<!\\d[-–])(1[0-9]\\d\\d|20\\d\\d)(?![\\d\\p{L}%]|[.,]\\d|\\s+" + amounts + ")"
    /// Every place of `units` where `year` can match: a `1` or `2` then an ASCII digit, not
    /// after one. The pattern opens with look-behinds, which keep the engine from passing
    /// over places that cannot match: searched for, it was tried at every unit of a sentence.
    @Sendable static func yearStarts(_ units: [UInt16]) -> [Int] {
        var starts: [Int] = []
        units.withUnsafeBufferPointer { units in
            guard units.count >= 4 else { return }
            for index in 0..<(units.count - 3) where (units[index] == 0x31 || units[index] == 0x32) && UTF16.isASCIIDigit(units[index + 1])
                && (index == 0 || !UTF16.isASCIIDigit(units[index - 1])) {
                starts.append(index)
            }
        }
        return starts
    }
    /// What a number counts when it is no year (`2000 troops`), as a year's pattern looks ahead
    /// for it: factored, for after every year followed by a word the engine tried each of
    /// them, ignoring case, letter by letter.
    static let amounts = "(?i:per\\s?cent|" + Patterns.factoredAlternation(amountWords) + ")\\b"
    static let amountWords = [
        "people", "persons", "troops", "soldiers", "men", "women", "children", "km", "kilomet", "mile", "miles", "meters", "metres", "kg",
        "ton", "tons", "tonnes", "dollars", "euros", "pounds", "members", "votes", "cases", "units", "times", "feet", "acres", "hectares",
        "barrels", "shares", "deaths", "casualties", "delegates", "employees", "workers", "students", "copies", "words", "pages",
    ]

    static let units: [(pattern: String, unit: TimeUnit)] = [
        ("seconds?", .second), ("minutes?", .minute), ("hours?", .hour), ("days?", .day), ("weeks?", .week),
        ("months?", .month), ("quarters?", .quarter), ("years?", .year), ("decades?", .decade), ("century|centuries", .century),
    ]
    /// A unit, also as markets and offices count days (`eight trading days`).
    static let unit = "(?:(?:trading|business|working)\\s+)?(?:" + units.map(\.pattern).joined(separator: "|") + ")"

    static func unit(_ word: String) -> TimeUnit? {
        let lower = word.lowercased().split(whereSeparator: \.isWhitespace).last.map(String.init) ?? ""
        if lower.hasPrefix("centur") { return .century }
        return TimeUnit.allCases.first { lower.hasPrefix($0.rawValue) }
    }

    static let numberWords: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "half a": 0, "a couple of": 2, "couple of": 2,
        "a dozen": 12, "a hundred": 100,
    ]
    /// Counts whose number the text leaves open: `several years` is `PXY`.
    static let vagueCounts = ["several", "a few", "few", "many", "some", "numerous", "a number of"]

    static let number: String = {
        let tens = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
        let words = numberWords.keys.filter { !$0.contains(" ") && $0 != "hundred" }.sorted { $0.count > $1.count }.joined(separator: "|")
        let vague = vagueCounts.sorted { $0.count > $1.count }.joined(separator: "|").replacingOccurrences(of: " ", with: "\\s+")
        return "(?:\\d+(?:\\.\\d+)?|" + tens + "|half\\s+a|a\\s+couple\\s+of|couple\\s+of|a\\s+dozen|a\\s+hundred|" + vague + "|" + words + ")"
    }()

    /// The count a written number stands for; nil for a vague count.
    static func count(_ text: String) -> Double? {
        let lower = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if let value = Double(lower) { return value }
        if lower == "half a" { return 0.5 }
        if let value = numberWords[lower] { return Double(value) }
        let parts = lower.split(whereSeparator: { $0 == "-" || $0 == " " }).map(String.init)
        if parts.count == 2, let tens = numberWords[parts[0]], let ones = numberWords[parts[1]] { return Double(tens + ones) }
        return nil
    }

    static let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                           "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                           "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second", "twenty-third",
                           "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh", "twenty-eighth", "twenty-ninth",
                           "thirtieth", "thirty-first"]
    /// The last word of each ordinal (`first` of `twenty-first`), which a day in words holds whole.
    static let ordinalLastWords = Set(ordinals.map { String($0.split(separator: "-").last!) })
    /// A day of the month in words, as transcripts write it (`March eighth`).
    static let spokenDay = "(?:" + ordinals.sorted { $0.count > $1.count }.map { $0.replacingOccurrences(of: "-", with: "[- ]") }
        .joined(separator: "|") + ")"

    /// `twentieth`, `20th`, `third`: the number an ordinal stands for.
    static func ordinal(_ text: String) -> Int? {
        let lower = text.lowercased().replacingOccurrences(of: " ", with: "-")
        if let index = ordinals.firstIndex(of: lower) { return index + 1 }
        return Int(lower.prefix { $0.isNumber })
    }
    static let ordinal = "(?:" + ordinals.sorted { $0.count > $1.count }.joined(separator: "|") + "|\\d{1,2}(?:st|nd|rd|th))"

    static let spokenTens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    static let spokenOnes = "one|two|three|four|five|six|seven|eight|nine"
    /// A year of the 1900s as transcripts spell it (`nineteen ninety-four`), one group.
    static let spokenYear = "(?i:\\b(nineteen[\\s-]+(?:" + spokenTens + ")(?:[\\s-]+(?:" + spokenOnes + "))?)\\b)"

    static func spokenYearNumber(_ text: String) -> Int? {
        let words = text.lowercased().split { $0 == " " || $0 == "-" || $0 == "\n" }.map(String.init)
        guard words.count >= 2, words[0] == "nineteen", let tens = count(words[1]) else { return nil }
        let ones = words.count > 2 ? count(words[2]) ?? 0 : 0
        return 1900 + Int(tens + ones)
    }

    /// A holiday's date in `year`.
    static func holiday(_ name: String, year: Int) -> PartialDate? {
        func nth(_ weekday: Int, _ n: Int, of month: Int) -> PartialDate {
            let first = PartialDate(year: year, month: month, day: 1)
            let offset = (weekday - first.weekday + 7) % 7
            return first.adding(offset + 7 * (n - 1), .day)
        }
        let lower = name.lowercased()
        if lower.hasPrefix("christmas eve") { return PartialDate(year: year, month: 12, day: 24) }
        if lower.hasPrefix("christmas") { return PartialDate(year: year, month: 12, day: 25) }
        if lower.hasPrefix("new year's eve") { return PartialDate(year: year, month: 12, day: 31) }
        if lower.hasPrefix("new year") { return PartialDate(year: year, month: 1, day: 1) }
        if lower.hasPrefix("independence") { return PartialDate(year: year, month: 7, day: 4) }
        if lower.hasPrefix("halloween") { return PartialDate(year: year, month: 10, day: 31) }
        if lower.hasPrefix("valentine") { return PartialDate(year: year, month: 2, day: 14) }
        if lower.hasPrefix("thanksgiving") { return nth(4, 4, of: 11) }
        if lower.hasPrefix("labor") { return nth(1, 1, of: 9) }
        // The Tuesday after the first Monday of November.
        if lower.hasPrefix("election") { return nth(1, 1, of: 11).adding(1, .day) }
        if lower.hasPrefix("memorial") { return nth(1, 1, of: 6).adding(-7, .day) }
        return nil
    }

    /// Season codes: TIMEX3's `SP`…, EDTF's 21….
    static func season(_ word: String) -> (timex: String, edtf: Int)? {
        switch word.lowercased() {
        case "spring": ("SP", 21)
        case "summer": ("SU", 22)
        case "autumn", "fall": ("FA", 23)
        case "winter": ("WI", 24)
        default: nil
        }
    }
}
