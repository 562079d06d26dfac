/// Finds temporal expressions in prose and normalizes them as TIMEX3 (type and value) and, where
/// one exists, EDTF.
///
/// Each rule in `TemporalRules` reads one way dates are written. Where rules overlap the longest
/// reading wins. Values are then resolved left to right: deictic expressions (`yesterday`, `last
/// month`) against the reference date, anaphoric ones (`the following year`, `one year later`)
/// against the last date the text mentioned; each lacking its anchor falls back on the other.
public struct TemporalTagger: Sendable {
    /// A found expression, offsets in code points of the tagged string.
    public struct Found: Sendable, Hashable {
        public var range: Range<Int>
        public var type: TemporalExpression.Kind
        public var value: String
        public var edtf: String?
        /// For an offset (`one year after`), the date it reaches, as EDTF.
        public var reaches: String?
    }

    /// The date the text was written, for deictic expressions.
    public var referenceDate: PartialDate?

    /// Whether rules skip texts without the words they need (off only to test that the needs
    /// never hide a match).
    var skipsByNeeds = true
    /// Whether rules look for their full pattern only around their core or their words (off
    /// only to test that this finds what a whole scan finds).
    var usesCores = true
    /// Whether rules look from where their leads can start, not from as far as they can reach
    /// (off only to test that this finds the same).
    var readsLeads = true

    public init(referenceDate: PartialDate? = nil) {
        self.referenceDate = referenceDate
    }

    /// What the text last dated: anaphora (`the following year`, `the quarter`) count from it.
    public struct Focus: Sendable, Hashable {
        public var point: PartialDate
        /// The quarter the text spoke of, when it spoke of one (`the third quarter`).
        public var quarter: Int?
        /// Whether the point is the date the text was written, not one the text gave.
        public var isWritingDate = false

        public init(point: PartialDate, quarter: Int? = nil, isWritingDate: Bool = false) {
            self.point = point
            self.quarter = quarter
            self.isWritingDate = isWritingDate
        }
    }

    /// Tags one string; `lastMention` carries the anaphoric anchor from string to string.
    public func tag(_ text: String, lastMention: inout Focus?) -> [Found] {
        tag(utf16: text.utf16Units, scalarCount: nil, lastMention: &lastMention)
    }

    /// `tag(_:lastMention:)` of a text's code points, as a document holds them.
    public func tag(_ scalars: ArraySlice<Unicode.Scalar>, lastMention: inout Focus?) -> [Found] {
        tag(utf16: scalars.utf16Units, scalarCount: scalars.count, lastMention: &lastMention)
    }

