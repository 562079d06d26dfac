import FolioCore
import Foundation

/// Writes files so that readers only ever see the old file or the whole new one: the bytes go
/// to a temporary file on the same file system, which is then renamed over the target.
public enum AtomicFile {
    /// `temporaryFolder`: where the temporary file goes (by default beside the target, hidden).
    public static func write(_ bytes: [UInt8], to path: String, temporaryFolder: String? = nil) throws {
        let folder = FilePaths.directory(of: path)
        for needed in [folder, temporaryFolder].compactMap({ $0 }) {
            do {
                try FileManager.default.createDirectory(atPath: needed, withIntermediateDirectories: true)
            } catch {
                throw FolioError(file: needed, "the output folder cannot be created: \(error.localizedDescription)")
            }
        }
        let name = (path as NSString).lastPathComponent
        let temporary = (temporaryFolder ?? folder) + "/." + name + ".\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw FolioError(file: path, "the output file cannot be written (is the folder writable and the disk not full?)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw FolioError(file: path, "the output file cannot be put in place: \(reason)")
        }
    }
}
