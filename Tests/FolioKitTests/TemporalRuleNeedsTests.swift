import Testing
@testable import FolioCore

@Suite struct TemporalRuleNeedsTests {
    /// Property: a rule's needs never hide a match it would make, and looking for its full
    /// pattern only around its core finds what a whole scan finds, over every sentence of the
    /// samples.
    @Test func skippingRulesByTheirNeedsAndCoresChangesNothing() throws {
        let fast = TemporalTagger(referenceDate: PartialDate(year: 2024, month: 3, day: 1))
        var thorough = fast
        thorough.skipsByNeeds = false
        thorough.usesCores = false
        var checked = 0
        for path in samplePaths {
            let document = try processSample(path)
            var fastFocus: TemporalTagger.Focus?
            var thoroughFocus: TemporalTagger.Focus?
            for range in document.proseRanges() {
                for sentence in Sentences.split(document.text, in: range) {
                    let text = document.text.string(sentence)
                    #expect(fast.tag(text, lastMention: &fastFocus) == thorough.tag(text, lastMention: &thoroughFocus), "\(text)")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }
}
