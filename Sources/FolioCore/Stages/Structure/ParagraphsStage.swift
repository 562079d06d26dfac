import Algorithms
import Foundation

/// Groups lines into paragraphs (and the one-line blocks headings are made of).
///
/// In plain text a paragraph ends at a blank line, at a line that ends a sentence and stops
/// short where the next line's first word would have fitted (the typesetter ended it on
/// purpose), or before a line indented as paragraphs' first lines are. A passage set off as a
/// quotation (see `quotedPassages`) is a block quote; so is a Markdown `>` block. Lines in capitals
/// stand alone, as headings do; a bullet starts a block. In Markdown, blank lines separate
/// blocks and `#` lines stand alone. Page breaks alone never end a paragraph.
public struct ParagraphsStage: Stage {
    public static let name = "paragraphs"
    public static let phase = Phase.structure
    public static let summary = "lines to paragraphs"
    public static let requires = [NormalizeStage.name]
    /// They clear the pages of what is not running text.
    public static let runsAfter = [PageFurnitureStage.name, FootnotesStage.name, LinkDebrisStage.name]

    /// How much of the column a line must leave empty, beyond the next line's first word, to
    /// count as ended early: justified text in a proportional font varies in characters a line.
    public var fitMargin: Double

    public init(fitMargin: Double = 0.05) {
        self.fitMargin = fitMargin
    }

    public init(options: inout Options) throws {
        self.init(fitMargin: try options.number("fitMargin", default: 0.05, in: 0...0.5))
    }

    public func run(_ document: inout Document, context: StageContext) throws {
        var text = document.text
        var lines = text.lines(in: document.runningText)
        var groups = layOut(lines, text, format: document.source.format)
        // Figures moved out of paragraphs change the text: lay it out once more.
        if document.source.format == .plainText, moveFloatsOutOfParagraphs(&document, blocks: groups.map(\.span)) {
            text = document.text
            lines = text.lines(in: document.runningText)
            groups = layOut(lines, text, format: document.source.format)
        }
        // Where a paragraph of extracted text runs on across a page break, the join is logged.
        for line in PageStarts.find(in: lines).dropFirst().map({ lines[$0] }) {
            // Blocks follow one another through the text: the one that may hold the line is the
            // first that ends after it (searched for, as a long paper has thousands of each).
            let candidate = groups.partitioningIndex { $0.span.end > line.content.start }
            guard candidate < groups.count, case let block = groups[candidate].span, block.start < line.content.start else { continue }
            var gapStart = line.range.start
            while gapStart > block.start && text[gapStart - 1].isWhitespace { gapStart -= 1 }
            let gap = TextRange(gapStart, line.content.start)
            document.repairs.append(Repair(rule: "page-break-join", source: text.sourceRange(gap), before: text.string(gap), after: " "))
        }
        var joined: [LaidOutBlock] = []
        for block in groups {
            if let previous = joined.last, !previous.isSetOff, !block.isSetOff, continuesSentence(previous.span, with: block.span, text) {
                let gap = TextRange(previous.span.end, block.span.start)
                document.repairs.append(Repair(rule: "page-break-join", source: text.sourceRange(gap),
                                               before: text.string(gap), after: " "))
                joined[joined.count - 1].span = TextRange(previous.span.start, block.span.end)
            } else {
                joined.append(block)
            }
        }
        document.body = Section(blocks: joined.map { block in
            guard block.isSetOff else { return .paragraph(Paragraph(span: block.span)) }
            // A Markdown quotation's `>` is markup, not text.
            var start = block.span.start
            while start < block.span.end && (text[start] == ">" || text[start] == " ") { start += 1 }
            return .blockQuote(BlockQuote(span: TextRange(start, block.span.end)))
        })
    }

    func layOut(_ lines: [Line], _ text: WorkingText, format: InputFormat) -> [LaidOutBlock] {
        format == .markdown
            ? markdownBlocks(lines, text).map { LaidOutBlock(span: $0, isSetOff: text.hasPrefix(">", in: $0)) }
            : laidOutBlocks(lines, text)
    }

