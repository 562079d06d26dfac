/// Who a sentence says is speaking: `X wrote`, `X believes that`, `according to X`, `as X put
/// it`, or after the quotation `”, said X`. X is the words just before the verb, up to a
/// comma or a joining word, when they name someone: a capitalized name or a role (`the
/// president`); never a pronoun.
enum SpeakerCues {
    static let verbs = [
        "said", "says", "wrote", "writes", "stated", "states", "declared", "declares", "argued", "argues", "noted", "notes",
        "claimed", "claims", "believes", "believed", "affirmed", "affirms", "stressed", "stresses", "emphasized", "emphasised",
        "emphasizes", "emphasises", "pointed out", "points out", "added", "adds", "warned", "warns", "explained", "explains",
        "observed", "observes", "asserted", "asserts", "insisted", "insists", "remarked", "remarks", "called", "calls",
        "described", "describes", "considers", "considered", "referred to", "refers to", "mentioned", "mentions",
        "announced", "announces", "defined", "defines", "labelled", "labeled", "termed", "dubbed", "put it", "puts it",
        "recalled", "recalls", "admitted", "admits", "acknowledged", "acknowledges", "concluded", "concludes",
        "suggested", "suggests", "maintained", "maintains", "promised", "promises", "vowed", "told", "tells", "asked", "asks",
        // after `to`: `proceeds to mention that`
        "mention", "say", "state", "write", "argue", "note", "claim", "declare", "stress", "emphasize", "add", "explain", "warn",
    ]
    /// What may stand between a speaker and the verb (`has also said`, `had once said`), one
    /// word after another.
    static let adverbList = ["has", "had", "have", "also", "himself", "herself", "itself", "themselves", "then", "later", "once",
                             "repeatedly", "explicitly", "clearly", "publicly", "even", "would"]
    /// Factored, as the verbs are: the engine tries them at every space before a verb.
    static let adverbs = "(?:(?:" + Patterns.factoredAlternation(adverbList) + ")\\s+)*"
    static let adverbWords = Set(adverbList)
    /// What a name holds besides letters: `O’Brien`, `J.`, `Lloyd-George`.
    static let nameMarks: ScalarSet = "’'.-"
    /// A word boundary closes the verbs, so at most one can match at a place and their
    /// alternation may be factored.
    static let beforeVerb = RegularExpression("\\s" + adverbs + "(?:" + Patterns.factoredAlternation(verbs) + ")\\b")
    static let accordingTo = RegularExpression("\\b(?i:according\\s+to|in\\s+the\\s+words\\s+of)\\s+((?:the\\s+)?\\p{Lu}[\\p{L}’'.-]*(?:\\s+(?:of\\s+(?:the\\s+)?)?\\p{Lu}[\\p{L}’'.-]*)*)")
    /// `called by Moscow`, `a remark by Jane Hale`, `the justification given by the Council`.
    static let byName = RegularExpression("\\b(?:called|named|termed|dubbed|described|labell?ed|referred\\s+to|given|made|delivered|expressed|voiced|remarks?|speech|statements?|words|declarations?|interviews?|arguments?|claims?|justification|response|reply|position|views?|address|letters?|articles?|reports?)\\s+(?:[\\p{Ll}]+\\s+){0,3}?by\\s+((?:the\\s+)?\\p{Lu}[\\p{L}’'.-]*(?:\\s+\\p{Lu}[\\p{L}’'.-]*){0,3})")
    /// The words that open `byName`, whole: one of them must be in a lead for the pattern to
    /// match there (`referred` of `referred to`, both forms of `remarks?` and `labell?ed`).
    static let byNameWords: Set<String> = [
        "called", "named", "termed", "dubbed", "described", "labelled", "labeled", "referred", "given", "made", "delivered",
        "expressed", "voiced", "remark", "remarks", "speech", "statement", "statements", "words", "declaration", "declarations",
        "interview", "interviews", "argument", "arguments", "claim", "claims", "justification", "response", "reply", "position",
        "view", "views", "address", "letter", "letters", "article", "articles", "report", "reports",
    ]
    /// `Jane Hale’s speech`: the possessor of what was said.
    static let possessive = RegularExpression("(\\p{Lu}[\\p{L}.-]*(?:\\s+\\p{Lu}[\\p{L}.-]*){0,2})[’']s\\s+(?:own\\s+)?(?:speech|remarks?|words|statements?|article|interview|address|letter|essay|book|declaration|view|position|Article|Charter|Treaty|Constitution)\\b")
    /// The lower-case words that `possessive` closes with; its capitalized ones (`Article`,
    /// `Charter`, `Treaty`, `Constitution`) are told apart by `LeadWords`.
    static let possessedWords: Set<String> = [
        "speech", "remark", "remarks", "words", "statement", "statements", "article", "interview", "address", "letter", "essay",
        "book", "declaration", "view", "position",
    ]
    /// What may open the words after a quotation that name its speaker (`”, said the minister`).
    static let saidAfterVerbs = ["said", "says", "wrote", "writes", "added", "adds", "according\\s+to"]
    static let saidAfter = RegularExpression("^[\\s,.;:]{0,3}(?:" + saidAfterVerbs.joined(separator: "|")
                                             + ")\\s+((?:the\\s+)?[\\p{L}’'.-]+(?:\\s+\\p{Lu}[\\p{L}’'.-]*){0,3})")
    /// The first letters of `saidAfterVerbs`: one of them opens every match after its marks.
    static let saidAfterFirstLetters = Set(saidAfterVerbs.compactMap(\.unicodeScalars.first))

