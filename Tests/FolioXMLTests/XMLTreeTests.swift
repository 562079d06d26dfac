import Testing
@testable import FolioXML

@Suite struct XMLTreeTests {
    let schema = """
        <grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="urn:test">
          <start><element name="doc"><attribute name="xml:id"><text/></attribute><zeroOrMore><element name="p"><text/></element></zeroOrMore></element></start>
        </grammar>
        """

    func string(_ tree: XMLTree, indented: Bool = false) -> String {
        String(decoding: tree.serialized(indented: indented), as: UTF8.self)
    }

    @Test func escapesTextAndAttributes() {
        let tree = XMLTree(rootName: "doc", namespace: "urn:test")
        tree.root.id("d1")
        tree.root.element("p", text: "a & b < c > d \"e\"").attribute("n", "x\"&<y")
        #expect(string(tree).contains(#"<p n="x&quot;&amp;&lt;y">a &amp; b &lt; c &gt; d "e"</p>"#))
        #expect(string(tree).contains(#"<doc xmlns="urn:test" xml:id="d1">"#))
    }

    /// An `xml:id` set again replaces the first, as any attribute does, and is written and
    /// validated like one set by libxml2 itself.
    @Test func anIdSetAgainReplacesTheFirst() throws {
        let tree = XMLTree(rootName: "doc", namespace: "urn:test")
        tree.root.attribute("n", "1").id("first").attribute("m", "2").id("d&<\"2")
        #expect(string(tree).contains(#"<doc xmlns="urn:test" n="1" xml:id="d&amp;&lt;&quot;2" m="2"/>"#))
        let compiled = try RelaxNGSchema(text: schema)
        let valid = XMLTree(rootName: "doc", namespace: "urn:test")
        valid.root.id("a").id("b")
        #expect(compiled.validate(valid).isEmpty)
        #expect(string(valid).contains(#"<doc xmlns="urn:test" xml:id="b"/>"#))
    }

    @Test func mixedContentIsNeverIndented() {
        let tree = XMLTree(rootName: "doc", namespace: nil)
        let p = tree.root.element("p")
        p.append("text ")
        p.element("b", text: "bold")
        p.append(" more")
        #expect(string(tree, indented: true).contains("<p>text <b>bold</b> more</p>"))
    }

    @Test func validatesAndReportsWhere() throws {
        let compiled = try RelaxNGSchema(text: schema)
        let good = XMLTree(rootName: "doc", namespace: "urn:test")
        good.root.id("d")
        good.root.element("p", text: "ok")
        #expect(compiled.validate(good).isEmpty)

        let bad = XMLTree(rootName: "doc", namespace: "urn:test")
        bad.root.id("d")
        bad.root.element("q", text: "not allowed")
        let issues = compiled.validate(bad)
        #expect(!issues.isEmpty)
        #expect(issues.contains { $0.path?.contains("q") == true || $0.message.contains("q") })
    }

