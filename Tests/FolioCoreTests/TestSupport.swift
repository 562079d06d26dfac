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

/// A deterministic random generator, so property tests and the bench replay exactly: FolioCore's
/// `SplitMix`, started one step on (the sequence the bench's published figures come from).
struct SeededGenerator: RandomNumberGenerator {
    private var generator: SplitMix

    init(seed: UInt64) {
        generator = SplitMix(seed: seed &+ 0x9E37_79B9_7F4A_7C15)
    }

    mutating func next() -> UInt64 { generator.next() }
}

/// The maximal runs of `elements` that `holds`, one element at a time: what the kernels and
/// scanners that find runs many at a time are held to.
func runs<Element>(of elements: [Element], where holds: (Element) -> Bool) -> [Range<Int>] {
    var found: [Range<Int>] = []
    var index = 0
    while index < elements.count {
        guard holds(elements[index]) else { index += 1; continue }
        let start = index
        while index < elements.count && holds(elements[index]) { index += 1 }
        found.append(start..<index)
    }
    return found
}
