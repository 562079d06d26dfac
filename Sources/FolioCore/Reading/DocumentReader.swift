import Foundation

/// Reads a paper from disk into a `SourceText`, choosing the format by extension.
public enum DocumentReader {
    /// Reads `path`; `name` is how diagnostics call the file (defaults to the path).
    public static func read(path: String, name: String? = nil) throws -> SourceText {
        let name = name ?? path
        let declared = try format(of: path, name: name)
        return try decode(bytes(path: path, name: name), name: name, format: declared)
    }

    /// The format a file's extension declares, or an error naming the file.
    public static func format(of path: String, name: String? = nil) throws -> InputFormat {
        let fileExtension = (path as NSString).pathExtension
        guard let declared = InputFormat(fileExtension: fileExtension) else {
            throw FolioError(file: name ?? path, "Folio does not read '.\(fileExtension)' files",
                             hint: "inputs are \(InputFormat.fileExtensions.map { "." + $0 }.joined(separator: ", "))")
        }
        return declared
    }

    /// The file's bytes, or an error that says why they cannot be had.
    public static func bytes(path: String, name: String? = nil) throws -> [UInt8] {
        let name = name ?? path
        guard !FilePaths.isDirectory(path) else { throw FolioError(file: name, "is a folder, not a file") }
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read (check its permissions)" : "does not exist"
            throw FolioError(file: name, "the file \(reason)")
        }
    }

    /// Decodes bytes already in memory. A `.txt` file laid out like Markdown (a paragraph a
    /// line) is read as Markdown.
    public static func decode(_ bytes: [UInt8], name: String, format declared: InputFormat) throws -> SourceText {
        let scalars = try TextDecoder.decode(bytes, file: name)
        guard scalars.contains(where: { !$0.isWhitespace }) else {
            throw FolioError(file: name, bytes.isEmpty ? "the file is empty" : "the file holds only white space")
        }
        let format = declared == .plainText ? InputFormat.sniff(scalars) : declared
        return SourceText(name: name, format: format, scalars: scalars)
    }
}
