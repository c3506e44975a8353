import ArgumentParser
import RoleGraphKit

struct Reachable: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reachable", abstract: "List every role reachable from a role, nearest first, with distance and cost.")

    @OptionGroup var graphOptions: GraphOptions

    @Argument(help: "The role to start from.", completion: .custom(Completions.roles))
    var role: String

    @Option(name: .customLong("max-steps"), parsing: .unconditional, help: "Only roles within this many moves.")
    var maxSteps: Int?

    @OptionGroup var costOptions: CostOptions

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    func run() throws {
        let graph = try graphOptions.load()
        let role = try graph.roleID(self.role)
        var planner = try RoutePlanner(graph: graph, costing: try costOptions.costing(in: graph))
        let paths = try planner.reachable(from: role, maxSteps: maxSteps)
        switch format {
        case .json:
            try emit(try Output.json(paths))
            // The JSON is a list of paths; the search that found them is a note on standard error.
            if planner.lastSearch == .bestOfCandidates { ErrorReporter.printNote("note: " + PathText.candidatesExplanation) }
        case .table:
            let limit = maxSteps.map { " within \($0) step\($0 == 1 ? "" : "s")" } ?? ""
            guard !paths.isEmpty else {
                try emit("No role is reachable from \(graph.displayName(role))\(limit).")
                return
            }
            var rows = [["ROLE", "STEPS", PathText.unit(costOptions.cost).uppercased(), "VIA"]]
            for path in paths {
                let via = path.roles.dropFirst().dropLast().map(graph.displayName).joined(separator: " → ")
                rows.append([graph.displayName(path.roles.last!), "\(path.steps.count)", Output.number(path.cost), via.isEmpty ? "direct" : via])
            }
            try emit("Reachable from \(graph.displayName(role))\(limit): \(paths.count) role\(paths.count == 1 ? "" : "s")\n")
            try emit(Output.table(rows))
            if planner.lastSearch == .bestOfCandidates { try emit("\n" + PathText.candidatesNote) }
        }
    }
}
