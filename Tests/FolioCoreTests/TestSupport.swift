@testable import FolioCore

/// A document after running `stages` on `text`.
func process(_ text: String, format: InputFormat = .plainText, stages: [any Stage]) throws -> Document {
    try Pipeline(stages: stages).process(SourceText(name: "test.txt", format: format, text: text))
}

/// The reading text of every top-level and nested block, in order.
func blockTexts(_ document: Document) -> [String] {
    var result: [String] = []
    func walk(_ section: Section) {
        if let heading = section.heading { result.append("# " + document.text.readingText(heading.title)) }
        for block in section.blocks { result.append(document.text.readingText(block.span)) }
        section.subsections.forEach(walk)
    }
    walk(document.body)
    return result
}

/// A small deterministic random generator, so property tests replay exactly.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
