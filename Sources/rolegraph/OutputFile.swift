import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes command output: to standard output, or atomically to a file (a temporary file in the
/// same directory, then a rename), so a failure never leaves a half-written file and never
/// touches an existing one.
enum OutputFile {
    static func write(_ bytes: [UInt8], to path: String?, binary: Bool, formatName: String) throws {
        guard let path, path != "-" else {
            if binary && isatty(STDOUT_FILENO) != 0 { throw CLIError.refusesTerminal(format: formatName) }
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try Data(bytes).write(to: temporary, options: [.withoutOverwriting])
            if rename(temporary.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw CLIError.cannotWrite(path: path, reason: reason)
            }
        } catch let error as CLIError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw CLIError.cannotWrite(path: path, reason: Self.reason(for: error, directory: directory))
        }
    }

    private static func reason(for error: any Error, directory: URL) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) || !isDirectory.boolValue {
            return "no such directory"
        }
        if let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        return (error as NSError).localizedDescription
    }
}
