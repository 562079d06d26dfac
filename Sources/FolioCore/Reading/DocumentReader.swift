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
    ///
    /// Read with the system's calls straight into the array: Foundation's `Data(contentsOf:)`
    /// made a URL and a buffer of its own for every paper, which was then copied.
    public static func bytes(path: String, name: String? = nil) throws -> [UInt8] {
        let name = name ?? path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw unreadable(name) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw unreadable(name) }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw FolioError(file: name, "is a folder, not a file") }
        // The size the file has now, and one byte more to see its end at once; a file that grows
        // while it is read (or a pipe, whose size is none) is read on to its end.
        var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 65_536))) }
            let read = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if read < 0 && errno == EINTR { continue }
            guard read >= 0 else { throw unreadable(name) }
            if read == 0 { break }
            count += read
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// Why a file cannot be read, from `errno` as the failed call left it.
    private static func unreadable(_ name: String) -> FolioError {
        let code = errno
        switch code {
        case ENOENT, ENOTDIR: return FolioError(file: name, "the file does not exist")
        case EACCES, EPERM: return FolioError(file: name, "the file cannot be read (check its permissions)")
        case ELOOP: return FolioError(file: name, "the file is a loop of symbolic links")
        default: return FolioError(file: name, "the file cannot be read: \(String(cString: strerror(code)))")
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