    static let stopWords: Set<String> = [
        "that", "which", "who", "whom", "and", "but", "while", "as", "when", "if", "because", "so", "then", "also", "in", "on", "at",
        "to", "for", "with", "by", "from", "what", "how", "this", "it", "he", "she", "they", "we", "i", "you", "there", "where",
        "why", "not", "only", "has", "had", "have", "is", "was", "were", "are", "be", "been", "its", "his", "her", "their",
        "our", "one", "after", "before", "since", "until", "however", "thus", "therefore", "indeed", "moreover",
    ]
    static let roles: Set<String> = [
        "president", "minister", "government", "spokesman", "spokeswoman", "spokesperson", "chancellor", "leader", "leaders",
        "secretary", "ambassador", "official", "officials", "author", "authors", "report", "treaty", "charter", "constitution",
        "declaration", "statement", "document", "doctrine", "concept", "article", "alliance", "kremlin", "administration",
        "commander", "general", "diplomat", "prime",
    ]

    /// How far before or after a quotation the words naming its speaker may stand: a window
    /// keeps a run-on text of many quotations linear.
    static let reach = 300

    /// The speaker named in `text` between `start` (a sentence's start) and `position` (the
    /// quotation's): the cue nearest the quotation, a name rather than a description.
    static func speaker(in text: WorkingText, before position: Int, from sentenceStart: Int) -> TextRange? {
        let start = max(sentenceStart, position - reach)
        guard start < position else { return nil }
        // The code points as the text holds them, and their UTF-16 units, made straight from them.
        let scalars = Array(text.scalars[start..<position])
        let units = scalars[...].utf16Units
        let offsets = ScalarOffsets(units: units, scalarCount: scalars.count)
        var cues: [Range<Int>] = []
        // Each pattern only where its words are: most quotations have none of them near.
        let leadWords = LeadWords(units)
        // `according to` and `by` cues are tried only where their first words are.
        let patterns: [(RegularExpression, isPresent: Bool, starts: [Int]?)] = [(accordingTo, leadWords.according, leadWords.accordingStarts),
                                                                              (byName, leadWords.byName, leadWords.byNameStarts),
                                                                              (possessive, leadWords.possessive, nil)]
        for (expression, isPresent, starts) in patterns where isPresent {
            let matches = starts.map { expression.matches(in: units, startingAtAnyOf: $0) } ?? expression.matches(in: units)
            cues += matches.compactMap { $0.range(at: 1).map(offsets.scalarRange) }
        }
        if let match = lastVerbOfSaying(in: units, candidates: leadWords.verbs, adverbsStart: leadWords.adverbsStart) {
            let verbStart = offsets.scalarRange(match.range).lowerBound
            if let name = nameBefore(verbStart, in: scalars) {
                cues.append(name)
            } else if let subject = subject(of: scalars, before: verbStart) {
                // `…Article 5, which states…`, `X proceeds to mention that…`: the sentence's subject.
                cues.append(subject)
            }
        }
        let words = { (range: Range<Int>) in String(scalars: scalars[range]) }
        // A description (`the Russian leader`) gives way to a name the sentence gives.
        let named = cues.filter { scalars[$0.lowerBound].isUppercase && !words($0).hasPrefix("The ") }
        guard var best = (named.isEmpty ? cues : named).max(by: { $0.upperBound < $1.upperBound }) else { return nil }
        // `the Council’s Article 10 states`: the possessor speaks.
        if let apostrophe = words(best).range(ofPattern: #"^[^\s]+?(?=[’']s\b)"#) {
            best = best.lowerBound..<(best.lowerBound + words(best)[apostrophe].unicodeScalars.count)
        }
        return TextRange(start + best.lowerBound, start + best.upperBound)
    }

