import Foundation
import Testing
@testable import FolioCore

@Suite struct QuotationsStageTests {
    /// Each quotation as `kind:words|speaker|citation text`.
    func quotations(_ text: String) throws -> [String] {
        let document = try process(text, stages: [ParagraphsStage(), BibliographyStage(), CitationsStage(), QuotationsStage()])
        return document.quotations.map { quotation in
            let speaker = quotation.speaker.map(document.text.string) ?? "-"
            let source = quotation.citation.map { document.text.string(document.citations[$0].span) } ?? "-"
            return "\(quotation.kind.rawValue):\(document.text.string(quotation.span))|\(speaker)|\(source)"
        }
    }

    @Test func speakersBeforeTheQuotation() throws {
        #expect(try quotations("The Russian president believes that the \"red line\" he drew was crossed.\n")
            == ["inline:red line|The Russian president|-"])
        #expect(try quotations("The war began in what was called by Moscow a \"special operation\" of some kind.\n")
            == ["inline:special operation|Moscow|-"])
        #expect(try quotations("According to Hale (2016), the plan was a “tool for the stabilization of the East”.\n")
            == ["inline:tool for the stabilization of the East|Hale|Hale (2016)"])
        #expect(try quotations("Hale (2021) mentions that in recent times the city “was dragged into a dangerous game”.\n")
            == ["inline:was dragged into a dangerous game|Hale|Hale (2021)"])
    }

    @Test func theSubjectSpeaksThroughARelativeClause() throws {
        #expect(try quotations("The Council also adopted the famous Article 5, which states the following “the parties agree to act together”, so it began.\n")
            == ["inline:the parties agree to act together|The Council|-"])
        #expect(try quotations("Moss thus proceeds in his closing remarks to mention that “I am confident that peace is near”.\n")
            == ["inline:I am confident that peace is near|Moss|-"])
        #expect(try quotations("First, it acted within a region that was considered as a ‘zone of special interest’, and so on.\n")
            == ["soCalled:zone of special interest|-|-"], "an adverb that orders an argument is no subject")
    }

    @Test func aFollowingCitationIsTheSourceAndItsAuthorTheSpeaker() throws {
        #expect(try quotations("Members agreed to “settle any dispute by peaceful means” (Hale, 1949, Article 1).\n")
            == ["inline:settle any dispute by peaceful means|Hale|(Hale, 1949, Article 1)"])
    }

    @Test func aRunOnTextOfQuotationsLooksForSpeakersNearEach() throws {
        let text = "Hale wrote " + String(repeating: "“one two three four five” and ", count: 300) + "more.\n"
        let found = try quotations(text)
        #expect(found.count == 300)
        #expect(found.first == "inline:one two three four five|Hale|-")
        #expect(found.last == "inline:one two three four five|-|-", "a speaker named far before is out of reach")
    }

    @Test func scareQuotesAndApostrophes() throws {
        #expect(try quotations("Russia’s so-called ‘security dilemma’ and the ‘open door’ policy of the West’s allies.\n")
            == ["soCalled:security dilemma|-|-", "soCalled:open door|-|-"])
        #expect(try quotations("An unmatched “mark stays harmless, and “this one is quoted at length here” indeed.\n")
            == ["inline:this one is quoted at length here|-|-"])
        #expect(try quotations("Reversed marks: the ”national question“ too.\n") == ["soCalled:national question|-|-"])
    }
}

