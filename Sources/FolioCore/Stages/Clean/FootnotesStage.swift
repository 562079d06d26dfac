import Algorithms

/// Lifts footnotes out of the pages of extracted text and links them to their markers.
///
/// A note block sits at the foot of a page: lines that begin with the note numbers in
/// sequence (`4 The United States…`, `5 Including…`), each note running on over the lines that
/// follow it. The numbers must continue the document's sequence, and each must appear once as
/// a marker in the running text before its note. A note the page cut off continues at the top
/// of the next page's block, in the notes' wider lines (they are set in smaller type).
///
/// The notes move to the end of the working text, after the running text; the halves of a
/// paragraph the note block stood between become neighbours again. Each move is a repair.
/// Markdown notes (`[^3]`, `<sup>3</sup>`) are read as Markdown writes them.
public struct FootnotesStage: Stage {
    public static let name = "footnotes"
    public static let phase = Phase.clean
    public static let summary = "footnotes at page feet lifted out, linked to their markers; notes run on across pages"
    public static let requires = [NormalizeStage.name]
    /// Running heads and page numbers must be gone first, so the notes end each page.
    public static let runsAfter = [PageFurnitureStage.name, LinkDebrisStage.name]

    /// The highest number a document's first note may have (earlier notes may sit on pages
    /// extraction lost, such as a title page).
    public var highestFirstNumber: Int

    public init(highestFirstNumber: Int = 20) {
        self.highestFirstNumber = highestFirstNumber
    }

    public init(options: inout Options) throws {
        self.init(highestFirstNumber: try options.integer("highestFirstNumber", default: 20, in: 1...999))
    }

    /// A note as found on the page: its number and the lines it is printed on.
    struct FoundNote {
        var number: Int
        /// The text after the number on the first line, then the lines it runs on to.
        var pieces: [TextRange]
        var marker: TextRange?
    }

    public func run(_ document: inout Document, context: StageContext) throws {
        guard document.source.format == .plainText else {
            liftMarkdownNotes(&document)
            return
        }
        let text = document.text
        let lines = text.lines()
        let pages = PageStarts.find(in: lines)
        let pageEnds = Array(pages.dropFirst()) + [lines.count]

        // First the note blocks, page by page, following the notes' numbers.
        var blocks: [Range<Int>?] = []
        var expected: Int?
        for (start, end) in zip(pages, pageEnds) {
            let block = noteBlock(lines: lines, page: start..<end, text: text, expected: expected)
            blocks.append(block)
            if let block {
                let numbers = block.compactMap { noteStart(at: $0, lines, text)?.0 }
                expected = (numbers.last ?? expected ?? 0) + 1
            }
        }
        // Notes are set in smaller type, so their lines run wider than the body's: that tells
        // a note carried over from the page before from the body text above it.
        // Sets of lines are a flag a line: every line of a paper is asked after.
        var inBlocks = [Bool](repeating: false, count: lines.count)
        for block in blocks.compactMap({ $0 }) { for index in block { inBlocks[index] = true } }
        let noteLineWidth = lines.indices.filter { inBlocks[$0] }.map { lines[$0] }.lengthPercentile(80)
        let bodyLineWidth = lines.indices.filter { !inBlocks[$0] }.map { lines[$0] }.lengthPercentile(80)
        let carriedWidth = noteLineWidth * 20 > bodyLineWidth * 21 ? (noteLineWidth + bodyLineWidth) / 2 : nil

        var notes: [FoundNote] = []
        var noteLines = [Bool](repeating: false, count: lines.count)
        var searchFrom = 0  // markers come in order: each after the previous one
        for (page, (start, end)) in zip(pages, pageEnds).enumerated() {
            let firstNoteLine = blocks[page]?.lowerBound ?? end
            // A note the previous page cut off goes on above this page's first note.
            if !notes.isEmpty, let carriedWidth,
               let carried = carriedOver(lines: lines, above: firstNoteLine, pageStart: start, text: text, wideness: carriedWidth) {
                notes[notes.count - 1].pieces += carried.map { lines[$0].content }
                for index in carried { noteLines[index] = true }
            }
            guard let block = blocks[page] else { continue }
            for index in block {
                noteLines[index] = true
                let line = lines[index]
                if line.isBlank { continue }
                if let (number, rest) = noteStart(at: index, lines, text), notes.isEmpty || number == notes[notes.count - 1].number + 1 {
                    var note = FoundNote(number: number, pieces: rest.isEmpty ? [] : [rest])
                    note.marker = findMarker(number, from: searchFrom, before: block.lowerBound, lines: lines,
                                             skipping: noteLines, text: text)
                    if let marker = note.marker { searchFrom = marker.end }
                    notes.append(note)
                } else if !notes.isEmpty {
                    notes[notes.count - 1].pieces.append(line.content)
                }
            }
        }
        guard !notes.isEmpty else { return }
        lift(notes, noteLines: noteLines, lines: lines, into: &document)
    }

