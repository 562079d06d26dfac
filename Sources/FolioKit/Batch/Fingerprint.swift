import Crypto
import FolioCore
import Foundation

/// SHA-256 digests that tell whether an input, or the configuration that shapes its outputs,
/// changed since the outputs were written.
public enum Fingerprint {
    public static func of(_ bytes: [UInt8]) -> String {
        // Not `String(format:)` for each byte: that cost a third as much as hashing a paper.
        Hexadecimal.string(SHA256.hash(data: bytes))
    }

    /// What makes outputs differ for the same input: the configuration file as written, the
    /// reference date in force, the output formats and Folio's version.
    public static func of(_ configuration: PipelineConfiguration) -> String {
        var bytes = configuration.file.flatMap { FileManager.default.contents(atPath: $0) }.map(Array.init) ?? []
        let rest = [configuration.referenceDate ?? "", configuration.formats.map { type(of: $0).name }.joined(separator: ","), FolioVersion.current]
        for piece in rest { bytes += [0] + Array(piece.utf8) }
        return of(bytes)
    }

    /// A number from `text` that is the same on every machine and in every run.
    static func stableNumber(_ text: String) -> UInt64 {
        SHA256.hash(data: Array(text.utf8)).prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }
}