    /// A figure printed at a page's top can fall between the halves of a paragraph, where the
    /// sentence before it has not ended. Such a figure (its caption and credit line) moves after
    /// the paragraph's end, so the halves meet again; the move is a repair. Returns whether
    /// anything moved.
    func moveFloatsOutOfParagraphs(_ document: inout Document, blocks: [TextRange]) -> Bool {
        let text = document.text
        var moves: [(figure: TextRange, continuation: TextRange)] = []
        var index = 1
        while index < blocks.count {
            guard CaptionLabels.head(in: blocks[index], of: text) != nil else { index += 1; continue }
            var last = index
            if last + 1 < blocks.count, CaptionLabels.isCredit(blocks[last + 1], of: text) { last += 1 }
            let before = blocks[index - 1]
            if last + 1 < blocks.count, !endsSentence(text, before), CaptionLabels.head(in: before, of: text) == nil,
               !text.isUpperCase(before) {
                let continuation = blocks[last + 1]
                // The figure's lines, up to where the paragraph's next line starts.
                let figureStart = lineStart(of: blocks[index].start, text)
                let continuationStart = lineStart(of: continuation.start, text)
                moves.append((TextRange(figureStart, continuationStart), TextRange(continuationStart, continuation.end)))
            }
            index = last + 1
        }
        guard !moves.isEmpty else { return false }
        var builder = WorkingTextBuilder(base: text)
        var cursor = 0
        for move in moves {
            // Moves that overlap one already made (debris can make captions follow each other) are left.
            guard move.figure.start >= cursor, move.figure.end <= move.continuation.start else { continue }
            builder.copy(TextRange(cursor, move.figure.start))
            builder.copy(move.continuation)
            builder.replace(TextRange(move.continuation.end, move.continuation.end), with: ["\n"])
            builder.copy(move.figure)
            // The line break that ended the continuation now ends the figure.
            cursor = move.continuation.end < text.count && text[move.continuation.end] == "\n" ? move.continuation.end + 1 : move.continuation.end
            document.repairs.append(Repair(rule: "float-moved", source: text.sourceRange(move.figure),
                                           before: text.string(move.figure), after: ""))
        }
        builder.copy(TextRange(cursor, text.count))
        document.replaceText(with: builder)
        return true
    }

    /// Where the line holding `position` starts, a page break included.
    func lineStart(of position: Int, _ text: WorkingText) -> Int {
        var start = position
        while start > 0 && text[start - 1] != "\n" { start -= 1 }
        return start
    }

    /// Whether `next` carries on the sentence `block` broke off: a page break (or a converter's
    /// blank line) fell inside it. The first stops without ending a sentence, the second goes
    /// on in lower case.
    func continuesSentence(_ block: TextRange, with next: TextRange, _ text: WorkingText) -> Bool {
        // Running text, not a heading, a label or a link, on both sides.
        guard !endsSentence(text, block), !text.hasPrefix("#", in: block), text.wordCount(block, countingTo: 6) >= 6,
              !text.isUpperCase(block), let last = text.lastVisible(block),
              !Bullets.isBullet(text[next.start]),
              !["http", "www."].contains(where: { text.hasPrefix($0, in: next) }) else { return false }
        return text[next.start].properties.isLowercase || last == ","
    }

    /// Whether the typesetter ended `line` early: the first word of the next line (or of a
    /// compound, up to its hyphen) would have fitted in the space left. Only a paragraph's end
    /// (or a heading) breaks a line so.
    func endsEarly(_ line: Line, before next: Line?, width: Int, _ text: WorkingText) -> Bool {
        guard let next, !next.isBlank else { return true }
        var end = next.content.start
        while end < next.content.end && !text[end].isWhitespace && text[end] != "-" { end += 1 }
        let firstWord = end - next.content.start + (end < next.content.end && text[end] == "-" ? 1 : 0)
        let room = Double(width) * (1 - fitMargin) - Double(line.content.count + 1)
        return Double(firstWord) <= room
    }

