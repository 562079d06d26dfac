import FolioCore
import FolioXML

/// Writes a run of text into an element with the inline elements that fall in it (footnote
/// markers, citations, dates, quotations) nested at their places.
///
/// Annotations are kept only where they nest properly: one that starts inside another and ends
/// outside it is left out rather than producing broken XML.
struct InlineWeaver {
    struct Annotation {
        enum Kind {
            case footnoteMarker(note: Int)
            case citation(Int)
            case citationPart(citation: Int, part: Int)
            case date(Int)
            case quotation(Int)

            /// Which element the annotation becomes: markers and citations are both `ref`s.
            var family: Int {
                switch self {
                case .footnoteMarker, .citation, .citationPart: 0
                case .date: 1
                case .quotation: 2
                }
            }
        }

        var range: TextRange
        var kind: Kind
    }


    let document: Document
    /// Every annotation in the document, outermost first where two start together.
    private let annotations: [Annotation]

    init(document: Document) {
        self.document = document
        var all: [Annotation] = []
        for (index, note) in document.footnotes.enumerated() {
            all += note.markers.map { Annotation(range: $0, kind: .footnoteMarker(note: index)) }
        }
        for (index, citation) in document.citations.enumerated() {
            if citation.parts.count > 1 {
                all += citation.parts.indices.map { Annotation(range: citation.parts[$0].span, kind: .citationPart(citation: index, part: $0)) }
            } else {
                all.append(Annotation(range: citation.span, kind: .citation(index)))
            }
        }
        all += document.dates.indices.map { Annotation(range: document.dates[$0].span, kind: .date($0)) }
        for (index, quotation) in document.quotations.enumerated() where quotation.kind != .block {
            all.append(Annotation(range: quotation.span, kind: .quotation(index)))
        }
        // On one range a quotation holds a date, and a date is only text.
        let sorted = all.sorted { ($0.range.start, -$0.range.end, -$0.kind.family) < ($1.range.start, -$1.range.end, -$1.kind.family) }
        // Two of a kind on one range (two notes claiming one marker) would nest in each other.
        var kept: [Annotation] = []
        for annotation in sorted {
            if let last = kept.last, last.range == annotation.range, last.kind.family == annotation.kind.family { continue }
            kept.append(annotation)
        }
        annotations = kept
    }

    /// Writes `range` into `element`, with `make` creating each annotation's element.
    func weave(_ range: TextRange, into element: XMLElement, make: (Annotation, XMLElement) -> XMLElement) {
        let inside = annotations(in: range)
        write(range, annotations: inside[...], into: element, make: make)
    }

    private func annotations(in range: TextRange) -> [Annotation] {
        guard !annotations.isEmpty else { return [] }
        // Binary search for the first annotation starting at or after the range's start.
        var low = 0
        var high = annotations.count
        while low < high {
            let middle = (low + high) / 2
            if annotations[middle].range.start < range.start { low = middle + 1 } else { high = middle }
        }
        var result: [Annotation] = []
        var index = low
        while index < annotations.count && annotations[index].range.start < range.end {
            if annotations[index].range.end <= range.end && !annotations[index].range.isEmpty { result.append(annotations[index]) }
            index += 1
        }
        return result
    }

    /// The text without the spaces at its start and end (as asked): each such space is a
    /// character of its own.
    static func trimmingSpaces(_ text: String, leading: Bool, trailing: Bool) -> String {
        var text = text
        if leading { text = String(text.drop { $0 == " " }) }
        if trailing { while text.last == " " { text.removeLast() } }
        return text
    }

    /// `trimmingSpaces` of the string these bytes are, from the bytes; nil where a code point
    /// from U+0300 on stands next to the spaces, which may make one of them part of a
    /// character (`" \u{301}"` is one character, a space with an accent, and so is `"\u{600} "`,
    /// a sign that prepends itself), and the string must say. Below U+0300 no code point joins
    /// a space: the marks that extend a character, and those that prepend, all come later.
    static func trimmingSpaces(_ bytes: UnsafeBufferPointer<UInt8>, leading: Bool, trailing: Bool) -> UnsafeBufferPointer<UInt8>? {
        // UTF-8 from U+0300 on starts with a byte of 0xCC or more.
        let firstJoining: UInt8 = 0xCC
        var start = 0, end = bytes.count
        if leading {
            while start < end && bytes[start] == 0x20 { start += 1 }
            if start > 0 && start < end && bytes[start] >= firstJoining { return nil }
        }
        if trailing {
            while end > start && bytes[end - 1] == 0x20 { end -= 1 }
            if end < bytes.count && end > start {
                var lead = end - 1
                while lead > start && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
                if bytes[lead] >= firstJoining { return nil }
            }
        }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    private func write(_ range: TextRange, annotations: ArraySlice<Annotation>, into element: XMLElement,
                       make: (Annotation, XMLElement) -> XMLElement) {
        let text = document.text
        var cursor = range.start
        var rest = annotations
        func writeText(_ piece: TextRange) {
            guard !piece.isEmpty else { return }
            let isFirst = piece.start == range.start
            let isLast = piece.end == range.end
            text.withReadingText(piece, keepingEdgeSpaces: true) { bytes in
                if let trimmed = Self.trimmingSpaces(bytes, leading: isFirst, trailing: isLast) {
                    element.append(utf8: trimmed)
                } else {
                    element.append(Self.trimmingSpaces(String(decoding: bytes, as: UTF8.self), leading: isFirst, trailing: isLast))
                }
            }
        }
        while let annotation = rest.first {
            rest = rest.dropFirst()
            guard annotation.range.start >= cursor else { continue }  // overlaps the previous one: left out
            writeText(TextRange(cursor, annotation.range.start))
            let child = make(annotation, element)
            let nested = rest.prefix { $0.range.start < annotation.range.end }
            rest = rest.dropFirst(nested.count)
            write(annotation.range, annotations: nested.filter { $0.range.end <= annotation.range.end }[...], into: child, make: make)
            cursor = annotation.range.end
        }
        writeText(TextRange(cursor, range.end))
    }
}
