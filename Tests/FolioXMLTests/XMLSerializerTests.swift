import Testing
@testable import FolioXML

@Suite struct XMLSerializerTests {
    /// Property: Folio's serializer writes what libxml2's writes, byte for byte, indented and
    /// not, over random trees: elements with and without namespaces, empty ones, element-only
    /// and mixed content, nesting deeper than libxml2 indents, and text and attribute values of
    /// every mark either escapes, white space, and UTF-8 beyond ASCII.
    @Test func writesWhatLibXML2Writes() {
        let pieces = ["a", "word", " ", "  ", "<", ">", "&", "\"", "'", "\n", "\r", "\t", "\r\n", "é", "’", "😀", "&amp;", "]]>", "x=\"1\""]
        let names = ["p", "q", "ref", "note", "hi"]
        var generator = SystemRandomNumberGenerator()
        func text() -> String {
            (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        /// Fills `element` with random children; down to `chainDepth` the first child is always
        /// an element and none is text (which would stop the indentation), so some trees nest
        /// past libxml2's 30 levels of indentation.
        func fill(_ element: XMLElement, depth: Int, chainDepth: Int) {
            if Bool.random(using: &generator) { element.attribute("n", text()) }
            if Int.random(in: 0..<4, using: &generator) == 0 { element.id("i\(depth)") }
            if depth < chainDepth {
                fill(element.element(named: names.randomElement(using: &generator)!), depth: depth + 1, chainDepth: chainDepth)
            }
            let children = depth > 3 ? Int.random(in: 0...1, using: &generator) : Int.random(in: 0...4, using: &generator)
            for _ in 0..<children {
                if depth >= chainDepth && Int.random(in: 0..<3, using: &generator) == 0 {
                    element.append(text())
                } else {
                    fill(element.element(named: names.randomElement(using: &generator)!), depth: depth + 1, chainDepth: 0)
                }
            }
        }
        var deepest = 0
        for round in 0..<400 {
            let tree = XMLTree(rootName: "doc", namespace: round % 3 == 0 ? nil : "urn:test")
            fill(tree.root, depth: 0, chainDepth: round % 10 == 0 ? 34 : 0)
            for indented in [true, false] {
                let ours = tree.serialized(indented: indented)
                let theirs = tree.serializedByLibXML2(indented: indented)
                #expect(ours == theirs, "\(String(decoding: theirs, as: UTF8.self))")
            }
            let lines = String(decoding: tree.serializedByLibXML2(indented: true), as: UTF8.self).split(separator: "\n" as Character)
            deepest = max(deepest, lines.map { $0.prefix { $0 == " " }.count }.max() ?? 0)
        }
        #expect(deepest == 60, "some tree is indented as deep as libxml2 goes")
    }
}