    @Test func attributePatternsAreCheckedApartWhereTheyApply() throws {
        let patterned = #"""
        <grammar xmlns="http://relaxng.org/ns/structure/1.0" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
          <start><element name="doc"><zeroOrMore><choice>
            <element name="a"><attribute name="n"><data type="string"><param name="pattern">[0-9]+</param></data></attribute></element>
            <element name="b"><attribute name="n"><text/></attribute></element>
          </choice></zeroOrMore></element></start>
        </grammar>
        """#
        let apart = try RelaxNGSchema(text: patterned, attributePatterns: [AttributePattern(element: "a", attribute: "n", pattern: "[0-9]+")])
        func issues(_ xml: String) throws -> [XMLIssue] { apart.validate(try ParsedXML(bytes: Array(xml.utf8), name: "t.xml")) }
        #expect(try issues(#"<doc><a n="12"/><b n="x"/></doc>"#).isEmpty, "the pattern holds on a only")
        let wrong = try issues(#"<doc>\#n<a n="1x"/></doc>"#)
        #expect(wrong.count == 1 && wrong[0].line == 2 && wrong[0].message.contains("'1x'") && wrong[0].message.contains("[0-9]+"))
        #expect(throws: XMLValidationFailure.self, "a pattern the schema lacks") {
            try RelaxNGSchema(text: patterned, attributePatterns: [AttributePattern(attribute: "n", pattern: "[a-z]+")])
        }
    }

    /// A string's pattern checked apart leaves any string, which libxml2 is given as `<text/>`
    /// (no datatype to look up for each value); a facet of another type leaves the type checked.
    @Test func aStringWhosePatternIsCheckedApartIsCompiledAsText() throws {
        let patterned = #"""
        <grammar xmlns="http://relaxng.org/ns/structure/1.0" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
          <start><element name="doc"><zeroOrMore><choice>
            <element name="a"><attribute name="n"><data type="string"><param name="pattern">[0-9 ]+</param></data></attribute></element>
            <element name="b"><attribute name="n"><data type="NCName"><param name="pattern">[0-9a-z]+</param></data></attribute></element>
          </choice></zeroOrMore></element></start>
        </grammar>
        """#
        let apart = try RelaxNGSchema(text: patterned, attributePatterns: [
            AttributePattern(element: "a", attribute: "n", pattern: "[0-9 ]+"), AttributePattern(element: "b", attribute: "n", pattern: "[0-9a-z]+"),
        ])
        #expect(apart.compiledText.contains(#"<attribute name="n"><text/></attribute>"#))
        #expect(apart.compiledText.contains(#"<data type="NCName"></data>"#))
        func valid(_ xml: String) throws -> Bool { apart.validate(try ParsedXML(bytes: Array(xml.utf8), name: "t.xml")).isEmpty }
        #expect(try valid(#"<doc><a n="1 2"/><a n=" 3"/><b n="x1"/></doc>"#))
        #expect(try !valid(#"<doc><a n="1x"/></doc>"#), "the pattern still holds")
        #expect(try !valid(#"<doc><a/></doc>"#), "the attribute is still required")
        #expect(try !valid(#"<doc><b n="1x"/></doc>"#), "an NCName does not start with a digit")
    }

    /// Property: an `xml:id` checked apart as an NCName gets libxml2's own datatype's verdict,
    /// over random values (white space around, colons, digits first, letters beyond ASCII); an
    /// `id` of no namespace is not an `xml:id`.
    @Test func anNCNameCheckedApartGetsTheDatatypesVerdict() throws {
        let typed = #"""
        <grammar xmlns="http://relaxng.org/ns/structure/1.0" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes" ns="urn:test">
          <start><element name="doc"><attribute name="xml:id"><data type="NCName"/></attribute>
            <zeroOrMore><element name="e"><attribute name="id"><text/></attribute></element></zeroOrMore></element></start>
        </grammar>
        """#
        let byType = try RelaxNGSchema(text: typed)
        let apart = try RelaxNGSchema(text: typed, attributePatterns: [AttributePattern(ncName: "xml:id")])
        #expect(!apart.compiledText.contains("NCName"))
        // Built as Folio builds its TEI: a parser would refuse an `xml:id` that is no NCName itself.
        let pieces = ["a", "Z", "_", "1", "-", ".", ":", " ", "\t", "\n", "é", "·", "\u{0301}", "٢", "x", "ab", "!"]
        var generator = SystemRandomNumberGenerator()
        var outcomes = (valid: 0, invalid: 0)
        for _ in 0..<2_000 {
            let value = (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let tree = XMLTree(rootName: "doc", namespace: "urn:test")
            tree.root.id(value).element("e").attribute("id", "1:x")
            let issues = apart.validate(tree)
            #expect(issues.isEmpty == byType.validate(tree).isEmpty, "\(value.debugDescription)")
            #expect(issues.allSatisfy { $0.message.contains("'xml:id'") })
            if issues.isEmpty { outcomes.valid += 1 } else { outcomes.invalid += 1 }
        }
        #expect(outcomes.valid > 100 && outcomes.invalid > 100)
        #expect(throws: XMLValidationFailure.self, "a schema that does not type the attribute so") {
            try RelaxNGSchema(text: typed, attributePatterns: [AttributePattern(ncName: "id")])
        }
    }

    /// Defines that hold only text, or an attribute of text (as attributes checked apart leave
    /// them), are written out where they are referred to; others stay, and so does what is valid.
    @Test func plainDefinesAreWrittenOutWhereReferredTo() throws {
        let text = #"""
        <grammar xmlns="http://relaxng.org/ns/structure/1.0" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
          <start><element name="doc"><ref name="id"/><zeroOrMore><ref name="item"/></zeroOrMore></element></start>
          <define name="id"><attribute name="key"><data type="NCName"/></attribute></define>
          <define name="when">
            <text/>
          </define>
          <define name="item"><element name="item"><ref name="id"/><attribute name="when"><ref name="when"/></attribute></element></define>
        </grammar>
        """#
        let inlined = RelaxNGSchema.inliningPlainDefines(text.replacing(#"<data type="NCName"/>"#, with: "<text/>"))
        #expect(!inlined.contains(#"name="id""#) && !inlined.contains(#"<ref name="when"/>"#) && inlined.contains(#"<ref name="item"/>"#))
        #expect(inlined.ranges(of: #"<attribute name="key"><text/></attribute>"#).count == 2)
        #expect(inlined.contains(#"<attribute name="when"><text/></attribute>"#))
        let schema = try RelaxNGSchema(text: text, attributePatterns: [AttributePattern(ncName: "key")])
        func valid(_ xml: String) throws -> Bool { schema.validate(try ParsedXML(bytes: Array(xml.utf8), name: "t.xml")).isEmpty }
        #expect(try valid(#"<doc key="a"><item key="b" when="1999"/></doc>"#))
        #expect(try !valid(#"<doc key="a"><item when="1999"/></doc>"#), "an attribute a define held is still required")
        #expect(try !valid(#"<doc key="1a"/>"#), "and still checked apart")
    }

    @Test func aTreeIsFreedWhenNothingHoldsIt() {
        // A tree that kept its root element kept itself: every paper's TEI stayed in memory.
        weak var released: XMLTree?
        do {
            let tree = XMLTree(rootName: "doc", namespace: "urn:test")
            released = tree
            tree.root.element("p", text: "text").attribute("n", "1")
            #expect(!tree.serialized().isEmpty)
            #expect(released != nil)
        }
        #expect(released == nil)
    }

    @Test func aBrokenSchemaIsAnError() {
        #expect(throws: XMLValidationFailure.self) { try RelaxNGSchema(text: "<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\"><start><nonsense/></start></grammar>") }
        #expect(throws: XMLValidationFailure.self) { try RelaxNGSchema(text: "not xml") }
    }

    @Test func parsingReportsLines() {
        #expect { try ParsedXML(bytes: Array("<a>\n<b>\n</a>".utf8), name: "x.xml") } throws: { error in
            (error as? XMLValidationFailure)?.issues.first?.line == 3
        }
    }

    @Test func aSchemaIsSharedAcrossTasks() async throws {
        let compiled = try RelaxNGSchema(text: schema)
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<200 {
                group.addTask {
                    let tree = XMLTree(rootName: "doc", namespace: "urn:test")
                    tree.root.id("d\(index)")
                    tree.root.element(index % 2 == 0 ? "p" : "q", text: "\(index)")
                    return compiled.validate(tree).isEmpty == (index % 2 == 0)
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 } && results.count == 200)
    }

    @Test func reportsTheLibraryVersion() {
        #expect(XMLLibrary.version.split(separator: ".").count == 3)
    }
}
