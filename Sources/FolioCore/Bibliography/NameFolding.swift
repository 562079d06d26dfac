import Foundation

/// Names compared as a reader would: without case and diacritics, so `Ştefan` (cedilla) is
/// `Ștefan` (comma below) and `Dimbovita` is `Dîmbovița`.
public enum NameFolding {
    /// Letters and digits without case or diacritics, for matching words of any kind.
    public static func foldWord(_ word: String) -> String {
        // ASCII has no marks to take off: every token of every reference passes here.
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
        let decomposed = word.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            $0.properties.generalCategory != .nonspacingMark
        }
        return String(scalars: decomposed).lowercased()
    }

    public static func fold(_ name: String) -> String {
        // An ASCII name (most are) has no marks or special letters to fold.
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return name.lowercased().filter { $0.isLetter || $0 == " " } }
        let decomposed = name.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            $0.properties.generalCategory != .nonspacingMark
        }
        var result = String(scalars: decomposed).lowercased()
        for (from, to) in [("ı", "i"), ("ł", "l"), ("ø", "o"), ("đ", "d"), ("ß", "ss"), ("æ", "ae"), ("œ", "oe")] {
            result = result.replacingOccurrences(of: from, with: to)
        }
        return result.filter { $0.isLetter || $0 == " " }
    }
}
