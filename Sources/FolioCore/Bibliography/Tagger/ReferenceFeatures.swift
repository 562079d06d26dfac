/// What the tagger sees of each token: the word, its shape, its neighbours, where it stands,
/// and the marks around it (quotes, italics, brackets, "In", "pp.").
enum ReferenceFeatures {
    static func features(_ tokens: [ReferenceToken]) -> [[String]] {
        var result: [[String]] = []
        result.reserveCapacity(tokens.count)
        var inQuotes = false
        var inItalics = false
        var inBrackets = 0
        var sawYear = false
        var quoteClosed = false
        var sentences = 0
        // Each token's lower case and shape, made once: its neighbours ask for them too.
        let lowered = tokens.map { $0.text.lowercased() }
        let shapes = tokens.map { shape($0.text) }
        for (index, token) in tokens.enumerated() {
            let word = token.text
            let lower = NameFolding.foldWord(word)
            var features = ["b", "w=" + lower, "s=" + shapes[index], "len=" + String(min(word.count, 8))]
            // Unseen words still show their kind by how they begin and end (`-ology`, `Phys`).
            if word.count > 3 {
                features.append("pre=" + lower.prefix(3))
                features.append("suf=" + lower.suffix(3))
            }
            features.append("s3=" + (shapes[safe: index - 1] ?? "^") + "|" + shapes[index] + "|" + (shapes[safe: index + 1] ?? "$"))
            let position = tokens.count > 1 ? index * 10 / tokens.count : 0
            features.append("pos=\(position)")
            if index == 0 { features.append("first") }
            if index == tokens.count - 1 { features.append("last") }
            if token.spaceBefore { features.append("sp") }
            if index >= 1 {
                features.append("p=" + lowered[index - 1])
                features.append("pw=" + lowered[index - 1] + "|" + lower)
                features.append("ps=" + shapes[index - 1])
            }
            if let next = tokens[safe: index + 1] {
                features.append("n=" + lowered[index + 1])
                features.append("wn=" + lower + "|" + lowered[index + 1])
                features.append("ns=" + shapes[index + 1])
                if !next.spaceBefore { features.append("nglued") }
            }
            if let previous = lowered[safe: index - 2] { features.append("pp=" + previous) }
            if let next = lowered[safe: index + 2] { features.append("nn=" + next) }
            var isYear = false
            if let number = Int(word) {
                if word.count == 4 && (1500...2099).contains(number) { features.append("year"); isYear = true }
                features.append(number < 10 ? "num<10" : number < 100 ? "num<100" : number < 1000 ? "num<1000" : "num>=1000")
            }
            if word.count == 1, word.first?.isUppercase == true, tokens[safe: index + 1]?.text == "." { features.append("initial") }
            if word.first?.isUppercase == true && word.dropFirst().allSatisfy({ $0.isLowercase }) && word.count > 1 { features.append("capitalized") }
            if word.count > 1 && word.allSatisfy({ $0.isUppercase }) { features.append("caps") }
            // `Phys.`, `Rev.`: an abbreviated word, as journal names are printed.
            if word.count >= 2, word.first?.isUppercase == true, tokens[safe: index + 1]?.text == "." { features.append("abbrev") }
            if Int(word) != nil {
                if let previous = tokens[safe: index - 1], Int(previous.text) != nil { features.append("afternumber") }
                if tokens[safe: index - 1]?.text == ",", let number = tokens[safe: index - 2], Int(number.text) != nil { features.append("numbercommanumber") }
                if tokens[safe: index + 1]?.text == "(", let year = tokens[safe: index + 2], year.text.count == 4, Int(year.text) != nil {
                    features.append("beforeparenyear")
                }
            }
            if word.hasPrefix("http") || word == "www" { features.append("link") }
            // State carried along the reference.
            switch word {
            case "“", "„", "«": inQuotes = true
            case "”", "»": inQuotes = false; quoteClosed = true
            case "\"": inQuotes.toggle(); if !inQuotes { quoteClosed = true }
            case "*", "_": inItalics.toggle()
            case "(", "[": inBrackets += 1
            case ")", "]": inBrackets = max(0, inBrackets - 1)
            default: break
            }
            if inQuotes { features.append("inquotes") }
            if inItalics { features.append("initalics") }
            if inBrackets > 0 { features.append("inbrackets") }
            if quoteClosed && !inQuotes { features.append("afterquote") }
            // Which sentence of the reference the token is in (`Names. Title. Journal`), counting
            // full stops that end a word of more than one letter.
            features.append("sent=\(min(sentences, 4))")
            if word == ".", let previous = tokens[safe: index - 1], previous.text.count > 1, tokens[safe: index + 1]?.spaceBefore != false {
                sentences += 1
            }
            if isYear { sawYear = true }
            features.append(sawYear ? "afteryear" : "beforeyear")
            result.append(features)
        }
        return result
    }

    /// What a token says about the move from the previous token's field to its own: the mark
    /// itself when it is punctuation or a short word (`.`, `,`, `In`, `pp`), and its shape.
    static func edgeFeatures(_ tokens: [ReferenceToken]) -> [[String]] {
        let lowered = tokens.map { $0.text.lowercased() }
        let shapes = tokens.map { shape($0.text) }
        return tokens.enumerated().map { index, token in
            let word = token.text
            var features = ["~s=" + shapes[index] + (token.spaceBefore ? "_" : "")]
            if word.count <= 3 || !word.unicodeScalars.contains(where: { $0.isAlphabetic }) {
                features.append("~w=" + lowered[index])
            }
            if index >= 1, tokens[index - 1].text.count <= 3 { features.append("~p=" + lowered[index - 1] + "|" + lowered[index]) }
            if let next = shapes[safe: index + 1] { features.append("~ns=" + next) }
            return features
        }
    }

    /// `Xxxx`, `dddd`, `X.`: the kind of characters, runs squeezed.
    static func shape(_ word: String) -> String {
        var result = ""
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
