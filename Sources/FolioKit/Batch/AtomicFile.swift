import FolioCore
import Foundation

/// Writes files so that readers only ever see the old file or the whole new one: the bytes go
/// to a temporary file in the same folder, which is then renamed over the target.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let folder = FilePaths.directory(of: path)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw FolioError(file: folder, "the output folder cannot be created: \(error.localizedDescription)")
        }
        let name = (path as NSString).lastPathComponent
        let temporary = folder + "/." + name + ".\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp"
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
