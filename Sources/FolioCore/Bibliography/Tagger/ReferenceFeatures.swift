import FolioBytes

/// What the tagger sees of each token: the word, its shape, its neighbours, where it stands,
/// and the marks around it (quotes, italics, brackets, "In", "pp.").
///
/// A feature is a name and up to three values (`pw=` `of` `the` is `pw=of|the`). The features
/// go to a sink: strings to train on and to write the model, or hashes of those strings to tag
/// with, which spares making twenty strings a token on every reference Folio reads.
enum ReferenceFeatures {
    static func features(_ tokens: [ReferenceToken]) -> [[String]] {
        var sink = FeatureStrings()
        features(tokens, into: &sink)
        return sink.tokens
    }

    /// Each token's lower case, folded form and shape, made once with their hashes: its
    /// neighbours ask for them too, and both kinds of feature read them.
    struct Forms {
        var lowered: [FeatureValue]
        /// `NameFolding.foldWord`: of an ASCII word, its lower case.
        var folded: [FeatureValue]
        var shapes: [FeatureValue]
        /// Each token's length in characters.
        var lengths: [Int]

        /// Whether each token is one byte a character (`isOneBytePerCharacter`), asked once.
        var oneBytePerCharacter: [Bool]

        init(_ tokens: [ReferenceToken]) {
            lowered = tokens.map { FeatureValue($0.text.lowercased()) }
            oneBytePerCharacter = tokens.map { ReferenceFeatures.isOneBytePerCharacter($0.text) }
            folded = tokens.indices.map { [lowered, oneBytePerCharacter] index in
                oneBytePerCharacter[index] ? lowered[index] : FeatureValue(NameFolding.foldWord(tokens[index].text))
            }
            shapes = zip(tokens, oneBytePerCharacter).map { FeatureValue(ReferenceFeatures.shape($0.text, oneBytePerCharacter: $1)) }
            lengths = zip(tokens, oneBytePerCharacter).map { ReferenceFeatures.characterCount($0.text, oneBytePerCharacter: $1) }
        }
    }

