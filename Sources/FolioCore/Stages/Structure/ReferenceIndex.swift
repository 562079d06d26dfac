/// The references by year and first author (folded), for linking citations to them: a look-up
/// a citation, not a pass over the whole bibliography (a book has thousands of both).
struct ReferenceIndex {
    private struct Key: Hashable {
        /// nil for a reference without a year, which a year that is not a number matches.
        var year: Int?
        var author: String
    }

    /// The first reference of each year and author.
    private var first: [Key: Int] = [:]

    init(_ references: [Reference]) {
        for (index, reference) in references.enumerated() {
            guard let author = reference.authors.first else { continue }
            let key = Key(year: reference.issued?.year, author: NameFolding.fold(author.family ?? author.literal ?? ""))
            if first[key] == nil { first[key] = index }
        }
    }

    /// The reference a part cites: the first with the same first author (folded) and year.
    func cited(by part: CitationPart) -> Int? {
        guard let author = part.authors.first.map(NameFolding.fold), let year = part.year else { return nil }
        return first[Key(year: Int(year.prefix(4)), author: author)]
    }
}
