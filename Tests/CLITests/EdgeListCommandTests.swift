import Foundation
import Testing

/// Transition files as they come, end to end: the warning summary, --strict, --columns, header
/// did-you-mean, sniffed separators, .gz, and --cost likely.
@Suite struct EdgeListCommandTests {
    static let moves = CLI.fixture("edgelists/likely/moves.csv")

    /// A realistic observed-moves file of `rows` rows, generated with a fixed seed: 2,000 roles
    /// with long names (some with `;` and quotes), moves concentrated on nearby roles so many
    /// rows repeat, self-moves, zero counts, `;`-separated. Returns the text and what the loader
    /// must report, counted here independently.
    static func movesFile(rows: Int, seed: UInt64) -> (text: String, aggregated: Int, selfMoves: Int, zero: Int) {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let sectors = ["Financial Services", "Public Sector; Defence", "Retail \"Online\"", "Healthcare"]
        let names = (0..<2000).map { i in
            "Senior Data & Analytics Specialist \(i) (\(sectors[i % sectors.count]))"
        }
        func quoted(_ name: String) -> String {
            name.contains(";") || name.contains("\"") ? "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : name
        }
        var text = "source;target;weight\n"
        var seen = Set<Int>()
        var aggregated = 0, selfMoves = 0, zero = 0
        for _ in 0..<rows {
            let a = next(2000)
            let b = next(10) == 0 ? a : (a + next(7)) % 2000
            let count = next(20) == 0 ? 0 : 1 + next(500)
            text += "\(quoted(names[a]));\(quoted(names[b]));\(count)\n"
            if count == 0 { zero += 1 } else if a == b { selfMoves += 1 } else if !seen.insert(a * 2000 + b).inserted { aggregated += 1 }
        }
        return (text, aggregated, selfMoves, zero)
    }

    static func grouped(_ n: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.locale = Locale(identifier: "en_US")
        return formatter.string(from: NSNumber(value: n))!
    }

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rolegraph-edgelists-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func aRealisticFileLoadsWithOneWarningLine() throws {
        let (text, aggregated, selfMoves, zero) = Self.movesFile(rows: 20_000, seed: 17)
        #expect(aggregated > 1000 && selfMoves > 1000 && zero > 500)
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("moves.csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["stats", "--graph", "moves.csv"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "rolegraph: warning: moves.csv: aggregated \(Self.grouped(aggregated)) repeated rows, "
                + "\(Self.grouped(selfMoves)) self-moves kept as stayers, \(Self.grouped(zero)) zero-count rows skipped\n")
        #expect(result.stdout.contains("Roles                    2000"))

        // The same file gzip-compressed reads the same.
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-kn", file.path]
        try gzip.run()
        gzip.waitUntilExit()
        let compressed = try CLI.run(["stats", "--graph", "moves.csv.gz"], in: directory)
        #expect(compressed.status == 0, "\(compressed.stderr)")
        #expect(compressed.stderr == result.stderr.replacingOccurrences(of: "moves.csv:", with: "moves.csv.gz:"))
        #expect(compressed.stdout.split(separator: "\n").dropLast() == result.stdout.split(separator: "\n").dropLast())

        // --strict refuses the repairs: exit 65, each at its row, the rest counted.
        let strict = try CLI.run(["stats", "--graph", "moves.csv", "--strict"], in: directory)
        #expect(strict.status == 65)
        #expect(strict.stdout.isEmpty)
        let lines = strict.stderr.split(separator: "\n")
        #expect(lines.count == 101)
        #expect(lines.allSatisfy { $0.hasPrefix("rolegraph: error: moves.csv:") || $0.hasPrefix("rolegraph: error: … and ") })
        #expect(lines.contains { $0.contains("--strict refuses") })
    }

