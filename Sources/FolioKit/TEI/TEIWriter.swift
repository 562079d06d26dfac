import Foundation
import FolioCore
import FolioXML

/// Builds the TEI tree of a document as `shared/OUTPUT-PROFILE.md` fixes it, following
/// GROBID's conventions where it has them.
///
/// A class: the closures that write inline elements keep the writer, and a struct holding the
/// whole document was copied (every array of it retained) each time one was made.
final class TEIWriter {
    static let namespace = "http://www.tei-c.org/ns/1.0"

    let document: Document
    private let weaver: InlineWeaver
    /// The block quotations by their span, found once: a long paper has many, and looking each
    /// up among all the quotations made writing it grow with the square of its length.
    private let blockQuotations: [TextRange: Int]
    private var text: WorkingText { document.text }

    /// A child element holding the reading text of `range`: written from bytes, no string made.
    @discardableResult
    private func readingTextElement(_ name: StaticString, of range: TextRange, in parent: XMLElement) -> XMLElement {
        let child = parent.element(name)
        appendReadingText(of: range, to: child)
        return child
    }

    private func appendReadingText(of range: TextRange, to element: XMLElement) {
        text.withReadingText(range) { element.append(utf8: $0) }
    }

    init(_ document: Document) {
        self.document = document
        self.weaver = InlineWeaver(document: document)
        var blockQuotations: [TextRange: Int] = [:]
        for (index, quotation) in document.quotations.enumerated() where quotation.kind == .block && blockQuotations[quotation.span] == nil {
            blockQuotations[quotation.span] = index
        }
        self.blockQuotations = blockQuotations
    }

    func tree() -> XMLTree {
        // The text once, and again in part in events and references: about one and a half times its size.
        let tree = XMLTree(rootName: "TEI", namespace: Self.namespace, expectedBytes: document.source.scalars.count * 8 / 5)
        header(in: tree.root)
        let textElement = tree.root.element("text")
        body(in: textElement.element("body"))
        if !document.references.isEmpty { back(in: textElement.element("back")) }
        if !document.events.isEmpty { standOff(in: tree.root.element("standOff")) }
        return tree
    }

    // MARK: Header

    private func header(in root: XMLElement) {
        let front = document.frontMatter
        let header = root.element("teiHeader")
        let fileDesc = header.element("fileDesc")
        let titleStmt = fileDesc.element("titleStmt")
        let title = titleStmt.element("title").attribute("level", "a").attribute("type", "main")
        if let range = front.title { appendReadingText(of: range, to: title) }

        let fileName = document.source.name.split(separator: "/").last.map(String.init) ?? document.source.name
        fileDesc.element("publicationStmt").element("p", text: "Structured by Folio from the text file \(fileName).")

        let biblStruct = fileDesc.element("sourceDesc").element("biblStruct")
        if front.title != nil || !front.authors.isEmpty {
            let analytic = biblStruct.element("analytic")
            if let range = front.title {
                readingTextElement("title", of: range, in: analytic).attribute("level", "a").attribute("type", "main")
            }
            for author in front.authors { self.author(author, in: analytic) }
        }
        let monogr = biblStruct.element("monogr")
        if let journal = front.journal {
            readingTextElement("title", of: journal, in: monogr).attribute("level", "j")
        } else {
            monogr.element("title")
        }
        monogr.element("imprint").element("date")

        header.element("encodingDesc").element("appInfo")
            .element("application").attribute("ident", "folio").attribute("version", FolioVersion.current)
            .element("label", text: "Folio")

        guard !front.abstract.isEmpty || !front.keywords.isEmpty else { return }
        let profileDesc = header.element("profileDesc")
        if !front.abstract.isEmpty {
            let abstract = profileDesc.element("abstract")
            for paragraph in front.abstract { self.paragraph(paragraph, in: abstract) }
        }
        if !front.keywords.isEmpty {
            let keywords = profileDesc.element("textClass").element("keywords")
            for keyword in front.keywords { readingTextElement("term", of: keyword, in: keywords) }
        }
    }

    private func author(_ author: Author, in parent: XMLElement) {
        let element = parent.element("author")
        let persName = element.element("persName")
        if author.forename == nil && author.surname == nil {
            appendReadingText(of: author.name, to: persName)
        }
        if let forename = author.forename { persName.element("forename", text: forename).attribute("type", "first") }
        if let surname = author.surname { persName.element("surname", text: surname) }
        for email in author.emails { readingTextElement("email", of: email, in: element) }
        for affiliation in author.affiliations { readingTextElement("affiliation", of: affiliation, in: element) }
    }

