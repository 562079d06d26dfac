import Testing
@testable import FolioXML

@Suite struct GrammarNamespaceTests {
    @Test func theGrammarsNamespaceIsLeftOut() throws {
        let text = #"<grammar xmlns="http://relaxng.org/ns/structure/1.0"  ns = 'urn:test'><start><element name="doc"><text/></element></start></grammar>"#
        let left = try #require(GrammarNamespace.leftOut(of: text))
        #expect(left.uri == "urn:test")
        #expect(left.text == #"<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element name="doc"><text/></element></start></grammar>"#)
    }

    /// Where anything else names a namespace, leaving one out could change a verdict: the
    /// schema is left as it is.
    @Test(arguments: [
        #"<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element name="doc"><text/></element></start></grammar>"#,
        #"<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="urn:test"><start><element name="doc" ns=""><text/></element></start></grammar>"#,
        #"<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="urn:test" xmlns:t="urn:test"><start><element name="t:doc"><text/></element></start></grammar>"#,
        #"<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="urn:test"><start><element><nsName ns="urn:other"/><text/></element></start></grammar>"#,
        #"<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element name="doc" ns="urn:test"><text/></element></start></grammar>"#,
        #"<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns=""><start><element name="doc"><text/></element></start></grammar>"#,
    ])
    func aSchemaNamingNamespacesElsewhereIsLeftAsItIs(text: String) {
        #expect(GrammarNamespace.leftOut(of: text) == nil)
    }

    /// A tree in the grammar's namespace is validated without it, and one in another namespace
    /// with the schema as written: each gets the verdict libxml2 gives the same document.
    @Test func treesInAndOutOfTheNamespaceGetTheDocumentsVerdict() throws {
        let schema = try RelaxNGSchema(text: #"<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="urn:test"><start><element name="doc"><zeroOrMore><element name="p"><text/></element></zeroOrMore></element></start></grammar>"#)
        for namespace in ["urn:test", "urn:other", "urn:tes", "urn:test2"] as [String?] + [nil] {
            for child in ["p", "q"] {
                let tree = XMLTree(rootName: "doc", namespace: namespace)
                tree.root.element(named: child, text: "x")
                #expect(schema.validate(tree).isEmpty == schema.validateAsDocument(tree).isEmpty, "\(namespace ?? "none") \(child)")
                #expect(schema.validate(tree).isEmpty == (namespace == "urn:test" && child == "p"), "\(namespace ?? "none") \(child)")
            }
        }
    }
}
