import ArgumentParser
import FolioCore
import FolioKit
import Foundation

/// The line a run ends with, on stdout: what was done, how fast, and where the report is.
/// Failures and warnings went to stderr as they happened (`ProgressDisplay`).
struct RunSummary {
    let report: RunReport
    let outputFolder: String
    let quiet: Bool

    func print() {
        let failed = report.failed.count + report.problems.count
        guard !quiet || failed > 0 else { return }
        let succeeded = report.processed - report.failed.count
        var line = "folio: \(count(report.processed, "paper")) processed, \(succeeded) succeeded"
        if report.skipped > 0 { line += " (\(report.skipped) already up to date)" }
        if failed > 0 { line += ", \(failed) failed" }
        line += "; \(count(report.filesWritten, "file")) written to \(displayPath(outputFolder))"
        let seconds = max(report.seconds, 0.001)
        line += String(format: " in %.2f s (%.1f papers/s, %.2f MB/s)", report.seconds,
                       Double(report.processed) / seconds, Double(report.bytes) / seconds / 1_000_000)
        if let file = report.reportFile { line += "; report: \(displayPath(file))" }
        Console.output(line)
    }

    private func displayPath(_ path: String) -> String {
        let current = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(current) ? String(path.dropFirst(current.count)) : path
    }
}

/// Where the CLI writes; stderr for diagnostics so stdout stays clean for data.
enum Console {
    static func output(_ line: String) {
        Swift.print(line)
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Warns, before any paper, when references will be parsed without the tagger's model.
    static func warnIfReferencesLackTheirModel(stages: [any Stage]? = nil) {
        guard stages?.contains(where: { $0 is BibliographyStage }) ?? true, let warning = ReferenceTagger.missingModelWarning else { return }
        error(warning)
    }

    /// The bytes of `path` (`-` for standard input), or a clear error and exit code 2.
    static func read(_ path: String) throws -> [UInt8] {
        if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        guard let data = FileManager.default.contents(atPath: path) else {
            error(FolioError(file: path, "no such file, or it cannot be read").description)
            throw ExitCode(2)
        }
        return Array(data)
    }
}
