import Testing
@testable import FolioXML

@Suite struct LiteralNumbersTests {
    /// Places in one buffer stand for literals: neighbours a byte apart, and one place with
    /// two lengths, are kept apart, through the table's growth.
    @Test func keepsEachPlaceAndLengthApart() {
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 4096)
        defer { bytes.deallocate() }
        var table = LiteralNumbers()
        for offset in 0..<1000 {
            #expect(table.number(at: bytes + offset, count: 3) == nil)
            table.keep(offset, at: bytes + offset, count: 3)
        }
        table.keep(-1, at: bytes, count: 4)
        for offset in 0..<1000 { #expect(table.number(at: bytes + offset, count: 3) == offset) }
        #expect(table.number(at: bytes, count: 4) == -1)
        #expect(table.number(at: bytes + 1000, count: 3) == nil)
        #expect(table.number(at: bytes + 1, count: 4) == nil)
    }

    /// A literal name and the same name made at run time are one name of the tree: the
    /// serialized trees are the same, and the literal is cut at a NUL as a string is.
    @Test func literalAndRunTimeNamesAgree() {
        let literals = XMLTree(rootName: "doc", namespace: "urn:test")
        let made = XMLTree(rootName: "doc", namespace: "urn:test")
        for round in 0..<3 {
            literals.root.element("p", text: "\(round)").attribute("n", "a").attribute("rend", "b")
            literals.root.element("q\u{0}r").attribute("n", "c")
            made.root.element(named: "p", text: "\(round)").attribute(named: "n", "a").attribute(named: "rend", "b")
            made.root.element(named: "q").attribute(named: "n", "c")
        }
        #expect(literals.serialized() == made.serialized())
        #expect(String(decoding: literals.serialized(indented: false), as: UTF8.self).contains(#"<p n="a" rend="b">2</p><q n="c"/>"#))
    }
}
