import FolioCore
import Foundation

/// Papers of any size in both input styles, made from real papers: the front of a seed paper,
/// its body repeated as often as the size needs (the last time only as far as it needs), its
/// end (notes, references). A paper smaller than its seed takes the same share of each of the
/// three, so that papers of every size mix front matter, prose and references alike and the
/// growth of cost measures size, not mix.
public struct BenchmarkCorpus: Sendable {
    public struct Seed: Sendable {
        public var name: String
        public var text: String
        /// `text` or `markdown`, as Folio reads the seed.
        public var style: String
    }

    public let seeds: [Seed]

    /// The papers in `folder` (`.txt`, `.md`) as seeds, each with the style Folio reads it in.
    public init(folder: String) throws {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted()
        seeds = try names.map { name in
            let source = try DocumentReader.read(path: InputDiscovery.join(folder, name))
            return Seed(name: name, text: String(scalars: source.scalars), style: source.format == .markdown ? "markdown" : "text")
        }
        guard !seeds.isEmpty else { throw FolioError(file: folder, "no papers to build the benchmark corpus from") }
    }

    /// A paper of about `bytes` bytes (UTF-8) grown from `seed`.
    public func paper(from seed: Seed, bytes: Int) -> String {
        let lines = seed.text.split(separator: "\n", omittingEmptySubsequences: false)
        let total = seed.text.utf8.count
        let front = lines[..<(lines.count * 15 / 100)]
        let body = lines[(lines.count * 15 / 100)..<(lines.count * 75 / 100)]
        let end = lines[(lines.count * 75 / 100)...]
        if bytes <= total {
            let share = Double(bytes) / Double(total)
            return [front, body, end].map { part in cut(part, at: Int(Double(Self.bytes(of: part)) * share)) }.joined()
        }
        let bodyBytes = max(1, Self.bytes(of: body))
        let wanted = bytes - (total - bodyBytes)
        let repeats = max(1, wanted / bodyBytes)
        var result = front.joined(separator: "\n")
        result.reserveCapacity(bytes + total)
        for _ in 0..<repeats { result += "\n" + body.joined(separator: "\n") }
        // The rest of the size from the body's opening lines: whole bodies alone missed it by up
        // to a body (a paper of 35 KB grown from one of 23 KB, nearly all body, was 23 or 42 KB).
        let rest = wanted - repeats * bodyBytes
        if rest > 0 { result += "\n" + cut(body, at: rest).dropLast() }
        return result + "\n" + end.joined(separator: "\n")
    }

    /// The UTF-8 bytes of `lines`, each with its line break.
    private static func bytes(of lines: ArraySlice<Substring>) -> Int {
        lines.reduce(0) { $0 + $1.utf8.count + 1 }
    }

    private func cut(_ lines: ArraySlice<Substring>, at bytes: Int) -> String {
        var result = ""
        for line in lines {
            if result.utf8.count + line.utf8.count + 1 > bytes && !result.isEmpty { break }
            result += line + "\n"
        }
        return result
    }
}
