import FolioCore
import FolioFuzz
import FolioKit
import Foundation

// folio-fuzz: feeds generated documents through every stage and output format; exits 1 when
// any makes Folio fail, 3 when one hangs. Run in release: `swift run -c release folio-fuzz`.
// Options: --count N (100000), --seed S (1), --jobs J (cores), --time-limit SECONDS (20),
// --config pipeline.json, --corpus FOLDER (Input), --seed-only S (check one document, print it).

func option(_ name: String, in arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
func fail(_ message: String, _ code: Int32) -> Never {
    FileHandle.standardError.write(Data(("folio-fuzz: " + message + "\n").utf8))
    exit(code)
}

let count = option("--count").flatMap(Int.init) ?? 100_000
let seed = option("--seed").flatMap(UInt64.init) ?? 1
let jobs = option("--jobs").flatMap(Int.init) ?? ProcessInfo.processInfo.activeProcessorCount
let timeLimit = option("--time-limit").flatMap(Double.init) ?? 20
let corpusFolder = option("--corpus") ?? "Input"
let configuration: PipelineConfiguration
do {
    configuration = try PipelineConfiguration.load(path: option("--config") ?? "pipeline.json", components: .standard)
} catch {
    fail("\(error)", 2)
}
let corpus = ((try? FileManager.default.contentsOfDirectory(atPath: corpusFolder)) ?? []).sorted()
    .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }
    .compactMap { try? String(contentsOfFile: corpusFolder + "/" + $0, encoding: .utf8) }
let fuzz = FuzzRun(configuration: configuration, generator: DocumentGenerator(corpus: corpus))

if let one = option("--seed-only").flatMap(UInt64.init) {
    let document = fuzz.generator.document(seed: one)
    FileHandle.standardOutput.write(Data(document.bytes))
    let outcome = fuzz.check(seed: one)
    fail(outcome.failure ?? (outcome.refused ? "refused by the reader, as it should be" : "handled"), outcome.failure == nil ? 0 : 1)
}

let start = Date()
let result = fuzz.run(count: count, seed: seed, jobs: jobs, timeLimit: timeLimit, onHang: { stuck in
    fail("document seed \(stuck) took more than \(timeLimit) s: a hang (repeat it with --seed-only \(stuck))", 3)
}, progress: { done in
    if done % 10_000 == 0 { FileHandle.standardError.write(Data("folio-fuzz: \(done)/\(count)\n".utf8)) }
})
let seconds = Date().timeIntervalSince(start)
for failure in result.failures.prefix(20) { FileHandle.standardError.write(Data((failure.description + "\n").utf8)) }
print(String(format: "folio-fuzz: %d documents (%d refused by the reader, as they should be), %.1f MB, seed %llu, %d workers, %.1f s: %d failures",
             result.documents, result.refused, Double(result.bytes) / 1e6, seed, jobs, seconds, result.failures.count))
exit(result.failures.isEmpty ? 0 : 1)