    /// The lines of the note block at the foot of `page`, or nil when it has none: the
    /// highest-placed run of consecutively numbered note lines that reaches the page's end
    /// and starts with the number the sequence expects.
    func noteBlock(lines: [Line], page: Range<Int>, text: WorkingText, expected: Int?) -> Range<Int>? {
        var lowest: Int?  // the smallest number seen so far, scanning upwards
        var top: Int?
        var index = page.upperBound - 1
        while index > page.lowerBound {
            if let (number, _) = noteStart(at: index, lines, text) {
                if let seen = lowest, number != seen - 1 { break }
                lowest = number
                if let expected {
                    if number == expected { top = index; break }
                    if number < expected { break }
                } else if number <= highestFirstNumber {
                    top = index
                }
            }
            index -= 1
        }
        guard let top, let lowest else { return nil }
        // The first note of a document must show its marker before it, or it is body text
        // that happens to start with a number.
        if expected == nil {
            guard FootnoteMarkers.find(lowest, in: TextRange(0, lines[top].range.start), of: text) != nil else { return nil }
        }
        return top..<page.upperBound
    }

    /// `12 After the Taliban…`: a number of one to three digits, a space, then text. Or the
    /// number alone on its line with the note's text on the lines after it, as extractors print
    /// a raised note number; the text on the number's line is then empty.
    func noteStart(at lineIndex: Int, _ lines: [Line], _ text: WorkingText) -> (Int, TextRange)? {
        let line = lines[lineIndex]
        var index = line.content.start
        while index < line.content.end, FootnoteMarkers.isDigit(text[index]) { index += 1 }
        let digits = index - line.content.start
        if (1...3).contains(digits), index == line.content.end, text[line.content.start] != "0",
           let next = lines[(lineIndex + 1)...].firstIndex(where: { !$0.isBlank }),
           !lines[(lineIndex + 1)...next].contains(where: \.startsPage),
           lines[next].content.count > 3, !FootnoteMarkers.isDigit(text[lines[next].content.start]) {
            return Int(text.string(line.content)).map { ($0, TextRange(line.content.end, line.content.end)) }
        }
        guard (1...3).contains(digits), index + 1 < line.content.end, text[index] == " ", text[line.content.start] != "0",
              !FootnoteMarkers.isDigit(text[index + 1]), !")].".unicodeScalars.contains(text[index + 1]),
              let number = Int(text.string(TextRange(line.content.start, index))) else { return nil }
        return (number, TextRange(index + 1, line.content.end))
    }

    /// The lines above a page's first note (or its foot) that carry on the previous page's
    /// last note: lines wider than `wideness`, the last of them possibly short where the note ends.
    func carriedOver(lines: [Line], above first: Int, pageStart: Int, text: WorkingText, wideness: Int) -> [Int]? {
        var index = first - 1
        while index >= pageStart && lines[index].isBlank { index -= 1 }
        var run: [Int] = []
        while index >= pageStart, !lines[index].isBlank {
            let wide = lines[index].content.count > wideness
            if !wide && !(run.isEmpty && text.endsWithPunctuation(lines[index].content)) { break }
            run.insert(index, at: 0)
            index -= 1
        }
        guard let topLine = run.first, lines[topLine].content.count > wideness, noteStart(at: topLine, lines, text) == nil else { return nil }
        return run
    }

