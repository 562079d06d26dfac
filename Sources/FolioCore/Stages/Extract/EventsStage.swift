/// Makes each date that anchors something that happened a dated event: the date and the
/// sentence that tells it. Durations, frequencies and vague references (`recently`, `now`) date
/// nothing; neither does a date whose year the text leaves open.
public struct EventsStage: Stage {
    public static let name = "events"
    public static let phase = Phase.extract
    public static let summary = "dated events: each date that anchors something, with the sentence that tells it"
    public static let requires = [DatesStage.name]

    public init() {}

    public init(options: inout Options) throws {}

    public func run(_ document: inout Document, context: StageContext) throws {
        let dates = document.dates
        guard !dates.isEmpty else { return }
        var events: [DatedEvent] = []
        var next = 0
        for sentence in document.proseSentences() {
            while next < dates.count && dates[next].span.start < sentence.start { next += 1 }
            var index = next
            while index < dates.count && dates[index].span.end <= sentence.end {
                if anchorsAnEvent(dates[index]) {
                    events.append(DatedEvent(date: index, sentence: Self.telling(dates[index].span, in: sentence, document.text)))
                }
                index += 1
            }
        }
        document.events = events
    }

    /// A sentence longer than this is text without sentence ends (a table, a list run
    /// together): the event then tells only the words around its date, so the output stays in
    /// proportion to the input whatever the number of dates.
    static let longestSentence = 1000

    static func telling(_ date: TextRange, in sentence: TextRange, _ text: WorkingText) -> TextRange {
        guard sentence.count > longestSentence else { return sentence }
        var start = max(sentence.start, date.start - longestSentence / 3)
        var end = min(sentence.end, date.end + longestSentence / 3)
        while start > sentence.start && !text[start - 1].isWhitespace { start -= 1 }
        while end < sentence.end && !text[end].isWhitespace { end += 1 }
        return TextRange(start, end)
    }

    func anchorsAnEvent(_ date: TemporalExpression) -> Bool {
        if date.reaches != nil { return true }
        guard date.type == .date || date.type == .time, let first = date.value.first, first.isNumber else { return false }
        return !date.value.hasPrefix("XXXX")
    }
}
