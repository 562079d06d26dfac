import Testing
@testable import FolioCore
@testable import FolioKit

@Suite struct ReferenceListingTests {
    /// One item a line, whatever ends the lines: a file written with CR LF (one character in
    /// Swift's strings) is as many references as it has lines.
    @Test func eachLineIsOneItemWhateverEndsIt() throws {
        let references = ["Smith, J. 2001. A title. Journal 3: 1-2.", "Doe, A. 1999. Another book. Press.", "", "Roe, B. 2010. Third. Journal 4: 5-6."]
        let expected = try JSONParser.parse(ReferenceListing.parse(lines: references.joined(separator: "\n") + "\n"))
        #expect(expected.arrayValue?.count == 4)
        #expect(expected.arrayValue?[2] == ["id": "ref3", "type": "document"], "an empty line is an empty item")
        for ending in ["\r\n", "\n"] {
            for lastEnding in ["", ending] {
                let listed = try JSONParser.parse(ReferenceListing.parse(lines: references.joined(separator: ending) + lastEnding))
                #expect(listed == expected, "\(Array(ending.unicodeScalars))")
            }
        }
    }
}
