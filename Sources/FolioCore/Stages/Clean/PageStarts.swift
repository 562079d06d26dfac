/// Where the pages of extracted text begin.
///
/// pdftotext separates pages with form feeds. Other extractors leave none, but set the first
/// line of a page (or of a new flow, such as a caption) off by a single leading space. That
/// evidence counts only when such lines stand far apart, as pages do; paragraph indentation
/// comes every few lines.
enum PageStarts {
    /// Fewer lines than this between indented lines, typically, means paragraph indentation.
    static let minimumMedianGap = 10

    /// Indexes of the lines that begin a page (the first line always does).
    static func find(in lines: [Line]) -> [Int] {
        guard !lines.isEmpty else { return [] }
        let fed = lines.indices.filter { lines[$0].startsPage }
        if !fed.isEmpty { return [0] + fed.filter { $0 > 0 } }
        let indented = lines.indices.filter { (1...2).contains(lines[$0].indentation) && !lines[$0].isBlank }
        let gaps = zip(indented.dropFirst(), indented).map { $0 - $1 }.sorted()
        if !gaps.isEmpty && gaps[gaps.count / 2] < minimumMedianGap { return [0] }
        return [0] + indented.filter { $0 > 0 }
    }
}
