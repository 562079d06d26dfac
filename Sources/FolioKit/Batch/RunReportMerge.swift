import FolioCore
import Foundation

/// Joins the run reports of a batch's shards (`folio-run-K-of-N.jsonl`) into one, an input a
/// line in the order of the input paths, and counts what happened.
public enum RunReportMerge {
    public struct Result: Sendable {
        /// The merged report's lines, each ending in a newline.
        public var lines: [[UInt8]] = []
        public var counts: [String: Int] = [:]
        /// The lines that say an input failed.
        public var failures: [String] = []
        /// Inputs found in more than one report (a shard run twice, or overlapping runs).
        public var duplicates: [String] = []
    }

    public static func merge(_ paths: [String]) throws -> Result {
        var entries: [(input: String, line: [UInt8], status: String)] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw FolioError(file: path, "the report cannot be read")
            }
            for (number, line) in data.split(separator: 0x0A).enumerated() where !line.isEmpty {
                let bytes = Array(line)
                guard case .object(let object) = try JSONParser.parse(bytes, file: "\(path):\(number + 1)"),
                      case .string(let input)? = object["input"], case .string(let status)? = object["status"] else {
                    throw FolioError(file: path, place: .text(SourceLocation(line: number + 1, column: 1, offset: 0)), "not a line of a Folio run report (no input and status)")
                }
                entries.append((input, bytes + [0x0A], status))
            }
        }
        entries.sort { $0.input < $1.input }
        var result = Result()
        for (index, entry) in entries.enumerated() {
            if index > 0 && entries[index - 1].input == entry.input { result.duplicates.append(entry.input) }
            result.lines.append(entry.line)
            result.counts[entry.status, default: 0] += 1
            if entry.status == "failed" { result.failures.append(String(decoding: entry.line.dropLast(), as: UTF8.self)) }
        }
        return result
    }
}
