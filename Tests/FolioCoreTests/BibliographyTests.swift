import Foundation
import Testing
@testable import FolioCore

@Suite struct ReferenceParserTests {
    let parser = ReferenceParser()

    @Test func chicagoBookWithPlaceAndPublisher() {
        let fields = parser.parse("Hamilton, Daniel. 2016. *Forward Resilience, Protecting Society in an Interconnected World.* Washington: Center for Transatlantic Relations.")
        #expect(fields.authors == [Name(family: "Hamilton", given: "Daniel")])
        #expect(fields.issued?.year == 2016)
        #expect(fields.title == "Forward Resilience, Protecting Society in an Interconnected World")
        #expect(fields.publisherPlace == "Washington" && fields.publisher == "Center for Transatlantic Relations")
        #expect(fields.type == "book")
    }

    @Test func quotedTitlesInOtherLanguagesContainersAndLinks() {
        let fields = parser.parse("Ionașcu, Andrei. 2016. „Agenția Mondială Antidoping a confirmat atacul”. *Mediafax*. https://www.mediafax.ro/sport/x-15700571.")
        #expect(fields.title == "Agenția Mondială Antidoping a confirmat atacul")
        #expect(fields.containerTitle == "Mediafax")
        #expect(fields.url == "https://www.mediafax.ro/sport/x-15700571")
    }