    /// Passages set off as quotations, as readers know them: introduced by a colon or a short
    /// phrase (`In effect,`) or opening with an elision (`[…]`), ending in a parenthetical
    /// citation with a year, no blank line within, and set narrower than the body (no line but
    /// the last as long as the body's longer lines).
    func quotedPassages(_ lines: [Line], width: Int, _ text: WorkingText) -> [ClosedRange<Int>] {
        let longLine = lines.lengthPercentile(80)
        guard longLine > 0 else { return [] }
        var passages: [ClosedRange<Int>] = []
        var index = 1
        while index < lines.count {
            guard !lines[index].isBlank, opensQuotation(at: index, lines, width: width, text) else { index += 1; continue }
            var end = index
            var found: Int?
            while end < lines.count, end - index < 25, !lines[end].isBlank {
                if endsWithCitation(TextRange(lines[index].content.start, lines[end].content.end), text) { found = end; break }
                end += 1
            }
            if let found, found > index, lines[index..<found].allSatisfy({ $0.content.count < longLine }) {
                passages.append(index...found)
                index = found + 1
            } else {
                index += 1
            }
        }
        return passages
    }

    func opensQuotation(at index: Int, _ lines: [Line], width: Int, _ text: WorkingText) -> Bool {
        let line = lines[index].content
        for elision in ["[…]", "[...]", "(…)", "(...)"] where text.hasPrefix(elision, in: line) { return true }
        guard let previous = lines[..<index].last(where: { !$0.isBlank })?.content, let last = text.lastVisible(previous) else { return false }
        return last == ":" || (last == "," && previous.count * 3 < width)
    }

    /// What may follow a citation's closing parenthesis: a note number, a full stop.
    static let citationTail: ScalarSet = ".0123456789"
    /// What ends a sentence on a line.
    static let sentenceEnds: ScalarSet = ".!?:"