    // MARK: Body

    private func body(in body: XMLElement) {
        blocks(document.body.blocks, in: body)
        for section in document.body.subsections { self.section(section, in: body) }
        if body.isEmpty { body.element("p").id("p0") }  // TEI wants something in a body; real paragraphs count from p1
        for note in document.footnotes {
            weave(note.span, in: body.element("note").attribute("place", "foot").attribute("n", note.number).id(note.id))
        }
    }

    private func section(_ section: Section, in parent: XMLElement) {
        let div = parent.element("div").id(section.id)
        if let heading = section.heading {
            let head = div.element("head").id(heading.id)
            if let number = heading.number { head.attribute("n", number) }
            weave(heading.title, in: head)
        }
        blocks(section.blocks, in: div)
        for subsection in section.subsections { self.section(subsection, in: div) }
    }

    private func blocks(_ blocks: [Block], in parent: XMLElement) {
        var openParagraph: XMLElement?  // a paragraph whose sentence a block quote completes
        for block in blocks {
            defer { if case .paragraph = block {} else { openParagraph = nil } }
            switch block {
            case .paragraph(let paragraph):
                let element = self.paragraph(paragraph, in: parent)
                openParagraph = endsSentence(paragraph.span) ? nil : element
            case .list(let list):
                let element = parent.element("list").attribute("rend", list.style.rawValue).id(list.id)
                for item in list.items {
                    let itemElement = element.element("item").id(item.id)
                    if let label = item.label { itemElement.attribute("n", label) }
                    weave(item.span, in: itemElement)
                }
            case .blockQuote(let quote):
                // `…who mentioned the following:` — the quotation completes the sentence, so it
                // stays inside that paragraph; after a finished sentence it stands in the div.
                blockQuote(quote, in: openParagraph ?? parent, inRunningText: openParagraph != nil)
            case .figure(let figure):
                self.figure(figure, in: parent)
            }
        }
    }

    @discardableResult
    private func paragraph(_ paragraph: Paragraph, in parent: XMLElement) -> XMLElement {
        let element = parent.element("p").id(paragraph.id)
        weave(paragraph.span, in: element)
        return element
    }

    /// What may stand after a sentence's end: closing quotes and brackets, a note number, spaces.
    private static let sentenceTail: ScalarSet = "\"”’')]0123456789 "
    private static let sentenceEnds: ScalarSet = ".!?"

    private func endsSentence(_ range: TextRange) -> Bool {
        var index = range.end
        while index > range.start, Self.sentenceTail.contains(text[index - 1]) { index -= 1 }
        return index > range.start && Self.sentenceEnds.contains(text[index - 1])
    }

    private func blockQuote(_ quote: BlockQuote, in parent: XMLElement, inRunningText: Bool) {
        let attribution = blockQuotations[quote.span].flatMap { index in bibl(for: document.quotations[index]) != nil ? index : nil }
        let container = attribution.map { _ in parent.element("cit") } ?? parent
        let element = container.element("quote").attribute("rend", "block").id(quote.id)
        weave(quote.span, in: element)
        if let attribution, let write = bibl(for: document.quotations[attribution]) {
            write(inRunningText ? Self.attributionNote(in: container) : container)
        }
    }

    private func figure(_ figure: Figure, in parent: XMLElement) {
        let element = parent.element("figure").id(figure.id)
        if figure.kind == .table { element.attribute("type", "table") }
        if let head = figure.head { readingTextElement("head", of: head, in: element) }
        if let label = figure.label { element.element("label", text: label) }
        if let caption = figure.caption { readingTextElement("figDesc", of: caption, in: element) }
        if let source = figure.source { readingTextElement("note", of: source, in: element).attribute("type", "source") }
    }

    // MARK: Inline

