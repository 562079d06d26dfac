import Foundation

extension ReferenceTagger {
    /// The model shipped with Folio, read once; nil when it cannot be found, and the rules then
    /// parse alone. `FOLIO_REFERENCE_MODEL` names another model file, its text or compiled.
    ///
    /// SwiftPM copies the model into a resource bundle beside the executable. Its generated
    /// `Bundle.module` accessor stops the process when the bundle is missing (a binary copied
    /// elsewhere), so Folio looks for the file itself: the compiled model first, which reads
    /// fast, and the text where it is missing or damaged.
    public static let shipped: ReferenceTagger? = {
        for path in modelCandidates() {
            if let data = FileManager.default.contents(atPath: path), let model = try? ReferenceTagger(modelFile: Array(data)) {
                return model
            }
        }
        return nil
    }()

    /// What a run whose references the rules parse alone, the shipped model not being found,
    /// says before it starts; nil when the model was found. A copy of the binary without the
    /// folder beside it would otherwise parse references less well and say nothing.
    public static var missingModelWarning: String? {
        shipped == nil ? missingModelWarning(candidates: modelCandidates()) : nil
    }

    static func missingModelWarning(candidates: [String]) -> String {
        "folio: warning: the reference tagger's model (\(compiledModelFile) or \(modelFile)) was found neither beside the folio binary "
            + "nor where FOLIO_REFERENCE_MODEL names it: references are parsed by rules alone, less well. Keep the Folio_FolioCore.resources "
            + "folder that swift build makes beside the binary. Looked for: " + candidates.joined(separator: ", ")
    }

    /// A model file's bytes read to tag, compiled or text.
    init(modelFile bytes: [UInt8]) throws {
        self = Self.isCompiled(bytes) ? try ReferenceTagger(compiled: bytes) : try ReferenceTagger(taggingWith: bytes)
    }

    static let modelFile = "reference-tagger.txt"
    static let compiledModelFile = "reference-tagger.tables"

    static func modelCandidates() -> [String] {
        var candidates: [String] = []
        if let path = ProcessInfo.processInfo.environment["FOLIO_REFERENCE_MODEL"] { candidates.append(path) }
        var folders = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() { folders.append(executable) }
        for folder in folders {
            for file in [compiledModelFile, modelFile] {
                candidates.append(folder.appendingPathComponent("Folio_FolioCore.resources/\(file)").path)
                candidates.append(folder.appendingPathComponent("Folio_FolioCore.bundle/Contents/Resources/\(file)").path)
                candidates.append(folder.appendingPathComponent("Folio_FolioCore.bundle/\(file)").path)
            }
        }
        return candidates
    }
}
