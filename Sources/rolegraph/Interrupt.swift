import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C (SIGINT) and SIGTERM while a command writes a file: the temporary file it is writing
/// is removed and the command exits with 128 + the signal's number (130 for Ctrl-C, 143 for
/// SIGTERM), as a shell reports a process killed by it. Nothing half-written is ever left.
///
/// Only async-signal-safe calls run in the handler (unlink, write, _exit); the temporary file's
/// name is kept as a C string allocated before the file is created, so the handler never
/// allocates.
enum Interrupt {
    /// The temporary file to remove, or nil. Read by the handler; written only by the main thread
    /// around the time the file exists (a pointer-sized store).
    nonisolated(unsafe) private static var pending: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var installed = false

    /// Installs the handlers for SIGINT and SIGTERM (once).
    static func install() {
        guard !installed else { return }
        installed = true
        // A parent may start us with the signals blocked (some process launchers do), which
        // would hold Ctrl-C back until the work is done.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        sigaddset(&unblock, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber) { number in
                if let path = Interrupt.pending { unlink(path) }
                // Leave the terminal on a fresh line if a progress line was being drawn.
                if isatty(STDERR_FILENO) != 0 {
                    let newline: [UInt8] = [13, 27, 91, 75, 10]  // "\r\e[K\n"
                    _ = newline.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
                }
                _exit(128 + number)
            }
        }
    }

    /// Marks `path` as the file to remove if the command is interrupted, until ``clear()``.
    static func removeOnInterrupt(_ path: String) {
        let copy = strdup(path)
        let previous = pending
        pending = copy
        free(previous)
    }

    /// Forgets the file marked by ``removeOnInterrupt(_:)`` (it was renamed into place or removed).
    static func clear() {
        let previous = pending
        pending = nil
        free(previous)
    }
}
