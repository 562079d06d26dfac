import Foundation
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

    /// The same over news that no one here wrote (every fourth TimeML document), which holds far
    /// more kinds of date than the samples; each read from its creation date.
    @Test func skippingRulesChangesNothingOnNews() throws {
        let folder = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/eval/timeml/timebank").path
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        var checked = 0
        for name in names.enumerated().filter({ $0.offset % 4 == 0 }).map(\.element) {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            let created = try String(contentsOfFile: folder + "/" + name.dropLast(4) + ".dct", encoding: .utf8)
            let fast = TemporalTagger(referenceDate: PartialDate(iso: created.trimmingCharacters(in: .whitespacesAndNewlines)))
            var thorough = fast
            thorough.skipsByNeeds = false
            thorough.usesCores = false
            var fastFocus: TemporalTagger.Focus?
            var thoroughFocus: TemporalTagger.Focus?
            for paragraph in text.components(separatedBy: "\n\n") where !paragraph.isEmpty {
                #expect(fast.tag(paragraph, lastMention: &fastFocus) == thorough.tag(paragraph, lastMention: &thoroughFocus), "\(name): \(paragraph)")
                checked += 1
            }
        }
        #expect(checked > 200)
    }
}
