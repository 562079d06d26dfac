/// A way to write a finished document: JSON, TEI, …
///
/// `render` returns the file's bytes only when they are valid against the format's schema; an
/// invalid document is an error, never a file.
public protocol OutputFormat: Sendable {
    /// The name `pipeline.json` uses under `formats`.
    static var name: String { get }
    /// What follows the paper's name in the output file: `json`, `tei.xml`.
    static var fileExtension: String { get }
    static var summary: String { get }

    init(options: inout Options) throws

    func render(_ document: Document) throws -> [UInt8]
}
