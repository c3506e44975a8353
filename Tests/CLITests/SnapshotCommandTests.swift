import Foundation
import Testing

/// `rolegraph index` end to end: the image answers `path` as the edge list does, and every bad
/// image is one error line with its documented exit status.
@Suite struct SnapshotCommandTests {
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rolegraph-snapshot-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func pathFromTheImageEqualsPathFromTheEdgeList() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = try TransitionNetworks.write(roles: 300, in: directory)
        let roles = try TransitionNetworks.roles(in: csv)
        let index = try CLI.run(["index", csv, "-o", "net.rgx"], in: directory)
        #expect(index.status == 0 && index.stdout.isEmpty && index.stderr.isEmpty, "\(index.stderr)")
        // Large enough that `index` writes it in several pieces (`OutputFile.writeChunk`), all of
        // which the queries below read back.
        let size = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("net.rgx").path)[.size] as? Int
        #expect((size ?? 0) > 1 << 16, "\(size ?? 0) bytes")
        var answered = 0
        for (i, (from, to)) in [(0, 299), (3, 150), (42, 7), (100, 250), (299, 0)].enumerated() {
            for cost in ["effort", "hops"] {
                let arguments = ["path", roles[from], roles[to], "--cost", cost, "--top", "\(1 + i % 3)"]
                let a = try CLI.run(arguments + ["--graph", csv], in: directory)
                let b = try CLI.run(arguments + ["--graph", "net.rgx"], in: directory)
                #expect(a.stdout == b.stdout && a.stderr == b.stderr && a.status == b.status, "\(arguments)")
                if a.status == 0 { answered += 1 }
            }
        }
        #expect(answered > 0)
        // Named by its content too (no extension, or another format's), and as JSON.
        try FileManager.default.copyItem(at: directory.appendingPathComponent("net.rgx"), to: directory.appendingPathComponent("net-image"))
        try FileManager.default.copyItem(at: directory.appendingPathComponent("net.rgx"), to: directory.appendingPathComponent("image.csv"))
        let a = try CLI.run(["path", roles[0], roles[299], "--format", "json", "--graph", csv], in: directory)
        for name in ["net-image", "image.csv"] {
            let b = try CLI.run(["path", roles[0], roles[299], "--format", "json", "--graph", name], in: directory)
            #expect(a.stdout == b.stdout && a.status == b.status, "\(name): \(b.stderr)")
        }
    }

    @Test func badImagesAreOneLineWithTheirExitStatus() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "from,to,count\na,b,3\nb,c,2\n".write(to: directory.appendingPathComponent("m.csv"), atomically: true, encoding: .utf8)
        #expect(try CLI.run(["index", "m.csv", "-o", "m.rgx"], in: directory).status == 0)
        let image = try [UInt8](Data(contentsOf: directory.appendingPathComponent("m.rgx")))

        func expectError(_ bytes: [UInt8]?, status: Int32, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            if let bytes { try Data(bytes).write(to: directory.appendingPathComponent("bad.rgx")) }
            let result = try CLI.run(["roles", "--graph", "bad.rgx"], in: directory)
            #expect(result.status == status, sourceLocation: sourceLocation)
            #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
            #expect(result.stderr.hasPrefix("rolegraph: error: bad.rgx: " + message), "\(result.stderr)", sourceLocation: sourceLocation)
            #expect(result.stderr.filter { $0 == "\n" }.count == 1, sourceLocation: sourceLocation)
        }
        try expectError(Array(image.prefix(image.count / 2)), status: 65, "truncated snapshot image")
        // A byte of the first section's (the table's first entry gives its offset).
        var firstSection = 0
        for k in 0 ..< 8 { firstSection |= Int(image[32 + 8 + k]) << (8 * k) }
        var flipped = image
        flipped[firstSection + 3] ^= 0x10
        try expectError(flipped, status: 65, "corrupt snapshot image (checksum of section")
        try expectError(Array("from,to\na,b\n".utf8), status: 65, "not a snapshot image")
        try FileManager.default.removeItem(at: directory.appendingPathComponent("bad.rgx"))
        try expectError(nil, status: 66, "no such file")

        // Stale: the source changed after indexing; gone: the image is used as it is.
        try "from,to,count\na,b,3\nb,c,2\nc,d,1\n".write(to: directory.appendingPathComponent("m.csv"), atomically: true, encoding: .utf8)
        let stale = try CLI.run(["roles", "--graph", "m.rgx"], in: directory)
        #expect(stale.status == 65 && stale.stderr.hasPrefix("rolegraph: error: m.rgx: stale snapshot image: "), "\(stale.stderr)")
        try FileManager.default.removeItem(at: directory.appendingPathComponent("m.csv"))
        let gone = try CLI.run(["roles", "--graph", "m.rgx", "--format", "json"], in: directory)
        #expect(gone.status == 0 && gone.stdout.contains("\"a\"") && !gone.stdout.contains("\"d\""), "\(gone.stderr)")

        // A graph file is refused, and nothing is written.
        let yaml = try CLI.run(["index", CLI.fixture("../../Graphs/data-careers.yaml"), "-o", "y.rgx"], in: directory)
        #expect(yaml.status == 65 && yaml.stderr.contains("a snapshot holds an edge-list-shaped graph"), "\(yaml.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("y.rgx").path))
        let usage = try CLI.run(["index", "--graph", "m.csv", "m.csv", "-o", "x.rgx"], in: directory)
        #expect(usage.status == 64)
    }

    @Test func anImageIsABaseForOverlays() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "from,to\na,b\nb,c\n".write(to: directory.appendingPathComponent("m.csv"), atomically: true, encoding: .utf8)
        #expect(try CLI.run(["index", "m.csv", "-o", "m.rgx"], in: directory).status == 0)
        let role = "roles:\n  - id: z\n    name: Zed\n    area: unassigned\nrelations:\n  - {kind: transition, from: c, to: z, effort: 1}\n"
        try ("format: 1\n" + role).write(to: directory.appendingPathComponent("later.yaml"), atomically: true, encoding: .utf8)
        try ("format: 1\nextends: m.rgx\n" + role).write(to: directory.appendingPathComponent("ext.yaml"), atomically: true, encoding: .utf8)
        for graphs in [["--graph", "m.rgx", "--graph", "later.yaml"], ["--graph", "ext.yaml"]] {
            let result = try CLI.run(["path", "a", "z"] + graphs, in: directory)
            #expect(result.status == 0 && result.stdout.hasPrefix("a → b → c → Zed"), "\(graphs): \(result.stdout) \(result.stderr)")
        }
    }

    /// A fresh image is read whole, and not recorded (its last change is too recent to vouch
    /// for it). A record in the user's cache directory (`$XDG_CACHE_HOME`, else `~/.cache`) lets
    /// `path` skip the pass: one forged here to match a damaged image (what bytes changed under
    /// the file system would leave) is believed, and `validate` still reads every byte and
    /// refuses it. The image changed in place again has a new identity: checked, and refused.
    /// (`VerifiedImageLedgerTests` checks when records are written, with the clock moved on.)
    @Test func aRecordInTheCacheDirectoryIsBelievedAndValidateChecksAnyway() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "from,to,effort\na,b,2\nb,c,1.5\na,c,4\n".write(to: directory.appendingPathComponent("m.csv"), atomically: true, encoding: .utf8)
        #expect(try CLI.run(["index", "m.csv", "-o", "m.rgx"], in: directory).status == 0)
        let image = directory.appendingPathComponent("m.rgx"), cache = directory.appendingPathComponent("cache")
        let verified = cache.appendingPathComponent("rolegraph/verified").path
        func records(_ path: String = verified) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }
        func path(_ environment: [String: String] = ["XDG_CACHE_HOME": cache.path]) throws -> CLIResult {
            try CLI.run(["path", "a", "c", "--graph", "m.rgx"], in: directory, environment: environment)
        }
        let first = try path()
        #expect(first.status == 0 && first.stdout.hasPrefix("a → b → c"), "\(first.stderr)")
        #expect(records().isEmpty, "a record of an image changed a moment ago")

        // One byte of the efforts section flipped in place: refused.
        var bytes = try [UInt8](Data(contentsOf: image))
        func u64(_ at: Int) -> Int { (0 ..< 8).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        let efforts = (0 ..< Int(bytes[12])).map { 32 + 32 * $0 }.first { bytes[$0] == 8 }!
        bytes[u64(efforts + 8)] ^= 0x10
        func overwrite() throws {
            let handle = try FileHandle(forWritingTo: image)
            try handle.write(contentsOf: bytes)
            try handle.close()
        }
        try overwrite()
        let damaged = try path()
        #expect(damaged.status == 65 && damaged.stdout.isEmpty)
        #expect(damaged.stderr == "rolegraph: error: m.rgx: corrupt snapshot image (checksum of section efforts)\n", "\(damaged.stderr)")

        // A record forged to name the damaged file as it is now, under XDG_CACHE_HOME and under
        // HOME: believed by path (only on a local disk file system, where records are kept),
        // never by validate.
        func forge(in directory: String) throws {
            var info = stat()
            #expect(stat(image.path, &info) == 0)
            let name = String(UInt64(info.st_dev), radix: 16) + "-" + String(UInt64(info.st_ino), radix: 16)
            let header = String((0 ..< 8).reduce(UInt64(0)) { $0 | UInt64(bytes[24 + $1]) << (8 * UInt64($1)) }, radix: 16)
            let line = "rolegraph verified image v1 format 5 size \(info.st_size) modified \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) "
                + "changed \(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec) header \(header)\n"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try line.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
        }
        // The file system's type, as coreutils' stat prints it (hexadecimal).
        let probe = Process(), out = Pipe()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/stat")
        probe.arguments = ["-f", "-c", "%t", image.path]
        probe.standardOutput = out
        try probe.run()
        probe.waitUntilExit()
        let type = Int(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines), radix: 16)
        let local: Set<Int> = [0xEF53, 0x5846_5342, 0x9123_683E, 0xF2F5_2010, 0x2FC1_2FC1, 0xCA45_1A4E]
        let believed: Int32 = type.map(local.contains) == true ? 0 : 65
        try forge(in: verified)
        #expect(try path().status == believed)
        let home = directory.appendingPathComponent("home")
        try forge(in: home.appendingPathComponent(".cache/rolegraph/verified").path)
        #expect(try path(["XDG_CACHE_HOME": "", "HOME": home.path]).status == believed)
        let validate = try CLI.run(["validate", "m.rgx"], in: directory, environment: ["XDG_CACHE_HOME": cache.path])
        #expect(validate.status == 65)
        #expect(validate.stderr.contains("m.rgx: corrupt snapshot image (checksum of section efforts)"), "\(validate.stderr)")

        // Written in place again (the same bytes): a new identity, so checked again, and refused.
        Thread.sleep(forTimeInterval: 0.05)  // past any Linux file system's time grain
        try overwrite()
        #expect(try path().status == 65)
    }

    /// `index` and `export` refuse to write over their own input, however it is named (the
    /// same path, a path through `..`, a symbolic link): the edge list would be lost.
    @Test func theInputIsNeverOverwritten() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = "from,to,effort\na,b,2\nb,c,1\n"
        try text.write(to: directory.appendingPathComponent("moves.csv"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("link.csv").path, withDestinationPath: "moves.csv")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for arguments in [["index", "moves.csv", "-o", "moves.csv"], ["index", "moves.csv", "-o", "sub/../moves.csv"],
                          ["index", "link.csv", "-o", "moves.csv"], ["index", "moves.csv", "-o", "link.csv"],
                          ["export", "--graph", "moves.csv", "--to", "json", "-o", "moves.csv"],
                          ["export", "--graph", "moves.csv", "--to", "yaml", "-o", "link.csv"]] {
            let run = try CLI.run(arguments, in: directory)
            #expect(run.status == 64, "\(arguments): \(run.stderr)")
            #expect(run.stderr.hasPrefix("rolegraph: error: -o ") && run.stderr.contains(" is the input file "), "\(run.stderr)")
            #expect(try String(contentsOf: directory.appendingPathComponent("moves.csv"), encoding: .utf8) == text)
        }
        let elsewhere = try CLI.run(["index", "moves.csv", "-o", "moves.rgx"], in: directory)
        #expect(elsewhere.status == 0, "\(elsewhere.stderr)")
    }
}
