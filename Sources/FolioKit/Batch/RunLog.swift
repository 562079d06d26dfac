import FolioCore
import Foundation
import OrderedCollections

/// The run report, `folio-run.jsonl` in the output folder: one JSON line an input, written as
/// each finishes (so memory stays flat however many inputs there are), put in place whole when
/// the run ends. A shard writes `folio-run-K-of-N.jsonl`; `folio merge-reports` joins them.
public final class RunLog {
    public let path: String
    private let temporary: String
    private let handle: FileHandle?

    public init(outputFolder: String, shard: Shard?, temporaryFolder: String) {
        let name = shard.map { "folio-run-\($0.index)-of-\($0.count).jsonl" } ?? "folio-run.jsonl"
        path = InputDiscovery.join(outputFolder, name)
        temporary = InputDiscovery.join(temporaryFolder, name)
        try? FileManager.default.createDirectory(atPath: temporaryFolder, withIntermediateDirectories: true)
        handle = FileManager.default.createFile(atPath: temporary, contents: nil) ? FileHandle(forWritingAtPath: temporary) : nil
    }

    public func append(_ outcome: DocumentOutcome) {
        handle?.write(Data(Self.line(outcome)))
    }

    public func append(_ problem: Diagnostic) {
        var object: OrderedDictionary<String, JSONValue> = ["input": .string(problem.file ?? ""), "status": "failed"]
        object["error"] = .string(problem.description)
        handle?.write(Data(JSONSerializer(indent: 0).serialize(.object(object))))
    }

    /// Puts the report in place; nil when it could not be written.
    public func finish() -> String? {
        guard let handle else { return nil }
        try? handle.close()
        return rename(temporary, path) == 0 ? path : nil
    }

    static func line(_ outcome: DocumentOutcome) -> [UInt8] {
        var object: OrderedDictionary<String, JSONValue> = [
            "input": .string(outcome.input.path),
            "status": .string(outcome.status.rawValue),
            "bytes": .integer(outcome.bytes),
            // To the microsecond: a failure found on reading (an empty file) takes tens of them.
            "seconds": .number((outcome.seconds * 1e6).rounded() / 1e6),
            "outputs": .array(outcome.outputs.map { .string($0) }),
        ]
        if !outcome.warnings.isEmpty { object["diagnostics"] = .array(outcome.warnings.map { .string($0.description) }) }
        if let error = outcome.error { object["error"] = .string(error.description) }
        return JSONSerializer(indent: 0).serialize(.object(object))
    }
}