    /// What a lead holds of the cues' words, found in one pass over its UTF-16 units (the
    /// offsets the patterns report): verbs of saying, `according` and `in`, `by` and a word
    /// that `byName` opens with, `’s` and a word that `possessive` closes with.
    struct LeadWords {
        var verbs: [Range<Int>] = []
        /// For each verb, where the adverbs right before it start (the verb's own start when
        /// none does): the verb pattern need look no further back.
        var adverbsStart: [Int] = []
        /// Where the words `accordingTo` opens with stand (`according`, `in`, in any case), and
        /// those `byName` opens with: where those patterns can start.
        var accordingStarts: [Int] = [], byNameStarts: [Int] = []
        /// Whether `accordingTo` may match. Tried only at its first words, it costs little
        /// where it finds nothing.
        var according: Bool { !accordingStarts.isEmpty }
        /// Whether `byName` and `possessive` may match: each needs two words, most leads hold
        /// one at most, and the patterns cost most where they find nothing.
        var byName: Bool { byNameWord && by }
        var possessive: Bool { possessiveMark && possessed }
        private var by = false, byNameWord = false, possessiveMark = false, possessed = false

        /// Whether the ASCII letters of `word` spell `lowerCase`, ignoring case.
        static func isWord(_ word: UnsafeBufferPointer<UInt8>, _ lowerCase: StaticString) -> Bool {
            word.count == lowerCase.utf8CodeUnitCount
                && word.indices.allSatisfy { word[$0] | 0x20 == lowerCase.utf8Start[$0] }
        }

        /// The longest word the cues look for: a longer word is none of them, and is not copied.
        static let longestWord = (verbWords.union(adverbWords).union(byNameWords).union(possessedWords)
                                  .union(["according", "in", "by", "article", "charter", "treaty", "constitution"])).map(\.utf8.count).max()!

        init(_ units: [UInt16]) {
            // A word's letters are kept in a buffer made once for the lead, as bytes to look up,
            // and only as many as the longest cue word has.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.longestWord) { letters in
                units.withUnsafeBufferPointer { units in read(units, letters) }
            }
        }