    @Test func secondAuthorsUninvertedAndOrganisations() {
        #expect(parser.parse("Fix, Liana and Michael Kimmage. 2023. \"How China Could Save It\".").authors
            == [Name(family: "Fix", given: "Liana"), Name(family: "Kimmage", given: "Michael")])
        #expect(parser.parse("European Parliament. 2020. *Joint resolution.*").authors == [Name(literal: "European Parliament")])
        #expect(parser.parse("Smith, J. A., & Jones, K. (2019). A study. Journal of Things, 12(3), 45–67.").authors
            == [Name(family: "Smith", given: "J. A."), Name(family: "Jones", given: "K.")])
    }

    @Test func anUninvertedNameIsAPersonUnlessItNamesABody() {
        #expect(parser.parseNames("Mark Writer") == [Name(family: "Writer", given: "Mark")])
        #expect(parser.parseNames("Jacob D Writer") == [Name(family: "Writer", given: "Jacob D")])
        #expect(parser.parseNames("M Writer") == [Name(family: "Writer", given: "M")])
        #expect(parser.parseNames("World Health Organization") == [Name(literal: "World Health Organization")])
        #expect(parser.parseNames("Council of Economic Advisers") == [Name(literal: "Council of Economic Advisers")])
        #expect(parser.parseNames("NIST Data Center") == [Name(literal: "NIST Data Center")])
    }

    @Test func extractionSpacesInInitialsAndNamesAfterTheWork() throws {
        #expect(parser.parseNames("C. Hess, W .Brenig ,and J .-L.Bougeret").compactMap(\.family) == ["Hess", "W.Brenig", "J.-L.Bougeret"])
        #expect(parser.parseNames("L. C. Garcia de Andrade") == [Name(family: "de Andrade", given: "L. C. Garcia")])
        let tokens = ReferenceToken.tokenize("A. Author, Q-balls, Nucl. Phys.")
        var labels = [ReferenceLabel](repeating: .author, count: tokens.count)
        labels[4] = .title  // `Q`: the tagger's author labels after it are no names
        #expect(TaggedReference.fields("A. Author, Q-balls, Nucl. Phys.", tokens: tokens, labels: labels).authors.compactMap(\.family) == ["Author"])
    }

    /// What a title carries that is no part of it, each case also where a quick look at its
    /// bytes would miss it: letters beyond ASCII that fold to ASCII ones (`ſ` is `s` to a
    /// case-insensitive pattern), spaces beyond ASCII.
    @Test func aTitleLosesWhatItCarries() {
        func cleaned(_ title: String, year: Int? = nil) -> Reference {
            var reference = Reference(span: TextRange(0, 0))
            reference.title = title
            reference.issued = year.map { PartialDate(year: $0) }
            parser.cleanTitle(&reference)
            return reference
        }
        #expect(cleaned("et al. The title").title == "The title")
        #expect(cleaned("Et Al, The title").title == "The title")
        #expect(cleaned("Ethics").title == "Ethics")
        #expect(cleaned("(2001) The title", year: 2001).title == "The title")
        #expect(cleaned("2001a: The title", year: 2001).title == "The title")
        #expect(cleaned("(2002) The title", year: 2001).title == "(2002) The title")
        #expect(cleaned("The title, in press").title == "The title")
        #expect(cleaned("The title; To Appear").title == "The title")
        #expect(cleaned("The title, ſubmitted").title == "The title")
        #expect(cleaned("Über die Zeit, forthcoming").title == "Über die Zeit")
        #expect(cleaned("Submitted work").title == "Submitted work")
        let named = cleaned("Marino, M. and Vafa, C.: A title")
        #expect(named.title == "A title" && named.authors.compactMap(\.family) == ["Marino", "Vafa"])
        #expect(cleaned("astro-ph").title == nil)
        #expect(cleaned("Astro-ph").title == "Astro-ph")
    }

    @Test func nameListsLoseWhatTheyCarry() {
        #expect(parser.parseNames("C. Hess et al.").compactMap(\.family) == ["Hess"])
        #expect(parser.parseNames("C. Hess, W\u{00A0}.Brenig").compactMap(\.family) == ["Hess", "W.Brenig"])
        #expect(parser.parseNames("C. Hess, P. Writer (Eds.)").compactMap(\.family) == ["Hess", "Writer"])
        #expect(parser.parseNames("C. Hess, P. Writer (HRSG)").compactMap(\.family) == ["Hess", "Writer"])
        #expect(parser.parseNames("C. Hess, 12 P. Writer, ٣ A. Other").compactMap(\.family) == ["Hess"])
        for piece in ["", "1a", "a1", "٣", "x٣", "(1", "١٢"] {
            #expect(ReferenceParser.opensWithDigit(piece) == (piece.range(of: #"^\d"#, options: .regularExpression) != nil), "\(piece)")
        }
    }

    /// Property: initials are what their definitions say (the pattern; upper-case characters),
    /// over random words of letters, stops, hyphens, letters beyond ASCII and line breaks.
    @Test func initialsAreWhatTheirDefinitionsSay() {
        var generator = SplitMix(seed: 17)
        let pieces = ["A", "Z", "a", "z", "@", "[", ".", "-", "--", ".-", "É", "é", "ǅ", "\n", "\r\n", "\r", " ", "1", "\u{2028}", "\u{85}"]
        for _ in 0..<20_000 {
            let word = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(parser.isInitialWord(word) == (word.range(of: #"^\p{Lu}\.(-?\p{Lu}\.?)*\z"#, options: .regularExpression) != nil), "\(word.debugDescription)")
            #expect(parser.isCompactInitials(word) == ((1...3).contains(word.count) && word.allSatisfy(\.isUppercase)), "\(word.debugDescription)")
        }
    }

    @Test func linksKeepTheirPathsAndSchemesLoseExtractionSpaces() {
        #expect(parser.parse("A. Writer, A report (2013); http://cds.example.org/record/1537318?ln=en").url == "http://cds.example.org/record/1537318?ln=en")
        #expect(parser.parse("A. Writer, A title, J. Things 7, 12 (1973). URL https : //example.org/a/b.").url == "https://example.org/a/b")
    }

    @Test func aTitleLosesWhatBelongsToOtherFields() {
        let fields = parser.parse("A. Writer, et al., Tracking things on GPUs, preprint, J. Phys. Conf. Ser. 396, 012018 (2012).")
        #expect(fields.title == "Tracking things on GPUs")
    }

    @Test func aBookImprintWithoutAPlaceAndAJournalPrintedAsPublisher() {
        let book = parser.parse("J. D. Writer, Classical Things, 3rd edn. (Wiley, 1998).")
        #expect(book.title == "Classical Things" && book.publisher == "Wiley" && book.authors.compactMap(\.family) == ["Writer"])
        #expect(PhysicsStyle.readShortImprint("Writer, A. 2015, PASP, 127, 612") == nil)
        let journal = parser.parse("Writer, P., Other, M., et al. 2015, PASP, 127, 612")
        #expect(journal.containerTitle == "PASP" && journal.publisher == nil)
    }

    @Test func iopVolumeAndPageAndSplitArXivNumbers() {
        let iop = parser.parse("Writer C M 2005 Contemp. Phys. 46 277.")
        #expect(iop.volume == "46" && iop.page == "277")
        #expect(parser.parse("M. A. Writer and T. Other, Entanglement of Broken Things ,1112 .5166.").page == nil)
    }

    @Test func namesBeforeAColonAndCollaborationsAreNoTitles() {
        let springer = parser.parse("Writer, M., Other, D., Third, A. and Last, C.: Topological things. Commun. Math. Phys. 261, 451 (2006)")
        #expect(springer.title == "Topological things")
        #expect(springer.authors.compactMap(\.family) == ["Writer", "Other", "Third", "Last"])
        let collaboration = parser.parse("M. Writer et al. (DES, Fermi-LAT), Astrophys. J. 834, 110 (2017).")
        #expect(collaboration.title == nil && collaboration.publisherPlace == nil && collaboration.publisher == nil)
    }

    @Test func journalsAsExtractionLeavesThem() {
        let glued = parser.parse("Writer, A., \"Pile-up in instruments,\" Proc. SPIE9601, 14 (2015).")
        #expect(glued.containerTitle == "Proc. SPIE" && glued.volume == "9601")
        let unparted = parser.parse("Y. Writer Phys. Rev. D 2022 51 (1995)")
        #expect(unparted.containerTitle == "Phys. Rev. D" && unparted.authors.compactMap(\.family) == ["Writer"])
        #expect(parser.parse("A. Y. Writer, Ann. Phys. (N.Y.) 303, 2 (2003).").containerTitle?.hasSuffix("(N.Y.)") == true)
    }

    @Test func anAbbreviatedJournalStaysWhole() {
        func labelled(_ raw: String, container: [String]) -> [ReferenceLabel] {
            let tokens = ReferenceToken.tokenize(raw)
            var labels = tokens.map { container.contains($0.text) ? ReferenceLabel.containerTitle : .other }
            ReferenceParser.keepJournalAbbreviationsWhole(tokens, &labels)
            return labels
        }
        // `J. Math.` before `Phys.` and the series letter after it join the journal.
        let physics = labelled("Y. Cho, J. Math. Phys. G, 16 (1975)", container: ["Phys"])
        #expect(ReferenceToken.tokenize("Y. Cho, J. Math. Phys. G, 16 (1975)").enumerated().filter { physics[$0.offset] == .containerTitle }
            .map(\.element.text).joined() == "J.Math.Phys.G")
        // A title's last word is no part of the journal after it.
        let title = labelled("A study in sporadic ALS. Neurol. 65, 586", container: ["Neurol"])
        #expect(title.filter { $0 == .containerTitle }.count == 1)
    }

    @Test func suffixesAndParticlesAfterInitials() {
        #expect(parser.parseNames("E. G. Writer Jr.").first == Name(family: "Writer", given: "E. G. Jr"))
        #expect(parser.parseNames("P. Le Author, C. Ciofi degli Writer").map(\.family) == ["Le Author", "degli Writer"])
        #expect(parser.parseNames("J. Christian Author").first == Name(family: "Author", given: "J. Christian"))
    }

    @Test func quotedAndItalicTitlesStayWhole() {
        let quoted = parser.parse("Writer, Anna. 2020. \"A Long Road. The Logic of Roads and Their Builders\". https://example.org/roads.")
        #expect(quoted.title == "A Long Road. The Logic of Roads and Their Builders")
        let italic = parser.parse("Author, Ion. 2019. *Studies of security in the 21 century.* Bucharest: Big Press.")
        #expect(italic.title == "Studies of security in the 21 century" && italic.volume == nil)
    }

    @Test func aTitlelessContainerWithoutLocatorsIsTheWorkItself() {
        let fields = parser.parse("Adams, John. 2001. A Book. Boston: Little.")
        #expect(fields.title == "A Book" && fields.containerTitle == nil && fields.type == "book")
    }

    @Test func journalLocatorsAndDOI() {
        let fields = parser.parse("Waltz, Kenneth N. 2000. \"Structural Realism after the Cold War.\" International Security 25 (1): 5–41. https://doi.org/10.1162/016228800560372")
        #expect(fields.containerTitle == "International Security")
        #expect(fields.volume == "25" && fields.issue == "1" && fields.page == "5–41")
        #expect(fields.doi == "10.1162/016228800560372")
        #expect(fields.type == "article-journal")
    }

    @Test func numberedPhysicsStyle() {
        let fields = parser.parse("C. J. Hamer, Nucl. Phys. B 195, 503 (1982).")
        #expect(fields.authors.first?.family == "Hamer")
        #expect(fields.issued?.year == 1982)
    }
}

@Suite struct BibliographyAndCitationsTests {
    let stages: [any Stage] = [NormalizeStage(), LinkDebrisStage(), ParagraphsStage(), HeadingsStage(), BibliographyStage(), CitationsStage()]

    let paper = """
        Introduction

        As Trenin (2009) argued, the alliance grew ([Fix and Kimmage 2023](#)); others disagree (Ionaşcu 2016: 12; Unknown 1999). The years (1992–1995) are no citation, nor is (North Atlantic Treaty Organization). See also (ibidem).

        References

        Fix, Liana and Michael Kimmage. 2023. "How China Could Save Putin's War". <https://www.foreignaffairs.com/china/x>.

        Ionașcu, Andrei. 2016. „Agenția Mondială Antidoping”. *Mediafax*.

        Trenin, Dimitri. 2009. *NATO and Russia: Partnership or Peril?* Moscow: Carnegie Moscow Center.
        """

    @Test func referencesAreParsedAndLeaveTheBody() throws {
        let document = try process(paper, format: .markdown, stages: stages)
        #expect(document.references.map { $0.authors.first?.family } == ["Fix", "Ionașcu", "Trenin"])
        #expect(document.references[0].url == "https://www.foreignaffairs.com/china/x")
        #expect(document.body.subsections.map { document.text.readingText($0.heading!.title) } == ["Introduction"])
    }

    @Test func citationsAreSplitAndLinkedAcrossSpellings() throws {
        let document = try process(paper, format: .markdown, stages: stages)
        func describe(_ part: CitationPart) -> String {
            let reference = part.reference.map { String($0) } ?? "none"
            return part.authors.joined(separator: "+") + "|" + (part.year ?? "-") + "|" + (part.locator ?? "-") + "|" + reference
        }
        let found: [[String]] = document.citations.map { $0.parts.map(describe) }
        #expect(found == [["Trenin|2009|-|2"], ["Fix+Kimmage|2023|-|0"], ["Ionaşcu|2016|12|1", "Unknown|1999|-|none"], ["Unknown|1999|-|none"]])  // ibidem: the last work cited
        #expect(document.text.readingText(document.citations[0].span) == "Trenin (2009)")
    }

    @Test func aNarrativePartDoesNotSwallowTheNextPart() throws {
        let document = try process("Introduction\n\nAs Lind (2001; Moss, 2002) showed, it holds.", format: .markdown, stages: stages)
        let parts = try #require(document.citations.first?.parts)
        #expect(parts.count == 2)
        #expect(parts[0].span.end <= parts[1].span.start)
    }

    /// Property: a citation's names are split from ASCII bytes as the general way splits them,
    /// over random texts of names, separators, `et al` and white space it takes or leaves.
    @Test func citationNamesSplitFromBytesAsInAnyScript() {
        let stage = CitationsStage()
        #expect(CitationsStage.splitASCIIAuthors("Hale and Moss, Lind  et al. & Ng") == ["Hale", "Moss", "Lind", "Ng"])
        #expect(CitationsStage.splitASCIIAuthors("Hale and Yılmaz") == nil, "beyond ASCII the general way decides")
        var generator = SystemRandomNumberGenerator()
        let pieces = ["Hale", "Moss", "et al", "et al.", "et", "al", ".", " ", "  ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", ",", "&", " and ", "and",
                      "e", "t a", "l"]
        var named = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let names = CitationsStage.splitASCIIAuthors(text)
            #expect(names == stage.splitAuthorsInAnyScript(text), "\(text.debugDescription)")
            if names?.isEmpty == false { named += 1 }
        }
        #expect(named > 5_000)
    }

    /// Property: a part the citation pattern (or the pattern of a paragraph's closing
    /// citation) matches always passes the cheap test before it, over random parts of names,
    /// years, their stand-ins and locators.
    @Test func everyCitationPartHoldsAYearOrItsStandIn() {
        let pieces = ["Hale", "Moss", " ", ", ", "and ", "et al.", "2000", "1999", "1850", "2000a", "1970s", "19", "20", "٢", "n.d.", "n. d.",
                      "n/d", "s.d.", "in press", "forthcoming", ": 12", ", p. 4", "see ", "cf. ", "é", "1", "5"]
        var generator = SystemRandomNumberGenerator()
        var counts = (parts: 0, refused: 0)
        for _ in 0..<20_000 {
            let part = (0..<Int.random(in: 1...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let matches = CitationsStage.partPattern.firstMatch(in: Array(part.utf16)) != nil
            if matches { counts.parts += 1; #expect(CitationsStage.mayHoldYear(part), "\(part.debugDescription)") }
            // The same test stands before the pattern of a paragraph ending in a citation.
            if part.range(ofPattern: #"\b(1[5-9]|20)\d\d[a-z]?\b|n\.d\.|n/d"#) != nil { #expect(CitationsStage.mayHoldYear(part), "\(part.debugDescription)") }
            if !CitationsStage.mayHoldYear(part) { counts.refused += 1 }
        }
        #expect(counts.parts > 1_000 && counts.refused > 1_000)
        #expect(!CitationsStage.mayHoldYear("see Table 2") && !CitationsStage.mayHoldYear("ibid") && CitationsStage.mayHoldYear("Hale 2019"))
    }

    /// Property: a part names the work cited before it exactly when its lower case is one of
    /// the words, over random pieces of them in any case, letters whose lower case changes
    /// length (`İ`, the Kelvin sign) and longer parts.
    @Test func aPartNamesThePreviousWorkWhenItsLowerCaseIsIbidOrIdem() {
        let pieces = ["i", "I", "b", "B", "d", "D", "e", "E", "m", "M", ".", "id", "IBID", "em", "\u{130}", "\u{212A}", "k", "é", " ", "2019", "ß"]
        var generator = SystemRandomNumberGenerator()
        var named = 0
        for _ in 0..<20_000 {
            let part = (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let expected = ["ibid", "ibid.", "ibidem", "idem", "id."].contains(part.lowercased())
            #expect(CitationsStage.isSameAsPrevious(part) == expected, "\(part.debugDescription)")
            if expected { named += 1 }
        }
        #expect(named > 20)
    }

    /// Property: an ASCII name folds from its bytes as its lower-cased characters filtered to
    /// letters and spaces, over random ASCII of every kind (`\r\n` is one character).
    @Test func asciiNamesFoldAsTheirCharactersSay() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["Hale", "MOSS", " ", "\t", "\r\n", "\n", "-", "'", ".", "1", "@", "[", "`", "{", "Z", "a", "\u{7F}", "\u{0}"]
        for _ in 0..<5_000 {
            let name = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(NameFolding.foldASCII(name) == name.lowercased().filter { $0.isLetter || $0 == " " }, "\(name.debugDescription)")
        }
    }

    /// Property: a name or word of code points below U+0300 and of general punctuation folds
    /// from their foldings, one after another, as Foundation and the standard library fold it
    /// whole, over random text of every code point there (accented capitals, `İ`, `ß`, `ŉ`,
    /// `ǅ`, `\r\n`, controls, dashes, curly quotes, spaces, the joiners) and of Greek.
    @Test func latinTextFoldsCodePointByCodePoint() {
        var generator = SystemRandomNumberGenerator()
        // Beyond U+0300 too, where a letter folds by its neighbours (a final sigma), and a
        // joiner joins the letter before it.
        let pieces = ["Ionaşcu", "Ḑ", "İ", "ß", "ŉ", "ǅ", "\r\n", " ", "Øster", "é", "-", "Æ", "ΟΔΟΣ", "ΟΔΟΣ ", "PUTIN’S", "a\u{200D}", "\u{2000}"]
        var folded = 0
        for _ in 0..<4_000 {
            let text = (0..<Int.random(in: 1...6, using: &generator)).map { _ in
                let ranges: [Range<UInt32>] = [1..<0x300, 1..<0x400, 0x2000..<0x2070]
                return Bool.random(using: &generator) ? pieces.randomElement(using: &generator)!
                    : String(Unicode.Scalar(UInt32.random(in: ranges.randomElement(using: &generator)!, using: &generator))!)
            }.joined()
            #expect(NameFolding.fold(text) == NameFolding.foldWithFoundation(text), "\(text.debugDescription)")
            #expect(NameFolding.foldWord(text) == NameFolding.foldWordWithFoundation(text), "\(text.debugDescription)")
            folded += text.unicodeScalars.allSatisfy { $0.value < 0x300 || (0x2000..<0x2070).contains($0.value) } ? 1 : 0
        }
        #expect(folded > 1_000)
    }

    @Test func namesFoldWithoutCaseOrDiacritics() {
        #expect(NameFolding.fold("Ionaşcu") == NameFolding.fold("Ionașcu"))
        #expect(NameFolding.fold("Srîmbovschi") == NameFolding.fold("Srimbovschi"))
        #expect(NameFolding.fold("Yılmaz") == NameFolding.fold("Yilmaz"))
        #expect(NameFolding.fold("Łukasz Østergaard-Straße, Æsop & Œuvre") == "lukasz ostergaardstrasse aesop  oeuvre")
    }

    /// Property: folding maps the special letters as Foundation's replacements did, one after
    /// another, over random names of them, marks, capitals that lower-case to two code points.
    @Test func namesFoldAsReplacementsWould() {
        func replaced(_ name: String) -> String {
            let decomposed = name.decomposedStringWithCanonicalMapping.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }
            var result = String(String.UnicodeScalarView(decomposed)).lowercased()
            for (from, to) in [("ı", "i"), ("ł", "l"), ("ø", "o"), ("đ", "d"), ("ß", "ss"), ("æ", "ae"), ("œ", "oe")] {
                result = result.replacingOccurrences(of: from, with: to)
            }
            return result.filter { $0.isLetter || $0 == " " }
        }
        var generator = SystemRandomNumberGenerator()
        let pieces = ["ı", "İ", "Ł", "ł", "Ø", "ø", "Đ", "ß", "ẞ", "Æ", "æ", "Œ", "œ", "\u{301}", "\u{338}", "a", "S", " ", "-", "é", "ş", "ș", "Ж"]
        for _ in 0..<5_000 {
            let name = (0..<Int.random(in: 1...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(NameFolding.fold(name) == replaced(name), "\(name.debugDescription)")
        }
    }

    @Test func plainTextEntriesAreSplitByTheirStarts() throws {
        let text = "Body text that is long enough to be a paragraph of the paper and ends here.\n\nREFERENCES\n\nAdams, John. 2001. A Book. Boston: Little.\nBaker, Ann. 2002. Another Book that has a long title running on to\nthe next line. London: Big.\n"
        let document = try process(text, stages: stages)
        #expect(document.references.map { $0.title } == ["A Book", "Another Book that has a long title running on to the next line"])
    }

    /// A citation's reference found by year and folded first author is the one a look at every
    /// reference in order finds: the first such, a reference without a year for a year that is
    /// no number (`n.d.`), none without an author.
    @Test func referenceIndexFindsWhatALookAtEveryReferenceFinds() {
        let families = ["Hale", "HALE", "Halé", "Ionașcu", "Ionascu", "van Dijk", "Van Dijk", ""]
        let years = ["2000", "2001", "2000a", "n.d.", "1999–2000"]
        var random = SeededGenerator(seed: 23)
        for _ in 0..<500 {
            let references = (0..<Int.random(in: 0...8, using: &random)).map { _ in
                var reference = Reference(span: TextRange(0, 1))
                if Int.random(in: 0..<5, using: &random) > 0 {
                    let family = families.randomElement(using: &random)!
                    reference.authors = [Bool.random(using: &random) ? Name(family: family, given: "A.") : Name(literal: family)]
                }
                if Int.random(in: 0..<4, using: &random) > 0 { reference.issued = PartialDate(year: Int.random(in: 1999...2001, using: &random)) }
                return reference
            }
            let index = ReferenceIndex(references)
            for family in families {
                for year in years + [nil] {
                    let part = CitationPart(span: TextRange(0, 1), authors: [family], year: year)
                    let expected: Int? = year.flatMap { year in
                        references.firstIndex { reference in
                            guard reference.issued?.year == Int(year.prefix(4)), let first = reference.authors.first else { return false }
                            return NameFolding.fold(first.family ?? first.literal ?? "") == NameFolding.fold(family)
                        }
                    }
                    #expect(index.cited(by: part) == expected, "\(family) \(year ?? "-") in \(references.map { ($0.authors.first, $0.issued?.year) })")
                }
            }
            #expect(index.cited(by: CitationPart(span: TextRange(0, 1), authors: [], year: "2000")) == nil)
        }
    }
}

@Suite struct ReferenceTaggerTests {
    @Test func theShippedModelLoads() throws {
        let tagger = try #require(ReferenceTagger.shipped, "the reference tagger's model is not beside the binary")
        #expect(tagger.tables != nil && tagger.tables!.emissions.entries.count > 10_000)
    }

    @Test func itTagsAReferenceInAStyleTheRulesDoNotKnow() throws {
        let parser = ReferenceParser()
        try #require(parser.tagger != nil)
        // French ISO 690 style, written here (not from the training data).
        let fields = parser.parse("DUPONT, J., MARTIN, P., et LEROY, C. Effects of a common drug on liver function (a review). Hepatology, 1999, vol. 21, no 4, p. 101-110.")
        #expect(fields.authors.compactMap(\.family) == ["DUPONT", "MARTIN", "LEROY"])
        #expect(fields.title == "Effects of a common drug on liver function (a review)")
        #expect(fields.containerTitle == "Hepatology")
        #expect(fields.issued?.year == 1999 && fields.volume == "21" && fields.issue == "4" && fields.page == "101-110")
    }

    @Test func aModelRoundTripsThroughItsTextForm() throws {
        let gold: JSONValue = ["author": [["family": "Smith", "given": "J."]], "issued": ["date-parts": [[2001]]],
                               "title": "A title", "publisher": "Press", "publisher-place": "Boston"]
        let (tokens, labels) = GoldAlignment.labels(raw: "Smith, J. 2001. A title. Boston: Press.", gold: gold)
        #expect(labels.map(\.name) == ["author", "author", "author", "other", "issued", "other", "title", "title", "other",
                                       "publisherPlace", "other", "publisher", "other"])
        let model = ReferenceTagger.train([(tokens, labels)], epochs: 3)
        let copy = try ReferenceTagger(serialized: model.serialized())
        #expect(copy.tag(tokens) == model.tag(tokens))
        #expect(copy.serialized() == model.serialized())
        #expect(!model.edgeWeights.isEmpty && copy.edgeWeights.keys.sorted() == model.edgeWeights.keys.sorted(), "edge features survive")
    }

    @Test func taggingByFeatureHashesIsTaggingByFeatureStrings() throws {
        let tagger = try #require(ReferenceTagger.shipped)
        #expect(tagger.tables != nil, "the shipped model's features have distinct hashes")
        // The same model read with its feature strings, and tagging by them.
        var byStrings = try ReferenceTagger(serialized: String(contentsOfFile: Self.shippedModelPath, encoding: .utf8))
        #expect(byStrings.transitions == tagger.transitions)
        byStrings.tables = nil
        let references = [
            "Smith, J. 2001. A title. Boston: Press.",
            "DUPONT, J., MARTIN, P., et LEROY, C. Effects of a common drug on liver function (a review). Hepatology, 1999, vol. 21, no 4, p. 101-110.",
            "A. Einstein, B. Podolsky, and N. Rosen, Phys. Rev. 47, 777 (1935).",
            "Müller, Jürgen (2012): „Über die Zeit“. In: *Zeitschrift für Geschichte* 60 (3), S. 12–34. https://doi.org/10.1000/xyz",
            "", "“", "1999", "Ionescu, Ana. 2016. „Titlul articolului”. *Ziarul*.",
        ]
        for reference in references {
            let tokens = ReferenceToken.tokenize(reference)
            var hashes = FeatureHashes(), edgeHashes = FeatureHashes()
            ReferenceFeatures.features(tokens, into: &hashes)
            ReferenceFeatures.edgeFeatures(tokens, into: &edgeHashes)
            #expect(hashes.tokens == ReferenceFeatures.features(tokens).map { $0.map { FeatureHash($0).value } })
            #expect(edgeHashes.tokens == ReferenceFeatures.edgeFeatures(tokens).map { $0.map { FeatureHash($0).value } })
            #expect(tagger.tag(tokens) == byStrings.tag(tokens), "\(reference)")
        }
        var hash = FeatureHash("pw=")
        hash.add("of")
        hash.addSeparator()
        hash.add("the")
        #expect(hash.value == FeatureHash("pw=of|the").value && hash.value != FeatureHash("pw=of|thf").value)
    }

    @Test func weightSumsAreEveryFeaturesWholeRowAddedInOrder() throws {
        // Rows of many weights are added whole, eight at a time, and the others weight by
        // weight: both must give, to the bit, the rows with their zeros added one by one.
        let tagger = try #require(ReferenceTagger.shipped)
        let full = try ReferenceTagger(serialized: String(contentsOfFile: Self.shippedModelPath, encoding: .utf8))
        let tables = try #require(tagger.tables)
        var rowsLaidOutWhole = 0, rowsOfWeights = 0
        for reference in ["Smith, J. 2001. A title. Boston: Press.", "A. Einstein, B. Podolsky, and N. Rosen, Phys. Rev. 47, 777 (1935).",
                          "Müller, Jürgen (2012): „Über die Zeit“. In: *Zeitschrift für Geschichte* 60 (3), S. 12–34.", "1999"] {
            let tokens = ReferenceToken.tokenize(reference)
            for isEdge in [false, true] {
                let table = isEdge ? tables.edges : tables.emissions
                let features = isEdge ? ReferenceFeatures.edgeFeatures(tokens) : ReferenceFeatures.features(tokens)
                var expected = [Float](repeating: 0, count: tokens.count * table.width)
                for (token, features) in features.enumerated() {
                    for feature in features {
                        guard let row = isEdge ? full.edgeWeights[feature] : full.weights[feature] else { continue }
                        for (index, weight) in row.enumerated() { expected[token * table.width + index] += weight }
                        if table.lookUp(FeatureHash(feature).value)?.denseStart(width: table.width) != nil { rowsLaidOutWhole += 1 } else { rowsOfWeights += 1 }
                    }
                }
                let sums = FeatureWeightSums.sums(tokens.count, in: table) { sink in
                    if isEdge { ReferenceFeatures.edgeFeatures(tokens, into: &sink) } else { ReferenceFeatures.features(tokens, into: &sink) }
                }
                #expect(sums.weights.map(\.bitPattern) == expected.map(\.bitPattern), "\(reference) \(isEdge ? "edges" : "emissions")")
            }
        }
        #expect(rowsLaidOutWhole > 0 && rowsOfWeights > 0, "both kinds of row were added")
    }

    /// Property: a row is added to the sums as one addition a float, whatever its width (the
    /// last few floats are added as the last four, with zero where they were added already).
    @Test func addingARowIsOneAdditionAFloat() {
        var random = SeededGenerator(seed: 11)
        for count in 0...40 {
            for _ in 0..<20 {
                // Weights of either sign, some cancelling a sum exactly (which must give +0).
                let row = (0..<count).map { _ in Float(Int.random(in: -64...64, using: &random)) / 8 }
                let start = (0..<count).map { index in Bool.random(using: &random) ? -row[index] : Float(Int.random(in: -64...64, using: &random)) / 4 }
                var expected = start
                for index in 0..<count { expected[index] += row[index] }
                // Room past the row, which must stay as it was.
                var sums = start + [7, 7, 7, 7]
                sums.withUnsafeMutableBufferPointer { sums in
                    row.withUnsafeBufferPointer { ReferenceTagger.add($0, to: sums.baseAddress!) }
                }
                #expect(sums.map(\.bitPattern) == (expected + [7, 7, 7, 7]).map(\.bitPattern), "\(count) floats")
            }
        }
    }

    @Test func weightSumsKeepEveryFeatureOfATokenOfMany() {
        // The sums keep the features' hashes until the last is given: a token of far more
        // features than the room first made for them (thirty-two a token) loses none.
        let width = 17
        var table = FeatureTable(capacity: 64, width: width)
        var rows: [String: [Float]] = [:]
        for number in 0..<64 {
            // Rows of one weight, and rows of all: both ways of adding.
            let row = (0..<width).map { number % 3 == 0 || $0 == number % width ? Float(number + 1) / 8 + Float($0) : 0 }
            rows["f\(number)"] = row
            let added = table.addRow(FeatureHash("f\(number)").value, row.enumerated().map { ($0.offset, $0.element) })
            #expect(added)
        }
        let tokens = [(0..<150).map { "f\($0 % 80)" }, ["f1", "f2", "absent"], ["absent"], []]
        var expected = [Float](repeating: 0, count: tokens.count * width)
        for (token, features) in tokens.enumerated() {
            for feature in features {
                for (index, weight) in (rows[feature] ?? []).enumerated() { expected[token * width + index] += weight }
            }
        }
        let sums = FeatureWeightSums.sums(tokens.count, in: table) { sink in
            for features in tokens {
                for feature in features {
                    sink.begin("f")
                    sink.append(FeatureValue(String(feature.dropFirst())), separated: false)
                    sink.end()
                }
                sink.endToken()
            }
        }
        #expect(sums.weights.map(\.bitPattern) == expected.map(\.bitPattern))
        // A token whose features the table lacks has none.
        #expect(sums.present == [true, true, false, false])
    }

    @Test func rowsOfManyWeightsAreLaidOutWhole() {
        var table = FeatureTable(capacity: 4, width: 17)
        let full = (0..<17).map { Float($0) - 8 }, sparse = [Float](repeating: 0, count: 16) + [2.5]
        let added = (table.addRow(1, full.enumerated().map { ($0.offset, $0.element) }), table.addRow(2, sparse.enumerated().map { ($0.offset, $0.element) }))
        #expect(added == (true, true))
        let whole = table.lookUp(1)?.denseStart(width: 17)
        #expect(whole != nil && table.lookUp(2)?.denseStart(width: 17) == nil && table.lookUp(3) == nil)
        #expect(whole.map { Array(table.denseRows[$0..<($0 + 17)]) } == full)
        #expect(table.fullRow(of: 1) == full && table.fullRow(of: 2) == sparse)
        // More weights than labels (a label given twice): refused, and nothing of it kept.
        let (entries, denseRows) = (table.entries.count, table.denseRows.count)
        let refused = table.addRow(3, (0..<40).map { ($0 % 17, Float(1)) })
        #expect(!refused && table.lookUp(3) == nil && table.rowCount == 2 && table.entries.count == entries && table.denseRows.count == denseRows)
    }

    /// What a shape is, character by character: the faster paths must agree.
    private static func characterShape(_ word: String) -> String {
        var result = ""
        for character in word.prefix(12) {
            let kind: Character = character.isUppercase ? "X" : character.isLowercase ? "x" : character.isNumber ? "d" : character
            if result.last != kind { result.append(kind) }
        }
        return result
    }

    @Test func shapesSqueezeRunsOfKinds() {
        for word in ["Phys.", "Rev", "D12", "3978", "(1975)", "arXiv:1234.5678v2", "O'Neil", "x", "", "ABCDEFGHIJKLMNOP", "a-b_c", "Müller", "½", "Éva"] {
            #expect(ReferenceFeatures.shape(word) == Self.characterShape(word), "\(word)")
        }
        #expect(ReferenceFeatures.shape("Phys.Rev.") == "Xx.Xx.")
    }

    /// Property: the shape, casing and length of words of code points below U+0300 and of
    /// general punctuation, read code point by code point (`CharacterKinds`), are what their
    /// characters tell, over random words of every code point there (`\r\n`, the joiners,
    /// U+2000, which is the character U+2002) and beyond (combining marks, Greek).
    @Test func wordsOfCharactersOfTheirOwnReadAsTheirCharacters() {
        var generator = SplitMix(seed: 11)
        let pieces = ["Müller", "\r\n", "a\u{200D}", "\u{2000}\u{2002}", "e\u{301}", "ΟΔΟΣ", "–", "Ⅳ", "²", "ǅ"]
        var read = 0
        for _ in 0..<5_000 {
            let word = (0..<Int.random(in: 1...14, using: &generator)).map { _ in
                let ranges: [Range<UInt32>] = [1..<0x300, 0x80..<0x300, 0x2000..<0x2070, 0x300..<0x400]
                return Int.random(in: 0..<4, using: &generator) == 0 ? pieces.randomElement(using: &generator)!
                    : String(Unicode.Scalar(UInt32.random(in: ranges.randomElement(using: &generator)!, using: &generator))!)
            }.joined()
            let described = "\(word.unicodeScalars.map { String($0.value, radix: 16) })"
            #expect(ReferenceFeatures.shape(word) == Self.characterShape(word), "\(described)")
            #expect(ReferenceFeatures.characterCount(word) == word.count, "\(described)")
            let casing = ReferenceFeatures.Casing(startsUpper: word.first?.isUppercase == true, restLower: word.dropFirst().allSatisfy(\.isLowercase),
                                                  restUpper: word.dropFirst().allSatisfy(\.isUppercase))
            #expect(ReferenceFeatures.Casing(word) == casing, "\(described)")
            read += CharacterKinds.of(word) != nil && !ReferenceFeatures.isOneBytePerCharacter(word) ? 1 : 0
        }
        #expect(read > 500)
    }

    @Test func casingIsWhatCharactersTell() {
        var generator = SplitMix(seed: 5)
        let pieces = ["A", "Z", "a", "z", "@", "[", "`", "{", "1", ".", "-", "É", "é", "ß", "ǅ", "Σ", "ς", "\r\n", "\r", "\n", "e\u{301}", "E\u{301}", "K", "ﬁ", "²", "Ⅳ", "ⅳ"]
        for _ in 0..<5_000 {
            let word = (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let expected = ReferenceFeatures.Casing(startsUpper: word.first?.isUppercase == true, restLower: word.dropFirst().allSatisfy(\.isLowercase),
                                                    restUpper: word.dropFirst().allSatisfy(\.isUppercase))
            #expect(ReferenceFeatures.Casing(word) == expected, "\(word.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func characterCountsAreCharacters() {
        for word in ["", "a", "Phys.", "\r\n", "a\r\nb", "\r", "\n\r", "é", "e\u{301}", "🇫🇷", "ﬁ", "Müller"] {
            #expect(ReferenceFeatures.characterCount(word) == word.count, "\(word.debugDescription)")
        }
    }

    @Test func readingOnlyToTagFindsEveryWeightReadWithStrings() throws {
        let tagger = try #require(ReferenceTagger.shipped)
        let full = try ReferenceTagger(serialized: String(contentsOfFile: Self.shippedModelPath, encoding: .utf8))
        let tables = try #require(tagger.tables)
        for (features, table) in [(full.weights, tables.emissions), (full.edgeWeights, tables.edges)] {
            #expect(!features.isEmpty)
            for (feature, row) in features {
                #expect(table.fullRow(of: FeatureHash(feature).value) == row, "\(feature)")
            }
        }
    }

    @Test func weightsReadAsStrtofReadsThem() {
        var generator = SystemRandomNumberGenerator()
        var texts = ["0.005", "-0.005", "113.011", "-108.255", "0.000", "-0.000", "16777.215", "16777.216", "99999.999",
                     "1e3", "12345678.5", "1.2345", ".5", "5.", "+1.5", "nan", "1.5x", "7", "-"]
        for _ in 0..<20_000 {
            let digits = Int.random(in: 0..<(1 << 25), using: &generator), places = Int.random(in: 1...3, using: &generator)
            let scale = [1, 10, 100, 1000][places]
            let fraction = String(digits % scale)
            texts.append((Bool.random(using: &generator) ? "-" : "") + "\(digits / scale)." + String(repeating: "0", count: places - fraction.count) + fraction)
        }
        for text in texts {
            let bytes = Array((text + " 3:1.0\n").utf8)
            let (weight, end) = bytes.withUnsafeBufferPointer { ReferenceTagger.weight(in: $0, at: 0) }
            let expected = text.withCString { start in
                var stop: UnsafeMutablePointer<CChar>?
                let value = strtof(start, &stop)
                return (value, stop! - UnsafeMutablePointer(mutating: start))
            }
            #expect(weight.bitPattern == expected.0.bitPattern || (weight.isNaN && expected.0.isNaN), "\(text)")
            #expect(end == expected.1, "\(text)")
        }
    }

    static let shippedModelPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/FolioCore/Resources/reference-tagger.txt").path

    @Test func theShippedModelReadsBackToItsOwnText() throws {
        let text = try String(contentsOfFile: Self.shippedModelPath, encoding: .utf8)
        let model = try ReferenceTagger(serialized: text)
        #expect(model.serialized() == text, "every weight of every feature read as written")
        // A last line without its newline still reads.
        #expect(try ReferenceTagger(serialized: String(text.dropLast())).serialized() == text)
    }

    static let shippedCompiledModelPath = ReferenceTagger.compiledModelPath(besideText: shippedModelPath)

    /// The compiled model that runs read is the shipped text compiled (`FOLIO_UPDATE_GOLDEN=1`
    /// writes it again, as `train-references` does).
    @Test func theShippedCompiledModelIsItsTextCompiled() throws {
        let text = try #require(FileManager.default.contents(atPath: Self.shippedModelPath))
        let compiled = try #require(try ReferenceTagger.compiled(modelText: Array(text)))
        if ProcessInfo.processInfo.environment["FOLIO_UPDATE_GOLDEN"] != nil {
            try Data(compiled).write(to: URL(fileURLWithPath: Self.shippedCompiledModelPath))
        }
        let shipped = try #require(FileManager.default.contents(atPath: Self.shippedCompiledModelPath))
        #expect(Array(shipped) == compiled, "reference-tagger.tables is not reference-tagger.txt compiled: run the tests with FOLIO_UPDATE_GOLDEN=1")
        #expect(try ReferenceTagger(compiled: compiled).compiled() == compiled, "read back, the tables are written as they were")
    }

    /// A model trained on one reference, read only to tag, as the shipped one is.
    static func smallModel() throws -> ReferenceTagger {
        let gold: JSONValue = .object(["author": .array([.object(["family": .string("Smith"), "given": .string("J.")])]),
                                       "issued": .object(["date-parts": .array([.array([.number(2001)])])]),
                                       "title": .string("A title"), "publisher": .string("Press"), "publisher-place": .string("Boston")])
        let (tokens, labels) = GoldAlignment.labels(raw: "Smith, J. 2001. A title. Boston: Press.", gold: gold)
        return try ReferenceTagger(taggingWith: Array(ReferenceTagger.train([(tokens, labels)], epochs: 3).serialized().utf8))
    }

    @Test func aCompiledModelTagsAsItsText() throws {
        let model = try Self.smallModel()
        let compiled = try #require(model.compiled())
        let read = try ReferenceTagger(modelFile: compiled)
        #expect(read.transitions == model.transitions)
        for raw in ["Smith, J. 2001. A title. Boston: Press.", "Jones, K. 1999. Another title. Paris: House.", "", "2001"] {
            let tokens = ReferenceToken.tokenize(raw)
            #expect(read.tag(tokens) == model.tag(tokens), "\(raw)")
        }
        let tables = try #require(read.tables), original = try #require(model.tables)
        for (table, source) in [(tables.emissions, original.emissions), (tables.edges, original.edges)] {
            var rows = 0
            source.forEachRow { _, key, entries in
                rows += 1
                #expect(table.row(of: key).map { Array(table.entries[$0].map(\.weight)) } == entries.map(\.weight))
            }
            #expect(rows > 0 && rows == source.rowCount && table.rowCount == rows)
        }
    }

    @Test func aModelRowGivingALabelTwiceIsReadFromItsStrings() throws {
        // More weights than labels: too many for the hashed tables, read as the strings read them.
        let (tokens, labels) = GoldAlignment.labels(raw: "Smith, J. 2001. A title. Boston: Press.", gold: .object(["title": .string("A title")]))
        let text = ReferenceTagger.train([(tokens, labels)], epochs: 3).serialized() + "w=zzz\t" + (0..<40).map { "\($0 % 17):1.500" }.joined(separator: " ") + "\n"
        let read = try ReferenceTagger(taggingWith: Array(text.utf8)), byStrings = try ReferenceTagger(serialized: text)
        for raw in ["Smith, J. 2001. A title. Boston: Press.", "zzz 2001"] {
            let tokens = ReferenceToken.tokenize(raw)
            #expect(read.tag(tokens) == byStrings.tag(tokens), "\(raw)")
        }
    }

    @Test func aDamagedCompiledModelIsAnErrorNotACrash() throws {
        let model = try Self.smallModel()
        let compiled = try #require(model.compiled())
        let header = ReferenceTagger.compiledHeader.utf8.count
        // The last is tables of the version before, whose features were hashed otherwise: read, they would find wrong rows.
        let version = "folio-reference-tagger-tables 2".utf8.count
        var damaged: [[UInt8]] = [Array(compiled.dropLast()), compiled + [0], Array(compiled.prefix(header)),
                                  Array("folio-reference-tagger-tables 1".utf8) + compiled.dropFirst(version)]
        // The first table's slot count, made no power of two; and its first row's slot, made past the table's end.
        let transitions = 4 + 4 * (ReferenceTagger.labelCount + 1) * ReferenceTagger.labelCount
        var slots = compiled
        slots[header + transitions + 4] = 3
        var slot = compiled
        slot[header + transitions + 16 + 3] = 0xFF
        damaged += [slots, slot]
        for bytes in damaged {
            #expect(throws: FolioError.self) { try ReferenceTagger(compiled: bytes) }
        }
        // A text model still reads where a compiled one was expected, and the other way round.
        #expect(try ReferenceTagger(modelFile: compiled).transitions == model.transitions)
        #expect(try ReferenceTagger(modelFile: Array(ReferenceTagger.train([], epochs: 1).serialized().utf8)).tables != nil)
    }

    @Test func numbersInsideALinkAreNoLocators() {
        let fields = ReferenceParser().parse("Ionescu, Ana. 2016. „Titlul articolului”. *Ziarul*. https://www.example.ro/sport/titlul-articolului-15700571.")
        #expect(fields.page == nil && fields.volume == nil)
        #expect(fields.url == "https://www.example.ro/sport/titlul-articolului-15700571")
    }

    /// Property: a reference is cleaned for the physics patterns as the chain of replacements
    /// it stands for, over random texts of the marks, spaces and links they turn on.
    @Test func physicsCleaningIsItsReplacements() {
        func byPatterns(_ text: String) -> String {
            text.replacing(pattern: PhysicsStyle.preprintsAndLinks, with: " ", caseInsensitive: true)
                .replacing(pattern: #"\s+"#, with: " ")
                .replacing(pattern: #"\s+([,.;:)])"#, with: "$1")
                .replacing(pattern: #"\(\s+"#, with: "(")
                .replacing(pattern: #",(?=\S)"#, with: ", ")
        }
        var generator = SystemRandomNumberGenerator()
        let pieces = ["Phys", "Rev", "é", "ſ", "1954", " ", "  ", "\u{A0}", "\t", "\n", "\u{2009}", ",", ".", ";", ":", ")", "(", "[", "]",
                      "arXiv:1234.5", "ARXIV", "(Preprint 12)", "(preprint", "astro-ph/0101", "hep-th/99", "http://x.org/a", "https", "/", "–",
                      "HEP-PH/1", "Gr-Qc/2", "QUANT-PH/3", "cond-mat/4", "HTTP://Y", "ArXiv:9", "(ARXIV 7)", "ſ://"]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(PhysicsStyle.cleaned(text) == byPatterns(text), "\(text.debugDescription)")
        }
    }

    /// Property: the imprint patterns run wherever they would match. Random references of
    /// imprints, near-misses and the marks the check reads (years beyond ASCII digits among them).
    @Test func imprintsAreNeverPassedOver() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["Classical Things", ", ", ",", " (", "(", ")", " )", "Wiley", "Oxford University Press", "New York", "1998", "2015",
                      "1499", "2100", "1550", "19", "١٩٩٨", "٩٨", "(Wiley, 1550)", "(Wiley, 19٩٨)", "(Wiley, 1998\u{A0})", "(Press, New York, 1998 )", "\u{A0}", "\u{85}", " ", "3rd edn.", "Ö", "(1998)", "(Wiley, 1998)"]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            guard !PhysicsStyle.mayHoldImprint(text) else { continue }
            let units = Array(text.utf16)
            #expect(PhysicsStyle.bookImprint.firstMatch(in: units) == nil, "\(text.debugDescription)")
            #expect(PhysicsStyle.shortImprint.firstMatch(in: units) == nil, "\(text.debugDescription)")
        }
        #expect(PhysicsStyle.mayHoldImprint("Jackson, J. D., Classical Electrodynamics, 3rd edn. (Wiley, 1998)."))
        #expect(!PhysicsStyle.mayHoldImprint("Smith, J. (1998). A title. Journal, 4, 5–6."))
    }

    /// Property: preprint numbers and links are looked for wherever the pattern would find one.
    /// Random references of its fixed parts in any case, near-misses, and letters beyond ASCII
    /// (`ẚ` folds to `aʾ`, the Kelvin sign to `k`), which send the question down the path that
    /// reads the brackets, slashes and colons around them.
    @Test func preprintsAndLinksAreNeverPassedOver() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["[", "]", "(", ")", ":", "/", "//", "arXiv", "ARXIV", "arxiv", "Preprint", "PREPRINT", "preprint ", "http", "HTTPS", "s",
                      "astro-ph", "hep-th", "gr-qc", "quant-ph", "cond-mat", "ẚ", "\u{212A}", "é", "–", "“", "\u{A0}", " ", "v", "V", "p", "a", "x", "2001"]
        let pattern = RegularExpression(PhysicsStyle.preprintsAndLinks, caseInsensitive: true)
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            guard !PhysicsStyle.mayHavePreprintOrLink(text) else { continue }
            #expect(pattern.firstMatch(in: Array(text.utf16)) == nil, "\(text.debugDescription)")
        }
        #expect(PhysicsStyle.mayHavePreprintOrLink("Écrit, A. (2001). “Titre”, (arXiv:0712.0999)."))
        #expect(!PhysicsStyle.mayHavePreprintOrLink("Écrit, A. (2001). Titre: sous-titre. Paris: Presses, 12–34."))
        #expect(!PhysicsStyle.mayHavePreprintOrLink("Smith, A. (2001). Title: subtitle. Boston: Press."))
        // A bracket before a letter, and a colon after one, beyond ASCII: no fixed part of the pattern.
        #expect(!PhysicsStyle.mayHavePreprintOrLink("Écrit, A. (Éd.) (2001). Titre. Łódź: Presses."))
    }

    /// Property: the locator patterns run wherever they would match. Random references of
    /// their words in any case, digits in two scripts, and letters beyond ASCII that fold to
    /// ASCII ones (`ſ`, the Kelvin sign, `ﬀ`, `İ`), which must never stand in for `v`, `p` or `d`.
    @Test func locatorsAreNeverPassedOver() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["vol", "Vol.", "VOLUME", "no.", "Nr", "issue", "ISSUE", "pp.", "P.", "p", "2nd", "3rd ", "ed.", "Edition", "ED", "12",
                      "١٢", "–", "-", " ", ".", "ſ", "\u{212A}", "ﬀ", "İ", "ŉ", "é", "(", ")", ":", ",", "12(3): 45–67", "12: 45–67", "D 65, 094516 (2002)",
                      "B511 (2001) 265", "(1999)", "45-67", "\u{FF08}", "\u{FE50}", "\u{2010}", "\u{2012}", "\u{FF1A}"]
        typealias Needs = ReferenceParser.LocatorNeeds
        let gated: [(pattern: String, needs: ((Needs) -> Bool)?)] = [
            (ReferenceParser.volumePattern, \.v), (ReferenceParser.issuePattern, nil), (ReferenceParser.pagesPattern, \.p),
            (ReferenceParser.editionPattern, \.d), (ReferenceParser.volumeIssuePagePattern, \.parenthesis),
            (ReferenceParser.volumePagesPattern, { $0.colonOrComma && $0.dash }),
            (ReferenceParser.volumePageYearPattern, { $0.parenthesis && $0.colonOrComma }), (ReferenceParser.volumeYearPagePattern, \.parenthesis),
        ]
        var matched = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let needs = ReferenceParser.LocatorNeeds(text)
            for (pattern, letter) in gated {
                guard Patterns.compiled(pattern).firstMatch(in: Array(text.utf16)) != nil else { continue }
                matched += 1
                #expect(needs.digit && letter.map { $0(needs) } != false, "\(pattern) in \(text.debugDescription)")
            }
        }
        #expect(matched >= 1_000)
    }

    /// Property: each identifier pattern, and the italic and collaboration patterns, run
    /// wherever they would match: what each needs (`http` or `www.`, `10.`, `*`, `et al`) is
    /// checked first. Random references of links, DOIs, markup and near-misses.
    @Test func identifiersAndMarkupAreNeverPassedOver() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["http://x.org/a", "https://", "htp://", "www.", "ww.", "10.1000/xyz", "10.12/x", "1O.1000/x", "10,1000/", "*Title*", " *T.*",
                      "*", "et al. (ABC)", "et al (", "et.al.", "Hale", " ", ", ", "(2001)", "é"]
        for _ in 0..<10_000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let units = Array(text.utf16)
            for (expression, _, mayMatch) in ReferenceParser.identifierForms where !mayMatch(units) {
                #expect(expression.firstMatch(in: units) == nil, "\(expression.pattern.prefix(16)) in \(text.debugDescription)")
            }
            #expect(text.containsASCII("*") || text.range(ofPattern: ReferenceParser.italicMarkup) == nil, "\(text.debugDescription)")
            #expect(text.containsASCII("et al") || text.firstMatch(ofPattern: ReferenceParser.collaboration) == nil, "\(text.debugDescription)")
            #expect(text.containsASCII(anyOf: "http", "www.", "10.") || text.replacing(pattern: ReferenceParser.linksAndDOIs, with: " ") == text)
        }
    }

    /// Property: the arXiv pattern runs wherever it would match. Random references of arXiv
    /// numbers, near-misses (three digits, six after a slash) and digits beyond ASCII.
    @Test func arXivNumbersAreNeverPassedOver() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["arXiv:", "ARXIV : ", "hep-ph/", "astro-ph", "/", ".", "0712", "0999", "12345", "071", "099", "0502182", "050218",
                      "v2", " ", "١٩٩٨", "٩", "Ö", "math.GT/", "cs/", "1", "22", "a", "(2001)"]
        let pattern = RegularExpression(ReferenceParser.arXivPattern)
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            guard !ReferenceParser.mayHoldArXivNumber(text.utf16) else { continue }
            #expect(pattern.firstMatch(in: Array(text.utf16)) == nil, "\(text.debugDescription)")
        }
        #expect(ReferenceParser.mayHoldArXivNumber("Author A 2008 preprint arXiv:0712.0999".utf16))
        #expect(ReferenceParser.mayHoldArXivNumber("Author A 2005 hep-ph/0502182".utf16))
        #expect(!ReferenceParser.mayHoldArXivNumber("Author A 2005 Phys. Rev. D 71 0502.182".utf16))
    }

    /// Property: each physics pattern finds what its plain form, `^(?<before>.*?)` and the
    /// rest without the lookaheads, finds: the same groups, and the same place for the names
    /// before it. Random references of journals, volumes glued to series letters, pages, years
    /// in and out of brackets, spaces, and letters and digits beyond ASCII.
    @Test func physicsPatternsMatchAsTheirPlainForms() {
        let plain: [(RegularExpression, RegularExpression)] = [
            (PhysicsStyle.volumeThenYear, RegularExpression(#"^(?<before>.*?)(?<journal>\p{Lu}[\p{L}.&'’\s]{0,60}?\.?)\s*(?<series>\b[A-Z]\b)?\s*(?:(?<=[\s.])(?<glued>[A-Z]))?(?<volume>\d{1,4}),?\s+(?<page>[A-Z]?\d{1,7}(?:[-–]\d{1,7})?)\s*\((?<year>(?:1[89]|20)\d\d)\)"#)),
            (PhysicsStyle.yearThenPage, RegularExpression(#"^(?<before>.*?)(?<journal>\p{Lu}[\p{L}.&'’\s]{0,60}?\.?)\s*(?<series>\b[A-Z]\b)?\s*(?:(?<=[\s.])(?<glued>[A-Z]))?(?<volume>\d{1,4})\s*\((?<year>(?:1[89]|20)\d\d)\)\s*(?<page>[A-Z]?\d{1,7}(?:[-–]\d{1,7})?)"#)),
            (PhysicsStyle.astronomy, RegularExpression(#"^(?<before>.*?[\p{Lu}.])\s*(?<year>(?:1[89]|20)\d\d)[a-z]?\s+(?<journal>[A-Z][\p{L}&.]*(?:\s[A-Z][\p{L}&.]*){0,4})\s+(?<volume>\d{1,4})\s+(?<page>[A-Z]?\d{1,7}(?:[-–]\d{1,7})?)"#)),
            (PhysicsStyle.aas, RegularExpression(#"^(?<before>.*?)\b(?<year>(?:1[89]|20)\d\d)[a-z]?,\s*(?<journal>[A-Z][\p{L}&.\s]{0,40}?),\s*(?<volume>\d{1,4}),\s*(?<page>[A-Z]?\d{1,7}(?:[-–]\d{1,7})?)\b"#)),
        ]
        var generator = SystemRandomNumberGenerator()
        let pieces = ["A. B. Author", "Writer C", " and ", ", ", ",", ".", " ", "  ", "\u{A0}", "Phys. Rev.", "Phys.Rev", " D", "D", "B511", "D12",
                      "Nucl. Phys. B", "ApJ", "ApJL", "MNRAS", "A&A", "J. Chem. Phys.", "O’Brien", "Études", "Ångström", "𝐀pJ", "45", "1234", "L32",
                      "12–34", "503-509", "(1992)", "( 1975)", "(2001)", "1982", "2013a", "1899", "2100", "(", ")", "١٩٩٢", "٤٥", "q", "Q", "the",
                      // Runs of a style's parts, so that each pattern often matches.
                      " 2011 ", "Author A B 2011 ApJ 729 L12", " 2013, ", "2013, ApJ, 770, 57", "ApJ, ", "770, ", " 729 ", "Phys. Rev. D 45, 1234 (1992)",
                      "Phys. Lett. B511 (2001) 265", "45, 1234 ", "B511 (2001) 265"]
        var matched = [Int](repeating: 0, count: plain.count)
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let units = Array(text.utf16)
            for (index, (pattern, plainForm)) in plain.enumerated() {
                let found = pattern.firstMatch(in: units), expected = plainForm.firstMatch(in: units)
                #expect((found == nil) == (expected == nil), "\(text.debugDescription)")
                guard let found, let expected else { continue }
                matched[index] += 1
                #expect(expected.range(at: plainForm.groupNumber(named: "before")!) == 0..<found.range.lowerBound, "\(text.debugDescription)")
                #expect(found.range.upperBound == expected.range.upperBound, "\(text.debugDescription)")
                for name in ["journal", "series", "glued", "volume", "page", "year"] {
                    guard let number = pattern.groupNumber(named: name) else { continue }
                    #expect(found.range(at: number) == expected.range(at: plainForm.groupNumber(named: name)!), "\(name) in \(text.debugDescription)")
                }
            }
        }
        // Enough of the texts match each pattern for the comparison to say something.
        #expect(matched.allSatisfy { $0 >= 200 }, "\(matched)")
    }

    @Test func compactPhysicsStyles() {
        // Written here in the APS and IOP house styles, not taken from any evaluation set.
        let aps = PhysicsStyle.read("A. B. Author and C. D. Writer, A Study of Things, Phys. Rev. D 45, 1234 (1992).")
        #expect(aps?.journal == "Phys. Rev. D" && aps?.volume == "45" && aps?.page == "1234" && aps?.year == 1992)
        #expect(aps?.title == "A Study of Things")
        let glued = PhysicsStyle.read("E. Writer, Phys.Rev. D34, 567 (1986).")
        #expect(glued?.journal == "Phys.Rev. D" && glued?.volume == "34")
        let astronomy = PhysicsStyle.read("Author A B, Writer C and Third D 2011 ApJ 729 L12")
        #expect(astronomy.map { ReferenceParser().parseNames($0.authors).compactMap(\.family) } == ["Author", "Writer", "Third"])
        #expect(astronomy?.journal == "ApJ" && astronomy?.volume == "729" && astronomy?.page == "L12" && astronomy?.year == 2011)
        #expect(PhysicsStyle.read("Smith, John. 2001. A Book. Boston: Little.") == nil)
        let aas = PhysicsStyle.read("Author, A. B., & Writer, C. 2012, MNRAS, 421, 98")
        #expect(aas?.journal == "MNRAS" && aas?.volume == "421" && aas?.page == "98" && aas?.year == 2012)
        let spaced = PhysicsStyle.read("A. Author, Some effect in gases, Phys.Rev .88 ,12 ( 1952).")
        #expect(spaced?.volume == "88" && spaced?.page == "12")
        let book = PhysicsStyle.readBook("A. Author, Quantum Things (Wiley, Hoboken, NJ, 2010).")
        #expect(book?.title == "Quantum Things" && book?.publisher == "Wiley" && book?.place == "Hoboken, NJ")
    }

    @Test func aSeriesLetterGluedToTheVolumeBelongsToTheJournal() {
        let fields = ReferenceParser().parse("A. B. Author and C. Writer, Phys. Lett. B511 (2001) 265.")
        #expect(fields.containerTitle == "Phys. Lett. B" && fields.volume == "511" && fields.page == "265")
        #expect(ReferenceToken.tokenize("Rev. D12, B.01 XD5").map(\.text) == ["Rev", ".", "D", "12", ",", "B", ".", "01", "XD5"])
    }

    @Test func identifiersEndWhereTheirFormsEnd() {
        let parser = ReferenceParser()
        let glued = parser.parse("A. Author, A title, J. Things 5 (2001) 12, doi:10.1000/abc.def.5,arXiv:hep-ph/0101001.")
        #expect(glued.doi == "10.1000/abc.def.5")
        #expect(glued.url == nil)  // a preprint number is no link
        #expect(parser.parse("Writer, B. 2016. A title. Journal 5: 1–2. doi:10.1007/s00168‐016‐0766‐5.").doi == "10.1007/s00168‐016‐0766‐5")
    }

    @Test func aDamagedModelIsAnError() {
        #expect(throws: FolioError.self) { try ReferenceTagger(serialized: "not a model") }
    }
}

@Suite struct HouseStylesTests {
    let gold: JSONValue = [
        "author": [["family": "Author", "given": "Anna B."], ["family": "Writer", "given": "Carl"]],
        "issued": ["date-parts": [[1999]]],
        "title": "A study of things",
        "container-title": "Physical Review Letters",
        "volume": "12", "issue": "3", "page": "345-350",
    ]

    /// The text of the tokens with `label`, folded as the alignment folds words.
    func words(_ example: HouseStyles.Example, _ label: ReferenceLabel) -> String {
        zip(example.tokens, example.labels).filter { $0.1 == label && $0.0.text.first?.isLetter == true || $0.1 == label && $0.0.text.first?.isNumber == true }
            .map { NameFolding.foldWord($0.0.text) }.joined(separator: " ")
    }

    @Test func everyRenderingLabelsEachFieldWithItsOwnWords() {
        let examples = HouseStyles.examples(from: Array(repeating: gold, count: 200), seed: 3)
        #expect(examples.count == 200)
        #expect(Set(examples.map(\.raw)).count > 20, "the styles and the debris vary")
        for example in examples {
            #expect(words(example, .volume) == "12", "\(example.labelled)")
            #expect(words(example, .issued) == "1999", "\(example.labelled)")
            #expect(["345 350", "345"].contains(words(example, .page)), "\(example.labelled)")
            let journal = words(example, .containerTitle).split(separator: " ")
            #expect(journal.starts(with: ["phys", "rev", "lett"]) || journal.starts(with: ["physical", "review", "letters"])
                    || journal.joined().hasPrefix("phys"), "\(example.labelled)")
            #expect(!words(example, .author).contains("study"), "\(example.labelled)")
        }
    }

    @Test func renderingIsRepeatable() {
        let first = HouseStyles.examples(from: [gold, gold, gold], seed: 5).map(\.raw)
        #expect(first == HouseStyles.examples(from: [gold, gold, gold], seed: 5).map(\.raw))
    }

    @Test func journalsAreAbbreviatedAsTheWordListDoes() {
        #expect(HouseStyles.abbreviate("Physical Review Letters") == "Phys. Rev. Lett.")
        #expect(HouseStyles.abbreviate("Journal of Mathematical Physics") == "J. Math. Phys.")
        #expect(HouseStyles.abbreviate("Nature") == "Nature")
    }

    @Test func itemsWithoutAYearOrAWorkAreLeftOut() {
        #expect(HouseStyles.examples(from: [["title": "No year"], ["author": [["family": "A"]], "issued": ["date-parts": [[2000]]]]]).isEmpty)
    }
}

@Suite struct MarkedSpanTests {
    /// A quoted title is a title to its closing mark; inside italics, no locator stands alone.
    @Test func quotedAndItalicSpansAreKeptWhole() {
        for (open, close) in [("“", "”"), ("„", "“"), ("„", "”"), ("«", "»"), ("\"", "\"")] {
            let tokens = ReferenceToken.tokenize("Hale, J. \(open)A title in 12 words\(close) Journal")
            var labels = tokens.map { $0.text == "12" ? ReferenceLabel.volume : $0.text == "Journal" ? .containerTitle : .title }
            labels[tokens.firstIndex { $0.text == "words" }!] = .containerTitle
            ReferenceParser.keepMarkedSpansWhole(tokens, &labels)
            let inside = tokens.indices.filter { ["A", "title", "in", "12", "words"].contains(tokens[$0].text) }
            #expect(inside.allSatisfy { labels[$0] == .title }, "\(open)…\(close)")
            #expect(labels.last == .containerTitle)
        }
        for mark in ["*", "_"] {
            let tokens = ReferenceToken.tokenize("Hale, J. \(mark)Book 12\(mark) 12")
            var labels = tokens.map { $0.text == "12" ? ReferenceLabel.volume : .title }
            ReferenceParser.keepMarkedSpansWhole(tokens, &labels)
            #expect(labels[tokens.firstIndex { $0.text == "12" }!] == .title && labels.last == .volume, "\(mark)")
        }
    }
}

@Suite struct ReferenceFeatureTests {
    /// The marks carried along a reference: quotes, italics, brackets, one code point each.
    @Test func quotesItalicsAndBracketsAreCarriedAlong() {
        let tokens = ReferenceToken.tokenize("Hale, J. “A title” (2001) *Book* [x] «y» \"z\" after.")
        let features = ReferenceFeatures.features(tokens)
        func has(_ text: String, _ feature: String) -> Bool {
            guard let index = tokens.firstIndex(where: { $0.text == text }) else { return false }
            return features[index].contains(feature)
        }
        #expect(has("title", "inquotes") && !has("Hale", "inquotes"))
        #expect(has("2001", "afterquote") && has("2001", "inbrackets") && !has("Book", "inbrackets"))
        #expect(has("Book", "initalics") && !has("x", "initalics") && has("x", "inbrackets"))
        #expect(has("y", "inquotes") && has("z", "inquotes") && !has("after", "inquotes") && has("after", "afterquote"))
        // The move into a token: its shape, `_` where a space came before, and short marks.
        let edges = ReferenceFeatures.edgeFeatures(tokens)
        #expect(edges[0].first == "~s=Xx")
        #expect(edges[1].first == "~s=,")
        #expect(edges[2] == ["~s=X_", "~w=j", "~p=,|j", "~ns=."])
    }
}

/// Features as the hashes of their strings, built piece by piece as tagging builds them: a list
/// a token, to hold against the hashes of the features' whole strings.
private struct FeatureHashes: FeatureSink {
    private(set) var tokens: [[UInt64]] = []
    private var current: [UInt64] = []
    private var feature = FeatureHash()

    mutating func begin(_ name: StaticString) { feature = FeatureHash(name) }
    mutating func append(_ value: FeatureValue, separated: Bool) {
        if separated { feature.addSeparator() }
        feature.add(value.piece)
    }
    mutating func end() { current.append(feature.value) }
    mutating func endToken() {
        tokens.append(current)
        current.removeAll(keepingCapacity: true)
    }
}
