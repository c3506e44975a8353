import Foundation
import Testing

/// Output for real sizes: clusters summarised (size, top roles by weighted degree, --members,
/// names from the role names' distinctive words when there are no areas), and tables fitted to the
/// terminal width and aligned by display width.
@Suite struct TableOutputTests {
    static let words = CLI.fixture("edgelists/clusters/words.csv")

    @Test func clustersOfAnEdgeListAreNamedByTheirWords() throws {
        let result = try CLI.run(["clusters", "--graph", Self.words, "--relations", "transition"])
        #expect(result.status == 0, "\(result.stderr)")
        try Golden.check(result.stdout, against: "clusters-edgelist.txt")
        #expect(result.stdout.contains("1. Driver · Warehouse  (10 roles)"))
        #expect(result.stdout.contains("… and 2 more (--members lists all)"))
        // The hub of each group (50 moves with every other role) is listed first.
        #expect(result.stdout.contains("\n   Warehouse Driver, "))
        #expect(result.stdout.contains("\n   Payroll Clerk, "))
    }

    @Test func membersListsEveryRole() throws {
        let result = try CLI.run(["clusters", "--graph", Self.words, "--relations", "transition", "--members"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("more (--members lists all)"))
        for role in ["Route Planner", "Truck Driver", "Van Driver", "Payroll Officer"] {
            #expect(result.stdout.contains(role), "\(role)")
        }
    }

    /// Columns of a terminal, counted independently of the tool: the fixture's wide characters
    /// are all CJK ideographs or U+1F4CA, two columns each.
    static func columns(_ line: Substring) -> Int {
        line.unicodeScalars.reduce(0) { width, scalar in
            width + ((0x4E00...0x9FFF).contains(scalar.value) || scalar.value == 0x1F4CA ? 2 : 1)
        }
    }

    @Test func tablesAlignWideCharactersAndFitTheWidth() throws {
        let text = "from,to\n数据分析师,数据科学家\n数据科学家,机器学习工程师\n📊 Analyst,数据分析师\n"
        for width in [40, 60, 120] {
            let result = try CLI.run(["reachable", "📊 Analyst", "--graph", "-", "--graph-format", "csv"],
                                     stdin: text, environment: ["COLUMNS": String(width)])
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n")
            // The rows, without the continuation lines of a wrapped last column.
            let rows = lines.drop { !$0.hasPrefix("ROLE") }.filter { !$0.hasPrefix(" ") }
            #expect(rows.count == 4, "\(result.stdout)")
            // Every row's second column starts at the same terminal column.
            let starts = rows.map { row -> Int in
                let cells = row.components(separatedBy: "  ").filter { !$0.isEmpty }
                let prefix = row.range(of: "  " + cells[1].trimmingCharacters(in: .whitespaces))!.lowerBound
                return Self.columns(row[..<prefix]) + 2
            }
            #expect(Set(starts).count == 1, "\(width): \(result.stdout)")
            for line in lines {
                #expect(Self.columns(line) <= max(width, 40), "\(width): \(line)")
                #expect(!line.hasSuffix(" "), "\(width): trailing space in \(line)")
            }
        }
    }

    /// In a pipe with no `COLUMNS` the width is unknown: nothing is cut, however long (a saved
    /// table keeps every id), while `COLUMNS=60` cuts the same id with "…".
    @Test func aPipeWithoutColumnsCutsNothing() throws {
        let esco = CLI.fixture("esco/esco-like.yaml")
        let id = "data-extraction-transformation-and-loading-tools"
        let piped = try CLI.run(["skills", "search", "data", "--graph", esco], environment: ["COLUMNS": ""])
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout.contains(id))
        #expect(!piped.stdout.contains("…"))
        let narrow = try CLI.run(["skills", "search", "data", "--graph", esco], environment: ["COLUMNS": "60"])
        #expect(!narrow.stdout.contains(id))
        #expect(narrow.stdout.contains("…"))
    }

    @Test func aNarrowTerminalWrapsTheLastColumnUnderItself() throws {
        let result = try CLI.run(["roles"], environment: ["COLUMNS": "70"])
        #expect(result.status == 0)
        for line in result.stdout.split(separator: "\n") {
            #expect(line.count <= 70, "\(line)")
            #expect(!line.hasSuffix(" "), "\(line)")
        }
        // A continuation line is indented to the last column, so no title is lost.
        #expect(result.stdout.contains("Reliability Engineer"))
    }

    @Test func noGoldenHasATrailingSpace() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Golden.directory.path)
        #expect(names.count > 10)
        for name in names {
            let text = try String(contentsOf: Golden.directory.appendingPathComponent(name), encoding: .utf8)
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                #expect(!line.hasSuffix(" "), "\(name):\(i + 1)")
            }
        }
    }
}
