import Foundation
import Testing

/// Output files and streams: what `-o` may replace, and what happens when output cannot be written.
@Suite struct OutputFileTests {
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rolegraph-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aSymbolicLinkStaysALinkAndItsTargetIsReplaced() throws {
        let dir = try Self.directory()
        let target = dir.appendingPathComponent("target.gv")
        try Data("old".utf8).write(to: target)
        let link = dir.appendingPathComponent("link.gv")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "target.gv")
        let result = try CLI.run(["export", "-o", link.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "target.gv")
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("// Written by RoleGraph."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["link.gv", "target.gv"])
    }

    @Test func anExistingFileKeepsItsPermissions() throws {
        let dir = try Self.directory()
        let file = dir.appendingPathComponent("roles.gv")
        try Data("old".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        let result = try CLI.run(["export", "-o", file.path])
        #expect(result.status == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }

    /// Runs the binary with standard output or error connected to /dev/full (every write fails).
    static func runToFullDevice(_ arguments: [String], stdout: Bool) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let pipe = Pipe()
        process.standardOutput = stdout ? full : pipe
        process.standardError = stdout ? pipe : full
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// `--render` holds files to their names as `export -o` does: an extension that names no
    /// format is a usage error that writes nothing; a name without one gets SVG.
    @Test(arguments: [["path", "data-analyst", "ml-engineer"], ["clusters"]])
    func aRenderFileMustHoldWhatItsNameSays(command: [String]) throws {
        let directory = try Self.directory()
        let bad = directory.appendingPathComponent("picture.txt")
        let result = try CLI.run(command + ["--render", bad.path])
        #expect(result.status == 64)
        #expect(result.stderr == "rolegraph: error: --render \(bad.path): the extension .txt names no format; use one of .dot, .gv, .svg, .png, .pdf, .json, .graphml, .xml, .mmd, .mermaid, .yaml, .yml\n")
        #expect(!FileManager.default.fileExists(atPath: bad.path))
        let plain = directory.appendingPathComponent("picture")
        #expect(try CLI.run(command + ["--render", plain.path]).status == 0)
        #expect(try String(contentsOf: plain, encoding: .utf8).contains("<svg"))
    }

    @Test func aFullStandardOutputIsReportedNotTrapped() throws {
        let result = try Self.runToFullDevice(["export", "--to", "dot"], stdout: true)
        #expect(result.status == 73)
        #expect(result.stderr == "rolegraph: error: standard output: cannot write: No space left on device\n")
        let roles = try Self.runToFullDevice(["roles"], stdout: true)
        #expect(roles.status == 73)
    }

    @Test func aFailingStandardErrorDoesNotCrash() throws {
        let result = try Self.runToFullDevice(["show", "nosuch"], stdout: false)
        #expect(result.status == 67)
    }

    @Test func anEdgeListOnStandardInputIsRecognisedByItsHeader() throws {
        let result = try CLI.run(["stats", "--graph", "-", "--format", "json"], stdin: "from,to,effort\na,b,2\nb,c,1.5\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"roles\" : 3"))
        #expect(result.stdout.contains("\"roles_per_area\" : {"))
    }
}
