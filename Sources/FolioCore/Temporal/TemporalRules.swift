import Foundation

/// One way of writing a date, time, duration or frequency: a pattern and how to read a match.
/// A class: the tagger walks every rule for every sentence, and copying a rule's fields each
/// time cost more than some of its patterns.
final class TemporalRule: Sendable {
    /// What a match means once its anchor is known.
    struct Reading: Sendable {
        /// What a reading counts from: nothing, the reference date (deictic), the last date the
        /// text gave (anaphoric), or the last quarter it spoke of, else the reference date.
        enum Anchor: Sendable { case none, reference, lastMention, quarter }
        struct Value: Sendable {
            var type: TemporalExpression.Kind
            var value: String
            var edtf: String?
            /// For an offset (`one year after`), the date it reaches.
            var reaches: String? = nil
            /// What later anaphora count from, when this is a date the text gives (not an
            /// offset from another: `a year earlier` leaves the focus where it was).
            var mentioned: TemporalTagger.Focus?
        }
        var anchor: Anchor
        var resolve: @Sendable (TemporalTagger.Focus?) -> Value?
    }

    /// What a text must hold for the rule to match anywhere in it: checked first, because
    /// most sentences hold no date and regular expressions are the tagger's whole cost. Name
    /// the rarer words a match holds: each word named is looked up in every sentence, and
    /// naming `the` and `in` for the seasons cost more than the searches they spared.
    indirect enum Needs: Sendable {
        case digit
        /// Four digits in a row, as a year of the common era has.
        case year
        /// Digits in this shape with the marks between them (`DigitShapes`).
        case shape(DigitShapes.Shape)
        /// A word starting with one of these stems, in lower case.
        case word([String])
        /// One of these words, in lower case.
        case anyWord(Set<String>)
        case all([Needs])
        case any([Needs])
    }

    let expression: RegularExpression
    /// A part every match holds, cheap to find: where a pattern opens with optional words
    /// (`early`, `the end of`), the regular-expression engine tries them at every position,
    /// ten times the cost of finding the year or month they lead to. With a core, the full
    /// pattern runs only around each place the core matches.
    let core: RegularExpression?
    /// Whether the pattern is its core: its matches are then the core's, found once a sentence.
    let isCore: Bool
    /// Where the core can match, for a core whose places a scan finds cheaply
    /// (`coreStartFinders`): it is tried only there.
    let coreStarts: (@Sendable (_ units: [UInt16]) -> [Int])?
    /// The cores whose places a scan finds: the same for every rule of the core, which share
    /// its matches.
    static let coreStartFinders: [String: @Sendable (_ units: [UInt16]) -> [Int]] = [TemporalLexicon.year: TemporalLexicon.yearStarts]
    /// Whether the pattern runs only around the words its needs name, which every match
    /// holds: where they stand is known from checking the needs, and no pattern need find them.
    let aroundWords: Bool
    let needs: Needs
    /// How far before its core or word a match may start (the longest optional lead of the pattern).
    let lead: Int
    /// How far after its core or word a match may end: nowhere for a pattern that ends with
    /// its core and holds no other core match before it (`early 1990`, not `from 1991 to
    /// 1997`): its match is found around the core it ends with.
    let tail: Int
    /// Reads a match's groups (0 is the whole match), given the text around it; nil rejects it.
    let read: @Sendable (_ groups: [String?], _ around: Surroundings) -> Reading?
    /// For a rule that looks around its words: where a match holding the word starting at a
    /// place of the sentence's UTF-16 units may begin at the earliest, nil where none may; the
    /// pattern runs only around the words some match may hold, from there (or from `lead`
    /// before the word, if that is later).
    let earliestStart: (@Sendable (_ units: [UInt16], _ word: Int) -> Int?)?
    /// What a match can hold before its core or word (see `LeadRun`): the pattern runs from the
    /// start of the run of it that ends there.
    let leadRun: LeadRun?

    init(_ pattern: String, core: String? = nil, aroundWords: Bool = false, lead: Int = TemporalRule.lead, tail: Int = TemporalRule.tail,
         leadRun: LeadRun? = nil, earliestStart: (@Sendable (_ units: [UInt16], _ word: Int) -> Int?)? = nil, needs: Needs,
         read: @escaping @Sendable (_ groups: [String?], _ around: Surroundings) -> Reading?) {
        expression = RegularExpression(pattern)
        // Through the shared cache: rules of one core hold one expression, and share its matches.
        self.core = core.map { Patterns.compiled($0) }
        isCore = core == pattern
        coreStarts = core.flatMap { Self.coreStartFinders[$0] }
        self.tail = tail
        self.aroundWords = aroundWords
        self.lead = lead
        self.needs = needs
        self.earliestStart = earliestStart
        self.leadRun = leadRun
        self.read = read
    }

    /// How far before and after a core the full pattern looks, unless a rule says how far its
    /// lead reaches: its optional lead (`the following approximately twenty-five more`) and
    /// tail (`, 2022`, `or so ago`) are shorter.
    static let lead = 56, tail = 32

    /// The pattern's matches in a sentence's UTF-16 `units`, found around each core match when
    /// there is a core (`cores` keeps the core matches for the other rules of the same core), or
    /// around each of its needed `words`; else in the whole sentence.
    ///
    /// `readsLeads`: whether each place's pattern runs from where its lead can start (off only
    /// to test that this finds what running it from `lead` before finds).
    func matches(in units: [UInt16], cores: inout CoreMatches, readsLeads: Bool = true, words: () -> [Range<Int>]) -> [RegexMatch] {
        // nil where the lead no match goes without is missing (`LeadRun`'s required words).
        func leadStart(_ place: Range<Int>) -> Int? { readsLeads ? leadRun.map { $0.admittedStart(in: units, endingAt: place.lowerBound) } ?? 0 : 0 }
        let places: [(range: Range<Int>, earliest: Int)]
        if aroundWords {
            places = earliestStart.map { earliest in
                words().compactMap { word in earliest(units, word.lowerBound).map { (word, readsLeads ? $0 : 0) } }
            } ?? words().compactMap { word in leadStart(word).map { (word, $0) } }
        } else if let core {
            let found: [RegexMatch]
            if let known = cores.matches(of: core) {
                found = known
            } else {
                found = coreStarts.map { core.matches(in: units, startingAtAnyOf: $0(units)) } ?? core.matches(in: units)
                cores.keep(found, of: core)
            }
            if isCore { return found }
            places = found.compactMap { match in leadStart(match.range).map { (match.range, $0) } }
        } else {
            return expression.matches(in: units)
        }
        var result: [RegexMatch] = []
        // A match found in two windows is kept once; one window's matches are distinct, and
        // most rules look in one window a sentence (a set made for each cost more than the look).
        var seen = Set<Int>()
        for (place, earliest) in places {
            let start = max(0, place.lowerBound - lead, earliest)
            let end = min(units.count, place.upperBound + tail)
            // Transparent bounds: look-behinds and word boundaries see past the window.
            for match in expression.matches(in: units, range: start..<end, transparentBounds: true)
            where match.range.overlaps(place) && (places.count == 1 || seen.insert(match.range.lowerBound << 20 | match.range.count).inserted) {
                result.append(match)
            }
        }
        return result
    }
}

/// A sentence's matches of each core, kept for the other rules of the same core: a few cores
/// a sentence, looked for in a list (a dictionary hashed each core and allocated its table).
/// As many entries as the rules have cores, at most.
struct CoreMatches {
    private var entries: [(core: ObjectIdentifier, matches: [RegexMatch])] = []

