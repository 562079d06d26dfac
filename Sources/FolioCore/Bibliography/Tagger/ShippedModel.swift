import Foundation

extension ReferenceTagger {
    /// The model shipped with Folio, read once; nil when it cannot be found, and the rules then
    /// parse alone. `FOLIO_REFERENCE_MODEL` names another model file.
    ///
    /// SwiftPM copies the model into a resource bundle beside the executable. Its generated
    /// `Bundle.module` accessor stops the process when the bundle is missing (a binary copied
    /// elsewhere), so Folio looks for the file itself.
    public static let shipped: ReferenceTagger? = {
        for path in modelCandidates() {
            if let data = FileManager.default.contents(atPath: path),
               let model = try? ReferenceTagger(taggingWith: Array(data)) {
                return model
            }
        }
        return nil
    }()

    static let modelFile = "reference-tagger.txt"

    static func modelCandidates() -> [String] {
        var candidates: [String] = []
        if let path = ProcessInfo.processInfo.environment["FOLIO_REFERENCE_MODEL"] { candidates.append(path) }
        var folders = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() { folders.append(executable) }
        for folder in folders {
            candidates.append(folder.appendingPathComponent("Folio_FolioCore.resources/\(modelFile)").path)
            candidates.append(folder.appendingPathComponent("Folio_FolioCore.bundle/Contents/Resources/\(modelFile)").path)
            candidates.append(folder.appendingPathComponent("Folio_FolioCore.bundle/\(modelFile)").path)
        }
        return candidates
    }
}