    /// Whether each byte of `word` is a character of its own: ASCII without CR, which joins a
    /// following LF. Most tokens are, and are read byte by byte: a character's case or count
    /// is a slow question for the standard library (grapheme breaks, Unicode's tables).
    static func isOneBytePerCharacter(_ word: String) -> Bool {
        word.withUTF8Bytes { bytes in bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D } }
    }

    /// `word.count`, from the bytes where each is a character.
    static func characterCount(_ word: String) -> Int {
        characterCount(word, oneBytePerCharacter: isOneBytePerCharacter(word))
    }

    static func characterCount(_ word: String, oneBytePerCharacter: Bool) -> Int {
        if oneBytePerCharacter { return word.utf8.count }
        return CharacterKinds.isOneCharacterPerCodePoint(word) ? word.unicodeScalars.count : word.count
    }

    static func features(_ tokens: [ReferenceToken], into sink: inout some FeatureSink, forms: Forms? = nil) {
        var inQuotes = false
        var inItalics = false
        var inBrackets = 0
        var sawYear = false
        var quoteClosed = false
        var sentences = 0
        let forms = forms ?? Forms(tokens)
        let (lowered, shapes, lengths) = (forms.lowered, forms.shapes, forms.lengths)
        // Neighbours are read by index, not copied whole from the array: every token of every
        // reference asks after four of them.
        for index in tokens.indices {
            let word = tokens[index].text
            let lower = forms.folded[index]
            let length = lengths[index]
            let nextText = index + 1 < tokens.count ? tokens[index + 1].text : nil
            sink.add("b")
            sink.add("w=", lower)
            sink.add("s=", shapes[index])
            sink.add("len=", digits[min(length, 8)])
            // Unseen words still show their kind by how they begin and end (`-ology`, `Phys`).
            if length > 3 {
                sink.add("pre=", FeatureValue(String(lower.text.prefix(3))))
                sink.add("suf=", FeatureValue(String(lower.text.suffix(3))))
            }
            sink.add("s3=", shapes[safe: index - 1] ?? Self.beforeFirst, shapes[index], shapes[safe: index + 1] ?? Self.afterLast)
            let position = tokens.count > 1 ? index * 10 / tokens.count : 0
            sink.add("pos=", digits[position])
            if index == 0 { sink.add("first") }
            if index == tokens.count - 1 { sink.add("last") }
            if tokens[index].spaceBefore { sink.add("sp") }
            if index >= 1 {
                sink.add("p=", lowered[index - 1])
                sink.add("pw=", lowered[index - 1], lower)
                sink.add("ps=", shapes[index - 1])
            }
            if index + 1 < tokens.count {
                sink.add("n=", lowered[index + 1])
                sink.add("wn=", lower, lowered[index + 1])
                sink.add("ns=", shapes[index + 1])
                if !tokens[index + 1].spaceBefore { sink.add("nglued") }
            }
            if let previous = lowered[safe: index - 2] { sink.add("pp=", previous) }
            if let next = lowered[safe: index + 2] { sink.add("nn=", next) }
            var isYear = false
            let number = Int(word)
            if let number {
                if length == 4 && (1500...2099).contains(number) { sink.add("year"); isYear = true }
                sink.add(number < 10 ? "num<10" : number < 100 ? "num<100" : number < 1000 ? "num<1000" : "num>=1000")
            }
            let casing = Casing(word, oneBytePerCharacter: forms.oneBytePerCharacter[index])
            let startsUpper = casing.startsUpper
            if length == 1, startsUpper, nextText == "." { sink.add("initial") }
            if length > 1 && startsUpper && casing.restLower { sink.add("capitalized") }
            if length > 1 && startsUpper && casing.restUpper { sink.add("caps") }
            // `Phys.`, `Rev.`: an abbreviated word, as journal names are printed.
            if length >= 2, startsUpper, nextText == "." { sink.add("abbrev") }
            if number != nil {
                if index >= 1, Int(tokens[index - 1].text) != nil { sink.add("afternumber") }
                if index >= 2, tokens[index - 1].text == ",", Int(tokens[index - 2].text) != nil { sink.add("numbercommanumber") }
                if nextText == "(", index + 2 < tokens.count, lengths[index + 2] == 4, Int(tokens[index + 2].text) != nil {
                    sink.add("beforeparenyear")
                }
            }
            if word.hasPrefix("http") || word == "www" { sink.add("link") }
            // State carried along the reference.
            // Each mark is one code point: asked of the token's only one, not of the string, whose
            // comparisons cost several times more for every token.
            var scalars = word.unicodeScalars.makeIterator()
            switch (scalars.next(), scalars.next()) {
            case ("“", nil), ("„", nil), ("«", nil): inQuotes = true
            case ("”", nil), ("»", nil): inQuotes = false; quoteClosed = true
            case ("\"", nil): inQuotes.toggle(); if !inQuotes { quoteClosed = true }
            case ("*", nil), ("_", nil): inItalics.toggle()
            case ("(", nil), ("[", nil): inBrackets += 1
            case (")", nil), ("]", nil): inBrackets = max(0, inBrackets - 1)
            default: break
            }
            if inQuotes { sink.add("inquotes") }
            if inItalics { sink.add("initalics") }
            if inBrackets > 0 { sink.add("inbrackets") }
            if quoteClosed && !inQuotes { sink.add("afterquote") }
            // Which sentence of the reference the token is in (`Names. Title. Journal`), counting
            // full stops that end a word of more than one letter.
            sink.add("sent=", digits[min(sentences, 4)])
            if word == ".", index >= 1, lengths[index - 1] > 1, index + 1 == tokens.count || tokens[index + 1].spaceBefore {
                sentences += 1
            }
            if isYear { sawYear = true }
            sink.add(sawYear ? "afteryear" : "beforeyear")
            sink.endToken()
        }
    }

    /// Whether a word opens with an upper-case letter and whether the rest of it is all lower
    /// case or all upper case, as `Character` tells: `first?.isUppercase == true`,
    /// `dropFirst().allSatisfy(\.isLowercase)`, `dropFirst().allSatisfy(\.isUppercase)`.
    struct Casing: Equatable {
        var startsUpper: Bool
        var restLower: Bool
        var restUpper: Bool

        init(startsUpper: Bool, restLower: Bool, restUpper: Bool) {
            (self.startsUpper, self.restLower, self.restUpper) = (startsUpper, restLower, restUpper)
        }

        init(_ word: String) {
            self.init(word, oneBytePerCharacter: ReferenceFeatures.isOneBytePerCharacter(word))
        }

        init(_ word: String, oneBytePerCharacter: Bool) {
            // Where a byte is a character, its case is a range of bytes.
            guard oneBytePerCharacter else {
                if let kinds = CharacterKinds.of(word) {
                    self.init(startsUpper: kinds.first?.contains(.uppercase) == true, restLower: kinds.dropFirst().allSatisfy { $0.contains(.lowercase) },
                              restUpper: kinds.dropFirst().allSatisfy { $0.contains(.uppercase) })
                    return
                }
                self.init(startsUpper: word.first?.isUppercase == true, restLower: word.dropFirst().allSatisfy(\.isLowercase),
                          restUpper: word.dropFirst().allSatisfy(\.isUppercase))
                return
            }
            var bytes = word.utf8.makeIterator()
            let first = bytes.next()
            var restLower = true, restUpper = true
            while let byte = bytes.next() {
                restLower = restLower && (0x61...0x7A).contains(byte)
                restUpper = restUpper && (0x41...0x5A).contains(byte)
            }
            self.init(startsUpper: first.map { (0x41...0x5A).contains($0) } ?? false, restLower: restLower, restUpper: restUpper)
        }
    }

    /// `0` to `10`, made once.
    private static let digits = (0...10).map { FeatureValue(String($0)) }
    /// The shapes of the neighbours of the first and the last token, and the mark of a token
    /// after a space.
    private static let beforeFirst = FeatureValue("^"), afterLast = FeatureValue("$"), afterSpace = FeatureValue("_")

    /// What a token says about the move from the previous token's field to its own: the mark
    /// itself when it is punctuation or a short word (`.`, `,`, `In`, `pp`), and its shape.
    static func edgeFeatures(_ tokens: [ReferenceToken]) -> [[String]] {
        var sink = FeatureStrings()
        edgeFeatures(tokens, into: &sink)
        return sink.tokens
    }

    static func edgeFeatures(_ tokens: [ReferenceToken], into sink: inout some FeatureSink, forms: Forms? = nil) {
        let forms = forms ?? Forms(tokens)
        let (lowered, shapes, lengths) = (forms.lowered, forms.shapes, forms.lengths)
        for index in tokens.indices {
            // `~s=` and the shape, `_` after it where a space came before: one value in two
            // pieces, without a string made for it.
            sink.begin("~s=")
            sink.append(shapes[index], separated: false)
            if tokens[index].spaceBefore { sink.append(Self.afterSpace, separated: false) }
            sink.end()
            if lengths[index] <= 3 || !tokens[index].text.unicodeScalars.contains(where: { $0.isAlphabetic }) {
                sink.add("~w=", lowered[index])
            }
            if index >= 1, lengths[index - 1] <= 3 { sink.add("~p=", lowered[index - 1], lowered[index]) }
            if let next = shapes[safe: index + 1] { sink.add("~ns=", next) }
            sink.endToken()
        }
    }

    /// `Xxxx`, `dddd`, `X.`: the kind of characters, runs squeezed.
    static func shape(_ word: String) -> String {
        shape(word, oneBytePerCharacter: isOneBytePerCharacter(word))
    }

    static func shape(_ word: String, oneBytePerCharacter: Bool) -> String {
        // ASCII (most words): byte by byte, each byte a character.
        // Written straight into the string: every token of every reference is asked.
        if oneBytePerCharacter {
            return word.withUTF8Bytes { bytes in String(unsafeUninitializedCapacity: 12) { result in
                var count = 0
                for byte in bytes.prefix(12) {
                    let kind = (0x41...0x5A).contains(byte) ? UInt8(ascii: "X") : (0x61...0x7A).contains(byte) ? UInt8(ascii: "x")
                        : (0x30...0x39).contains(byte) ? UInt8(ascii: "d") : byte
                    if count == 0 || result[count - 1] != kind {
                        result[count] = kind
                        count += 1
                    }
                }
                return count
            } }
        }
        var result = ""
        if let kinds = CharacterKinds.of(word) {
            for (scalar, kinds) in zip(word.unicodeScalars, kinds).prefix(12) {
                let kind: Unicode.Scalar = kinds.contains(.uppercase) ? "X" : kinds.contains(.lowercase) ? "x" : kinds.contains(.number) ? "d" : scalar
                if result.unicodeScalars.last != kind { result.unicodeScalars.append(kind) }
            }
            return result
        }
        for character in word.prefix(12) {
            let kind: Character = character.isUppercase ? "X" : character.isLowercase ? "x" : character.isNumber ? "d" : character
            if result.last != kind { result.append(kind) }
        }
        return result
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
