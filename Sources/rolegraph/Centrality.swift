import ArgumentParser
import Foundation
import RoleGraphKit

/// `--samples`: a number of source roles, `all`, or `auto`.
enum SamplesOption: ExpressibleByArgument, Equatable {
    case all, auto, count(Int)

    init?(argument: String) {
        switch argument.lowercased() {
        case "all": self = .all
        case "auto": self = .auto
        default:
            guard let k = Int(argument), k >= 1 else { return nil }
            self = .count(k)
        }
    }

    var samples: CentralitySamples {
        switch self {
        case .all: return .all
        case .auto: return .automatic
        case .count(let k): return .count(k)
        }
    }
}

struct Centrality: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "centrality",
        abstract: "Find the gateway roles: betweenness on career transitions, and how many relations of each kind a role has.",
        discussion: """
            Betweenness is the share of cheapest career paths between other roles that pass through a role \
            (Brandes 2001), normalised to [0, 1]. On large graphs it is estimated from a seeded sample of \
            source roles (Brandes and Pich 2007): --samples auto, the default, computes it exactly while \
            roles × transitions stays under \(CentralitySamples.exactWorkLimit) and samples above; the \
            output says which.
            """)

    @OptionGroup var graphOptions: GraphOptions

    @Option(name: [.customLong("top"), .customShort("n", allowingJoined: true)], parsing: .unconditional,
            help: ArgumentHelp("How many roles to show.", valueName: "n"))
    var top: Int = 10

    @Flag(help: "Measure paths by declared effort instead of by number of moves.")
    var weighted = false

    @Option(help: ArgumentHelp("Source roles for betweenness: a number (an estimate), all (exact) or auto (by size).", valueName: "k|all|auto"))
    var samples: SamplesOption = .auto

    @Option(help: ArgumentHelp("The seed of the sample of source roles.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        _ = try TopOption.resolve(top, oldName: nil)
    }

    func run() throws {
        let graph = try graphOptions.load()
        Interrupt.install()
        let result = Progress.run("betweenness on \(DiagramNote.grouped(graph.roles.count)) roles", enabled: format != .json) {
            graph.centrality(samples: samples.samples, seed: seed, weighted: weighted)
        }
        let ranking = Array(result.roles.prefix(top))
        switch format {
        case .json: try emit(try Output.json(CentralityReport(result: result, shown: ranking)))
        case .table:
            let digits = Self.digits(ranking.map(\.betweenness))
            var rows = [["", "ROLE", "BETWEENNESS", "MOVES IN", "MOVES OUT", "RELIED ON BY", "RELIES ON", "WORKS WITH"]]
            for (i, entry) in ranking.enumerated() {
                rows.append(["\(i + 1).", graph.displayName(entry.role), String(format: "%.\(digits)f", entry.betweenness),
                             "\(entry.transitionsIn)", "\(entry.transitionsOut)", "\(entry.reliedOnBy)", "\(entry.reliesOn)",
                             "\(entry.collaborations)"])
            }
            try emit("Gateway roles (betweenness on transitions, \(weighted ? "by effort" : "by moves"), \(Self.method(result))):\n")
            try emit(Output.table(rows))
            let onMost = result.onMostPaths.prefix(3).map { graph.displayName($0.role) }
            let threshold = Output.number(CentralityRanking.mostPathsThreshold * 100)
            if !onMost.isEmpty {
                try emit("\nMore than \(threshold)% of career paths between other roles pass through: " + onMost.joined(separator: ", ") + ".")
            } else if let first = ranking.first, first.betweenness > 0 {
                try emit("\nNo role lies on more than \(threshold)% of career paths between other roles; the highest, "
                         + "\(graph.displayName(first.role)), on \(Output.number((first.betweenness * 1000).rounded() / 10))%.")
            }
        }
    }

    /// "exact" or "sampled 250 of 20,000 sources, seed 1".
    static func method(_ result: CentralityRanking) -> String {
        guard let k = result.sampledSources else { return "exact" }
        return "sampled \(DiagramNote.grouped(k)) of \(DiagramNote.grouped(result.sourceCount)) sources, seed \(result.seed ?? 0)"
    }

    /// Decimal places enough to tell the shown values apart: 3, or more (up to 8) while two
    /// different values would print the same.
    static func digits(_ values: [Double]) -> Int {
        let distinct = Set(values)
        for digits in 3 ... 8 {
            let printed = Set(distinct.map { String(format: "%.\(digits)f", $0) })
            if printed.count == distinct.count { return digits }
        }
        return 8
    }
}

/// `centrality --format json`: how betweenness was computed, and the roles shown.
struct CentralityReport: Encodable {
    var result: CentralityRanking
    var shown: [RoleCentrality]

    private enum CodingKeys: String, CodingKey { case method, sources, sampled, seed, roles }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(result.sampledSources == nil ? "exact" : "sampled", forKey: .method)
        try c.encode(result.sourceCount, forKey: .sources)
        try c.encode(result.sampledSources ?? result.sourceCount, forKey: .sampled)
        try c.encodeIfPresent(result.seed, forKey: .seed)
        try c.encode(shown, forKey: .roles)
    }
}
