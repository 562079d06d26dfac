import Foundation

/// Names compared as a reader would: without case and diacritics, so `Ştefan` (cedilla) is
/// `Ștefan` (comma below) and `Dimbovita` is `Dîmbovița`.
public enum NameFolding {
    /// Letters and digits without case or diacritics, for matching words of any kind.
    public static func foldWord(_ word: String) -> String {
        // ASCII has no marks to take off: every token of every reference passes here.
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
        return LatinFolds.words.folded(word) ?? foldWordWithFoundation(word)
    }

    static func foldWordWithFoundation(_ word: String) -> String {
        withoutMarks(word).lowercased()
    }

    /// The text decomposed, its combining marks taken off.
    private static func withoutMarks(_ text: String) -> String {
        String(scalars: text.decomposedStringWithCanonicalMapping.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark })
    }

    /// `fold` of an ASCII name, from its bytes: its letters lower-cased, and its spaces (asking
    /// each character whether it is a letter cost about a thousand instructions).
    static func foldASCII(_ name: String) -> String {
        String(decoding: name.utf8.compactMap { byte -> UInt8? in
            let lower = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            return (0x61...0x7A).contains(lower) || lower == 0x20 ? lower : nil
        }, as: UTF8.self)
    }

    public static func fold(_ name: String) -> String {
        // An ASCII name (most are) has no marks or special letters to fold.
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return foldASCII(name) }
        return LatinFolds.names.folded(name) ?? foldWithFoundation(name)
    }

    static func foldWithFoundation(_ name: String) -> String {
        // Letters with no decomposition to take a mark off, as their plain forms; in one pass
        // over the code points: none of them decomposes, so no search for them could match more.
        var letters: [Unicode.Scalar] = []
        for scalar in withoutMarks(name).lowercased().unicodeScalars {
            switch scalar {
            case "ı": letters.append("i")
            case "ł": letters.append("l")
            case "ø": letters.append("o")
            case "đ": letters.append("d")
            case "ß": letters += ["s", "s"]
            case "æ": letters += ["a", "e"]
            case "œ": letters += ["o", "e"]
            default: letters.append(scalar)
            }
        }
        return String(scalars: letters).filter { $0.isLetter || $0 == " " }
    }
}

/// A folding of text (`fold`, `foldWord`) for each code point that is a character of its own
/// (`OwnCharacterScalars`: below U+0300, Latin letters with their accents, and general
/// punctuation), made once. Each such folds on its own: its decomposition's marks are taken off
/// whole (a space of general punctuation decomposes to another space, alone), and its lower case
/// is its own. (CR and LF, one character, both fold to what each does alone.) So a text of them
/// folds as its code points do, one after another, without Foundation decomposing the text and
/// the standard library lower-casing it (some fifteen thousand instructions a name; a title in
/// capitals with an apostrophe (`’`), looked at as a heading, cost four hundred thousand).
private struct LatinFolds: Sendable {
    static let names = LatinFolds(NameFolding.foldWithFoundation)
    static let words = LatinFolds(NameFolding.foldWordWithFoundation)

    /// The UTF-8 of each code point's folding, by `OwnCharacterScalars.tableIndex`.
    private let folds: [[UInt8]]

    private init(_ fold: (String) -> String) {
        folds = OwnCharacterScalars.tableScalars.map { Array(fold(String($0)).utf8) }
    }

    /// `text` folded, from its code points' foldings; nil when one is not a character of its own.
    func folded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            guard let index = OwnCharacterScalars.tableIndex(scalar) else { return nil }
            bytes.append(contentsOf: folds[index])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