    /// `tag(_:lastMention:)` of a text's UTF-16 units, the units regular expressions see: one
    /// copy for the passes over every sentence.
    /// `scalarCount`: how many code points the units were made from, where that is known.
    private func tag(utf16 units: [UInt16], scalarCount: Int?, lastMention: inout Focus?) -> [Found] {
        // Code-point offsets are made when the first match needs them: most sentences have none.
        var offsets: ScalarOffsets?
        var candidates: [(range: Range<Int>, rule: Int, reading: TemporalRule.Reading)] = []
        let present = TemporalRules.needs.present(in: units)
        let digits = DigitShapes(units: units)
        let rulesToAsk = skipsByNeeds
            ? TemporalRules.needs.candidateRules(present: present, digits: digits)
            : .below(TemporalRules.all.count)
        var cores = CoreMatches()
        // The rule is read only once its needs are met: reading one retains it.
        for index in rulesToAsk where !skipsByNeeds || TemporalRules.needs.met(index, present: present, digits: digits) {
            let rule = TemporalRules.all[index]
            let matches = usesCores
                ? rule.matches(in: units, cores: &cores, readsLeads: readsLeads) { TemporalRules.needs.places(of: index, in: present) }
                : rule.expression.matches(in: units)
            for match in matches {
                let groups = (0..<match.numberOfRanges).map { number in match.range(at: number).map { String(utf16: units[$0]) } }
                guard let reading = rule.read(groups, Surroundings(of: match.range, in: units)) else { continue }
                if offsets == nil { offsets = ScalarOffsets(units: units, scalarCount: scalarCount) }
                let range = offsets!.scalarRange(match.range)
                guard !range.isEmpty else { continue }
                candidates.append((range, index, reading))
            }
        }
        guard let offsets else { return [] }
        // Longest first, then the earlier rule; keep what does not overlap a kept one.
        candidates.sort { ($0.range.count, -$0.rule, -$0.range.lowerBound) > ($1.range.count, -$1.rule, -$1.range.lowerBound) }
        var kept: [(range: Range<Int>, reading: TemporalRule.Reading)] = []
        var taken = [Bool](filledWith: false, count: offsets.scalarCount)
        for candidate in candidates where !candidate.range.contains(where: { taken[$0] }) {
            for position in candidate.range { taken[position] = true }
            kept.append((candidate.range, candidate.reading))
        }
        kept.sort { $0.range.lowerBound < $1.range.lowerBound }
        var found: [Found] = []
        let reference = referenceDate.map { Focus(point: $0, isWritingDate: true) }
        for (range, reading) in kept {
            let anchor: Focus?
            switch reading.anchor {
            case .none: anchor = nil
            // The reference date keeps the grain the text speaks in (`a year ago` among quarters).
            case .reference: anchor = reference.map { Focus(point: $0.point, quarter: lastMention?.quarter, isWritingDate: true) } ?? lastMention
            case .lastMention: anchor = lastMention ?? reference
            case .quarter: anchor = (lastMention?.quarter != nil ? lastMention : nil) ?? reference ?? lastMention
            }
            guard let value = reading.resolve(anchor) else { continue }
            found.append(Found(range: range, type: value.type, value: value.value, edtf: value.edtf, reaches: value.reaches))
            if value.type == .date || value.reaches != nil, var mentioned = value.mentioned {
                // A day or month of the same year (`the quarter ended Sept. 29`) leaves the
                // quarter under discussion in place.
                if mentioned.quarter == nil, let previous = lastMention, previous.point.year == mentioned.point.year {
                    mentioned.quarter = previous.quarter
                }
                lastMention = mentioned
            }
        }
        return found
    }
}

/// Code-point offsets for a string's UTF-16 offsets, which regular expressions report.
struct ScalarOffsets {
    /// Each unit's code point; nil where no pair of surrogates makes two units one code point,
    /// and the offsets are the units' (most texts: a table for them cost more than the tagging).
    private var scalarAt: [Int]?
    let scalarCount: Int

    /// `scalarCount`: how many code points the units were made from, where that is known. As
    /// many units as code points hold no pair of surrogates, and are not looked through for one.
    init(units: [UInt16], scalarCount: Int? = nil) {
        guard units.count != scalarCount, units.contains(where: UTF16.isSurrogate) else {
            scalarAt = nil
            self.scalarCount = units.count
            return
        }
        var scalarAt: [Int] = []
        scalarAt.reserveCapacity(units.count + 1)
        var scalarIndex = 0
        for (index, unit) in units.enumerated() {
            // The second unit of a pair belongs to the code point the first began.
            if index > 0 && UTF16.isTrailSurrogate(unit) && UTF16.isLeadSurrogate(units[index - 1]) {
                scalarAt.append(scalarIndex - 1)
            } else {
                scalarAt.append(scalarIndex)
                scalarIndex += 1
            }
        }
        scalarAt.append(scalarIndex)
        self.scalarAt = scalarAt
        self.scalarCount = scalarIndex
    }

    func scalarRange(_ range: Range<Int>) -> Range<Int> {
        guard let scalarAt else { return range }
        return scalarAt[range.lowerBound]..<scalarAt[range.upperBound]
    }
}