@Suite struct SpeakerCueWordsTests {
    /// Every word `byName` opens with and `possessive` closes with, in each form its pattern
    /// spells (`remarks?`, `labell?ed`, `referred\s+to`), makes the lead's words run the
    /// pattern: a word added to a pattern and not to the lists would be passed over.
    @Test func everyWordOfThePatternsIsListed() throws {
        func alternatives(of pattern: String, after opening: String, before closing: String) throws -> [String] {
            let start = try #require(pattern.range(of: opening)).upperBound
            let end = try #require(pattern[start...].range(of: closing)).lowerBound
            return pattern[start..<end].split(separator: "|").flatMap { alternative -> [String] in
                let word = String(alternative.split(separator: "\\")[0])
                guard let optional = word.firstIndex(of: "?") else { return [word] }
                let before = word[..<word.index(before: optional)], after = word[word.index(after: optional)...]
                return [String(before + after), String(word[..<optional] + after)]
            }
        }
        let openers = try alternatives(of: SpeakerCues.byName.pattern, after: "\\b(?:", before: ")\\s+(?:[")
        let nouns = try alternatives(of: SpeakerCues.possessive.pattern, after: "(?:own\\s+)?(?:", before: ")\\b")
        #expect(openers.count > 30 && openers.contains("labeled") && openers.contains("labelled") && openers.contains("referred"))
        for opener in openers { #expect(SpeakerCues.LeadWords(Array("\(opener) by Jane".utf16)).byName, "\(opener)") }
        for noun in nouns { #expect(SpeakerCues.LeadWords(Array("Jane’s \(noun)".utf16)).possessive, "\(noun)") }
    }

    /// Property: every verb of saying the pattern matches in a lead is among the lead's verbs,
    /// and the match starts just before the adverbs found before it, where the pattern is
    /// tried; `lastVerbOfSaying` finds the last match of all. Random leads of verbs, adverbs,
    /// names, words longer than any cue word, spaces of every kind and marks.
    @Test func everyVerbThePatternMatchesIsACandidate() {
        let pieces = ["said", "says", "has", "also", "had", "once", "would", "pointed out", "put it", "Jane", "the Council", "x", "Said",
                      "saidsaidsaidsaidsaid", "extraordinarilylongword", "é", "2", "’s", "notes"]
        let joins = [" ", " ", "  ", "", "-", ", ", "\u{A0}", "\n", "é", "\t", "\u{0B}", "\u{85}", "\u{2028}", "\u{3000}", " \u{200B}"]
        var generator = SystemRandomNumberGenerator()
        var matched = 0
        for _ in 0..<20_000 {
            let lead = (0..<Int.random(in: 1...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined(separator: joins.randomElement(using: &generator)!)
            let units = Array(lead.utf16)
            let words = SpeakerCues.LeadWords(units)
            let all = SpeakerCues.beforeVerb.matches(in: units)
            for match in all {
                matched += 1
                let candidate = words.verbs.indices.last { words.verbs[$0].overlaps(match.range) }
                #expect(candidate.map { words.adverbsStart[$0] - 1 <= match.range.lowerBound } == true, "\(lead.debugDescription)")
            }
            let last = SpeakerCues.lastVerbOfSaying(in: units, candidates: words.verbs, adverbsStart: words.adverbsStart)
            #expect(last?.range == all.last?.range, "\(lead.debugDescription)")
        }
        #expect(matched > 5_000)
    }

    /// Property: the pattern for a speaker named after a quotation is only passed over where
    /// it cannot match. Random trails of its verbs, spaces of every kind and marks.
    @Test func aSpeakerAfterIsLookedForWhereverThePatternWouldMatch() {
        let verbs = SpeakerCues.saidAfterVerbs.map { $0.replacingOccurrences(of: "\\s+", with: " ") }
        let pieces = [" ", "  ", ",", ".", ";", ":", "\u{2003}", "\u{A0}", "\n", "Said", "x", "the president", "Jane Hale", "’", "é"] + verbs
        var generator = SystemRandomNumberGenerator()
        var matched = 0
        for _ in 0..<20_000 {
            let trail = (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let scalars = Array(trail.unicodeScalars)
            let matches = SpeakerCues.saidAfter.firstMatch(in: Array(trail.utf16)) != nil
            #expect(!matches || SpeakerCues.mayOpenWithSaidAfter(scalars[...]), "\(trail.debugDescription)")
            matched += matches ? 1 : 0
        }
        #expect(matched > 500)
    }

    /// The words a lead holds decide which cue patterns run: a pattern that would match must
    /// never be passed over. Random leads of the patterns' words, names and near-misses.
    @Test func patternsRunWhereverTheyWouldMatch() {
        // Phrases each pattern matches, and noise; pieces are joined by a space, nothing, or a
        // mark, so that words also run together and break apart.
        let phrases = ["according to Jane", "in the words of the Council", "speech by Jane Hale", "remarks made by the Council",
                       "ACCORDING TO the Council", "In the Words of Hale", "İn the words of Jane", "in the wordſ of Jane", "accordingly to Jane",
                       "referred to by Hale", "labelled by Moscow", "views expressed by Jane", "Jane Hale’s speech", "the Council's own Article",
                       "Hale’s Treaty", "Édouard’s essay", "Moscow's views"]
        let noise = ["by", "By", "called", "speech", "’s", "Jane", "Council", "said", "é", "x", "2", "free-", "words", "book"]
        let joins = [" ", " ", " ", "", "-", ", ", "\u{A0}", "é"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let lead = (0..<Int.random(in: 1...6, using: &generator)).map { _ in
                (Bool.random(using: &generator) ? phrases : noise).randomElement(using: &generator)!
                    .replacingOccurrences(of: " ", with: joins.randomElement(using: &generator)!)
            }.joined(separator: joins.randomElement(using: &generator)!)
            let units = Array(lead.utf16)
            let words = SpeakerCues.LeadWords(units)
            // Tried only where their first words are, they find what a search finds.
            for (expression, starts) in [(SpeakerCues.accordingTo, words.accordingStarts), (SpeakerCues.byName, words.byNameStarts)] {
                #expect(expression.matches(in: units, startingAtAnyOf: starts).map { $0.range } == expression.matches(in: units).map { $0.range },
                        "\(expression.pattern.prefix(20)) in \(lead.debugDescription)")
            }
            for (expression, runs, name) in [(SpeakerCues.accordingTo, words.according, "accordingTo"), (SpeakerCues.byName, words.byName, "byName"),
                                             (SpeakerCues.possessive, words.possessive, "possessive")] where !runs {
                #expect(expression.firstMatch(in: units) == nil, "\(name) passed over in \(lead.debugDescription)")
            }
        }
    }

    /// A note marker right after a quotation names its source: the first note, in the notes'
    /// order, with a marker at most two places on.
    @Test func theNoteAMarkerAfterAQuotationPointsTo() {
        let notes = [Footnote(number: "1", span: TextRange(900, 910), markers: [TextRange(12, 13), TextRange(40, 41)]),
                     Footnote(number: "2", span: TextRange(910, 920), markers: [TextRange(10, 11)]),
                     Footnote(number: "3", span: TextRange(920, 930), markers: [TextRange(30, 31)])]
        let markers = NoteMarkers(notes)
        #expect(markers.note(after: 10) == 0)  // 10 (note 2) and 12 (note 1): the first note
        #expect(markers.note(after: 11) == 0)
        #expect(markers.note(after: 9) == 1)   // 10 only; 12 is three places on
        #expect(markers.note(after: 13) == nil)
        #expect(markers.note(after: 28) == 2)
        #expect(markers.note(after: 41) == nil) // the last marker is behind
        #expect(NoteMarkers([]).note(after: 0) == nil)
    }

    /// What a look at every note's markers finds, over random notes and places.
    @Test func noteMarkersFindWhatALookAtEveryNoteFinds() {
        var random = SeededGenerator(seed: 11)
        for _ in 0..<2_000 {
            let notes = (0..<Int.random(in: 0...6, using: &random)).map { number in
                Footnote(number: "\(number)", span: TextRange(1_000, 1_001), markers: (0..<Int.random(in: 0...3, using: &random)).map { _ in
                    let start = Int.random(in: 0...40, using: &random)
                    return TextRange(start, start + 1)
                })
            }
            let markers = NoteMarkers(notes)
            for position in 0...45 {
                let expected = notes.firstIndex { $0.markers.contains { $0.start >= position && $0.start - position <= 2 } }
                #expect(markers.note(after: position) == expected, "\(notes.map(\.markers)) at \(position)")
            }
        }
    }
}
