import Testing
@testable import FolioXML

@Suite struct TreeValidationTests {
    /// Elements libxml2 follows step by step (`list`, `item`, `note`: content a regular
    /// expression of names) and elements it validates only whole (`p`, whose content is
    /// interleaved with text; `ref`, whose attributes choose its content; `num`, a typed value).
    static let schema = #"""
        <grammar xmlns="http://relaxng.org/ns/structure/1.0" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes" ns="urn:test">
          <start><element name="doc">
            <attribute name="xml:id"><data type="NCName"/></attribute>
            <zeroOrMore><choice><ref name="p"/><ref name="list"/><ref name="note"/><ref name="ref"/></choice></zeroOrMore>
          </element></start>
          <define name="p"><element name="p"><optional><attribute name="n"><text/></attribute></optional>
            <mixed><zeroOrMore><choice><ref name="hi"/><ref name="ref"/><ref name="num"/></choice></zeroOrMore></mixed></element></define>
          <define name="note"><element name="note"><attribute name="place"><text/></attribute>
            <zeroOrMore><choice><text/><ref name="hi"/><ref name="list"/></choice></zeroOrMore></element></define>
          <define name="list"><element name="list"><oneOrMore><element name="item"><text/></element></oneOrMore></element></define>
          <define name="hi"><element name="hi"><attribute name="rend"><choice><value>b</value><value>i</value></choice></attribute><text/></element></define>
          <define name="num"><element name="num"><data type="integer"/></element></define>
          <define name="ref"><element name="ref"><choice>
            <group><attribute name="type"><value>foot</value></attribute><attribute name="target"><text/></attribute><text/></group>
            <group><attribute name="type"><value>bibr</value></attribute><zeroOrMore><ref name="hi"/></zeroOrMore></group>
          </choice></element></define>
        </grammar>
        """#

    /// A random tree that mostly follows the schema: each choice goes astray now and then (a
    /// name the place does not take, an attribute missing, wrong or extra, text where none may
    /// stand, white space where only elements may).
    struct Trees {
        var generator = SystemRandomNumberGenerator()

        mutating func astray() -> Bool { Int.random(in: 0..<40, using: &generator) == 0 }
        mutating func pick<T>(_ choices: [T]) -> T { choices.randomElement(using: &generator)! }

        mutating func tree() -> XMLTree {
            let tree = XMLTree(rootName: astray() ? "dok" : "doc", namespace: astray() ? "urn:other" : "urn:test")
            if !astray() { tree.root.id(astray() ? "1d" : "d1") }
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                element(pick(["p", "list", "note", "ref"]), in: tree.root, depth: 1)
            }
            if astray() { tree.root.append(pick(["word", " \n "])) }
            return tree
        }

        mutating func element(_ intended: String, in parent: XMLElement, depth: Int) {
            let name = astray() ? pick(["p", "list", "item", "note", "hi", "num", "ref", "q"]) : intended
            let element = parent.element(named: name)
            if astray() { element.attribute(named: pick(["n", "rend", "type", "place"]), "x") }
            switch name {
            case "p":
                if Bool.random(using: &generator) { element.attribute("n", "3") }
                for _ in 0..<Int.random(in: 0...4, using: &generator) {
                    if Bool.random(using: &generator) { element.append(pick(["Some words ", "  ", "\n", "&<>"])) } else if depth < 4 {
                        self.element(pick(["hi", "ref", "num"]), in: element, depth: depth + 1)
                    }
                }
            case "note":
                if !astray() { element.attribute("place", "foot") }
                for _ in 0..<Int.random(in: 0...3, using: &generator) {
                    if Bool.random(using: &generator) { element.append("a note") } else if depth < 4 {
                        self.element(pick(["hi", "list"]), in: element, depth: depth + 1)
                    }
                }
            case "list":
                for _ in 0..<Int.random(in: astray() ? 0...1 : 1...3, using: &generator) {
                    element.element(astray() ? "hi" : "item", text: astray() ? nil : "an item")
                    if Bool.random(using: &generator) { element.append(astray() ? "words" : "\n  ") }
                }
            case "hi":
                if !astray() { element.attribute("rend", astray() ? "u" : pick(["b", "i"])) }
                element.append("emphasis")
            case "num":
                element.append(astray() ? "twelve" : pick(["12", " 7 ", "-3"]))
            case "ref":
                if Bool.random(using: &generator) {
                    element.attribute("type", astray() ? "bibr" : "foot")
                    if !astray() { element.attribute("target", "#n1") }
                    element.append("1")
                } else {
                    element.attribute("type", astray() ? "foot" : "bibr")
                    if depth < 4 && Bool.random(using: &generator) { self.element("hi", in: element, depth: depth + 1) }
                    if astray() { element.append("text") }
                }
            default:
                if Bool.random(using: &generator) { element.append("something") }
            }
        }
    }

    /// Property: validating a tree as it is walked gives libxml2's verdict on the same tree
    /// made of its nodes, valid or not, over random trees of elements it follows step by step
    /// and elements it validates whole; an invalid tree's first issue says which element.
    @Test func givesLibXML2sVerdictOnTheSameTree() throws {
        let compiled = try RelaxNGSchema(text: Self.schema)
        var trees = Trees()
        var outcomes = (valid: 0, invalid: 0)
        for _ in 0..<3_000 {
            let tree = trees.tree()
            let walked = compiled.validate(tree)
            let whole = compiled.validateAsDocument(tree)
            let xml = String(decoding: tree.serialized(indented: false), as: UTF8.self)
            #expect(walked.isEmpty == whole.isEmpty, "\(xml)\nwalked: \(walked)\nwhole: \(whole)")
            if walked.isEmpty {
                outcomes.valid += 1
            } else {
                outcomes.invalid += 1
                #expect(walked[0].path?.hasPrefix("/do") == true, "\(walked)")
            }
        }
        #expect(outcomes.valid > 500 && outcomes.invalid > 500, "\(outcomes)")
    }

    /// Elements that refer to a choice of attributes (`d` and `e`), and a `d` of another
    /// definition under `bib`, whose one attribute libxml2 checks.
    static let choiceSchema = #"""
        <grammar xmlns="http://relaxng.org/ns/structure/1.0" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes" ns="urn:test">
          <start><element name="doc"><zeroOrMore><choice>
            <ref name="d"/>
            <element name="e"><element name="desc"><text/></element><ref name="span"/></element>
            <element name="bib"><element name="d"><optional><attribute name="at"><text/></attribute></optional><text/></element></element>
            <element name="p"><mixed><zeroOrMore><ref name="d"/></zeroOrMore></mixed></element>
          </choice></zeroOrMore></element></start>
          <define name="span"><optional><choice>
            <attribute name="at"><text/></attribute>
            <group><attribute name="from"><text/></attribute><optional><attribute name="to"><text/></attribute></optional></group>
            <attribute name="to"><text/></attribute>
            <group><attribute name="min"><data type="integer"/></attribute><attribute name="max"><data type="integer"/></attribute></group>
            <attribute name="len"><data type="duration"/></attribute>
          </choice></optional></define>
          <define name="d"><element name="d"><attribute name="n"><text/></attribute><ref name="span"/><text/></element></define>
        </grammar>
        """#
    static let choice = AttributeChoice(define: "span", elements: ["d", "e"], notUnder: ["bib"])

    /// Property: with the choice checked apart, validating a tree as it is walked gives
    /// libxml2's verdict on the document against the whole schema, over random trees whose
    /// elements carry random sets of the choice's attributes (and others), with values of
    /// their datatypes or not, where the choice is referred to and where it is not.
    @Test func attributeChoiceCheckedApartGivesLibXML2sVerdict() throws {
        let compiled = try RelaxNGSchema(text: Self.choiceSchema, attributeChoices: [Self.choice])
        var generator = SystemRandomNumberGenerator()
        var outcomes = (valid: 0, invalid: 0)
        let values = ["at": ["1999", ""], "from": ["a"], "to": ["b"], "min": ["1", " 2 ", "x"], "max": ["3", "3.5"],
                      "len": ["P2Y", "P1Y2M", "P", "2Y", " P3D"], "n": ["1"], "other": ["z"]]
        for _ in 0..<3_000 {
            let tree = XMLTree(rootName: "doc", namespace: "urn:test")
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let place = ["doc", "e", "bib", "p"].randomElement(using: &generator)!
                let element: XMLElement
                switch place {
                case "e":
                    element = tree.root.element("e")
                    element.element("desc", text: "an event")
                case "bib":
                    element = tree.root.element("bib").element("d", text: "1999")
                case "p":
                    let p = tree.root.element("p")
                    p.append("before ")
                    element = p.element("d", text: "a date")
                default:
                    element = tree.root.element("d", text: "a date")
                }
                if place != "e" && place != "bib" && Int.random(in: 0..<10, using: &generator) > 0 { element.attribute("n", "1") }
                for name in values.keys.sorted().shuffled(using: &generator).prefix(Int.random(in: 0...3, using: &generator)) {
                    element.attribute(named: name, values[name]!.randomElement(using: &generator)!)
                }
            }
            let walked = compiled.validate(tree)
            let whole = compiled.validateAsDocument(tree)
            let xml = String(decoding: tree.serialized(indented: false), as: UTF8.self)
            #expect(walked.isEmpty == whole.isEmpty, "\(xml)\nwalked: \(walked)\nwhole: \(whole)")
            if walked.isEmpty { outcomes.valid += 1 } else { outcomes.invalid += 1 }
        }
        #expect(outcomes.valid > 300 && outcomes.invalid > 300, "\(outcomes)")
    }

    @Test func anAttributeChoiceSaysWhatIsWrongAndWhere() throws {
        let compiled = try RelaxNGSchema(text: Self.choiceSchema, attributeChoices: [Self.choice])
        let tree = XMLTree(rootName: "doc", namespace: "urn:test")
        tree.root.element("d", text: "fine").attribute("n", "1").attribute("from", "a").attribute("to", "b")
        tree.root.element("p").element("d", text: "wrong").attribute("n", "2").attribute("at", "a").attribute("to", "b")
        tree.root.element("e").attribute("len", "2Y").element("desc", text: "an event")
        let issues = compiled.validate(tree)
        #expect(issues.map(\.path) == ["/doc/p", "/doc/e"], "\(issues)")
        #expect(issues.first?.message == "element d carries the attributes at and to, not one of the combinations the schema allows: none; at; from; to; len; from and to; min and max")
        #expect(issues.last?.message.contains("'2Y' of attribute 'len'") == true)

        let required = try RelaxNGSchema(text: Self.choiceSchema.replacing("<optional><choice>", with: "<choice>").replacing("</choice></optional>", with: "</choice>"),
                                         attributeChoices: [Self.choice])
        let bare = XMLTree(rootName: "doc", namespace: "urn:test")
        bare.root.element("d", text: "no date").attribute("n", "1")
        #expect(required.validate(bare).map(\.message) == ["element d carries none of the attributes of span, not one of the combinations the schema allows: at; from; to; len; from and to; min and max"])
        #expect(required.validateAsDocument(bare).isEmpty == false)
    }

    /// A choice must be a define the schema refers to, of attributes alone, each of any text or
    /// a datatype without parameters.
    @Test(arguments: [
        AttributeChoice(define: "nothing", elements: ["d"]),
        AttributeChoice(define: "d", elements: ["d"]),
    ])
    func anAttributeChoiceTheSchemaDoesNotHoldIsRefused(choice: AttributeChoice) {
        #expect(throws: XMLValidationFailure.self) { try RelaxNGSchema(text: Self.choiceSchema, attributeChoices: [choice]) }
    }

    /// An element refers to one choice checked apart at most.
    @Test func anElementOfTwoAttributeChoicesIsRefused() throws {
        let two = Self.choiceSchema
            .replacing(#"<ref name="span"/></element>"#, with: #"<ref name="span"/><ref name="more"/></element>"#)
            .replacing("</grammar>", with: #"<define name="more"><optional><attribute name="x"><text/></attribute></optional></define></grammar>"#)
        _ = try RelaxNGSchema(text: two, attributeChoices: [Self.choice, AttributeChoice(define: "more", elements: ["f"])])
        #expect(throws: XMLValidationFailure.self) {
            try RelaxNGSchema(text: two, attributeChoices: [Self.choice, AttributeChoice(define: "more", elements: ["e"])])
        }
    }

    @Test func anAttributeChoiceOfAPatternIsRefused() {
        let patterned = Self.choiceSchema.replacing(#"<attribute name="to"><text/></attribute>"#, with: #"<attribute name="to"><data type="string"><param name="minLength">1</param></data></attribute>"#)
        #expect(throws: XMLValidationFailure.self) { try RelaxNGSchema(text: patterned, attributeChoices: [Self.choice]) }
        let unreferred = Self.choiceSchema.replacing(#"<ref name="span"/>"#, with: "")
        #expect(throws: XMLValidationFailure.self) { try RelaxNGSchema(text: unreferred, attributeChoices: [Self.choice]) }
    }

    @Test func saysWhichElementIsWrong() throws {
        let compiled = try RelaxNGSchema(text: Self.schema)
        let tree = XMLTree(rootName: "doc", namespace: "urn:test")
        tree.root.id("d")
        tree.root.element("list").element("item", text: "one")
        let list = tree.root.element("list")
        list.element("item", text: "two")
        list.element("hi", text: "not an item").attribute("rend", "b")
        let issues = compiled.validate(tree)
        #expect(issues.count == 1 && issues[0].path == "/doc/list[2]/hi" && issues[0].message.contains("hi"), "\(issues)")

        let ref = XMLTree(rootName: "doc", namespace: "urn:test")
        ref.root.id("d")
        ref.root.element("p").element("ref", text: "1").attribute("type", "foot")
        let whole = compiled.validate(ref)
        #expect(!whole.isEmpty && whole.allSatisfy { $0.path == "/doc/p" }, "validated whole, the element that held it: \(whole)")
    }

    /// Text added after other bytes were written (an attribute's value) is still one text with
    /// what was added before it, as libxml2 merges them.
    @Test func textAddedAfterAnAttributeJoinsTheTextBeforeIt() {
        let tree = XMLTree(rootName: "doc", namespace: nil)
        let p = tree.root.element("p")
        p.append("one ")
        p.attribute("n", "1")
        tree.root.element("q", text: "between")
        p.append("two")
        p.append(utf8: UnsafeBufferPointer(start: nil, count: 0))
        #expect(tree.serialized(indented: true) == tree.serializedByLibXML2(indented: true))
        #expect(String(decoding: tree.serialized(indented: false), as: UTF8.self).contains(#"<p n="1">one two</p>"#))
    }

    /// Names are kept apart however many a tree has (its table of names grows past the room it
    /// starts with), and a name is cut at a NUL as libxml2 would read it.
    @Test func manyNamesAreKeptApart() {
        let tree = XMLTree(rootName: "doc", namespace: "urn:test")
        for number in 0..<300 {
            tree.root.element(named: "e\(number % 150)").attribute(named: "a\(number)", "\(number)")
        }
        tree.root.element("f\u{0}g", text: "cut")
        // Names that begin others, the longer made first: a shorter one is not taken for them.
        let prefixes = XMLTree(rootName: "doc", namespace: nil)
        for length in stride(from: 300, through: 1, by: -1) { prefixes.root.element(named: String(repeating: "x", count: length)) }
        let elements = String(decoding: prefixes.serialized(indented: true), as: UTF8.self).split(separator: "\n").dropFirst(2).dropLast()
        #expect(elements.map { $0.filter { $0 == "x" }.count } == Array(stride(from: 300, through: 1, by: -1)))
        let written = String(decoding: tree.serialized(indented: false), as: UTF8.self)
        #expect(tree.serialized(indented: true) == tree.serializedByLibXML2(indented: true))
        #expect(written.contains(#"<e149 a299="299"/><f>cut</f></doc>"#) && written.contains(#"<e0 a0="0"/><e1 a1="1"/>"#))
    }
}
