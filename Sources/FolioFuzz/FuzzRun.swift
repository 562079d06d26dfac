import FolioCore
import FolioKit
import Foundation
import Synchronization

/// Feeds generated documents through the whole pipeline and every output format, and reports
/// any that makes Folio throw where it should not, write invalid output, or take too long.
/// A document the reader refuses (invalid UTF-8, empty) is a correct answer, not a failure.
public struct FuzzRun: Sendable {
    public let configuration: PipelineConfiguration
    public let pipeline: Pipeline
    public let generator: DocumentGenerator

    public init(configuration: PipelineConfiguration, generator: DocumentGenerator) {
        self.configuration = configuration
        self.pipeline = Pipeline(configuration: configuration)
        self.generator = generator
    }

    public struct Failure: Sendable, CustomStringConvertible {
        public var seed: UInt64
        public var message: String
        public var description: String { "document seed \(seed): \(message)" }
    }

    public struct Result: Sendable {
        public var documents = 0
        /// Documents the reader refused, with a reason, as it should.
        public var refused = 0
        public var failures: [Failure] = []
        public var bytes = 0
    }

    /// The seed of the `index`-th document of a run started from `seed`.
    public static func seed(_ seed: UInt64, index: Int) -> UInt64 {
        var random = SplitMix(seed: seed ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
        return random.next()
    }

    /// Checks one document; nil when Folio handled it, else what went wrong.
    public func check(seed: UInt64) -> (refused: Bool, bytes: Int, failure: String?) {
        let document = generator.document(seed: seed)
        let source: SourceText
        do {
            source = try DocumentReader.decode(document.bytes, name: "fuzz-\(seed)", format: document.format)
        } catch is FolioError {
            return (true, document.bytes.count, nil)
        } catch {
            return (true, document.bytes.count, "the reader threw something other than a FolioError: \(error)")
        }
        do {
            let processed = try pipeline.process(source)
            for format in configuration.formats { _ = try format.render(processed) }
            return (false, document.bytes.count, nil)
        } catch {
            return (false, document.bytes.count, "\(error)")
        }
    }

    /// Checks `count` documents on `jobs` workers. A document still running after `timeLimit`
    /// seconds is a hang: `onHang` hears its seed (the CLI prints it and exits).
    public func run(count: Int, seed: UInt64, jobs: Int, timeLimit: Double,
                    onHang: @escaping @Sendable (UInt64) -> Void, progress: (@Sendable (Int) -> Void)? = nil) -> Result {
        let next = Atomic(0)
        let result = Mutex(Result())
        let running = Mutex([Int: (seed: UInt64, since: Date)]())
        let finished = Atomic(false)
        let watchdog = Thread {
            while !finished.load(ordering: .relaxed) {
                Thread.sleep(forTimeInterval: 0.5)
                let now = Date()
                let stuck = running.withLock { $0.values.first { now.timeIntervalSince($0.since) > timeLimit } }
                if let stuck { onHang(stuck.seed) }
            }
        }
        watchdog.start()
        DispatchQueue.concurrentPerform(iterations: max(1, jobs)) { worker in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < count else { break }
                let documentSeed = Self.seed(seed, index: index)
                running.withLock { $0[worker] = (documentSeed, Date()) }
                let outcome = check(seed: documentSeed)
                running.withLock { $0[worker] = nil }
                let done: Int = result.withLock { result in
                    result.documents += 1
                    result.bytes += outcome.bytes
                    if outcome.refused { result.refused += 1 }
                    if let failure = outcome.failure { result.failures.append(Failure(seed: documentSeed, message: failure)) }
                    return result.documents
                }
                progress?(done)
            }
        }
        finished.store(true, ordering: .relaxed)
        return result.withLock { result in
            result.failures.sort { $0.seed < $1.seed }
            return result
        }
    }
}
