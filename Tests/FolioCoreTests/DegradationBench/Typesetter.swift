/// Sets a generated paper in pages and writes them out as a text extractor does: lines as
/// typeset, hyphens where words were broken, running heads and page numbers, footnotes at the
/// foot of the page that holds their markers (running on to the next page when they must), and
/// page breaks as form feeds or as a leading space on each page's first line.
struct Typesetter {
    enum PageBreaks: CaseIterable { case formFeed, leadingSpace }
    enum ParagraphCue: CaseIterable { case blankLine, indentation }
    enum PageNumbers: CaseIterable { case none, foot, top }

    var width: Int
    /// Notes are set in smaller type: more characters to the line.
    var noteWidth: Int
    var linesPerPage: Int
    var pageBreaks: PageBreaks
    var paragraphCue: ParagraphCue
    var pageNumbers: PageNumbers
    var runningHeads: Bool
    var hyphenate: Bool
    /// Whether figures float to the tops of some pages, between the halves of a paragraph.
    var figures: Bool

    static func random(using random: inout SeededGenerator) -> Typesetter {
        let width = Int.random(in: 55...90, using: &random)
        return Typesetter(width: width, noteWidth: width * Int.random(in: 118...130, using: &random) / 100,
                          linesPerPage: Int.random(in: 28...48, using: &random),
                          pageBreaks: PageBreaks.allCases.randomElement(using: &random)!,
                          paragraphCue: ParagraphCue.allCases.randomElement(using: &random)!,
                          pageNumbers: PageNumbers.allCases.randomElement(using: &random)!,
                          runningHeads: Bool.random(using: &random), hyphenate: Bool.random(using: &random),
                          figures: Bool.random(using: &random))
    }

    /// The paper as extracted text.
    func extract(_ paper: GeneratedPaper, random: inout SeededGenerator) -> String {
        // Body lines, each with the notes whose markers it holds.
        var body: [(text: String, notes: [Int])] = []
        for paragraph in paper.paragraphs {
            var lines = breakLines(paragraph, width: width, random: &random)
            switch paragraphCue {
            case .indentation: lines[0] = "    " + lines[0]
            case .blankLine: lines.append("")
            }
            body += lines.map { ($0, markers(in: $0, of: paper)) }
        }
        let noteLines: [Int: [String]] = Dictionary(uniqueKeysWithValues: paper.notes.map { note in
            (note.number, breakLines("\(note.number) \(note.text)", width: noteWidth, random: &random))
        })

        // Fill pages: body lines from the top, the notes of the page's markers at the foot.
        var pages: [[String]] = []
        var pageBody: [String] = []
        var pageNotes: [String] = []
        var carried: [String] = []
        func finishPage() {
            pages.append(pageBody + carried + pageNotes)
            pageBody = []
            pageNotes = []
            carried = []
        }
        for line in body {
            let notes = line.notes.flatMap { noteLines[$0]! }
            if pageBody.isEmpty && line.text.isEmpty { continue }  // no blank line at a page's top
            let used = pageBody.count + carried.count + pageNotes.count
            if used + 1 + notes.count <= linesPerPage {
                pageBody.append(line.text)
                pageNotes += notes
                continue
            }
            let room = linesPerPage - used - 1
            if !notes.isEmpty && room >= 2 && notes.count - room >= 2 {
                // The notes start on this page and run on to the next (never a single line).
                pageBody.append(line.text)
                pageNotes += notes.prefix(room)
                finishPage()
                carried = Array(notes.dropFirst(room))
                continue
            }
            finishPage()
            if !line.text.isEmpty {
                pageBody.append(line.text)
                pageNotes += notes
            }
        }
        if !pageBody.isEmpty || !carried.isEmpty || !pageNotes.isEmpty { finishPage() }

        // Furniture, floats, then the extractor's page marks.
        var output: [String] = []
        var figureNumber = 0
        for (index, var page) in pages.enumerated() {
            if figures && index > 0 && index % 3 == 1 {
                figureNumber += 1
                let caption = breakLines("Figure \(figureNumber). A view of the \(PaperGenerator.names[figureNumber % PaperGenerator.names.count]) conference with its delegates seated around the long table (\(1940 + figureNumber))",
                                         width: width, random: &random)
                page.insert(contentsOf: caption + ["", "Source: archive \(figureNumber)"], at: 0)
            }
            if runningHeads && index > 0 { page.insert(index % 2 == 0 ? "Journal of Generated Studies" : "A. Author: On Typesetting", at: 0) }
            switch pageNumbers {
            case .none: break
            case .foot: page.append("\(index + 1)")
            case .top: page.insert("\(index + 1)", at: 0)
            }
            while page.first == "" { page.removeFirst() }
            switch pageBreaks {
            case .formFeed: if index > 0 { page[0] = "\u{0C}" + page[0] }
            case .leadingSpace: page[0] = " " + page[0].drop { $0 == " " }
            }
            output += page
        }
        return output.joined(separator: "\n") + "\n"
    }

    /// The notes whose markers a typeset line holds (`word4.`).
    func markers(in line: String, of paper: GeneratedPaper) -> [Int] {
        var result: [Int] = []
        let scalars = Array(line.unicodeScalars)
        var index = 1
        while index < scalars.count {
            if ("0"..."9").contains(scalars[index]) && scalars[index - 1].properties.isAlphabetic {
                var end = index
                while end < scalars.count && ("0"..."9").contains(scalars[end]) { end += 1 }
                if end < scalars.count && scalars[end] == ".", let number = Int(String(scalars: scalars[index..<end])),
                   paper.notes.contains(where: { $0.number == number }) {
                    result.append(number)
                }
                index = end
            } else {
                index += 1
            }
        }
        return result
    }

    /// Greedy line breaking at `width`, breaking long words with a hyphen and compounds at
    /// their own hyphen when that fills the line better.
    func breakLines(_ text: String, width: Int, random: inout SeededGenerator) -> [String] {
        var lines: [String] = []
        var current = ""
        var words = text.split(separator: " ").map(String.init)[...]
        while let word = words.popFirst() {
            let needed = current.isEmpty ? word.count : current.count + 1 + word.count
            if needed <= width {
                current += current.isEmpty ? word : " " + word
                continue
            }
            let room = width - current.count - (current.isEmpty ? 0 : 1)
            if hyphenate, let (head, tail) = split(word, room: room, random: &random) {
                current += (current.isEmpty ? "" : " ") + head
                lines.append(current)
                current = ""
                words.insert(tail, at: words.startIndex)
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Where to break `word` so that its first part and a hyphen fit in `room`: at a
    /// compound's own hyphen, or between letters of a long word (three at least each side).
    func split(_ word: String, room: Int, random: inout SeededGenerator) -> (String, String)? {
        let characters = Array(word)
        if let hyphen = characters.firstIndex(of: "-"), hyphen + 1 <= room, hyphen > 0 {
            return (String(characters[...hyphen]), String(characters[(hyphen + 1)...]))
        }
        let letters = characters.prefix { $0.isLetter }.count
        guard letters == characters.count || (letters >= 8 && characters.count - letters <= 2), letters >= 8 else { return nil }
        let latest = min(letters - 3, room - 1)
        guard latest >= 3 else { return nil }
        let point = Int.random(in: max(3, latest - 3)...latest, using: &random)
        return (String(characters[..<point]) + "-", String(characters[point...]))
    }
}