    private func weave(_ range: TextRange, in element: XMLElement) {
        weaver.weave(range, into: element) { annotation, parent in
            switch annotation.kind {
            case .footnoteMarker(let note):
                return parent.element("ref").attribute("type", "foot").attribute("target", "#" + document.footnotes[note].id)
            case .citation(let index):
                return citationReference(document.citations[index].parts.first?.reference, in: parent)
            case .citationPart(let citation, let part):
                return citationReference(document.citations[citation].parts[part].reference, in: parent)
            case .date(let index):
                let date = document.dates[index]
                let element = parent.element("date").id(date.id)
                for (name, value) in TEIDateAttributes.attributes(for: date) { element.attribute(named: name, value) }
                return element
            case .quotation(let index):
                let quotation = document.quotations[index]
                if quotation.kind == .soCalled { return parent.element("q").attribute("type", "soCalled").id(quotation.id) }
                guard let writeBibl = bibl(for: quotation) else { return parent.element("quote").id(quotation.id) }
                let cit = parent.element("cit")
                let quote = cit.element("quote").id(quotation.id)
                // The quote gets the woven text; the bibl follows it inside the cit.
                defer { writeBibl(Self.attributionNote(in: cit)) }
                return quote
            }
        }
    }

    private func citationReference(_ reference: Int?, in parent: XMLElement) -> XMLElement {
        let element = parent.element("ref").attribute("type", "bibr")
        if let reference { element.attribute("target", "#" + document.references[reference].id) }
        return element
    }

    /// In running text a quotation's `bibl` goes in a note: its words are Folio's copies, not
    /// the printed text's (a refinement of the profile, in the README).
    private static func attributionNote(in cit: XMLElement) -> XMLElement {
        cit.element("note").attribute("type", "attribution")
    }

    /// Writes who is quoted and from which work, or nil when neither is known.
    private func bibl(for quotation: Quotation) -> ((XMLElement) -> Void)? {
        let cited = quotation.citation.map { document.citations[$0] }
        guard quotation.speaker != nil || cited != nil || quotation.footnote != nil else { return nil }
        return { [self] parent in
            let bibl = parent.element("bibl")
            if let speaker = quotation.speaker { readingTextElement("author", of: speaker, in: bibl) }
            if let cited {
                let reference = cited.parts.first?.reference
                let ref = readingTextElement("ref", of: cited.span, in: bibl).attribute("type", "bibr")
                if let reference { ref.attribute("target", "#" + document.references[reference].id) }
            }
            if let note = quotation.footnote {
                bibl.element("ref", text: document.footnotes[note].number).attribute("type", "foot")
                    .attribute("target", "#" + document.footnotes[note].id)
            }
        }
    }

    // MARK: Back matter

    private func back(in back: XMLElement) {
        let listBibl = back.element("div").attribute("type", "references").element("listBibl")
        for reference in document.references { biblStruct(reference, in: listBibl) }
    }

    private func biblStruct(_ reference: Reference, in parent: XMLElement) {
        let element = parent.element("biblStruct").id(reference.id)
        let hasContainer = reference.containerTitle != nil
        func names(_ names: [Name], role: StaticString, in parent: XMLElement) {
            for name in names {
                let person = parent.element(role)
                if let literal = name.literal {
                    person.element("orgName", text: literal)
                } else {
                    let persName = person.element("persName")
                    if let given = name.given { persName.element("forename", text: given).attribute("type", "first") }
                    if let family = name.family { persName.element("surname", text: family) }
                }
            }
        }
        if hasContainer {
            let analytic = element.element("analytic")
            if let title = reference.title { analytic.element("title", text: title).attribute("level", "a").attribute("type", "main") }
            names(reference.authors, role: "author", in: analytic)
            if let doi = reference.doi { analytic.element("idno", text: doi).attribute("type", "DOI") }
        }
        let monogr = element.element("monogr")
        if hasContainer {
            let level = reference.type == "article-journal" || reference.type == "article-newspaper" || reference.type == "article-magazine" ? "j" : "m"
            monogr.element("title", text: reference.containerTitle!).attribute("level", level)
        } else {
            names(reference.authors, role: "author", in: monogr)
            monogr.element("title", text: reference.title ?? "").attribute("level", "m")
            if let doi = reference.doi { monogr.element("idno", text: doi).attribute("type", "DOI") }
        }
        if let isbn = reference.isbn { monogr.element("idno", text: isbn).attribute("type", "ISBN") }
        names(reference.editors, role: "editor", in: monogr)
        if let edition = reference.edition { monogr.element("edition", text: edition) }
        let imprint = monogr.element("imprint")
        if let publisher = reference.publisher { imprint.element("publisher", text: publisher) }
        if let place = reference.publisherPlace { imprint.element("pubPlace", text: place) }
        if let volume = reference.volume { imprint.element("biblScope", text: volume).attribute("unit", "volume") }
        if let issue = reference.issue { imprint.element("biblScope", text: issue).attribute("unit", "issue") }
        if let page = reference.page { imprint.element("biblScope", text: page).attribute("unit", "page") }
        let date = imprint.element("date")
        if let issued = reference.issued { date.attribute("when", issued.iso).append(String(issued.year)) }
        if let collection = reference.collectionTitle { element.element("series").element("title", text: collection).attribute("level", "s") }
        // A link without a host (`http://` alone) is no URI; the JSON keeps what was printed.
        if let url = reference.url, url.range(ofPattern: #"^(?i)(?:[a-z][a-z0-9+.-]*://[^/\s?#]|www\.\w)"#) != nil {
            element.element("ptr").attribute("target", Self.uri(url))
        }
        readingTextElement("note", of: reference.span, in: element).attribute("type", "raw_reference")
    }

