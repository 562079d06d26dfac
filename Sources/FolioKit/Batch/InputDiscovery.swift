import FolioCore
import Foundation

/// One paper to process and where its outputs go.
public struct InputFile: Sendable, Hashable {
    /// The path as found (used in messages).
    public var path: String
    /// The output path without extension, relative to the output folder: `sub/dir/name`.
    public var outputStem: String
}

/// Finds the papers named on the command line or in the configuration: files as given, folders
/// searched recursively for `.txt` and `.md` files, in a stable order.
public enum InputDiscovery {
    public struct Result: Sendable {
        public var inputs: [InputFile] = []
        /// Paths that could not be used, with why.
        public var problems: [Diagnostic] = []
    }

    public static func discover(_ paths: [String]) -> Result {
        var result = Result()
        var seenStems: [String: String] = [:]
        func add(_ file: InputFile) {
            if let earlier = seenStems[file.outputStem] {
                result.problems.append(Diagnostic(.error, file: file.path,
                    "its output would overwrite the output of '\(earlier)' (same name)", hint: "rename one of them"))
                return
            }
            seenStems[file.outputStem] = file.path
            result.inputs.append(file)
        }
        for path in paths {
            if FilePaths.isDirectory(path) {
                var visited = Set<String>()
                for relative in files(in: path, relative: "", visited: &visited, problems: &result.problems) {
                    add(InputFile(path: join(path, relative), outputStem: stem(relative)))
                }
            } else if FileManager.default.fileExists(atPath: path) {
                let name = (path as NSString).lastPathComponent
                add(InputFile(path: path, outputStem: stem(name)))
            } else {
                result.problems.append(Diagnostic(.error, file: path, "no such file or folder"))
            }
        }
        return result
    }

    /// `name.txt` → `name`; the stem keeps the folders.
    static func stem(_ relative: String) -> String {
        (relative as NSString).deletingPathExtension
    }

    static func join(_ folder: String, _ relative: String) -> String {
        folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }

    /// Readable input files below `folder`, relative to it, sorted; hidden entries skipped and
    /// each real folder visited once, so symbolic-link loops end.
    private static func files(in folder: String, relative: String, visited: inout Set<String>, problems: inout [Diagnostic]) -> [String] {
        let here = join(folder, relative)
        let real = URL(fileURLWithPath: here).resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else { return [] }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: here).sorted()
        } catch {
            problems.append(Diagnostic(.error, file: here, "the folder cannot be read"))
            return []
        }
        var result: [String] = []
        for entry in entries where !entry.hasPrefix(".") {
            let child = relative.isEmpty ? entry : relative + "/" + entry
            let full = join(folder, child)
            if FilePaths.isDirectory(full) {
                result += files(in: folder, relative: child, visited: &visited, problems: &problems)
            } else if InputFormat(fileExtension: (entry as NSString).pathExtension) != nil {
                result.append(child)
            }
        }
        return result
    }
}
