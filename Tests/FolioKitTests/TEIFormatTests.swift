import Foundation
import Testing
@testable import FolioCore
@testable import FolioKit
@testable import FolioXML

@Suite struct TEIFormatTests {
    @Test func theShippedSchemaCompiles() throws {
        _ = try TEIFormat.schema.get()
    }

    /// The weaver trims a piece's edge spaces from its bytes exactly as from its string: where
    /// the bytes cannot tell (a code point from U+0300 on next to the spaces) they say so.
    @Test func spacesAreTrimmedFromBytesAsFromTheString() {
        // Below U+0300 no code point makes one character with a space, before it or after.
        for value in 0..<0x300 {
            let scalar = String(Unicode.Scalar(UInt32(value))!)
            #expect((" " + scalar).count == 2 && (scalar + " ").count == 2, "U+\(String(value, radix: 16))")
        }
        let pieces = [" ", " ", "a", "é", "\u{2FF}", "\u{300}", "\u{301}", "\u{600}", "\u{200D}", "\u{AD}", "“", "\u{1F600}", "\u{903}", "\n"]
        var generator = SystemRandomNumberGenerator()
        var decidedByBytes = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let (leading, trailing) = (Bool.random(using: &generator), Bool.random(using: &generator))
            let expected = InlineWeaver.trimmingSpaces(text, leading: leading, trailing: trailing)
            Array(text.utf8).withUnsafeBufferPointer { bytes in
                guard let trimmed = InlineWeaver.trimmingSpaces(bytes, leading: leading, trailing: trailing) else { return }
                decidedByBytes += 1
                #expect(Array(trimmed) == Array(expected.utf8), "\(Array(text.unicodeScalars)) \(leading) \(trailing)")
            }
        }
        #expect(decidedByBytes > 15_000)
    }

    @Test func theFullModelRendersValidWithEverythingInPlace() throws {
        let xml = String(decoding: try TEIFormat().render(fullModelDocument()), as: UTF8.self)
        #expect(xml.contains(##"<title level="a" type="main">Title of the Paper</title>"##))
        #expect(xml.contains(##"<title level="j">Journal &amp; Review</title>"##))
        #expect(xml.contains("An abstract &lt; with &gt; markup."))
        #expect(xml.contains(##"began<ref type="foot" target="#fn1">4</ref>"##))
        #expect(xml.contains(##"(<ref type="bibr" target="#b1">Waltz, <date xml:id="date2" when="2000">2000</date></ref>; <ref type="bibr">Lukyanov, 2016</ref>)"##))
        #expect(xml.contains(##"<q type="soCalled" xml:id="quote1">security dilemma</q>"##))
        #expect(xml.contains(##"<cit><quote xml:id="quote2">each State interprets its security as defensive</quote><note type="attribution"><bibl><author>Herz</author><ref type="bibr" target="#b1">"##))
        #expect(xml.contains(##"<cit>"##) && xml.contains(##"<quote rend="block" xml:id="bq1">"##))
        #expect(xml.contains(##"<note place="foot" n="4" xml:id="fn1">The United States, Canada and others.</note>"##))
        #expect(xml.contains(##"<event xml:id="event1" when="1948" corresp="#date1">"##))
        #expect(xml.contains(##"<ptr target="https://example.org/a?b=1&amp;c=2"/>"##))
        #expect(xml.contains(##"<head xml:id="head2" n="1.1">INTRODUCTION</head>"##))
        #expect(xml.contains(##"<application ident="folio" version="\##(FolioVersion.current)">"##))
    }

    /// The TEI of the full model and the samples, each rewritten 150 times at one or two
    /// random places `places` finds (from the last, so earlier places stay where they are);
    /// `rewrite` gives a place's new text from the document and the place. Rewritings the
    /// parser refuses are left out.
    private func rewrittenTEI(at places: NSRegularExpression, _ rewrite: (NSString, NSTextCheckingResult) -> String) throws -> [ParsedXML] {
        var documents = [String(decoding: try TEIFormat().render(fullModelDocument()), as: UTF8.self)]
        for path in samplePaths { documents.append(String(decoding: try TEIFormat().render(processSample(path)), as: UTF8.self)) }
        var generator = SystemRandomNumberGenerator()
        var rewritten: [ParsedXML] = []
        for document in documents {
            let found = places.matches(in: document, range: NSRange(document.startIndex..., in: document))
            #expect(found.count > 2)
            for _ in 0..<150 {
                var mutated = document as NSString
                for place in found.shuffled(using: &generator).prefix(Int.random(in: 1...2, using: &generator)).sorted(by: { $0.range.location > $1.range.location }) {
                    mutated = mutated.replacingCharacters(in: place.range, with: rewrite(document as NSString, place)) as NSString
                }
                // The parser refuses an `xml:id` given twice (two places given one new value).
                if let parsed = try? ParsedXML(bytes: Array((mutated as String).utf8), name: "mutated.xml") { rewritten.append(parsed) }
            }
        }
        return rewritten
    }

    /// Property: checking the schema's attribute patterns and NCNames apart (compiled once)
    /// accepts and rejects exactly what the whole schema does, in parsed documents and in trees,
    /// over the TEI of the full model and the samples with attribute values replaced by random
    /// near-misses.
    @Test func attributePatternsCheckedApartAgreeWithTheWholeSchema() throws {
        let whole = try RelaxNGSchema(text: TEISchema.text)
        let apart = try RelaxNGSchema(text: TEISchema.text, attributePatterns: TEISchema.attributePatterns)
        #expect(TEISchema.text.components(separatedBy: #"<param name="pattern">"#).count - 1 == Set(TEISchema.attributePatterns.compactMap { pattern in
            if case .regularExpression(let expression) = pattern.form { expression } else { nil }
        }).count,
                "every pattern of the schema is checked apart")
        let dates = ["2001", "2001-02", "2001-02-30", "2001-13", "2001-1-01", "-0044", "20011", "0000", " 2001", "2001 ", "2001Z", "1999-12-31", "#x"]
        let targets = ["#x", "#a1", "#1a", "#a b", "#", "#é", "x", "", "#_x", "#a:b", "https://example.org/a b", "https://h/x", "http:///x",
                       "www.x", "www.", "ftp://h", "HTTP://H.ORG", " https://h.org", "https://h.org ", "mailto:a@b", "#date1", "2001"]
        let ids = ["zq1", "1zq", "zq 1", " zq2 ", "zq:b", "", "é1", "_zq", "-zq", "zq-1.2", "zq·"]
        let attribute = try NSRegularExpression(pattern: #" (when|from|to|notBefore|notAfter|corresp|target|xml:id)="[^"]*""#)
        var outcomes = (valid: 0, invalid: 0)
        for parsed in try rewrittenTEI(at: attribute, { document, place in
            let name = document.substring(with: place.range(at: 1))
            let value = (name == "xml:id" ? ids : ["corresp", "target"].contains(name) ? targets : dates).randomElement()!
            return " \(name)=\"\(value.replacingOccurrences(of: "&", with: "&amp;"))\""
        }) {
            let valid = whole.validate(parsed).isEmpty
            #expect(apart.validate(parsed).isEmpty == valid)
            #expect(apart.validate(XMLTree(copying: parsed)).isEmpty == valid, "checked as a tree is walked")
            if valid { outcomes.valid += 1 } else { outcomes.invalid += 1 }
        }
        #expect(outcomes.valid > 50 && outcomes.invalid > 50)
    }

    /// Property: checking the date attributes apart (`TEISchema.attributeChoices`) in a tree
    /// validated as it is walked accepts and rejects exactly what libxml2 does with the whole
    /// schema, over the TEI of the full model and the samples whose dates, events and imprint
    /// dates are given random sets of date attributes, of good values and bad.
    @Test func dateAttributesCheckedApartAgreeWithTheWholeSchema() throws {
        let whole = try RelaxNGSchema(text: TEISchema.text)
        let apart = try TEIFormat.schema.get()
        let opening = try NSRegularExpression(pattern: #"<(date|event)\b[^>]*?(/?)>"#)
        let dateAttribute = try NSRegularExpression(pattern: #" (when|from|to|notBefore|notAfter|dur)="[^"]*""#)
        let names = ["when", "from", "to", "notBefore", "notAfter", "dur"]
        let values = ["2001", "2001-02", "1999-12-31", "P2Y", "P1Y2M", "P", "2Y", "x"]
        var outcomes = (valid: 0, invalid: 0, imprints: 0)
        for parsed in try rewrittenTEI(at: opening, { document, place in
            if document.substring(to: place.range.location).trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("<imprint>") { outcomes.imprints += 1 }
            let tag = document.substring(with: place.range)
            var rewritten = dateAttribute.stringByReplacingMatches(in: tag, range: NSRange(tag.startIndex..., in: tag), withTemplate: "")
            let end = rewritten.hasSuffix("/>") ? rewritten.index(rewritten.endIndex, offsetBy: -2) : rewritten.index(before: rewritten.endIndex)
            let added = names.shuffled().prefix(Int.random(in: 0...2))
                .map { " \($0)=\"\(Int.random(in: 0..<3) == 0 ? values.randomElement()! : $0 == "dur" ? "P2Y" : "2001")\"" }
            rewritten.insert(contentsOf: added.joined(), at: end)
            return rewritten
        }) {
            let valid = whole.validate(parsed).isEmpty
            let walked = apart.validate(XMLTree(copying: parsed))
            #expect(walked.isEmpty == valid, "\(walked)")
            if valid { outcomes.valid += 1 } else { outcomes.invalid += 1 }
        }
        #expect(outcomes.valid > 50 && outcomes.invalid > 50 && outcomes.imprints > 10, "\(outcomes)")
    }

    /// The schema's inline content, one alternative an element name (see the schema): it takes
    /// every form Folio writes and refuses their near misses, set in a paragraph of the body.
    @Test(arguments: [
        (##"text<ref type="foot" target="#fn1">4</ref> more"##, true),
        (##"<ref type="bibr" target="#b1">Waltz, <date xml:id="dX" when="2000">2000</date><ref type="foot" target="#fn1">4</ref></ref>"##, true),
        (##"<ref type="bibr">Lukyanov, 2016</ref>"##, true),
        (##"<quote xml:id="qA">a</quote> and <quote rend="block" xml:id="qB">b</quote>"##, true),
        (##"<cit><quote rend="block" xml:id="qC">a</quote><note type="attribution"><bibl><author>A</author></bibl></note></cit>"##, true),
        (##"<cit><quote xml:id="qC">a</quote><note type="attribution"><bibl><ref type="foot" target="#fn1">4</ref></bibl></note></cit>"##, true),
        (##"<q type="soCalled" xml:id="qD">a <quote xml:id="qE">b</quote></q>"##, true),
        (##"<ref type="foot">4</ref>"##, false),
        (##"<ref type="foot" target="#fn1"><date xml:id="dY" when="2000">2000</date></ref>"##, false),
        (##"<ref type="other" target="#fn1">4</ref>"##, false),
        (##"<ref type="bibr" target="#b1"><quote xml:id="qF">a</quote></ref>"##, false),
        (##"<quote rend="inline" xml:id="qG">a</quote>"##, false),
        (##"<quote>a</quote>"##, false),
        (##"<cit><quote xml:id="qH">a</quote></cit>"##, false),
        (##"<cit><quote xml:id="qC">a</quote><note type="attribution"><bibl><ref type="foot">4</ref></bibl></note></cit>"##, false),
        (##"<q xml:id="qI">a</q>"##, false),
        // A date's attributes: a day, month or year; a range, open at either end; a span; a length.
        (##"<date xml:id="dA" when="2000">a</date><date xml:id="dB" from="1992" to="1995">b</date>"##, true),
        (##"<date xml:id="dC" from="1992">a</date><date xml:id="dD" to="1995">b</date><date xml:id="dE">c</date>"##, true),
        (##"<date xml:id="dF" notBefore="1990" notAfter="1999">a</date><date xml:id="dG" dur="P2Y">b</date>"##, true),
        (##"<date xml:id="dH" when="2000" from="1999">a</date>"##, false),
        (##"<date xml:id="dI" notBefore="1990">a</date>"##, false),
        (##"<date xml:id="dJ" to="1995" dur="P2Y">a</date>"##, false),
    ])
    func inlineContentIsWhatFolioWrites(content: String, valid: Bool) throws {
        let xml = String(decoding: try TEIFormat().render(fullModelDocument()), as: UTF8.self)
        let body = try #require(xml.range(of: "<body>"))
        let open = try #require(xml.range(of: #"<p xml:id="[^"]*">"#, options: .regularExpression, range: body.upperBound..<xml.endIndex))
        let close = try #require(xml.range(of: "</p>", range: open.upperBound..<xml.endIndex))
        let document = xml.replacingCharacters(in: open.upperBound..<close.lowerBound, with: content)
        let parsed = try ParsedXML(bytes: Array(document.utf8), name: "inline.xml")
        #expect(try TEIFormat.schema.get().validate(parsed).isEmpty == valid)
    }

    @Test func aBlockQuoteCompletingItsSentenceStaysInItsParagraph() throws {
        let text = "He wrote the following:\n\n> The quoted passage.\n\nA new paragraph.\n\n> A quotation standing alone."
        let document = try Pipeline(stages: [NormalizeStage(), ParagraphsStage()]).process(SourceText(name: "q.md", format: .markdown, text: text))
        let xml = String(decoding: try TEIFormat().render(document), as: UTF8.self)
        #expect(xml.contains(##"<p xml:id="p1">He wrote the following:<quote rend="block" xml:id="bq1">The quoted passage.</quote></p>"##))
        #expect(xml.contains(##"<p xml:id="p2">A new paragraph.</p>"##))
        #expect(xml.contains(##"<quote rend="block" xml:id="bq2">A quotation standing alone.</quote>"##))
    }

    @Test func aLinkWithoutAHostMakesNoPointer() throws {
        var document = try fullModelDocument()
        document.references[1].url = "http://"
        let xml = String(decoding: try TEIFormat().render(document), as: UTF8.self)
        #expect(!xml.contains("<ptr"))
    }

    @Test func aPaperWithNoBodyLeftStillMakesValidTEI() throws {
        var document = try fullModelDocument()
        document.body = Section()
        document.footnotes = []
        let xml = String(decoding: try TEIFormat().render(document), as: UTF8.self)
        #expect(xml.contains(##"<p xml:id="p0"/>"##))
    }

    @Test func linksWithExtractionDebrisStillMakeValidURIs() {
        #expect(TEIWriter.uri("https://www.ex:ample.com/a b[1]#x#y") == "https://www.ex%3Aample.com/a%20b%5B1%5D#x%23y")
        #expect(TEIWriter.uri("http://host:8080/path") == "http://host:8080/path")
        #expect(TEIWriter.uri("https://example.org/ș") == "https://example.org/%C8%99")
        #expect(TEIWriter.uri("-mail:someone@example.org") == "-mail%3Asomeone@example.org")  // no scheme, no colon
        #expect(TEIWriter.uri("https://example.org/a%20b%zz%4z%4") == "https://example.org/a%20b%25zz%254z%254")  // escapes kept, a lone % escaped
    }

    /// Property: a link is made a URI as `TEIWriter.uri` first made it, searching strings
    /// (`Self.uriByStrings`), over random links of schemes, hosts, ports, paths and debris.
    @Test func aLinkIsMadeAURIAsStringSearchesMadeIt() {
        let pieces = ["http", "https", "h2+x.y-z", "1a", "://", ":", ":/", "/", "//", "www", ".", "ex", "ample", "com", "8080", "0", "?", "#", "q=1",
                      "%3A", "%", "a b", "ș", "[1]", "-"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let link = (0..<Int.random(in: 0...9, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(TEIWriter.uri(link) == Self.uriByStrings(link), "\(link.debugDescription)")
        }
    }

    /// `TEIWriter.uri` as it was first written, with a string's searches.
    private static func uriByStrings(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        let uriCharacters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?@!$&'()*+,;=".unicodeScalars)
        let hexDigits = Set("0123456789ABCDEFabcdef".unicodeScalars)
        var result = ""
        var sawFragment = false
        for (index, scalar) in scalars.enumerated() {
            let isEscape = scalar == "%" && index + 2 < scalars.count && hexDigits.contains(scalars[index + 1]) && hexDigits.contains(scalars[index + 2])
            if uriCharacters.contains(scalar) || isEscape || (scalar == "#" && !sawFragment) {
                if scalar == "#" { sawFragment = true }
                result.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { result += String(format: "%%%02X", byte) }
            }
        }
        if let colon = result.firstIndex(of: ":"), !result[..<colon].contains("/"),
           String(result[..<colon]).range(of: "^[A-Za-z][A-Za-z0-9+.-]*$", options: .regularExpression) == nil {
            result.replaceSubrange(colon...colon, with: "%3A")
        }
        if let scheme = result.range(of: "://") {
            let authorityEnd = result[scheme.upperBound...].firstIndex(where: { "/?#".contains($0) }) ?? result.endIndex
            let authority = result[scheme.upperBound..<authorityEnd]
            if let colon = authority.lastIndex(of: ":") {
                let port = authority[authority.index(after: colon)...]
                if port.isEmpty || !port.allSatisfy(\.isNumber) {
                    result.replaceSubrange(scheme.upperBound..<authorityEnd, with: authority.replacingOccurrences(of: ":", with: "%3A"))
                }
            }
        }
        return result
    }

    @Test func twoNotesClaimingOneMarkerStillMakeValidTEI() throws {
        var document = try fullModelDocument()
        document.footnotes.append(Footnote(number: "4", span: document.footnotes[0].span, markers: document.footnotes[0].markers))
        document.assignIdentifiers()
        _ = try TEIFormat().render(document)
    }

    @Test func samplesRenderValidAndIdenticalTwice() throws {
        for path in samplePaths {
            let first = try TEIFormat().render(processSample(path))
            #expect(try TEIFormat().render(processSample(path)) == first)
        }
    }

    /// The official schema, through jing, as CI checks it. Needs `apt-get install jing`.
    @Test(.enabled(if: commandExists("jing"), "jing is not installed"))
    func outputIsValidAgainstTEIAll() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var files: [String] = []
        let documents = try [fullModelDocument()] + samplePaths.map(processSample)
        for (index, document) in documents.enumerated() {
            let path = "\(folder)/\(index).tei.xml"
            try AtomicFile.write(TEIFormat().render(document), to: path)
            files.append(path)
        }
        let teiAll = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/tei/tei_all.rng").path
        try #require(FileManager.default.fileExists(atPath: teiAll), "tei_all.rng is not at \(teiAll)")
        let result = try runCommand(["jing", teiAll] + files)
        let errors = result.output.split(separator: "\n").filter { !$0.contains("[warning]") }
        #expect(result.status == 0 && errors.isEmpty, "\(errors.joined(separator: "\n"))")
    }

    @Test func anInvalidTreeIsAnErrorNotAFile() throws {
        // A heading in a body-level paragraph cannot happen through the stages; build the
        // problem directly: a footnote without a number breaks Folio's schema.
        var document = try fullModelDocument()
        document.footnotes[0].number = ""
        #expect { try TEIFormat().render(document) } throws: { error in
            "\(error)".contains("would not match Folio's schema") && "\(error)".contains("full.txt")
        }
    }
}

@Suite struct TEIDateAttributesTests {
    /// Property: a plain ISO date is recognized as splitting on hyphens and reading the pieces
    /// with `Int` would recognize it, over random strings of digits, signs, hyphens and more.
    @Test func isoDatesAreReadAsTheirPiecesSay() {
        func definition(_ value: String) -> String? {
            let pieces = value.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...3).contains(pieces.count), pieces[0].count == 4, Int(pieces[0]) != nil else { return nil }
            for (index, piece) in pieces.enumerated().dropFirst() {
                guard piece.count == 2, let number = Int(piece) else { return nil }
                if index == 1 && !(1...12).contains(number) { return nil }
                if index == 2 && !(1...31).contains(number) { return nil }
            }
            return value
        }
        var generator = SystemRandomNumberGenerator()
        let pieces = ["2000", "1999", "-", "-", "12", "13", "01", "00", "31", "32", "+1", "+", "1", "9", "X", "/", "é", "\r\n", "٣"]
        var dates = 0
        for _ in 0..<20_000 {
            let value = (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(TEIDateAttributes.isoDate(value) == definition(value), "\(value.debugDescription)")
            if definition(value) != nil { dates += 1 }
        }
        #expect(dates > 100)
    }

    func attributes(_ edtf: String) -> [String] {
        (TEIDateAttributes.attributes(edtf: edtf) ?? []).map { "\($0.0)=\($0.1)" }
    }

    @Test func profileForms() {
        #expect(attributes("1948") == ["when=1948"])
        #expect(attributes("2022-02-24") == ["when=2022-02-24"])
        #expect(attributes("1992/1995") == ["from=1992", "to=1995"])
        #expect(attributes("199X") == ["notBefore=1990", "notAfter=1999"])
        #expect(attributes("19XX") == ["notBefore=1900", "notAfter=1999"])
        #expect(attributes("2001-24") == ["notBefore=2001-12", "notAfter=2002-02"])
        #expect(attributes("2004?") == ["when=2004"])
        #expect(attributes("../2005") == ["to=2005"])
        #expect(attributes("2022-13").isEmpty)
        #expect(attributes("1990/1995/2000").isEmpty && attributes("/").isEmpty, "an interval has two ends")
        #expect(attributes("1X9X").isEmpty && attributes("X999").isEmpty, "unspecified digits come last")
        #expect(attributes("2X").isEmpty && attributes("199X?") == ["notBefore=1990", "notAfter=1999"])
    }

    /// Property: a duration is read from its bytes as its characters read it (how it was read
    /// before), over random strings of units, digits, `T`, marks and letters beyond ASCII.
    @Test func durationsAreReadFromTheirBytesAsFromTheirCharacters() {
        func definition(_ value: String) -> String? {
            guard value.hasPrefix("P"), value.count > 1, !value.hasSuffix("T") else { return nil }
            var amounts: [Character: Int] = [:]
            var number = ""
            var inTime = false
            for character in value.dropFirst() {
                if character.isASCII && character.isNumber {
                    number.append(character)
                } else if character == "T" && number.isEmpty && !inTime {
                    inTime = true
                } else {
                    let unit: Character = inTime ? (character == "M" ? "m" : character) : character
                    let allowed: Set<Character> = inTime ? ["H", "m", "S"] : ["Y", "M", "W", "D"]
                    guard allowed.contains(unit), amounts[unit] == nil, let amount = Int(number) else { return nil }
                    amounts[unit] = amount
                    number = ""
                }
            }
            guard number.isEmpty, !amounts.isEmpty else { return nil }
            var result = "P"
            if let years = amounts["Y"] { result += "\(years)Y" }
            if let months = amounts["M"] { result += "\(months)M" }
            if amounts["W"] != nil || amounts["D"] != nil { result += "\((amounts["W"] ?? 0) * 7 + (amounts["D"] ?? 0))D" }
            if amounts["H"] != nil || amounts["m"] != nil || amounts["S"] != nil {
                result += "T" + (amounts["H"].map { "\($0)H" } ?? "") + (amounts["m"].map { "\($0)M" } ?? "") + (amounts["S"].map { "\($0)S" } ?? "")
            }
            return result
        }
        var generator = SystemRandomNumberGenerator()
        let pieces = ["P", "P", "T", "Y", "M", "W", "D", "H", "S", "1", "2", "0", "10", "99999", ".", "X", "é", "\u{301}", "\r\n", "٣"]
        var durations = 0
        for _ in 0..<20_000 {
            // Mostly a length and a unit after another, now and then anything.
            let value = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                Bool.random(using: &generator) ? pieces.randomElement(using: &generator)! : ["1", "2", "10", "99999"].randomElement(using: &generator)! + ["Y", "M", "W", "D", "H", "S"].randomElement(using: &generator)!
            }.joined()
            let prefixed = (Int.random(in: 0..<4, using: &generator) > 0 ? "P" : "") + (Bool.random(using: &generator) ? "" : "T") + value
            #expect(TEIDateAttributes.w3cDuration(prefixed) == definition(prefixed), "\(prefixed.debugDescription)")
            if definition(prefixed) != nil { durations += 1 }
        }
        #expect(durations > 100)
    }

    /// Property: unspecified digits (`199X`) are read from the bytes as the characters read them.
    @Test func unspecifiedYearsAreReadFromTheirBytesAsFromTheirCharacters() {
        func definition(_ value: String) -> Bool {
            value.count == 4 && value.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "X") } && value.first?.isNumber == true
                && value.firstIndex(of: "X").map { value[$0...].allSatisfy { $0 == "X" } } == true
        }
        var generator = SystemRandomNumberGenerator()
        let pieces = ["1", "9", "0", "X", "X", "X", "x", "é", "\u{301}", "\r\n", "٣", "-"]
        var years = 0
        for _ in 0..<20_000 {
            // Half of them four digits and X's, the others of anything.
            let value = Bool.random(using: &generator)
                ? (0..<4).map { _ in ["1", "9", "X"].randomElement(using: &generator)! }.joined()
                : (0..<Int.random(in: 3...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(TEIDateAttributes.isUnspecifiedYear(value) == definition(value), "\(value.debugDescription)")
            if definition(value) { years += 1 }
        }
        #expect(years > 100)
    }

    @Test func durationsHaveAnXMLSchemaLengthAndNoDate() {
        func attributes(_ value: String) -> [String] {
            TEIDateAttributes.attributes(for: TemporalExpression(span: TextRange(0, 1), type: .duration, value: value)).map { "\($0)=\($1)" }
        }
        #expect(attributes("P3Y") == ["dur=P3Y"])
        #expect(attributes("P2W") == ["dur=P14D"], "XML Schema durations have no weeks")
        #expect(attributes("P2Y6M") == ["dur=P2Y6M"])
        #expect(attributes("PT1H30M") == ["dur=PT1H30M"])
        #expect(attributes("PXY").isEmpty, "an open length has none")
        #expect(attributes("P2.5Y").isEmpty)
        #expect(attributes("P").isEmpty)
    }

    @Test func anOffsetDatesItsEventAtTheDateItReaches() {
        let offset = TemporalExpression(span: TextRange(0, 1), type: .duration, value: "P1Y", reaches: "2008")
        #expect(TEIDateAttributes.attributes(for: offset).map { "\($0)=\($1)" } == ["dur=P1Y"])
        #expect(TEIDateAttributes.eventAttributes(for: offset).map { "\($0)=\($1)" } == ["when=2008"])
    }
}
