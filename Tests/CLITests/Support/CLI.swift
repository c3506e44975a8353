import Foundation
import Testing

/// Runs the built `rolegraph` binary, as a user would, and captures what it printed.
struct CLIResult {
    var stdout: String
    var stderr: String
    var status: Int32
}

enum CLI {
    /// The binary built beside the test bundle (the test target depends on the executable, so
    /// `swift test` builds it first). `ROLEGRAPH_BIN` overrides it.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["ROLEGRAPH_BIN"] { return URL(fileURLWithPath: path) }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // On macOS the runner sits inside the .xctest bundle; on Linux beside the binaries.
        while !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("rolegraph").path)
            && directory.path != "/" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("rolegraph")
    }()

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func fixture(_ relative: String) -> String {
        repositoryRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relative).path
    }

    /// Runs the shell command line `command` on a pseudo-terminal (`script`, util-linux, part of
    /// every Debian system): standard input, output and error are all the terminal, so what the
    /// command shows only to a terminal (progress, refusals of binary output) can be checked.
    /// Returns its exit status and everything the terminal received.
    static func runOnTerminal(_ command: String, in directory: URL? = nil) throws -> (status: Int32, text: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The cache directory every run of the tests is given (`XDG_CACHE_HOME`), so that the records
    /// of checked snapshot images go to a directory of the test process's own, never the user's.
    /// It is not made here: a run makes it only if it records an image (one unchanged for a
    /// minute), so a test run leaves nothing behind otherwise.
    static let cacheDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("rolegraph-cli-cache-\(UUID().uuidString)").path

    /// Runs `rolegraph arguments…` in `directory` (a fresh temporary one by default, so nothing
    /// depends on the working directory) and waits for it. `COLUMNS` is 120 and `XDG_CACHE_HOME`
    /// ``cacheDirectory`` unless `environment` sets them.
    static func run(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil,
                    environment extra: [String: String] = [:]) throws -> CLIResult {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? FileManager.default.temporaryDirectory
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "120"
        environment["XDG_CACHE_HOME"] = cacheDirectory
        environment.merge(extra) { $1 }
        process.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CLIResult(stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self),
                         status: process.terminationStatus)
    }
}

/// Golden files for whole outputs. Set `ROLEGRAPH_UPDATE_GOLDENS=1` to rewrite them after an
/// intended change (then review the diff); without it a difference fails the test.
enum Golden {
    static let directory = CLI.repositoryRoot.appendingPathComponent("Tests/CLITests/Golden")

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["ROLEGRAPH_UPDATE_GOLDENS"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "output differs from Golden/\(name)", sourceLocation: sourceLocation)
    }
}
