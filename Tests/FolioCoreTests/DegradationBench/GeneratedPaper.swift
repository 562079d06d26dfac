/// A paper as its author wrote it: paragraphs with footnote markers, and the notes. The bench
/// typesets it into pages, extracts it, and asks Folio to give this back.
struct GeneratedPaper {
    struct Note {
        var number: Int
        var text: String
    }

    var paragraphs: [String]
    var notes: [Note]
}

/// Writes papers of plausible English: common and long words, names, hyphenated compounds,
/// years, footnote markers glued to words before punctuation.
struct PaperGenerator {
    static let words = """
        the of and to in a is that for it as was with be by on not he this are or his from at which but have an they \
        you were her she there been one all we their has would when if so no will more about said what out up them \
        into than only other new some could time these two may first then do any like my now over such our man me \
        even most made after also did many before must through back years where much your way well down should \
        because each just those people how too little state good very make world still own see men work long get \
        here between both life being under never day same another know while last might us great old year off come \
        since against go came right used take three states himself few house use during without again place around \
        however home small found thought went say part once general high upon school every does got united left \
        number course war until always away something fact though water less public put think almost hand enough \
        far took head yet government system better set told nothing night end why called did eyes find going look \
        asked later knew point next program city business give group toward young days let room president side \
        social given present several order national possible rather second face per among form important often \
        things looked early white case john become large big need four within felt children along saw best church \
        ever least power development light thing seemed family interest want members mind country area others done \
        policy security alliance treaty leaders region border conflict influence
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    /// Words long enough for a typesetter to break at a line's end.
    static let longWords = """
        international organization cooperation relationship government particularly considerable responsibility \
        administration understanding establishment interpretation deterrence confrontation transformation \
        negotiations independence intervention enlargement perspective significance representatives \
        infrastructure consequences disarmament concentration circumstances developments recognition \
        institutional reconstruction humanitarian sovereignty
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    static let names = ["NATO", "Moscow", "Europe", "Ukraine", "Geneva", "Berlin", "Warsaw", "Brussels", "Kyiv", "Georgia"]
    static let compounds = ["well-known", "long-term", "post-war", "cross-border", "self-defense", "short-lived",
                            "NATO-Russia", "Franco-German", "Euro-Atlantic", "decision-making"]

    var random: SeededGenerator

    mutating func paper() -> GeneratedPaper {
        var paragraphs: [String] = []
        var notes: [GeneratedPaper.Note] = []
        for _ in 0..<Int.random(in: 20...40, using: &random) {
            var sentences: [String] = []
            for _ in 0..<Int.random(in: 2...6, using: &random) {
                var sentence = self.sentence()
                // A marker glued to the sentence's last word, before its full stop (never to a
                // number, where `19668.` could be either).
                if Int.random(in: 0..<6, using: &random) == 0, sentence.dropLast().last?.isLetter == true {
                    let number = notes.count + 1
                    sentence.insert(contentsOf: String(number), at: sentence.index(before: sentence.endIndex))
                    notes.append(.init(number: number, text: (0..<Int.random(in: 1...4, using: &random)).map { _ in self.sentence() }.joined(separator: " ")))
                }
                sentences.append(sentence)
            }
            paragraphs.append(sentences.joined(separator: " "))
        }
        return GeneratedPaper(paragraphs: paragraphs, notes: notes)
    }

    mutating func sentence() -> String {
        var tokens: [String] = []
        for position in 0..<Int.random(in: 6...22, using: &random) {
            let roll = Int.random(in: 0..<100, using: &random)
            var token: String
            switch roll {
            case 0..<8: token = Self.longWords.randomElement(using: &random)!
            case 8..<14: token = Self.names.randomElement(using: &random)!
            case 14..<17: token = Self.compounds.randomElement(using: &random)!
            case 17..<19: token = "in \(Int.random(in: 1940...2023, using: &random))"
            default: token = Self.words.randomElement(using: &random)!
            }
            if position == 0 { token = token.prefix(1).uppercased() + token.dropFirst() }
            if position > 2 && Int.random(in: 0..<12, using: &random) == 0 { token += "," }
            tokens.append(token)
        }
        var sentence = tokens.joined(separator: " ")
        if sentence.hasSuffix(",") { sentence.removeLast() }
        return sentence + "."
    }
}
