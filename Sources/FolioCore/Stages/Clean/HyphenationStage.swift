/// Repairs hyphenation: joins words the typesetter broke at a line's end (`inter-` +
/// `national`), keeps real compounds (`EU-` + `Turkey`, `well-` + `known`), and puts back
/// hyphens an extractor dropped (`RUSSIANUKRAINIAN` where `Russian` and `Ukrainian` are names).
///
/// The evidence is the document's own spelling first (the same word elsewhere, with or without
/// its hyphen), then a word list. Every join and restored hyphen is logged as a repair.
public struct HyphenationStage: Stage {
    public static let name = "hyphenation"
    public static let phase = Phase.clean
    public static let summary = "line-end hyphens joined or kept, dropped hyphens restored, by the document's spelling and a word list"
    public static let requires = [NormalizeStage.name]
    /// They read the line layout this stage changes.
    public static let runsAfter = [PageFurnitureStage.name, FootnotesStage.name, ParagraphsStage.name]

    /// The fewest letters a word two words fused may have (`droppedHyphen`): three a side.
    static let shortestFusedWord = 6

    /// Debian's `wamerican` puts its list here; used when present unless another is named.
    public static let defaultWordList = "/usr/share/dict/words"

    public var wordList: WordList?
    public var restoreDroppedHyphens: Bool
    /// Whether the document's vocabulary keeps only words of the shapes its questions have
    /// (off only to test that this changes no decision).
    var filtersVocabulary = true

    public init(wordList: WordList? = nil, restoreDroppedHyphens: Bool = true) {
        self.wordList = wordList
        self.restoreDroppedHyphens = restoreDroppedHyphens
    }

    /// `wordList`: a path (which must exist); `null` or absent, the default list where it is
    /// installed; `""`, none.
    public init(options: inout Options) throws {
        let path: String?
        switch try options.string("wordList", default: nil) {
        case nil: path = FilePaths.isFile(Self.defaultWordList) ? Self.defaultWordList : nil
        case ""?: path = nil
        default: path = try options.existingFile("wordList", default: nil)
        }
        self.init(wordList: try path.map { try WordList(path: $0) },
                  restoreDroppedHyphens: try options.bool("restoreDroppedHyphens", default: true))
    }

    public func run(_ document: inout Document, context: StageContext) throws {
        let text = document.text
        var vocabulary = Vocabulary(text, filtered: filtersVocabulary)
        let scalars = text.scalars
        var builder = WorkingTextBuilder(base: text)
        var repairs: [Repair] = []
        var kept = 0
        func edit(_ range: TextRange, to replacement: [Unicode.Scalar], rule: String) {
            builder.copy(TextRange(kept, range.start))
            builder.replace(range, with: replacement)
            repairs.append(Repair(rule: rule, source: text.sourceRange(range), before: text.string(range),
                                  after: String(scalars: replacement)))
            kept = range.end
        }
        // The runs of letters broken at a line's end or long enough to be two fused, as the
        // vocabulary found them (most words are neither): the word after a line-end break is
        // one too, and may itself end a line.
        for word in vocabulary.askedAbout {
            let start = word.range.lowerBound
            let left = TextRange(start, word.range.upperBound)
            if word.breaksAtLineEnd, let (breakRange, right) = lineEndBreak(after: left, scalars) {
                if shouldJoin(text.string(left), text.string(right), &vocabulary) {
                    edit(breakRange, to: [], rule: "dehyphenation")
                }
            } else if restoreDroppedHyphens, start == 0 || scalars[start - 1] != "-",
                      let split = droppedHyphen(in: scalars[word.range], &vocabulary, shape: word.shape) {
                var hyphenated = Array(scalars[left.start..<left.end])
                hyphenated.insert("-", at: split)
                edit(left, to: hyphenated, rule: "hyphen-restored")
            }
        }
        guard !repairs.isEmpty else { return }
        builder.copy(TextRange(kept, scalars.count))
        document.replaceText(with: builder)
        document.repairs.append(contentsOf: repairs)
    }

    /// `word-⏎ word`: the hyphen with the line break and indentation after it, and the word
    /// that goes on on the next line.
    func lineEndBreak(after left: TextRange, _ scalars: [Unicode.Scalar]) -> (TextRange, TextRange)? {
        guard left.end + 1 < scalars.count, scalars[left.end] == "-", scalars[left.end + 1].isLineBreak else {
            return nil
        }
        var next = left.end + 1
        while next < scalars.count && (scalars[next].isLineBreak || scalars[next] == " ") { next += 1 }
        var end = next
        while end < scalars.count && scalars[end].isAlphabetic { end += 1 }
        guard end > next else { return nil }
        return (TextRange(left.end, next), TextRange(next, end))
    }