    /// What a URI holds as it is (RFC 3986's unreserved and reserved characters but `#`, `[`
    /// and `]`), and the digits of a percent escape: made once, not for every link.
    private static let uriCharacters = ScalarSet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?@!$&'()*+,;=")
    private static let hexDigits = ScalarSet("0123456789ABCDEFabcdef")

    /// `text` as a URI: characters a URI may not hold (spaces, brackets, a second `#`, quotes
    /// extraction left) percent-encoded, so `@target` is always a valid `anyURI`.
    static func uri(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        // Written as UTF-8 and made a string once: what is kept is ASCII.
        var kept: [UInt8] = []
        kept.reserveCapacity(text.utf8.count)
        var sawFragment = false
        for (index, scalar) in scalars.enumerated() {
            let isEscape = scalar == "%" && index + 2 < scalars.count && hexDigits.contains(scalars[index + 1]) && hexDigits.contains(scalars[index + 2])
            if uriCharacters.contains(scalar) || isEscape || (scalar == "#" && !sawFragment) {
                if scalar == "#" { sawFragment = true }
                kept.append(UInt8(truncatingIfNeeded: scalar.value))
            } else {
                for byte in String(scalar).utf8 { kept += String(format: "%%%02X", byte).utf8 }
            }
        }
        // What is kept is ASCII, and is read as bytes (Foundation's searches in a string cost
        // thirty thousand instructions a link).
        let colonEscape = Array("%3A".utf8)
        // A colon before any `/` ends a scheme only if a scheme precedes it; otherwise it is debris.
        if let colon = kept.firstIndex(of: UInt8(ascii: ":")), !kept[..<colon].contains(UInt8(ascii: "/")), !Self.isScheme(kept[..<colon]) {
            kept.replaceSubrange(colon...colon, with: colonEscape)
        }
        // A colon in the host part is a port only before digits: `www.ex:ample.com` is debris.
        if let scheme = kept.firstRange(of: Array("://".utf8))?.upperBound {
            let authorityEnd = kept[scheme...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? kept.endIndex
            let authority = kept[scheme..<authorityEnd]
            if let colon = authority.lastIndex(of: UInt8(ascii: ":")) {
                let port = authority[(colon + 1)...]
                if port.isEmpty || !port.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
                    let escaped = authority.flatMap { $0 == UInt8(ascii: ":") ? colonEscape : [$0] }
                    kept.replaceSubrange(scheme..<authorityEnd, with: escaped)
                }
            }
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// Whether `bytes` are a URI scheme: a letter, then letters, digits, `+`, `.` and `-`.
    private static func isScheme(_ bytes: ArraySlice<UInt8>) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) }
        guard let first = bytes.first, isLetter(first) else { return false }
        return bytes.dropFirst().allSatisfy { isLetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
    }

    // MARK: Stand-off

    private func standOff(in standOff: XMLElement) {
        let listEvent = standOff.element("listEvent")
        for event in document.events {
            let date = document.dates[event.date]
            let element = listEvent.element("event").id(event.id)
            for (name, value) in TEIDateAttributes.eventAttributes(for: date) { element.attribute(named: name, value) }
            element.attribute("corresp", "#" + date.id)
            readingTextElement("desc", of: event.sentence, in: element)
        }
    }
}