    func matches(of core: RegularExpression) -> [RegexMatch]? {
        entries.first { $0.core == ObjectIdentifier(core) }?.matches
    }

    /// Keeps the matches of a core not kept yet.
    mutating func keep(_ matches: [RegexMatch], of core: RegularExpression) {
        entries.append((ObjectIdentifier(core), matches))
    }
}

/// The rules, most specific first (the earlier wins a tie in length).
enum TemporalRules {
    typealias L = TemporalLexicon
    typealias Reading = TemporalRule.Reading
    typealias Value = TemporalRule.Reading.Value

    static func fixed(_ point: PartialDate, edtf: String? = nil) -> Reading {
        Reading(anchor: .none) { _ in Value(type: .date, value: point.iso, edtf: edtf ?? point.iso, mentioned: .init(point: point)) }
    }

    static func fixed(_ type: TemporalExpression.Kind, _ value: String, edtf: String? = nil) -> Reading {
        Reading(anchor: .none) { _ in Value(type: type, value: value, edtf: edtf) }
    }

    /// A date built from the anchor; `XXXX` in place of the year when there is none.
    static func anchored(_ anchor: Reading.Anchor, movesFocus: Bool = true, _ build: @escaping @Sendable (PartialDate) -> PartialDate?,
                         unanchored: String? = nil) -> Reading {
        anchoredOn(anchor, movesFocus: movesFocus, { build($0.point) }, unanchored: unanchored)
    }

    /// `anchored`, for a build that needs to know whether its anchor is the writing date.
    static func anchoredOn(_ anchor: Reading.Anchor, movesFocus: Bool = true, _ build: @escaping @Sendable (TemporalTagger.Focus) -> PartialDate?,
                           unanchored: String? = nil) -> Reading {
        Reading(anchor: anchor) { focus in
            guard let focus else { return unanchored.map { Value(type: .date, value: $0) } }
            guard let result = build(focus) else { return nil }
            return Value(type: .date, value: result.iso, edtf: result.iso, mentioned: movesFocus ? .init(point: result) : nil)
        }
    }

    /// The year in which a month (and day) without one falls near the anchor. From the writing
    /// date, a report mostly looks back: `December` written in January is last December. The
    /// clause's tense decides the rest: `will close in January` is the next, `stepped down in
    /// March` written in November the last; untold, March written in November is the next. In
    /// a narrative, the month nearest the date it last gave, either way. A year alone as
    /// anchor (historical prose) gives its own year.
    static func nearestYear(month: Int, day: Int?, to focus: TemporalTagger.Focus, tense: @autoclosure () -> Surroundings.Tense = .unmarked) -> Int {
        let point = focus.point
        guard let anchorMonth = point.month else { return point.year }
        let here = anchorMonth * 31 + (point.day ?? 15)
        let there = month * 31 + (day ?? 15)
        // Windows in days of 31-day months, together a year.
        let year = 12 * 31
        var before = year / 2
        if focus.isWritingDate {
            switch tense() {
            // Ahead, this month's or the next; told in the past, the last one, or one of the
            // next six weeks (a story filed a little before its date).
            case .ahead: before = 15
            case .past: before = year - 45
            case .unmarked: before = 7 * 31 + 15
            }
        }
        let after = year - before
        if there - here > after { return point.year - 1 }
        if here - there > before { return point.year + 1 }
        return point.year
    }

    /// The date `amount` units from the focus, at the focus's grain: a quarter among quarters
    /// (`date` is then nil), else a year, month or day.
    static func offset(_ amount: Int, _ unit: TimeUnit, from focus: TemporalTagger.Focus) -> (value: String, date: PartialDate?)? {
        let point = focus.point
        if unit == .year, let quarter = focus.quarter { return (String(format: "%04d-Q%d", point.year + amount, quarter), nil) }
        let result: PartialDate?
        switch unit {
        case .year, .decade, .century: result = point.yearOnly.adding(amount, unit)
        case .month, .quarter: result = point.month == nil ? nil : point.monthOnly.adding(amount, unit)
        case .week, .day: result = point.day == nil ? nil : point.adding(amount, unit)
        default: result = nil
        }
        return result.map { ($0.iso, $0) }
    }

    /// A weekday without `last` or `next`: news reports what happened, so the one on or before
    /// the reference date, or on or after it when the clause looks ahead.
    static func nearestWeekday(_ target: Int, to point: PartialDate, ahead: Bool) -> PartialDate {
        ahead ? point.adding((target - point.weekday + 7) % 7, .day) : point.adding(-((point.weekday - target + 7) % 7), .day)
    }

    /// The year a season starts in: the last one over before the anchor, this year's (the
    /// winter a January is in), or the next one to begin. EDTF codes 21 to 24; winter starts in December.
    static func seasonYear(_ code: Int, _ direction: Int, from point: PartialDate) -> Int {
        guard let month = point.month else { return point.year + direction }
        let start = [21: 3, 22: 6, 23: 9, 24: 12][code]!
        let now = point.year * 12 + month
        func first(_ year: Int) -> Int { year * 12 + start }
        func last(_ year: Int) -> Int { first(year) + 2 }
        switch direction {
        case ..<0: return (point.year - 2...point.year).last { last($0) < now } ?? point.year - 1
        case 0: return code == 24 && month <= 2 ? point.year - 1 : point.year
        default: return (point.year...point.year + 1).first { first($0) > now } ?? point.year + 1
        }
    }

    /// Orders dates of any grain, an open month or day taken as its middle.
    static func dayNumber(_ date: PartialDate) -> Int { date.year * 400 + (date.month ?? 6) * 32 + (date.day ?? 15) }

