import FolioCore
import Foundation

/// Writes files so that readers only ever see the old file or the whole new one: the bytes go
/// to a temporary file on the same file system, which is then renamed over the target.
///
/// Plain system calls, not `FileManager`: its atomic write makes a second temporary file and
/// waits for the disk (`fsync`) on every file, which cost a batch more than the writing itself.
/// Without the wait, a killed process still leaves whole files only (the kernel holds what was
/// written); a power cut may leave a renamed file short, which `RunState` notices by its size.
public enum AtomicFile {
    /// `temporaryFolder`: where the temporary file goes (by default beside the target, hidden).
    public static func write(_ bytes: [UInt8], to path: String, temporaryFolder: String? = nil) throws {
        let folder = FilePaths.directory(of: path)
        let temporary = (temporaryFolder ?? folder) + "/." + FilePaths.name(of: path) + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        var descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0 && errno == ENOENT {
            try makeFolders(folder, temporaryFolder)
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw failure(path, "the output file cannot be written") }
        let written = bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
        let writeError = written ? nil : failure(path, "the output file cannot be written")
        let closeError = close(descriptor) == 0 ? nil : failure(path, "the output file cannot be written")
        if let error = writeError ?? closeError {
            unlink(temporary)
            throw error
        }
        var renamed = rename(temporary, path) == 0
        if !renamed && errno == ENOENT {
            try makeFolders(folder, nil)
            renamed = rename(temporary, path) == 0
        }
        guard renamed else {
            let error = failure(path, "the output file cannot be put in place")
            unlink(temporary)
            throw error
        }
    }

    /// Makes sure a file can later be written at `path`: its folder made if missing, and
    /// writable. For a command that works long before it writes (training a model), so that a
    /// wrong path fails at once, not at the end.
    public static func prepareFolder(for path: String) throws {
        let folder = FilePaths.directory(of: path)
        try makeFolders(folder)
        guard access(folder, W_OK) == 0 else { throw failure(folder, "the output folder is not writable") }
    }

    /// The folders are made the first time a write finds one missing, not checked on every write.
    private static func makeFolders(_ folders: String?...) throws {
        for folder in folders.compactMap({ $0 }) where !FilePaths.isDirectory(folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw FolioError(file: folder, "the output folder cannot be created: \(error.localizedDescription)")
            }
        }
    }

    /// An error naming the system's reason, read from `errno` before anything else can change it.
    private static func failure(_ path: String, _ what: String) -> FolioError {
        let code = errno
        let hint = code == ENOSPC ? " (the disk is full)" : code == EACCES || code == EROFS ? " (is the folder writable?)" : ""
        return FolioError(file: path, "\(what): \(String(cString: strerror(code)))\(hint)")
    }
}
