import ArgumentParser
import Foundation
import RoleGraphKit

struct Centrality: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "centrality",
        abstract: "Find the gateway roles: betweenness on career transitions, and how many relations of each kind a role has.",
        discussion: "Betweenness is the share of cheapest career paths between other roles that pass through a role (Brandes 2001), normalised to [0, 1].")

    @OptionGroup var graphOptions: GraphOptions

    @Option(name: [.customLong("top"), .customShort("n", allowingJoined: true)], parsing: .unconditional,
            help: ArgumentHelp("How many roles to show.", valueName: "n"))
    var top: Int = 10

    @Flag(help: "Measure paths by declared effort instead of by number of moves.")
    var weighted = false

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        _ = try TopOption.resolve(top, oldName: nil)
    }

    func run() throws {
        let graph = try graphOptions.load()
        let ranking = Array(graph.centrality(weighted: weighted).prefix(top))
        switch format {
        case .json: try emit(try Output.json(ranking))
        case .table:
            var rows = [["", "ROLE", "BETWEENNESS", "MOVES IN", "MOVES OUT", "RELIED ON BY", "RELIES ON", "WORKS WITH"]]
            for (i, entry) in ranking.enumerated() {
                rows.append(["\(i + 1).", graph.displayName(entry.role), String(format: "%.3f", entry.betweenness),
                             "\(entry.transitionsIn)", "\(entry.transitionsOut)", "\(entry.reliedOnBy)", "\(entry.reliesOn)",
                             "\(entry.collaborations)"])
            }
            try emit("Gateway roles (betweenness on transitions, \(weighted ? "by effort" : "by moves")):\n")
            try emit(Output.table(rows))
            let gateways = ranking.filter { $0.betweenness > 0 }.prefix(3).map { graph.displayName($0.role) }
            if !gateways.isEmpty {
                try emit("\nMost career paths between other roles pass through: " + gateways.joined(separator: ", ") + ".")
            }
        }
    }
}
