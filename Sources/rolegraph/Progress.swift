import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Progress of long work (a layout, betweenness on a large graph) on standard error: the phase
/// and the time it has taken so far, redrawn in place. (Neither Graphviz's layout nor the
/// betweenness kernel reports how far it has got, so no percentage is shown.)
///
/// Shown only when standard error is a terminal: a pipe, a log file or a script's capture never
/// sees it, and commands asked for JSON turn it off, so machine-read output stays clean. The
/// line is erased when the phase ends, leaving the terminal as it was.
final class Progress: Sendable {
    /// Whether progress can be shown at all: standard error is a terminal.
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    private let phase: String
    private let start = DispatchTime.now()
    private let state = Mutex(State())

    private struct State {
        var finished = false
    }

    private init(phase: String) {
        self.phase = phase
    }

    /// Runs `body`, showing `phase` and the elapsed time while it runs when `enabled` and
    /// standard error is a terminal.
    static func run<Result>(_ phase: String, enabled: Bool = true, _ body: () throws -> Result) rethrows -> Result {
        guard enabled && stderrIsTerminal else { return try body() }
        let progress = Progress(phase: phase)
        progress.draw()
        let thread = Thread { [progress] in
            while !progress.isFinished {
                Thread.sleep(forTimeInterval: 0.25)
                if !progress.isFinished { progress.draw() }
            }
        }
        thread.start()
        defer { progress.finish() }
        return try body()
    }

    private var isFinished: Bool { state.withLock { $0.finished } }

    private func draw() {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        StandardStreams.writeError("\r\u{1B}[Krolegraph: \(phase)… \(String(format: "%.1f", seconds)) s")
    }

    private func finish() {
        let wasFinished = state.withLock { state -> Bool in
            defer { state.finished = true }
            return state.finished
        }
        if !wasFinished { StandardStreams.writeError("\r\u{1B}[K") }
    }
}