    @Test func validateReportsTheRepairsAndStrictRefusesThem() throws {
        let text = "from,to,count\na,b,1\na,b,2\nb,b,5\n"
        let result = try CLI.run(["validate", "-", "--graph-format", "csv"], stdin: text)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "rolegraph: warning: <stdin>: aggregated 1 repeated row, 1 self-move kept as stayers\n")
        let strict = try CLI.run(["validate", "-", "--graph-format", "csv", "--strict"], stdin: text)
        #expect(strict.status == 65)
        #expect(strict.stderr.hasPrefix("rolegraph: error: <stdin>:3:1: the transition 'a' → 'b' repeats line 2; --strict refuses repeated rows"))
    }

    /// Issue 21, item 2, end to end: the 400 KB line of 80,000 "text after a closing quote"
    /// problems is one data error (exit 65) listing the first 100 and counting the rest.
    @Test func aLineOfManyQuoteErrorsIsADataError() throws {
        let text = "from,to\n" + String(repeating: "\"a\"x,", count: 80_000) + "\n"
        let result = try CLI.run(["stats", "--graph", "-", "--graph-format", "csv"], stdin: text)
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 101)
        #expect(lines.first == "rolegraph: error: <stdin>:2:4: unexpected text after a closing quote (double a quote inside a quoted field: \"\")")
        #expect(lines.last == "rolegraph: error: … and 79901 more problems")
    }

    @Test func misspeltHeadersGetADidYouMean() throws {
        let result = try CLI.run(["roles", "--graph", "-", "--graph-format", "csv"], stdin: "sourse,target,wieght\na,b,1\n")
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("rolegraph: error: <stdin>:1:1: unknown column 'sourse' in the header (did you mean 'source'?)"))
        #expect(result.stderr.contains("rolegraph: error: <stdin>:1:15: unknown column 'wieght' in the header (did you mean 'weight'?)"))
    }

    @Test func columnsNameAnyHeader() throws {
        let text = "origin occupation;destination occupation;people moving\na;b;4\na;c;1\n"
        let ok = try CLI.run(["next", "a", "--graph", "-", "--graph-format", "csv", "--cost", "likely",
                              "--columns", "from=origin occupation,to=destination occupation,count=people moving"], stdin: text)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("1. b  [cost 0.22, 80% of moves out of a]"))
        let unknownKey = try CLI.run(["roles", "--graph", "-", "--graph-format", "csv", "--columns", "form=origin"], stdin: text)
        #expect(unknownKey.status == 64)
        #expect(unknownKey.stderr == "rolegraph: error: --columns: unknown column 'form' (did you mean 'from'?); the columns are from, to, kind, effort, count, note\n")
        // A mapping to a column the header lacks is the one error, with the header's columns;
        // the standard column it displaces is not reported as unknown.
        let missing = try CLI.run(["roles", "--graph", "-", "--graph-format", "csv", "--columns", "from=origin"],
                                  stdin: "from;to;count\na;b;1\n")
        #expect(missing.status == 65)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr == "rolegraph: error: <stdin>:1:1: --columns maps 'from' to 'origin', but the header has no column 'origin'; "
                + "its columns are 'from', 'to', 'count'\n")
        let builtIn = try CLI.run(["roles", "--columns", "from=a"])
        #expect(builtIn.status == 64)
        #expect(builtIn.stderr.contains("give the edge list with --graph FILE"))
    }

    @Test func semicolonAndPipeFilesAreRead() throws {
        for separator in [";", "|", "\t"] {
            let result = try CLI.run(["roles", "--graph", "-", "--graph-format", "csv"],
                                     stdin: ["from", "to", "count"].joined(separator: separator) + "\n" + ["a", "b", "2"].joined(separator: separator) + "\n")
            #expect(result.status == 0, "\(separator): \(result.stderr)")
            #expect(result.stdout.contains("  a  a") && result.stdout.contains("  b  b"), "\(separator)")
        }
    }

    @Test func likelyPathGolden() throws {
        let result = try CLI.run(["path", "Data Analyst", "ML Engineer", "--graph", Self.moves, "--cost", "likely", "--top", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasSuffix("moves.csv: 2 self-moves kept as stayers, 1 zero-count row skipped\n"))
        try Golden.check(result.stdout, against: "path-likely.txt")
    }

    /// The most likely ways into a role, from any role but the goal (the file states no entry
    /// level), each with its probability; without counts the same command is a usage error.
    @Test func likelyPlanGolden() throws {
        let result = try CLI.run(["plan", "--goal", "ML Engineer", "--graph", Self.moves, "--cost", "likely", "--top", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        try Golden.check(result.stdout, against: "plan-likely.txt")
        let builtIn = try CLI.run(["plan", "--goal", "ml-engineer", "--cost", "likely"])
        #expect(builtIn.status == 64)
        #expect(builtIn.stderr.hasPrefix("rolegraph: error: --cost likely reads the transitions' count"))
    }

    @Test func likelyNextGoldenAndSharesSumToOneMinusStayers() throws {
        let text = try CLI.run(["next", "Data Analyst", "--graph", Self.moves, "--cost", "likely"])
        #expect(text.status == 0, "\(text.stderr)")
        try Golden.check(text.stdout, against: "next-likely.txt")
        let json = try CLI.run(["next", "Data Analyst", "--graph", Self.moves, "--cost", "likely", "--format", "json"])
        let moves = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let shares = moves.compactMap { $0["share"] as? Double }
        #expect(shares.count == 2)
        // 31 + 45 moved, 24 stayed: the shares sum to 76%.
        #expect(abs(shares.reduce(0, +) - 0.76) < 1e-12)
        #expect(text.stdout.contains("24% of the people observed in Data Analyst stayed."))
    }

    @Test func likelyWithoutCountsIsAUsageError() throws {
        let result = try CLI.run(["path", "data-analyst", "ml-engineer", "--cost", "likely"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "rolegraph: error: --cost likely reads the transitions' count (observed moves) and the roles' stayers, "
                + "and no transition of this graph has a count (an edge list's 'count' column, or 'weight', 'n', 'moves'); use --cost effort, hops or skills\n")
        let help = try CLI.run(["path", "--help"])
        #expect(help.stdout.contains("likely (reads the transitions' count"))
    }

    @Test(arguments: ["reachable", "compare"])
    func likelyWorksForTheOtherPathCommands(_ command: String) throws {
        let arguments = command == "compare" ? ["compare", "Data Analyst", "ML Engineer"] : ["reachable", "Data Analyst"]
        let result = try CLI.run(arguments + ["--graph", Self.moves, "--cost", "likely"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("-ln share") || result.stdout.contains("-LN SHARE"))
    }

    /// Reading a large file shows its progress on a terminal, and only there. The file is large
    /// by one comment line (skipped), so the test reads 32 MiB quickly.
    @Test func readingALargeFileShowsProgressOnATerminalOnly() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rolegraph-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("large.csv").path
        var bytes = Array("from,to,effort\n#".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 32 << 20)
        bytes += Array("\nanalyst,scientist,2\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let (status, text) = try CLI.runOnTerminal("'\(CLI.binary.path)' path analyst scientist --graph '\(path)'", in: directory)
        #expect(status == 0, "\(text)")
        #expect(text.contains("rolegraph: reading \(path)…"), "\(text)")
        #expect(text.contains("\u{1B}[K") && text.contains("analyst → scientist"))

        let piped = try CLI.run(["path", "analyst", "scientist", "--graph", path])
        #expect(piped.status == 0 && piped.stdout.contains("analyst → scientist"))
        #expect(piped.stderr.isEmpty, "\(piped.stderr)")
    }
}

extension EdgeListCommandTests {
    /// On a network where a role reaches hundreds of others, the table lists the nearest 50 and
    /// says how many more, in order and with the full count in its first line; --top lists as
    /// many as asked, and JSON lists every one unless --top says otherwise.
    @Test func reachableOnALargeNetworkListsTheNearestAndCountsTheRest() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rolegraph-reachable-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = try TransitionNetworks.write(roles: 400, in: directory)
        let from = try TransitionNetworks.roles(in: csv)[0]
        let all = try CLI.run(["reachable", from, "--graph", csv, "--format", "json"])
        #expect(all.status == 0, "\(all.stderr)")
        guard case .array(let every) = try JSONValue.parse(all.stdout) else { Issue.record("not a list"); return }
        #expect(every.count > 100, "the network is meant to reach far: \(every.count)")
        let table = try CLI.run(["reachable", from, "--graph", csv])
        #expect(table.status == 0 && table.stderr.isEmpty)
        let lines = table.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Reachable from \(from): \(every.count) roles")
        // The table's rows: between its header and the closing line, those not continuing a
        // wrapped VIA cell.
        let header = try #require(lines.firstIndex { $0.hasPrefix("ROLE ") })
        let end = try #require(lines.firstIndex { $0.hasPrefix("… and ") })
        let rows = lines[(header + 1) ..< end].filter { !$0.hasPrefix(" ") && !$0.isEmpty }
        #expect(rows.count == 50, "\(rows.count) rows")
        #expect(lines.contains("… and \(every.count - 50) more roles (--top N lists more; --format json lists every one)."))
        // The rows are the first 50 of the full list, in its order.
        let listed = rows.map { String($0.prefix { $0 != " " }) }
        let expected: [String] = every.prefix(50).compactMap { path in
            guard case .array(let roles)? = path["roles"], case .string(let last)? = roles.last else { return nil }
            return last
        }
        #expect(listed == expected)
        let three = try CLI.run(["reachable", from, "--graph", csv, "-n", "3"])
        #expect(three.stdout.contains("… and \(every.count - 3) more roles"))
        let json = try CLI.run(["reachable", from, "--graph", csv, "--top", "7", "--format", "json"])
        guard case .array(let seven) = try JSONValue.parse(json.stdout) else { Issue.record("not a list"); return }
        #expect(seven.count == 7)
    }
}
