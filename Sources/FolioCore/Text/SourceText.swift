/// The kind of text a paper arrived as; it decides how lines and marks are read.
public enum InputFormat: String, Sendable, Hashable, CaseIterable {
    /// pdftotext-style plain text: hard line breaks, form feeds between pages.
    case plainText = "text"
    /// Converter-style Markdown: a paragraph a line, `#` headings, link debris.
    case markdown

    /// The format for a file extension, or nil when Folio does not read such files.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "txt", "text": self = .plainText
        case "md", "markdown": self = .markdown
        default: return nil
        }
    }

    public static let fileExtensions = ["txt", "text", "md", "markdown"]

    /// The format of a `.txt` file, told from its layout: converters that write Markdown-like
    /// text put a whole paragraph on one line, where extracted PDF text breaks lines at the
    /// column width. So when most of the text sits in lines longer than any printed column,
    /// it is read as Markdown.
    public static func sniff(_ scalars: [Unicode.Scalar]) -> InputFormat {
        var inLongLines = 0
        var visible = 0
        func endLine(_ lineLength: Int) {
            if lineLength > longestPrintedLine { inLongLines += lineLength }
            visible += lineLength
        }
        scalars.withUnsafeBufferPointer { scalars in
            var index = 0, lineStart = 0
            while true {
                index = scalars.firstAtOrBelowFormFeed(from: index, to: scalars.count)
                guard index < scalars.count else { break }
                if scalars[index].isLineBreak {
                    endLine(index - lineStart)
                    lineStart = index + 1
                }
                index += 1
            }
            endLine(scalars.count - lineStart)
        }
        return visible > 0 && inLongLines * 2 > visible ? .markdown : .plainText
    }

    /// Wider than a printed line of body text in any common layout.
    static let longestPrintedLine = 160
}

/// A paper's input exactly as decoded: every offset Folio reports counts code points here.
public struct SourceText: Sendable {
    /// The file name as given (e.g. `Input/000.txt`), used in diagnostics.
    public var name: String
    public var format: InputFormat
    /// The decoded text, one element per code point, so an offset is an index.
    public var scalars: [Unicode.Scalar]

    public init(name: String, format: InputFormat, scalars: [Unicode.Scalar]) {
        self.name = name
        self.format = format
        self.scalars = scalars
    }

    public init(name: String, format: InputFormat, text: String) {
        self.init(name: name, format: format, scalars: text.scalarArray)
    }

    public func string(_ range: SourceRange) -> String {
        String(scalars: scalars[range.start..<range.end])
    }

    /// 1-based line and column (in code points) of an offset, for diagnostics.
    public func location(of offset: Int) -> SourceLocation {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, scalars.count) where scalars[index] == "\n" {
            line += 1
            lineStart = index + 1
        }
        return SourceLocation(line: line, column: offset - lineStart + 1, offset: offset)
    }
}
