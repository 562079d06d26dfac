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
        for range in document.proseRanges() {
            for sentence in Sentences.split(document.text, in: range) {
                while next < dates.count && dates[next].span.start < sentence.start { next += 1 }
                var index = next
                while index < dates.count && dates[index].span.end <= sentence.end {
                    if anchorsAnEvent(dates[index]) { events.append(DatedEvent(date: index, sentence: sentence)) }
                    index += 1
                }
            }
        }
        document.events = events
    }

    func anchorsAnEvent(_ date: TemporalExpression) -> Bool {
        guard date.type == .date || date.type == .time, let first = date.value.first, first.isNumber else { return false }
        return !date.value.hasPrefix("XXXX")
    }
}
