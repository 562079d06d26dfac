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
///
/// The walk is lazy: it holds one folder listing per level, never the whole list of inputs, so
/// a run over millions of files needs no more memory than one over ten.
public struct InputDiscovery: Sequence, IteratorProtocol {
    /// What the walk finds next: an input, or a path that cannot be one, with why.
    public enum Found: Sendable {
        case input(InputFile)
        case problem(Diagnostic)
    }

    /// The result of a whole walk, for callers that want it in memory (tests, small runs).
    public struct Result: Sendable {
        public var inputs: [InputFile] = []
        public var problems: [Diagnostic] = []
    }

    public static func discover(_ paths: [String]) -> Result {
        var result = Result()
        for found in InputDiscovery(paths) {
            switch found {
            case .input(let input): result.inputs.append(input)
            case .problem(let problem): result.problems.append(problem)
            }
        }
        return result
    }

    /// A folder being listed: its entries, sorted, and how far the walk has come.
    private struct Level {
        var root: String
        var relative: String
        var entries: [String]
        var next = 0
        /// The inputs' output stems so far, with their paths.
        var stems: [String: String] = [:]
    }

    private var paths: [String]
    private var nextPath = 0
    private var levels: [Level] = []
    /// Real paths of the folders on the way down, so a symbolic link back up ends.
    private var ancestors: [String] = []
    /// Output stems of the files named one by one, which may clash across folders.
    private var namedStems: [String: String] = [:]
    /// A folder that could not be read, reported before the walk goes on.
    private var pending: Found?

    public init(_ paths: [String]) {
        self.paths = paths
    }

    public mutating func next() -> Found? {
        while true {
            if let found = pending {
                pending = nil
                return found
            }
            if var level = levels.popLast() {
                guard level.next < level.entries.count else {
                    ancestors.removeLast()
                    continue
                }
                let entry = level.entries[level.next]
                level.next += 1
                levels.append(level)
                let child = level.relative.isEmpty ? entry : level.relative + "/" + entry
                let full = Self.join(level.root, child)
                if FilePaths.isDirectory(full) {
                    enter(root: level.root, relative: child)
                } else if InputFormat(fileExtension: (entry as NSString).pathExtension) != nil {
                    // In one folder `a.txt` and `a.md` would write the same outputs.
                    let stem = Self.stem(child)
                    if let earlier = levels[levels.count - 1].stems[stem] { return .problem(Self.clash(full, earlier)) }
                    levels[levels.count - 1].stems[stem] = full
                    return .input(InputFile(path: full, outputStem: stem))
                }
                continue
            }
            guard nextPath < paths.count else { return nil }
            let path = paths[nextPath]
            nextPath += 1
            if FilePaths.isDirectory(path) {
                enter(root: path, relative: "")
            } else if FileManager.default.fileExists(atPath: path) {
                let stem = Self.stem((path as NSString).lastPathComponent)
                if let earlier = namedStems[stem] { return .problem(Self.clash(path, earlier)) }
                namedStems[stem] = path
                return .input(InputFile(path: path, outputStem: stem))
            } else {
                return .problem(Diagnostic(.error, file: path, "no such file or folder"))
            }
        }
    }

    /// Lists a folder (hidden entries skipped); a folder already on the way down is a loop.
    private mutating func enter(root: String, relative: String) {
        let here = Self.join(root, relative)
        let real = URL(fileURLWithPath: here).resolvingSymlinksInPath().path
        guard !ancestors.contains(real) else { return }
        do {
            let entries = try FileManager.default.contentsOfDirectory(atPath: here).filter { !$0.hasPrefix(".") }.sorted()
            ancestors.append(real)
            levels.append(Level(root: root, relative: relative, entries: entries))
        } catch {
            pending = .problem(Diagnostic(.error, file: here, "the folder cannot be read"))
        }
    }

    private static func clash(_ path: String, _ earlier: String) -> Diagnostic {
        Diagnostic(.error, file: path, "its output would overwrite the output of '\(earlier)' (same name)", hint: "rename one of them")
    }

    /// `name.txt` → `name`; the stem keeps the folders.
    static func stem(_ relative: String) -> String {
        (relative as NSString).deletingPathExtension
    }

    static func join(_ folder: String, _ relative: String) -> String {
        relative.isEmpty ? folder : folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }
}