    /// The marker of note `number`: the first one printed after `position` in the running
    /// text above line `limit`, the lines of notes (`noteLines`) left out. The search starts
    /// at the line that ends after `position` (lines are in the order of the text): walking
    /// every line from the first, for every note, made a paper of many notes cost their
    /// number times its lines.
    func findMarker(_ number: Int, from position: Int, before limit: Int, lines: [Line], skipping noteLines: [Bool],
                    text: WorkingText) -> TextRange? {
        var index = lines.partitioningIndex { $0.range.end > position }
        while index < limit {
            if !noteLines[index] {
                let range = TextRange(max(position, lines[index].range.start), lines[index].range.end)
                if let marker = FootnoteMarkers.find(number, in: range, of: text) { return marker }
            }
            index += 1
        }
        return nil
    }

    /// Writes the notes after the running text, behind a page break, each note's pieces on
    /// lines of their own; returns each note's range in the new text.
    static func appendNotes(_ notes: [[TextRange]], to builder: inout WorkingTextBuilder, at end: Int) -> [TextRange] {
        builder.replace(TextRange(end, end), with: ["\n", "\u{0C}"])
        var spans: [TextRange] = []
        for pieces in notes {
            let start = builder.count
            for (index, piece) in pieces.enumerated() {
                if index > 0 { builder.replace(TextRange(piece.start, piece.start), with: ["\n"]) }
                builder.copy(piece)
            }
            spans.append(TextRange(start, builder.count))
            builder.replace(TextRange(end, end), with: ["\n", "\n"])
        }
        return spans
    }

    /// Rebuilds the text: the running text without the note lines, then the notes, each
    /// whole, after a page break.
    func lift(_ notes: [FoundNote], noteLines: [Bool], lines: [Line], into document: inout Document) {
        let text = document.text
        var builder = WorkingTextBuilder(base: text)
        var markers: [(note: Int, old: TextRange)] = []
        for (index, note) in notes.enumerated() { if let marker = note.marker { markers.append((index, marker)) } }
        var newMarkers: [Int: TextRange] = [:]
        var cursor = 0
        // Markers follow one another in the text (each was searched for after the last), so
        // the copied stretches meet them in order: the next one to place is `nextMarker`.
        var nextMarker = 0
        func copy(upTo end: Int) {
            // Markers inside the copied stretch keep their place, shifted; one a removed
            // stretch cut into is left out.
            while nextMarker < markers.count && markers[nextMarker].old.end <= end {
                let (index, marker) = markers[nextMarker]
                if marker.start >= cursor {
                    let shift = builder.count - cursor
                    newMarkers[index] = TextRange(marker.start + shift, marker.end + shift)
                }
                nextMarker += 1
            }
            builder.copy(TextRange(cursor, end))
            cursor = end
        }
        var index = 0
        while index < lines.count {
            guard noteLines[index] else { index += 1; continue }
            var end = index
            while end + 1 < lines.count && noteLines[end + 1] { end += 1 }
            let removed = TextRange(lines[index].range.start, min(text.count, lines[end].range.end + 1))
            copy(upTo: removed.start)
            builder.replace(removed, with: [])
            document.repairs.append(Repair(rule: "footnote-lift-out", source: text.sourceRange(removed),
                                           before: text.string(removed), after: ""))
            cursor = removed.end
            index = end + 1
        }
        copy(upTo: text.count)
        let bodyEnd = builder.count
        let spans = Self.appendNotes(notes.map(\.pieces), to: &builder, at: text.count)
        document.replaceText(with: builder)
        document.runningText = TextRange(0, bodyEnd)
        document.footnotes = notes.enumerated().map { index, note in
            Footnote(number: String(note.number), span: spans[index], markers: newMarkers[index].map { [$0] } ?? [])
        }
    }
}
