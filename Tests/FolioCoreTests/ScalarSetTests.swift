@testable import FolioCore
import Testing

@Suite struct ScalarSetTests {
    /// Property: a set holds what its string's code points hold, for members and others on
    /// both sides of each word of bits (63/64, 127/128) and beyond ASCII.
    @Test func holdsWhatItsStringHolds() {
        var generator = SystemRandomNumberGenerator()
        let pool: [Unicode.Scalar] = ["\u{0}", "\n", " ", "\"", "'", ")", ".", "0", "9", "?", "@", "A", "[", "]", "_", "`", "z", "~", "\u{7F}",
                                      "\u{80}", "«", "é", "—", "’", "”", "🙂"]
        for _ in 0..<2_000 {
            let members = String(String.UnicodeScalarView((0..<Int.random(in: 0...6, using: &generator)).map { _ in pool.randomElement(using: &generator)! }))
            let set = ScalarSet(members)
            for scalar in pool {
                #expect(set.contains(scalar) == members.unicodeScalars.contains(scalar), "\(members.debugDescription) \(scalar.debugDescription)")
            }
        }
    }

    @Test func readsALiteral() {
        let closers: ScalarSet = "\"”’')]"
        #expect(closers.contains("”") && closers.contains(")") && closers.contains("\""))
        #expect(!closers.contains("(") && !closers.contains("“") && !closers.contains("b"))
    }
}