    /// Join `inter-` + `national`, keep `EU-` + `Turkey` and `well-` + `known`.
    func shouldJoin(_ left: String, _ right: String, _ vocabulary: inout Vocabulary) -> Bool {
        let joined = left + right
        if vocabulary.compound(of: joined.lowercased()) != nil { return false }  // spelt with the hyphen elsewhere
        if vocabulary.contains(joined) { return true }                        // spelt whole elsewhere
        if right.first?.isUppercase == true { return false }                   // a compound of names
        func isWord(_ word: String) -> Bool { vocabulary.contains(word) || wordList?.contains(word) == true }
        if wordList?.contains(joined) == true { return true }
        // Two words that do not make one: a compound broken at its own hyphen.
        return !(isWord(left) && isWord(right) && left.count > 1 && right.count > 1)
    }

    /// Where a hyphen belongs in a word an extractor fused: a compound the document spells
    /// with its hyphen elsewhere, or, for a word in capitals, two names (`RUSSIANUKRAINIAN`).
    /// `shape`: the letters' shape (`WordShapes`); without one, a word of ASCII letters is
    /// looked up as a compound whatever its shape.
    func droppedHyphen(in letters: ArraySlice<Unicode.Scalar>, _ vocabulary: inout Vocabulary,
                       shape: Int? = nil) -> Int? {
        // The cheap questions first, of the letters before a string is made: every word of a
        // paper is asked, and few are long enough and either spelt with a hyphen elsewhere
        // (there must be such compounds) or free of lower-case letters.
        guard letters.count >= Self.shortestFusedWord else { return nil }
        let hasLowerCaseASCII = letters.contains { (0x61...0x7A).contains($0.value) }
        guard vocabulary.hasCompounds || !hasLowerCaseASCII else { return nil }
        // A word of ASCII letters with a lower-case one, of a shape no compound has, is none
        // (most long words of a paper): done with here, the rest of the questions apart.
        let mayBeCompound = shape.map(vocabulary.mayBeCompound) ?? true
        if !mayBeCompound && hasLowerCaseASCII { return nil }
        return droppedHyphen(in: letters, &vocabulary, shape: shape, mayBeCompound: mayBeCompound, hasLowerCaseASCII: hasLowerCaseASCII)
    }

    /// `droppedHyphen(in:_:shape:)` past its cheap questions.
    private func droppedHyphen(in letters: ArraySlice<Unicode.Scalar>, _ vocabulary: inout Vocabulary,
                               shape: Int?, mayBeCompound: Bool, hasLowerCaseASCII: Bool) -> Int? {
        // A word has a shape only when its letters are ASCII: then they need not be read again.
        let isASCII = shape != nil || letters.allSatisfy { $0.value < 0x80 }
        // A word of ASCII letters is looked up by its bytes, when a compound has its shape: one
        // that is no such compound and has a lower-case letter is done with before a string is made.
        let asciiCompound = isASCII && mayBeCompound ? withUnsafeTemporaryAllocation(of: UInt8.self, capacity: letters.count) { key in
            for (offset, letter) in letters.enumerated() { key[offset] = UInt8(truncatingIfNeeded: letter.value) | 0x20 }
            return vocabulary.compound(ofKey: UnsafeBufferPointer(key))
        } : nil
        if isASCII && asciiCompound == nil && hasLowerCaseASCII { return nil }
        // The same for a word of Latin letters beyond ASCII (`Übergänge`), its key from a table.
        if !isASCII, let key = LatinLetters.utf8(lowercasing: letters),
           key.withUnsafeBufferPointer({ vocabulary.compound(ofKey: $0) }) == nil,
           letters.contains(where: { LatinLetters.isLowercase($0) == true }) {
            return nil
        }
        let word = String(scalars: letters)
        let lowered = word.lowercased()
        let compound = isASCII ? asciiCompound : vocabulary.compound(of: lowered)
        let inCapitals = isASCII ? !hasLowerCaseASCII : word.allSatisfy { !$0.isLowercase }
        guard compound != nil || inCapitals, word.count >= Self.shortestFusedWord, wordList?.contains(word) != true else { return nil }
        if let compound, let hyphen = compound.firstIndex(of: "-"), !vocabulary.contains(word) {
            return compound.distance(from: compound.startIndex, to: hyphen)
        }
        guard inCapitals, vocabulary.count(of: lowered) <= 1 else { return nil }
        // Cut at character boundaries, each half a substring made a string (not characters
        // gathered into one: that initializer is generic, and runs unspecialized).
        let boundaries = Array(word.indices)
        let splits = (3...(boundaries.count - 3)).filter { split in
            vocabulary.isProper(String(word[..<boundaries[split]])) && vocabulary.isProper(String(word[boundaries[split]...]))
        }
        return splits.count == 1 ? splits[0] : nil
    }
}