    /// The number a group starts with: its leading characters that are numbers, when they are
    /// ASCII digits (`Int` reads no others). Read from the bytes where they are ASCII: asking
    /// each character whether it is a number was most of reading a year.
    static func int(_ text: String?) -> Int? {
        guard let text else { return nil }
        var value = 0
        var digits = 0
        for byte in text.utf8 {
            // Beyond ASCII a character may still be a number, or go on one (a combining mark).
            guard byte < 0x80, digits < 18 else { return slowInt(text) }
            guard (0x30...0x39).contains(byte) else { break }
            value = value * 10 + Int(byte - 0x30)
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    /// `int(_:)` as the standard library reads it, character by character.
    static func slowInt(_ text: String) -> Int? { Int(text.prefix { $0.isNumber }) }

    /// A year standing for itself, unless the words before make it a page or another number.
    static func bareYear(_ groups: [String?], _ around: Surroundings) -> Reading? {
        guard let year = int(groups[1]), around.allowsYear else { return nil }
        return fixed(PartialDate(year: year))
    }

    /// The rules' needs, numbered once for fast checks.
    static let needs = NeedsIndex(all.map(\.needs))

    /// What makes `a year` after it a rate (`twice a year`), besides a number.
    private static let rateWords = ["once", "twice", "times", "percent", "cent", "cents", "dollars"]

    static let all: [TemporalRule] = [
        // 2022-02-24
        TemporalRule(#"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])"#, core: #"\d{4}-\d{2}-\d{2}"#, lead: 0, needs: .shape(.isoDate)) { groups, _ in
            PartialDate(iso: groups[0]!).map { fixed($0) }
        },
        // 24.02.2022, 24/02/2022 (day first unless the second number cannot be a month), 02/24/2022
        TemporalRule(#"(?<![\d./])(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?![\d./]|\.\d)"#, core: #"\d[./]\d{1,2}[./]\d"#, lead: 1, needs: .shape(.numericDate)) { groups, _ in
            guard let first = int(groups[1]), let second = int(groups[3]), var year = int(groups[4]) else { return nil }
            if groups[4]!.count == 2 { year += year < 50 ? 2000 : 1900 }
            let dayFirst = groups[2] == "." || second > 12
            let (day, month) = dayFirst ? (first, second) : (second, first)
            guard (1...12).contains(month), (1...31).contains(day) else { return nil }
            return fixed(PartialDate(year: year, month: month, day: day))
        },
        // 24th February 2022, the 24th of February, 2022, Thursday, 24 February 2022
        TemporalRule("(?:" + L.weekday + ",?\\s+)?(?:the\\s+)?(" + L.day + ")(?:\\s+of)?\\s+(" + L.month + "),?\\s+" + L.year, core: L.year, tail: 0, leadRun: LeadRun(words: L.weekdays + ["the", "of"] + L.daySuffixes, digits: true, marks: ",.", requiring: L.monthWords), needs: .all([.year, .anyWord(L.monthWords)])) { groups, _ in
            guard let day = int(groups[1]), let month = L.monthNumber(groups[2]!), let year = int(groups[3]) else { return nil }
            return fixed(PartialDate(year: year, month: month, day: day))
        },
        // February 24, 2022; Thursday, February 24th, 2022
        TemporalRule("(?:" + L.weekday + ",?\\s+)?(" + L.month + ")\\s+(" + L.day + "),?\\s+" + L.year, core: L.year, tail: 0, leadRun: LeadRun(words: L.weekdays + L.daySuffixes, digits: true, marks: ",.", requiring: L.monthWords), needs: .all([.year, .anyWord(L.monthWords)])) { groups, _ in
            guard let month = L.monthNumber(groups[1]!), let day = int(groups[2]), let year = int(groups[3]) else { return nil }
            return fixed(PartialDate(year: year, month: month, day: day))
        },
        // February 2022, early March 1999, mid-June of 2001
        TemporalRule("(?:(?:early|mid|late)[- ]?|(?:the\\s+)?(?:beginning|end|middle)\\s+of\\s+)?(" + L.month + "),?\\s+(?:of\\s+)?" + L.year, core: L.year, tail: 0, leadRun: LeadRun(words: ["early", "mid", "late", "the", "beginning", "end", "middle", "of"], marks: ",.-", requiring: L.monthWords), needs: .all([.year, .anyWord(L.monthWords)])) { groups, _ in
            guard let month = L.monthNumber(groups[1]!), let year = int(groups[2]) else { return nil }
            return fixed(PartialDate(year: year, month: month))
        },
        // June last year, January this year
        TemporalRule("(?:(?:early|mid|late)[- ]?)?(" + L.month + ")\\s+(last|this|next)\\s+year\\b", core: L.month, needs: .all([.anyWord(L.monthWords), .word(["last", "this", "next"]), .word(["year"])])) { groups, _ in
            guard let month = L.monthNumber(groups[1]!) else { return nil }
            let shift = ["last": -1, "this": 0, "next": 1][groups[2]!]!
            return anchored(.reference, { PartialDate(year: $0.year + shift, month: month) })
        },
        // February 24, last Oct. 23, the 24th of February (the year nearest the anchor, or the
        // one before or after it); not a time (`May 10:30`)
        TemporalRule("(?:(?i:(last|next)\\s+)|" + L.weekday + ",?\\s+)?(" + L.month + ")\\s+(" + L.day + ")(?!\\d|:\\d)", core: L.month, lead: 16, leadRun: LeadRun(words: ["last", "next"] + L.weekdays, marks: ","), needs: .all([.digit, .anyWord(L.monthWords)])) { groups, around in
            guard let month = L.monthNumber(groups[2]!), let day = int(groups[3]), (1...31).contains(day) else { return nil }
            let direction = groups[1].map { $0.lowercased() == "last" ? -1 : 1 } ?? 0
            return anchoredOn(.reference, { focus in
                let point = focus.point
                var date = PartialDate(year: nearestYear(month: month, day: day, to: focus, tense: around.tense), month: month, day: day)
                if direction < 0 && dayNumber(date) >= dayNumber(point) { date.year -= 1 }
                if direction > 0 && dayNumber(date) <= dayNumber(point) { date.year += 1 }
                return date
            }, unanchored: "XXXX-" + String(format2: month) + "-" + String(format2: day))
        },
        // the week of March 6: the ISO week that day falls in
        TemporalRule("(?i:the\\s+week\\s+of\\s+)(" + L.month + ")\\s+(" + L.day + ")(?:,?\\s+" + L.year + ")?(?!\\d)", aroundWords: true, needs: .all([.digit, .word(["week"])])) { groups, around in
            guard let month = L.monthNumber(groups[1]!), let day = int(groups[2]), (1...31).contains(day) else { return nil }
            return Reading(anchor: int(groups[3]) == nil ? .reference : .none) { focus in
                guard let year = int(groups[3]) ?? focus.map({ nearestYear(month: month, day: day, to: $0, tense: around.tense) }) else {
                    return Value(type: .date, value: "XXXX-WXX")
                }
                return Value(type: .date, value: PartialDate(year: year, month: month, day: day).isoWeek)
            }
        },
        TemporalRule("(?:" + L.weekday + ",?\\s+)?(" + L.month + ")\\s+(?i:the\\s+)?(" + L.spokenDay + ")\\b", core: L.month, lead: 16, leadRun: LeadRun(words: L.weekdays, marks: ","),
                     needs: .all([.anyWord(L.monthWords), .anyWord(L.ordinalLastWords)])) { groups, around in
            guard let month = L.monthNumber(groups[1]!), let day = L.ordinal(groups[2]!) else { return nil }
            return anchoredOn(.reference, { PartialDate(year: nearestYear(month: month, day: day, to: $0, tense: around.tense), month: month, day: day) },
                            unanchored: "XXXX-" + String(format2: month) + "-" + String(format2: day))
        },
        TemporalRule("(?:the\\s+)?(" + L.day + ")(?:\\s+of)?\\s+(" + L.month + ")(?![\\w])", core: L.month, leadRun: LeadRun(words: ["the", "of"] + L.daySuffixes, orNumber: true), needs: .all([.digit, .anyWord(L.monthWords)])) { groups, around in
            guard let day = int(groups[1]), let month = L.monthNumber(groups[2]!) else { return nil }
            return anchoredOn(.reference, { PartialDate(year: nearestYear(month: month, day: day, to: $0, tense: around.tense), month: month, day: day) },
                            unanchored: "XXXX-" + String(format2: month) + "-" + String(format2: day))
        },
        // in February, last March, early December: a month near the anchor (`May` only after a preposition)
        TemporalRule("(?:(?i:early|mid|late|last|this|next)[- ]?\\s*|(?i:(?:the\\s+)?(?:end|beginning|start|middle)\\s+of\\s+))?\\b("
                     + L.month.replacingOccurrences(of: "|May|", with: "|")
                     + "|" + Patterns.lookBehind(words: ["in", "of", "since", "until", "by", "early", "late", "mid-", "last", "next", "this", "during", "before", "after"]) + "May)(?!\\w)", core: L.month, lead: 24, tail: 0,
                     leadRun: LeadRun(words: ["early", "mid", "late", "last", "this", "next", "the", "end", "beginning", "start", "middle", "of"], marks: "-"), needs: .anyWord(L.monthWords)) { groups, around in
            // A bare three-letter abbreviation is too often something else.
            guard let month = L.monthNumber(groups[1]!), groups[1]!.count > 3 || groups[1] == "May" else { return nil }
            let lead = groups[0]!.lowercased()
            return anchoredOn(.reference, { focus in
                let point = focus.point
                guard let anchorMonth = point.month else { return PartialDate(year: point.year, month: month) }
                let year = lead.hasPrefix("last") ? (month < anchorMonth ? point.year : point.year - 1)
                    : lead.hasPrefix("next") ? (month > anchorMonth ? point.year : point.year + 1)
                    : lead.hasPrefix("this") ? point.year
                    : nearestYear(month: month, day: nil, to: focus, tense: around.tense)
                return PartialDate(year: year, month: month)
            }, unanchored: "XXXX-" + String(format2: month))
        },
        // between 1992 and 1995, from 2005 to 2008, 1992–1995, 1992-95
        TemporalRule("(?i:between\\s+)" + L.year + "\\s+and\\s+" + L.year, core: L.year, lead: 12, leadRun: LeadRun(words: ["and"], digits: true, requiring: ["between"]), needs: .all([.year, .word(["between"])])) { groups, _ in range(groups[1], groups[2]) },
        TemporalRule("(?i:from\\s+)" + L.year + "\\s+(?:to|until|till|through)\\s+" + L.year, core: L.year, lead: 8,
                     needs: .all([.year, .word(["from"])])) { groups, _ in range(groups[1], groups[2]) },
        TemporalRule(L.year + "\\s?[–—-]\\s?(\\d{4}|\\d{2})(?![\\d\\p{L}%]|[.,]\\d)", core: "\\d{4}\\s?[–—-]\\s?\\d{2}", lead: 0, needs: .shape(.yearSpan)) { groups, around in
            guard around.allowsYear else { return nil }
            var end = groups[2]!
            if end.count == 2 { end = String(groups[1]!.prefix(2)) + end }
            guard let from = int(groups[1]), let to = Int(end), to > from, to - from < 200 else { return nil }
            return range(groups[1], end)
        },
        // from 2015 onwards
        TemporalRule("(?i:from\\s+)" + L.year + "(?i:\\s+on(?:wards?)?)", core: L.year, lead: 8, leadRun: LeadRun(requiring: ["from"]), needs: .all([.year, .word(["from"])])) { groups, _ in
            int(groups[1]).map { fixed(PartialDate(year: $0)) }
        },
        // January nineteen ninety-seven, the winter of nineteen ninety-four
        TemporalRule("(?i:(?:the\\s+)?(?:(?:early|late)\\s+)?)(?:(" + L.month + ")|(?i:(spring|summer|autumn|fall|winter)))\\s+(?:of\\s+)?" + L.spokenYear, aroundWords: true, needs: .word(["nineteen"])) { groups, _ in
            guard let year = L.spokenYearNumber(groups[3]!) else { return nil }
            if let month = groups[1].flatMap(L.monthNumber) { return fixed(PartialDate(year: year, month: month)) }
            guard let season = groups[2].flatMap(L.season) else { return nil }
            return fixed(.date, "\(year)-\(season.timex)", edtf: "\(year)-\(season.edtf)")
        },
        // the summer, in spring, this fall, late winter: the season of the anchor's year (`fall`
        // only after a word that makes it a noun, and not `the fall of` a regime), or the next
        // when the clause looks ahead
        TemporalRule("(?i)\\b(?:(?:the|in|during|this)\\s+)(?:(?:early|late)\\s+)?(spring|summer|autumn|winter|fall)\\b(?!\\s+(?:of\\b|\\d))|\\b(?:early|late)\\s+(spring|summer|autumn|winter)\\b(?!\\s+(?:of\\b|\\d))", aroundWords: true,
                     leadRun: LeadRun(requiring: ["the", "in", "during", "this", "early", "late"]),
                     needs: .word(["spring", "summer", "autumn", "winter", "fall"])) { groups, around in
            guard let season = (groups[1] ?? groups[2]).flatMap(L.season) else { return nil }
            return Reading(anchor: .reference) { focus in
                guard let point = focus?.point else { return Value(type: .date, value: "XXXX-\(season.timex)") }
                let year = seasonYear(season.edtf, around.looksAhead ? 1 : 0, from: point)
                return Value(type: .date, value: "\(year)-\(season.timex)", edtf: "\(year)-\(season.edtf)")
            }
        },
        // spring 2022, the summer of 1999
        TemporalRule("(?i:(?:the\\s+)?(?:(?:early|late)\\s+)?)(?i:(spring|summer|autumn|fall|winter))\\s+(?:of\\s+)?" + L.year, core: L.year, tail: 0, leadRun: LeadRun(words: ["the", "early", "late", "of"], requiring: ["spring", "summer", "autumn", "fall", "winter"]), needs: .all([.year, .word(["spring", "summer", "autumn", "fall", "winter"])])) { groups, _ in
            guard let season = L.season(groups[1]!), let year = int(groups[2]) else { return nil }
            return fixed(.date, "\(year)-\(season.timex)", edtf: "\(year)-\(season.edtf)")
        },
        // the third quarter (of 1998), third-quarter, the first half, the fiscal first quarter
        TemporalRule("(?i:(?:the\\s+)?(?:fiscal\\s+)?(first|second|third|fourth|1st|2nd|3rd|4th|last)[\\s-]+(quarter|half)s?\\b(?!-to-))(?:\\s+of\\s+(?:fiscal\\s+)?" + L.year + ")?", aroundWords: true, needs: .word(["quarter", "half"])) { groups, around in
            let isHalf = groups[2]!.lowercased() == "half"
            // `the last quarter` of a year the text names is its fourth; alone it is the latest.
            if groups[1]!.lowercased() == "last" && groups[3] == nil { return nil }
            guard let number = groups[1]!.lowercased() == "last" ? (isHalf ? 2 : 4) : L.ordinal(groups[1]!) else { return nil }
            guard number <= (isHalf ? 2 : 4) else { return nil }
            let code = isHalf ? "H" : "Q"
            // A quarter spoken of ahead and not over when written (`will result in a
            // fourth-quarter charge`) is not the one the report is about: `the quarter` and `a
            // year ago` still mean that one (`expects to report a third-quarter loss` in November
            // is). Nor is one it is set against (`after a flat second quarter`).
            let mentioned: @Sendable (Int, TemporalTagger.Focus?) -> TemporalTagger.Focus? = { year, focus in
                let toCome = focus.map { $0.isWritingDate && (year, number * 3) >= ($0.point.year, $0.point.month ?? 12) } ?? false
                return isHalf || around.isContrast || (toCome && around.looksAhead) ? nil : TemporalTagger.Focus(point: PartialDate(year: year), quarter: number)
            }
            if let year = int(groups[3]) {
                return Reading(anchor: .reference) { focus in Value(type: .date, value: "\(year)-\(code)\(number)", mentioned: mentioned(year, focus)) }
            }
            return Reading(anchor: .reference) { focus in
                guard let focus else { return Value(type: .date, value: "XXXX-\(code)\(number)") }
                var year = focus.point.year
                // Written before that quarter began, a report means the last one, unless the
                // clause looks ahead (`the fourth quarter` in January is last year's).
                if !isHalf, focus.isWritingDate, let month = focus.point.month, (number - 1) * 3 + 1 > month, !around.looksAhead { year -= 1 }
                return Value(type: .date, value: String(format: "%04d", year) + "-\(code)\(number)", mentioned: mentioned(year, focus))
            }
        },
        // the 1988 second quarter, the 1988 quarter: a quarter of a year the text names
        // Case-insensitive around the year, not over it: a year's classes are the same in every
        // rule, and closing them over case made this the costliest to compile (with ICU, before).
        TemporalRule("(?i:\\bthe\\s+)" + L.year + "(?i:\\s+(?:(first|second|third|fourth)[\\s-]+)?(?:quarter|period)\\b)", core: L.year, lead: 8, leadRun: LeadRun(requiring: ["the"]), needs: .all([.year, .word(["quarter", "period"])])) { groups, _ in
            guard let year = int(groups[1]) else { return nil }
            let named = groups[2].flatMap(L.ordinal)
            return Reading(anchor: .lastMention) { focus in
                guard let quarter = named ?? focus?.quarter else { return Value(type: .date, value: String(year)) }
                return Value(type: .date, value: String(format: "%04d-Q%d", year, quarter))
            }
        },
        // the quarter, the latest quarter, the year-earlier quarter: the quarter the text spoke of
        TemporalRule("(?i)\\bthe\\s+(latest|last|current|previous|same|year-earlier|year-ago|year\\s+earlier)?\\s*(?:fiscal\\s+)?(quarter|period)\\b(?!-to-)", aroundWords: true,
                     leadRun: LeadRun(words: ["latest", "last", "current", "previous", "same", "year", "earlier", "ago", "fiscal"], marks: "-", requiring: ["the"]),
                     needs: .word(["quarter", "period"])) { groups, _ in
            let which = groups[1]?.lowercased().replacingOccurrences(of: " ", with: "-") ?? ""
            guard groups[2]!.lowercased() == "quarter" || which.hasPrefix("year") else { return nil }
            // The latest and the current quarter count from the writing date, whatever the text
            // spoke of last; the others are the quarter under discussion.
            let deictic = ["latest", "last", "current"].contains(which)
            return Reading(anchor: deictic ? .reference : .quarter) { focus in
                guard let focus else { return nil }
                // From a date (the writing date for these, or any anchor without a quarter
                // mentioned): the last quarter finished before it, or the one it falls in.
                let fromWritingDate = deictic && focus.isWritingDate
                var year = focus.point.year
                var number: Int
                if let mentioned = focus.quarter, !fromWritingDate {
                    number = mentioned
                } else {
                    guard let month = focus.point.month else { return nil }
                    number = (month - 1) / 3 + (fromWritingDate && which == "current" ? 1 : 0)
                }
                if which == "previous" { number -= 1 }
                if number < 1 { number += 4; year -= 1 }
                if which.hasPrefix("year") { year -= 1 }
                return Value(type: .date, value: String(format: "%04d-Q%d", year, number))
            }
        },
        // the 1950s, the late 1990s
        TemporalRule("(?i:(?:the\\s+)?(?:(?:early|mid|late)[- ]?)?)(\\d{3})0[’']?s\\b", core: "\\d{3}0[’']?s", lead: 16, leadRun: LeadRun(words: ["the", "early", "mid", "late"], digits: true, marks: "-"), needs: .shape(.decade)) { groups, around in
            guard let decade = groups[1], around.allowsYear else { return nil }
            return fixed(.date, decade, edtf: decade + "X")
        },
        // the twentieth century, the 19th century
        TemporalRule("(?i:(?:the\\s+)?(?:(?:early|mid|late)[- ]?)?)(" + L.ordinal + ")[- ](?i:century)", aroundWords: true, needs: .word(["centur"])) { groups, _ in
            guard let number = L.ordinal(groups[1]!), (1...21).contains(number) else { return nil }
            let prefix = String(format: "%02d", number - 1)
            return fixed(.date, prefix, edtf: prefix + "XX")
        },
        // fiscal 1998
        TemporalRule("(?i:fiscal(?:\\s+year)?\\s+)" + L.year, core: L.year, lead: 20, tail: 0, leadRun: LeadRun(words: ["year"], requiring: ["fiscal"]), needs: .all([.year, .word(["fiscal"])])) { groups, _ in int(groups[1]).map { fixed(PartialDate(year: $0)) } },
        // nineteen ninety-six, the year two thousand (as transcripts spell years)
        TemporalRule("(?i)\\b(?:the\\s+year\\s+)?(?:(nineteen)[\\s-]+(" + L.spokenTens + ")(?:[\\s-]+(" + L.spokenOnes + "))?|two\\s+thousand(?:\\s+(?:and\\s+)?(" + L.spokenOnes + "))?)\\b", aroundWords: true, needs: .word(["nineteen", "thousand"])) { groups, around in
            var year: Int
            if groups[1] != nil {
                guard let tens = L.count(groups[2]!) else { return nil }
                year = 1900 + Int(tens) + (groups[3].flatMap { L.count($0) }.map(Int.init) ?? 0)
            } else {
                // `two thousand` alone is a year only when introduced as one.
                guard groups[0]!.lowercased().hasPrefix("the year") || groups[4] != nil else { return nil }
                year = 2000 + (groups[4].flatMap { L.count($0) }.map(Int.init) ?? 0)
            }
            return fixed(PartialDate(year: year))
        },
        // mid-1996, the end of 1948, the year 1948 (a year led by words that place it), and 1948
        // alone: two rules, so the year alone is its core's own matches and the pattern with
        // its lead runs only where a lead word is.
        TemporalRule("(?i:(?:early|late|mid)[- ]?\\s*|(?:the\\s+)?(?:end|beginning|start|middle|spring|summer|autumn|fall|winter)\\s+of\\s+|the\\s+year\\s+)" + L.year, core: L.year, lead: 24, tail: 0,
                     leadRun: LeadRun(words: ["the", "of"], marks: "-",
                                      requiring: ["early", "late", "mid", "end", "beginning", "start", "middle", "spring", "summer", "autumn", "fall", "winter", "year"]),
                     needs: .all([.year, .anyWord(["early", "late", "mid", "end", "beginning", "start", "middle", "spring", "summer", "autumn", "fall", "winter", "year"])]),
                     read: bareYear),
        TemporalRule(L.year, core: L.year, lead: 0, needs: .year, read: bareYear),
        // Christmas, New Year's Day, Thanksgiving: holidays of the anchor's year
        TemporalRule("\\b(Christmas(?:\\s+(?:Day|Eve))?|New\\s+Year[’']s(?:\\s+(?:Day|Eve))?|Independence\\s+Day|Halloween|Thanksgiving(?:\\s+Day)?|Valentine[’']s\\s+Day|Labor\\s+Day|Memorial\\s+Day|Election\\s+Day)\\b", aroundWords: true,
                     needs: .any([.anyWord(["christmas", "halloween", "thanksgiving"]), .all([.anyWord(["new"]), .anyWord(["year"])]),
                                  .all([.anyWord(["independence", "valentine", "labor", "memorial", "election"]), .anyWord(["day"])])])) { groups, _ in
            let name = groups[1]!.replacingOccurrences(of: "’", with: "'")
            return anchoredOn(.reference, { focus in
                guard let date = L.holiday(name, year: focus.point.year) else { return nil }
                return L.holiday(name, year: nearestYear(month: date.month!, day: date.day, to: focus))
            })
        },
        // today, yesterday, tomorrow, late yesterday
        TemporalRule("(?i)\\b(?:(?:early|late)\\s+)?(today|yesterday|tomorrow)\\b", aroundWords: true, needs: .word(["today", "yesterday", "tomorrow"])) { groups, _ in
            let offset = ["today": 0, "yesterday": -1, "tomorrow": 1][groups[1]!.lowercased()]!
            return Reading(anchor: .reference) { focus in
                // Without a day to count from, `today` is the writer's present.
                guard let point = focus?.point, point.day != nil else {
                    return Value(type: .date, value: offset == 0 ? "PRESENT_REF" : offset < 0 ? "PAST_REF" : "FUTURE_REF")
                }
                let day = point.adding(offset, .day)
                return Value(type: .date, value: day.iso, edtf: day.iso, mentioned: .init(point: day))
            }
        },
        // tonight, last night, this morning, yesterday afternoon, mid-afternoon yesterday
        TemporalRule("(?i)\\b(?:(tonight|last\\s+night|this\\s+(morning|afternoon|evening))|(yesterday|today|tomorrow)\\s+(morning|afternoon|evening|night)|(?:(?:early|late|mid)[- ]?)?(morning|afternoon|evening|night)\\s+(yesterday|today|tomorrow))\\b", aroundWords: true, needs: .word(["tonight", "night", "morning", "afternoon", "evening"])) { groups, _ in
            let partWord = (groups[2] ?? groups[4] ?? groups[5])?.lowercased() ?? "night"
            let part = ["morning": "MO", "afternoon": "AF", "evening": "EV"][partWord] ?? "NI"
            let dayWord = (groups[3] ?? groups[6])?.lowercased()
            let offset = dayWord.map { ["yesterday": -1, "today": 0, "tomorrow": 1][$0]! } ?? (groups[1]!.lowercased().hasPrefix("last") ? -1 : 0)
            return Reading(anchor: .reference) { focus in
                guard let point = focus?.point, point.day != nil else { return nil }
                return Value(type: .time, value: point.adding(offset, .day).iso + "T" + part)
            }
        },
        // now, recently, the future
        TemporalRule("(?i)\\b(now|nowadays|currently|at present|the present|recently|lately|the past|in the future|the future|formerly)\\b", aroundWords: true, lead: 8, tail: 0, needs: .anyWord(["now", "nowadays", "currently", "present", "recently", "lately", "past", "future", "formerly"])) { groups, _ in
            let word = groups[1]!.lowercased()
            let value = ["now", "nowadays", "currently", "at present", "the present"].contains(word) ? "PRESENT_REF"
                : word.hasSuffix("future") ? "FUTURE_REF" : "PAST_REF"
            return fixed(.date, value)
        },
        // last week, this year, next month, earlier this year, last spring
        TemporalRule("(?i)\\b(?:(?:earlier|later|early|late)\\s+)?(last|next|this|coming|past|previous)\\s+(week|weekend|month|year|quarter|spring|summer|autumn|fall|winter)\\b", aroundWords: true, leadRun: LeadRun(words: ["earlier", "later", "early", "late"]), needs: .all([.word(["last", "next", "this", "coming", "past", "previous"]), .word(["week", "month", "year", "quarter", "spring", "summer", "autumn", "fall", "winter"])])) { groups, _ in
            let direction = ["last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1][groups[1]!.lowercased()]!
            let word = groups[2]!.lowercased()
            return Reading(anchor: .reference) { focus in
                guard let point = focus?.point else { return nil }
                switch word {
                case "week", "weekend":
                    guard point.day != nil else { return nil }
                    return Value(type: .date, value: point.adding(direction, .week).isoWeek + (word == "weekend" ? "-WE" : ""))
                case "month":
                    let month = point.monthOnly.adding(direction, .month)
                    return Value(type: .date, value: month.iso, edtf: month.iso, mentioned: .init(point: month))
                case "year":
                    let year = point.yearOnly.adding(direction, .year)
                    // Among quarters, the year (still compared quarter by quarter after it).
                    if focus?.quarter != nil { return Value(type: .date, value: year.iso, edtf: year.iso) }
                    return Value(type: .date, value: year.iso, edtf: year.iso, mentioned: .init(point: year))
                case "quarter":
                    let month = point.monthOnly.adding(3 * direction, .month)
                    let quarter = (month.month! - 1) / 3 + 1
                    return Value(type: .date, value: String(format: "%04d-Q%d", month.year, quarter),
                                 mentioned: .init(point: PartialDate(year: month.year), quarter: quarter))
                default:
                    let season = L.season(word)!
                    let year = seasonYear(season.edtf, direction, from: point)
                    return Value(type: .date, value: "\(year)-\(season.timex)", edtf: "\(year)-\(season.edtf)")
                }
            }
        },
        // that year, the same month, the following year, the previous day, the year before
        TemporalRule("(?i)\\b(?:(that|the\\s+same)\\s+(year|month|day)|the\\s+(following|next|previous|preceding)\\s+(year|month|day)|the\\s+(year|month|day)\\s+(before|after))\\b", aroundWords: true, leadRun: LeadRun(words: ["that", "the", "same", "following", "next", "previous", "preceding"]),
                     needs: .anyWord(["year", "month", "day"])) { groups, _ in
            let unitWord = (groups[2] ?? groups[4] ?? groups[5])!.lowercased()
            let which = (groups[3] ?? groups[6] ?? "same").lowercased()
            let direction = ["following": 1, "next": 1, "after": 1, "previous": -1, "preceding": -1, "before": -1][which] ?? 0
            let unit = L.unit(unitWord)!
            return anchored(.lastMention) { point in
                switch unit {
                case .year: point.yearOnly.adding(direction, .year)
                case .month: point.month == nil ? nil : point.monthOnly.adding(direction, .month)
                default: point.day == nil ? nil : point.adding(direction, .day)
                }
            }
        },
        // three years ago (from the reference date), nearly a decade ago, a year earlier (from
        // the last date), at a quarter's grain when the text spoke of quarters: the date it
        // points to. A count the text leaves open (`several years ago`) is just the past.
        TemporalRule("(?i)\\b(?:(?:about|almost|nearly|some|roughly|around|approximately|just|only|more\\s+than|less\\s+than|over)\\s+)?(" + L.number + ")[\\s-]+(" + L.unit + ")(?:\\s+or\\s+so)?\\s+(ago|earlier)\\b", aroundWords: true, earliestStart: { NumberBeforeUnit.earliestStart($0, unitAt: $1, lead: NumberBeforeUnit.approximateLead) }, needs: .all([.word(L.unitStems), .word(["ago", "earlier"])])) { groups, _ in
            guard let unit = L.unit(groups[2]!) else { return nil }
            let word = groups[3]!.lowercased()
            guard let count = L.count(groups[1]!) else { return word == "ago" ? fixed(.date, "PAST_REF") : nil }
            guard count == count.rounded() else { return nil }
            return Reading(anchor: word == "ago" ? .reference : .lastMention) { focus in
                guard let focus else { return nil }
                // A look back leaves the focus where it was; weeks ago is a week.
                guard let reached = offset(-Int(count), unit, from: focus) else { return nil }
                if unit == .week, let day = reached.date { return Value(type: .date, value: day.isoWeek) }
                return Value(type: .date, value: reached.value, edtf: reached.date?.iso)
            }
        },
        // one year later, two months after, ten days before: TimeML's duration (`one year`),
        // which reaches the date it points to from the last date the text gave; the event it
        // dates is what readers want. A story told forwards moves the focus on.
        TemporalRule("(?i)\\b(" + L.number + ")[\\s-]+(" + L.unit + ")(?=\\s+(later|after|before|afterwards?)\\b)", aroundWords: true, tail: 0, earliestStart: { NumberBeforeUnit.earliestStart($0, unitAt: $1) }, needs: .all([.word(L.unitStems), .word(["later", "after", "before"])])) { groups, _ in
            guard let count = L.count(groups[1]!), count == count.rounded(), let unit = L.unit(groups[2]!) else { return nil }
            let amount = Int(count) * (groups[3]!.lowercased() == "before" ? -1 : 1)
            let duration = unit.duration(String(Int(count)))
            return Reading(anchor: .lastMention) { focus in
                guard let focus, let reached = offset(amount, unit, from: focus)?.date else { return Value(type: .duration, value: duration) }
                return Value(type: .duration, value: duration, reaches: reached.iso, mentioned: amount > 0 ? .init(point: reached) : nil)
            }
        },
        // year-earlier, year-ago: the same time a year before
        TemporalRule("(?i)\\byear-(?:earlier|ago)\\b", aroundWords: true, needs: .all([.anyWord(["year"]), .anyWord(["earlier", "ago"])])) { _, _ in
            Reading(anchor: .lastMention) { focus in
                guard let focus else { return nil }
                if let quarter = focus.quarter { return Value(type: .date, value: String(format: "%04d-Q%d", focus.point.year - 1, quarter)) }
                return Value(type: .date, value: String(format: "%04d", focus.point.year - 1))
            }
        },
        // Friday, Sunday night, each Thursday (news: the one before the reference date, unless
        // the clause looks ahead)
        TemporalRule("(?i:(each|every|last|next|(?:the\\s+)?previous|this)\\s+)?\\b(" + L.weekday + ")(?:\\s+(?i:(morning|afternoon|evening|night)s?))?(?!,?\\s+(?:" + L.month + "|the\\s+\\d|\\d))", aroundWords: true, needs: .word(L.weekdays)) { groups, around in
            let target = L.weekdays.firstIndex(of: groups[2]!.lowercased())! + 1
            let which = groups[1]?.lowercased() ?? ""
            let part = groups[3].map { ["morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"][$0.lowercased()]! }
            if which == "each" || which == "every" { return fixed(.set, "XXXX-WXX-\(target)" + (part.map { "T" + $0 } ?? "")) }
            // `the previous Friday` is the one before the day the text last spoke of; `last
            // Friday` counts from the writing date.
            let anaphoric = which.hasSuffix("previous")
            return Reading(anchor: anaphoric ? .lastMention : .reference) { focus in
                guard let point = focus?.point, point.day != nil else { return Value(type: .date, value: "XXXX-WXX-\(target)") }
                let day: PartialDate
                if anaphoric, focus?.isWritingDate == false {
                    day = point.adding(-((point.weekday - target + 6) % 7 + 1), .day)
                } else if which == "last" || anaphoric || which == "next" {
                    // That weekday in the week before (or after) the reference date's.
                    let week = point.adding(which == "next" ? 7 : -7, .day)
                    day = week.adding(target - week.weekday, .day)
                } else {
                    day = nearestWeekday(target, to: point, ahead: around.looksAhead)
                }
                if let part { return Value(type: .time, value: day.iso + "T" + part, mentioned: .init(point: day)) }
                return Value(type: .date, value: day.iso, edtf: day.iso, mentioned: .init(point: day))
            }
        },
        // each July
        TemporalRule("(?i:each|every)\\s+(" + L.month + ")\\b", aroundWords: true, lead: 0, needs: .all([.anyWord(["each", "every"]), .anyWord(L.monthWords)])) { groups, _ in
            L.monthNumber(groups[1]!).map { fixed(.set, "XXXX-" + String(format2: $0)) }
        },
        // 10:30 a.m., 3 p.m., noon, midnight, 10 p.m. Wednesday
        TemporalRule("(?i)(?:\\b(\\d{1,2})(?::(\\d{2}))?\\s*([ap])\\.?m\\.?(?!\\w)|\\b(noon|midnight|midday))(?:\\s+(?-i:[ECMP][SD]T|GMT|UTC))?(?:,?\\s+(" + L.weekday + "|today|yesterday|tomorrow|(" + L.month + ")\\s+(" + L.day + ")(?!\\d)))?", needs: .any([.all([.digit, .anyWord(["am", "pm", "m"])]), .word(["noon", "midnight", "midday"])])) { groups, around in
            var hour = int(groups[1]) ?? (groups[4]?.lowercased() == "midnight" ? 24 : 12)
            if groups[1] != nil {
                guard (1...12).contains(hour) else { return nil }
                if groups[3]!.lowercased() == "p" && hour < 12 { hour += 12 }
                if groups[3]!.lowercased() == "a" && hour == 12 { hour = 0 }
            }
            let time = String(format: "T%02d:%02d", hour, int(groups[2]) ?? 0)
            let dayWord = groups[5]?.lowercased()
            return Reading(anchor: .reference) { focus in
                guard let point = focus?.point, point.day != nil else { return Value(type: .time, value: "XXXX-XX-XX" + time) }
                var day = point
                if let month = groups[6].flatMap(L.monthNumber), let date = int(groups[7]) {
                    day = PartialDate(year: nearestYear(month: month, day: date, to: focus!, tense: around.looksAhead ? .ahead : .unmarked), month: month, day: date)
                } else if let dayWord {
                    if let offset = ["today": 0, "yesterday": -1, "tomorrow": 1][dayWord] {
                        day = point.adding(offset, .day)
                    } else if let target = L.weekdays.firstIndex(of: dayWord).map({ $0 + 1 }) {
                        day = nearestWeekday(target, to: point, ahead: around.looksAhead)
                    }
                }
                return Value(type: .time, value: day.iso + time)
            }
        },
        // annually, every year, each month
        TemporalRule("(?i)\\b(?:(annually|yearly|daily|weekly|monthly|hourly)|(?:every|each|per)\\s+(?:(" + L.number + ")\\s+)?(" + L.unit + "))\\b", aroundWords: true, needs: .any([.anyWord(["annually", "yearly", "daily", "weekly", "monthly", "hourly"]), .all([.anyWord(["every", "each", "per"]), .word(L.unitStems)])])) { groups, _ in
            if let word = groups[1]?.lowercased() {
                let value = ["annually": "P1Y", "yearly": "P1Y", "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "hourly": "PT1H"][word]!
                return fixed(.set, value)
            }
            guard let unit = L.unit(groups[3]!) else { return nil }
            let count = groups[2].flatMap { L.count($0) }.map { String(Int($0)) } ?? "1"
            return fixed(.set, unit.duration(count))
        },
        // $5,000 a year, twice a month, 3% a year: a rate, not a length
        TemporalRule("(?i)" + Patterns.lookBehind(words: rateWords, or: ["\\d\\s", "\\d%\\s"]) + "an?\\s+(year|month|week|day|hour|minute|second)\\b", core: "(?i)\\ban?\\s+(?:year|month|week|day|hour|minute|second)\\b", lead: 0,
                     leadRun: LeadRun(marks: "%", requiring: rateWords, orNumber: true),
                     needs: .all([.word(L.unitStems), .any([.digit, .anyWord(Set(rateWords))])])) { groups, _ in
            L.unit(groups[1]!).map { fixed(.set, $0.duration("1")) }
        },
        // 2 1/2 years, two and a half hours, a minute and a half: the half in the next unit down
        TemporalRule("(?i)\\b(?:(?:about|almost|nearly|around|roughly|more\\s+than|less\\s+than|over)\\s+)?(?:(\\d+)(?:\\s+|-)1/2|(" + L.number + ")\\s+and\\s+a\\s+half)[\\s-]+(" + L.unit + ")\\b|\\b(" + L.number + ")\\s+(" + L.unit + ")\\s+and\\s+a\\s+half\\b", core: "(?i)1/2|\\bhalf\\b", leadRun: NumberBeforeUnit.halvesLead, needs: .all([.word(L.unitStems), .any([.digit, .word(["half"])])])) { groups, _ in
            guard let whole = (groups[1] ?? groups[2] ?? groups[4]).flatMap(L.count), whole == whole.rounded(),
                  let unit = (groups[3] ?? groups[5]).flatMap(L.unit), let value = unit.andAHalf(Int(whole)) else { return nil }
            return fixed(.duration, value)
        },
        // three years, a 78-day siege, almost 24 years, the past two decades, the nine months;
        // not an age (`a 6-year-old`)
        TemporalRule("(?i)\\b" + NumberBeforeUnit.lead + "(" + L.number + ")(?:\\s+more)?[\\s-]+(" + L.unit + ")(?:-long)?\\b(?![-\\s]+old\\b)(?!(?<=quarter)\\s+of\\b)", aroundWords: true, tail: 8, earliestStart: { NumberBeforeUnit.earliestStart($0, unitAt: $1) },
                     needs: .word(L.unitStems)) { groups, _ in
            guard let unit = L.unit(groups[2]!) else { return nil }
            // `three-quarters of`, `a second time`: a fraction and an ordinal, not durations.
            if unit == .quarter && groups[0]!.contains("-") && groups[2]!.lowercased().hasSuffix("s") { return nil }
            if unit == .second && ["a", "an"].contains(groups[1]!.lowercased()) { return nil }
            let amount: String
            if let count = L.count(groups[1]!) {
                // `the 1988 quarter`, `the 1988 second quarter`: a year, not a count.
                guard count > 0, !(1000...2099).contains(count) || [.year, .day, .hour, .minute].contains(unit) else { return nil }
                amount = count == count.rounded() ? String(Int(count)) : String(count)
            } else {
                amount = "X"
            }
            return fixed(.duration, unit.duration(amount))
        },
        // the weekend, the full year, the fiscal year, these days, the near future, the nineties
        TemporalRule("(?i)\\bthe\\s+weekend\\b", aroundWords: true, needs: .word(["weekend"])) { _, _ in
            Reading(anchor: .reference) { focus in
                guard let point = focus?.point, point.day != nil else { return nil }
                // Early in the week, the weekend just past; later, the coming one.
                return Value(type: .date, value: point.adding(point.weekday <= 2 ? -7 : 0, .day).isoWeek + "-WE")
            }
        },
        // the year ended March 31: a year of accounts, told by its last day (a date of its own)
        TemporalRule("(?i)\\bthe\\s+(?:fiscal\\s+)?year(?=\\s+end(?:ed|ing)\\b)", aroundWords: true, needs: .all([.anyWord(["year"]), .anyWord(["ended", "ending"])])) { _, _ in
            fixed(.duration, "P1Y")
        },
        // the full year, the current fiscal year, the latest fiscal year (the last one closed)
        TemporalRule("(?i)\\bthe\\s+(?:(full|current|latest)\\s+)?(?:fiscal|calendar)?\\s*year\\b(?<!the\\syear)", aroundWords: true,
                     leadRun: LeadRun(words: ["full", "current", "latest", "fiscal", "calendar"], requiring: ["the"]), needs: .word(["year"])) { groups, _ in
            let back = groups[1]?.lowercased() == "latest" ? 1 : 0
            return Reading(anchor: .reference) { focus in
                focus.map { Value(type: .date, value: String(format: "%04d", $0.point.year - back)) }
            }
        },
        TemporalRule("(?i)\\b(these\\s+days|the\\s+near\\s+(?:future|term)|the\\s+short\\s+term|the\\s+long\\s+term)\\b", aroundWords: true, lead: 16, tail: 16, leadRun: LeadRun(words: ["the"]),
                     needs: .any([.all([.anyWord(["these"]), .anyWord(["days"])]), .all([.anyWord(["near"]), .anyWord(["future", "term"])]),
                                  .all([.anyWord(["short", "long"]), .anyWord(["term"])])])) { groups, _ in
            fixed(.date, groups[1]!.lowercased().hasPrefix("these") ? "PRESENT_REF" : "FUTURE_REF")
        },
        TemporalRule("(?i)\\bthe\\s+(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\\b", aroundWords: true, needs: .word(["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"])) { groups, _ in
            let tens = ["twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9][groups[1]!.lowercased()]!
            return fixed(.date, "19\(tens)", edtf: "19\(tens)X")
        },
        // recent years, the past decade: a stretch of time up to the present, its length open
        // or one unit
        TemporalRule("(?i)\\b(?:recent\\s+(years|months|weeks|decades|days)|(?:the\\s+)?(?:past|last)\\s+(decade|century))\\b", aroundWords: true, lead: 24, needs: .word(["recent", "decade", "centur"])) { groups, _ in
            if let units = groups[1] { return L.unit(units).map { fixed(.duration, $0.duration("X")) } }
            return L.unit(groups[2]!).map { fixed(.duration, $0.duration("1")) }
        },
        // the coming years, the weeks ahead: a stretch of time from the present, its length open
        TemporalRule("(?i)\\b(?:(?:the\\s+)?coming\\s+(years|months|weeks|days|decades)|the\\s+(years|months|weeks|days)\\s+ahead)\\b", aroundWords: true, needs: .word(["coming", "ahead"])) { groups, _ in
            L.unit((groups[1] ?? groups[2])!).map { fixed(.duration, $0.duration("X")) }
        },
        // the end of the year, the end of the day, earlier in the month: the period the anchor is
        // in (`later in the day` is a time of the day, too vague to date)
        TemporalRule("(?i)\\b(?:(?:the\\s+)?(?:end|beginning|start|middle)\\s+of\\s+the\\s+(year|month|day)|(?:earlier|later)\\s+in\\s+the\\s+(year|month))\\b", aroundWords: true, needs: .all([.anyWord(["end", "beginning", "start", "middle", "earlier", "later"]), .anyWord(["year", "month", "day"])])) { groups, _ in
            let unit = (groups[1] ?? groups[2])!.lowercased()
            return anchored(.lastMention, movesFocus: false) { point in
                switch unit {
                case "year": point.yearOnly
                case "month": point.month == nil ? nil : point.monthOnly
                default: point.day == nil ? nil : point
                }
            }
        },
        // at a later date, in past years: the future, the past
        TemporalRule("(?i)\\b(a\\s+later\\s+date|past\\s+years)\\b", aroundWords: true,
                     needs: .any([.all([.anyWord(["later"]), .anyWord(["date"])]), .all([.anyWord(["past"]), .anyWord(["years"])])])) { groups, _ in
            fixed(.date, groups[1]!.lowercased().hasPrefix("a") ? "FUTURE_REF" : "PAST_REF")
        },
        // for years, for decades
        TemporalRule("(?i)" + Patterns.lookBehind(words: ["for", "over", "recent"]) + "(years|months|decades|weeks|days|centuries)\\b", aroundWords: true, lead: 0, needs: .anyWord(["years", "months", "decades", "weeks", "days", "centuries"])) { groups, _ in
            L.unit(groups[1]!).map { fixed(.duration, $0.duration("X")) }
        },
    ]

    static func range(_ from: String?, _ to: String?) -> Reading? {
        guard let from, let to, let start = Int(from), let end = Int(to), end > start else { return nil }
        return Reading(anchor: .none) { _ in
            Value(type: .date, value: "\(start)/\(end)", edtf: "\(start)/\(end)", mentioned: .init(point: PartialDate(year: end)))
        }
    }
}