        /// A word at a time, its letters in a loop of their own, and the units between words in
        /// another: one loop asking of every unit all a word's end asks was a fifth of the
        /// quotation stage.
        private mutating func read(_ units: UnsafeBufferPointer<UInt16>, _ letters: UnsafeMutableBufferPointer<UInt8>) {
            // Whether only white space has come since the last word.
            var spaceSinceWord = false
            // Where the run of adverbs that the last word closed began.
            var adverbRun: Int?
            var position = 0
            while position < units.count {
                let unit = units[position]
                guard UTF16.isASCIILetter(unit) else {
                    if (unit == 0x2019 || unit == 0x27) && position + 1 < units.count && units[position + 1] == 0x73 { possessiveMark = true }
                    if !UTF16.isPatternSpace(unit) { spaceSinceWord = false }
                    position += 1
                    continue
                }
                let start = position
                var length = 0
                while position < units.count && UTF16.isASCIILetter(units[position]) {
                    if length < letters.count { letters[length] = UInt8(truncatingIfNeeded: units[position]) }
                    length += 1
                    position += 1
                }
                let runBefore = spaceSinceWord ? adverbRun : nil
                spaceSinceWord = true
                guard length <= letters.count else {
                    // Longer than every cue word: it closes any run of adverbs.
                    adverbRun = nil
                    continue
                }
                let word = UnsafeBufferPointer(rebasing: letters[..<length])
                // The cue words are all lower case: only a lower-case word is looked up, once.
                let roles = word.allSatisfy({ $0 >= 97 }) ? SpeakerCues.wordRoles.value(of: word) ?? [] : []
                if word.count >= 3 && roles.contains(.verb) {
                    verbs.append(start..<position)
                    adverbsStart.append(runBefore ?? start)
                }
                adverbRun = roles.contains(.adverb) ? runBefore ?? start : nil
                if Self.isWord(word, "according") || Self.isWord(word, "in") { accordingStarts.append(start) }
                if Self.isWord(word, "by") { by = true }
                if roles.contains(.byName) {
                    byNameWord = true
                    byNameStarts.append(start)
                }
                if roles.contains(.possessed) {
                    possessed = true
                } else if word[0] < 97, Self.isWord(word, "article") || Self.isWord(word, "charter") || Self.isWord(word, "treaty") || Self.isWord(word, "constitution") {
                    possessed = true
                }
            }
        }
    }

    /// The last verb of saying in `lead` with what leads into it (`has also said`), among the
    /// candidate words. A match is a space, the adverbs and the verb, so it starts at a space
    /// from just before the adverbs `LeadWords` found: it reads runs of adverbs as the pattern
    /// does, its spaces all the pattern's and more. The pattern is tried only at those spaces:
    /// searched for, it was tried at every place of a window, and its hundred verbs made each
    /// try the costliest step of the quotation stage.
    static func lastVerbOfSaying(in lead: [UInt16], candidates: [Range<Int>], adverbsStart: [Int]) -> RegexMatch? {
        for (candidate, adverbs) in zip(candidates, adverbsStart).reversed() {
            let starts = (max(0, adverbs - 1)..<candidate.lowerBound).filter { UTF16.isPatternSpace(lead[$0]) }
            if let match = beforeVerb.matches(in: lead, startingAtAnyOf: starts).last(where: { $0.range.overlaps(candidate) }) {
                return match
            }
        }
        return nil
    }

    /// The first words of the verbs of saying.
    static let verbWords = Set(verbs.map { String($0.split(separator: " ")[0]) })

    /// What a lower-case word may be in a cue.
    struct WordRoles: OptionSet, Sendable {
        let rawValue: UInt8
        static let verb = WordRoles(rawValue: 1), adverb = WordRoles(rawValue: 2)
        static let byName = WordRoles(rawValue: 4), possessed = WordRoles(rawValue: 8)
    }

    /// The cue words by their bytes, each with its roles: a lead's words are looked up once
    /// each, with no string made.
    static let wordRoles: WordTable<WordRoles> = {
        var table = WordTable<WordRoles>()
        for (words, role) in [(verbWords, WordRoles.verb), (adverbWords, .adverb), (byNameWords, .byName), (possessedWords, .possessed)] {
            for word in words {
                WordTable<WordRoles>.key(word).withUnsafeBufferPointer { table.update($0, initial: []) { $0.insert(role) } }
            }
        }
        return table
    }()

    /// The name a sentence opens with (`Moss thus proceeds…`, `The Council also adopted…`).
    /// Capitalised words that open a sentence without naming its subject: prepositions,
    /// pronouns, and the adverbs that order an argument (`First, it represented…`).
    static let notSubjects: Set<String> = [
        "In", "On", "At", "For", "However", "Thus", "This", "It", "He", "She", "They", "We", "There", "First", "Firstly",
        "Second", "Secondly", "Third", "Thirdly", "Finally", "Lastly", "Moreover", "Furthermore", "Indeed", "Yet", "Still",
        "Also", "Hence", "Therefore", "Nevertheless", "Nonetheless", "Meanwhile", "Instead", "Accordingly", "Besides",
    ]

    static func subject(of scalars: [Unicode.Scalar], before end: Int) -> Range<Int>? {
        var index = 0
        var words: [Range<Int>] = []
        while index < end && words.count < 4 {
            var wordEnd = index
            while wordEnd < end, scalars[wordEnd].isAlphabetic || nameMarks.contains(scalars[wordEnd]) { wordEnd += 1 }
            guard wordEnd > index else { break }
            let word = String(scalars: scalars[index..<wordEnd])
            let isName = scalars[index].isUppercase && !notSubjects.contains(word)
            guard isName || (words.isEmpty && word == "The") else { break }
            words.append(index..<wordEnd)
            guard wordEnd < end, scalars[wordEnd] == " " else { break }
            index = wordEnd + 1
        }
        // `The` alone names nobody.
        guard let first = words.first, let last = words.last, !(words.count == 1 && String(scalars: scalars[first]) == "The") else { return nil }
        return first.lowerBound..<last.upperBound
    }

    /// The speaker named right after a quotation (`”, said the minister`).
    static func speaker(in text: WorkingText, after position: Int, to sentenceEnd: Int) -> TextRange? {
        let end = min(sentenceEnd, position + reach)
        guard position < end, mayOpenWithSaidAfter(text.scalars[position..<end]) else { return nil }
        let trail = Array(text.scalars[position..<end])
        let units = trail[...].utf16Units
        guard let group = saidAfter.firstMatch(in: units)?.range(at: 1) else { return nil }
        let range = ScalarOffsets(units: units, scalarCount: trail.count).scalarRange(group)
        let words = String(scalars: trail[range]).split(separator: " ").map(String.init)
        guard namesSomeone(words) else { return nil }
        return TextRange(position + range.lowerBound, position + range.upperBound)
    }

    /// Whether `trail` can open as `saidAfter` needs: at most three spaces, commas, full stops,
    /// semicolons or colons, then the first letter of one of its verbs. Most quotations are
    /// followed by none, and the pattern is then not run on a copy of the sentence's rest.
    static func mayOpenWithSaidAfter(_ trail: ArraySlice<Unicode.Scalar>) -> Bool {
        for scalar in trail.prefix(4) {
            if saidAfterFirstLetters.contains(scalar) { return true }
            let isSpace = scalar.value < 0x10000 && UTF16.isPatternSpace(UInt16(scalar.value))
            guard isSpace || scalar == "," || scalar == "." || scalar == ";" || scalar == ":" else { return false }
        }
        return false
    }

    /// The words ending at `end` that name someone: up to four, back to a comma or a joining word.
    static func nameBefore(_ end: Int, in scalars: [Unicode.Scalar]) -> Range<Int>? {
        var words: [Range<Int>] = []
        var index = end
        while words.count < 4 {
            var wordEnd = index
            while wordEnd > 0 && scalars[wordEnd - 1] == " " { wordEnd -= 1 }
            // A citation between the name and the verb: `Hale (2021) mentions`.
            if words.isEmpty, wordEnd > 0, scalars[wordEnd - 1] == ")", let open = scalars[..<wordEnd].lastIndex(of: "(") {
                index = open
                continue
            }
            var wordStart = wordEnd
            while wordStart > 0, scalars[wordStart - 1].isAlphabetic || nameMarks.contains(scalars[wordStart - 1]) {
                wordStart -= 1
            }
            guard wordStart < wordEnd, wordStart == 0 || scalars[wordStart - 1] == " " else { break }
            let word = String(scalars: scalars[wordStart..<wordEnd])
            if stopWords.contains(word.lowercased()) { break }
            words.insert(wordStart..<wordEnd, at: 0)
            index = wordStart
        }
        let text = { (range: Range<Int>) in String(scalars: scalars[range]) }
        // A leading lower-case word starts no name (`leaders`), unless it is `the` or a role.
        while words.count > 1, let first = words.first, scalars[first.lowerBound].properties.isLowercase,
              text(first) != "the", !roles.contains(text(first)) {
            words.removeFirst()
        }
        guard let first = words.first, let last = words.last else { return nil }
        return namesSomeone(words.map(text)) ? first.lowerBound..<last.upperBound : nil
    }

    static func namesSomeone(_ words: [String]) -> Bool {
        let named = words.enumerated().contains { index, word in
            guard let first = word.unicodeScalars.first, first.isUppercase else { return false }
            return !(index == 0 && ["The", "A", "An", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I"].contains(word))
        }
        return named || words.last.map { roles.contains($0.lowercased()) } == true
    }
}