    /// Whether `range` ends in a parenthesis holding a year (`(Moss, 2017; our emphasis).`),
    /// a footnote number or full stop after it allowed.
    func endsWithCitation(_ range: TextRange, _ text: WorkingText) -> Bool {
        var end = range.end
        while end > range.start, Self.citationTail.contains(text[end - 1]) { end -= 1 }
        guard end > range.start, text[end - 1] == ")" else { return false }
        var open = end - 1
        while open > range.start, text[open] != "(" { open -= 1 }
        guard text[open] == "(" else { return false }
        let parenthesis = text.readingText(TextRange(open, end))
        // The pattern's fixed parts first, as a citation's: most parentheses hold none.
        return CitationsStage.mayHoldYear(parenthesis) && parenthesis.range(ofPattern: #"\b(1[5-9]|20)\d\d[a-z]?\b|n\.d\.|n/d"#) != nil
    }

    /// A block as the layout shows it: running text, or a passage set off as a quotation.
    struct LaidOutBlock {
        var span: TextRange
        var isSetOff = false
    }

    func plainTextBlocks(_ lines: [Line], _ text: WorkingText) -> [TextRange] {
        laidOutBlocks(lines, text).map(\.span)
    }

    func laidOutBlocks(_ lines: [Line], _ text: WorkingText) -> [LaidOutBlock] {
        let width = lines.lengthPercentile(90)
        let runs = quotedPassages(lines, width: width, text)
        var setOff: [LaidOutBlock] = []
        var blocks = plainTextBlocks(lines, text, width: width, apart: runs)
        for run in runs {
            setOff.append(LaidOutBlock(span: TextRange(lines[run.lowerBound].content.start, lines[run.upperBound].content.end), isSetOff: true))
        }
        let passages = EnclosingSpans(setOff.map(\.span))
        blocks = blocks.filter { !passages.enclose($0) }
        return (blocks.map { LaidOutBlock(span: $0) } + setOff).sorted { $0.span.start < $1.span.start }
    }

    /// The running-text blocks; the lines of `apart` are left to the passages set off.
    func plainTextBlocks(_ lines: [Line], _ text: WorkingText, width: Int, apart runs: [ClosedRange<Int>]) -> [TextRange] {
        // A flag a line, not a set of numbers: every line of a paper is asked, and a set hashed each.
        var runLines = [Bool](filledWith: false, count: lines.count)
        for run in runs { for index in run { runLines[index] = true } }
        var blocks: [TextRange] = []
        var current: TextRange?
        var currentIsCapitals = false
        var bulletStart: Int?
        var afterCaption = false  // a credit line may follow a caption

        func close() {
            if let block = current {
                blocks.append(block)
                afterCaption = CaptionLabels.head(in: block, of: text) != nil
            }
            current = nil
            currentIsCapitals = false
        }
        func extend(_ line: Line) {
            let start = bulletStart ?? line.content.start
            bulletStart = nil
            current = current.map { TextRange($0.start, line.content.end) } ?? TextRange(start, line.content.end)
        }

        for (index, line) in lines.enumerated() {
            if runLines[index] {
                close()
                continue
            }
            if line.isBlank {
                if bulletStart == nil { close() }
                continue
            }
            let first = text[line.content.start]
            if line.content.count == 1 && Bullets.isBullet(first) {
                // A bullet alone on its line belongs to the text after it.
                close()
                bulletStart = line.content.start
                continue
            }
            let startsItem = Bullets.opensItem(line.content, text)
            // A heading in capitals; one that wraps may break after a colon.
            let isCapitals = text.isUpperCase(line.content) && text.wordCount(line.content) <= 30
                && (!text.endsWithPunctuation(line.content) || text.lastVisible(line.content) == ":")
            // A first line indented deeper than a page's first line (which extractors set off by
            // a space) after a sentence's end: the typesetter's paragraph indentation.
            let indentedStart = line.indentation >= 3 && current != nil && endsSentence(text, TextRange(current!.start, current!.end))
            // A caption starts a block, and so does a front-matter label (`Keywords: …`); the
            // credit line under a caption is one.
            let startsCaption = CaptionLabels.head(in: line.content, of: text) != nil
                || FrontMatterLabels(text: text).label(of: line.content) != nil
            let isCredit = (afterCaption || current.map { CaptionLabels.head(in: $0, of: text) != nil } == true)
                && CaptionLabels.isCredit(line.content, of: text)
            if startsItem || bulletStart != nil || isCapitals != currentIsCapitals || indentedStart || startsCaption || isCredit {
                close()
            }
            if isCredit {
                extend(line)
                close()
                afterCaption = false
                continue
            }
            extend(line)
            currentIsCapitals = isCapitals
            let next = lines[(index + 1)...].first { !$0.isBlank }
            if !isCapitals && endsSentence(text, line.content) && endsEarly(line, before: next, width: width, text) {
                close()
            }
        }
        close()
        return blocks
    }

    func markdownBlocks(_ lines: [Line], _ text: WorkingText) -> [TextRange] {
        var blocks: [TextRange] = []
        var current: TextRange?
        func close() {
            if let block = current { blocks.append(block) }
            current = nil
        }
        for line in lines {
            if line.isBlank {
                close()
                continue
            }
            let standsAlone = text.hasPrefix("#", in: line.content)
            let startsItem = Bullets.opensItem(line.content, text)
            if standsAlone || startsItem { close() }
            current = current.map { TextRange($0.start, line.content.end) } ?? line.content
            if standsAlone { close() }
        }
        close()
        return blocks
    }

    /// Whether a line ends a sentence: `.`, `!`, `?` or `:`, possibly followed by closing quotes,
    /// brackets or a footnote number glued on (`term3.`, `Canada4.`).
    func endsSentence(_ text: WorkingText, _ range: TextRange) -> Bool {
        var index = range.end - 1
        while index > range.start, Sentences.closers.contains(text[index]) || ("0"..."9").contains(text[index]) {
            index -= 1
        }
        return Self.sentenceEnds.contains(text[index])
    }
}
