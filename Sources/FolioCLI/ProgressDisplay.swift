import FolioCore
import FolioKit
import Foundation
import Synchronization

/// What a run shows while it works, on stderr: failures as they happen; on a terminal a live
/// line (done/total, papers/s, MB/s, time left, failures) redrawn a few times a second;
/// elsewhere (a log file, CI) a plain line every tenth of the way. `--quiet` keeps only the
/// failures; `NO_COLOR` keeps the line free of colour.
final class ProgressDisplay: Sendable {
    private struct State {
        var total = 0
        var totalBytes = 0
        var done = 0
        var bytes = 0
        var failed = 0
        var skipped = 0
        var lastDraw = Date.distantPast
        var lastTenth = 0
        var lineShown = false
    }

    private let state = Mutex(State())
    private let quiet: Bool
    private let live: Bool
    private let colour: Bool
    private let start = Date()

    init(quiet: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.quiet = quiet
        live = !quiet && isatty(STDERR_FILENO) == 1 && environment["TERM"] != "dumb"
        colour = live && environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    func handle(_ event: BatchEvent) {
        state.withLock { state in
            switch event {
            case .started(let inputs, let bytes):
                state.total = inputs
                state.totalBytes = bytes
                if !quiet && !live { Console.error("folio: \(count(inputs, "paper")) to do (\(megabytes(bytes)))") }
            case .problem(let problem):
                print(problem.description, &state)
            case .finished(let outcome):
                state.done += 1
                state.bytes += outcome.bytes
                if outcome.status == .skipped { state.skipped += 1 }
                if let error = outcome.error {
                    state.failed += 1
                    print(error.description, &state)
                } else if !quiet {
                    for warning in outcome.warnings { print(warning.description, &state) }
                }
                report(&state)
            }
        }
    }

    /// Clears the live line before the run's summary.
    func finish() {
        state.withLock { state in
            if state.lineShown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            state.lineShown = false
        }
    }

    private func print(_ text: String, _ state: inout State) {
        if state.lineShown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        state.lineShown = false
        Console.error(colour ? text.replacingOccurrences(of: "error:", with: "\u{1B}[31merror:\u{1B}[0m") : text)
    }

    private func report(_ state: inout State) {
        guard !quiet else { return }
        let now = Date()
        if live {
            guard now.timeIntervalSince(state.lastDraw) >= 0.1 || state.done == state.total else { return }
            state.lastDraw = now
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line(state, now)).utf8))
            state.lineShown = true
        } else {
            let tenth = state.total == 0 ? 10 : state.done * 10 / state.total
            guard tenth > state.lastTenth else { return }
            state.lastTenth = tenth
            Console.error(line(state, now))
        }
    }

    private func line(_ state: State, _ now: Date) -> String {
        let seconds = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(state.done) / seconds
        var parts = ["folio: \(state.done)/\(state.total) papers",
                     String(format: "%.1f papers/s", rate),
                     String(format: "%.1f MB/s", Double(state.bytes) / seconds / 1_000_000)]
        if state.done < state.total, rate > 0 { parts.append("ETA " + duration(Double(state.total - state.done) / rate)) }
        if state.skipped > 0 { parts.append("\(state.skipped) up to date") }
        if state.failed > 0 {
            let failed = "\(state.failed) failed"
            parts.append(colour ? "\u{1B}[31m" + failed + "\u{1B}[0m" : failed)
        }
        return parts.joined(separator: " · ")
    }

    private func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        return whole >= 60 ? "\(whole / 60)m\(String(format: "%02d", whole % 60))s" : "\(whole)s"
    }
}

func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }
