import ArgumentParser
import RoleGraphKit

struct Reachable: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reachable", abstract: "List the roles reachable from a role, nearest first, with distance and cost.")

    @OptionGroup var graphOptions: GraphOptions

    @Argument(help: "The role to start from.", completion: .custom(Completions.roles))
    var role: String

    @Option(name: .customLong("max-steps"), parsing: .unconditional, help: "Only roles within this many moves.")
    var maxSteps: Int?

    @Option(name: [.customLong("top"), .customShort("n", allowingJoined: true)], parsing: .unconditional,
            help: ArgumentHelp("How many roles to list, nearest first (default: \(Self.tableRows) in a table, with a line saying how many more; every one in JSON).",
                               valueName: "n"))
    var top: Int?

    /// The rows a table lists without --top: enough to read, where a large network reaches its
    /// every role (100,000 rows are a wall of text, not an answer).
    static let tableRows = 50

    @OptionGroup var costOptions: CostOptions

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        if let top { _ = try TopOption.resolve(top, oldName: nil) }
    }

    func run() throws {
        let graph = try graphOptions.load()
        let role = try graph.roleID(self.role)
        var planner = try RoutePlanner(graph: graph, costing: try costOptions.costing(in: graph))
        let paths = try planner.reachable(from: role, maxSteps: maxSteps)
        switch format {
        case .json:
            try emitJSONArray(paths.prefix(top ?? paths.count))
            // The JSON is a list of paths; the search that found them is a note on standard error.
            if planner.lastSearch == .bestOfCandidates { ErrorReporter.printNote("note: " + PathText.candidatesExplanation) }
        case .table:
            let limit = maxSteps.map { " within \($0) step\($0 == 1 ? "" : "s")" } ?? ""
            guard !paths.isEmpty else {
                try emit("No role is reachable from \(graph.displayName(role))\(limit).")
                return
            }
            let shown = paths.prefix(top ?? Self.tableRows)
            var rows = [["ROLE", "STEPS", PathText.unit(costOptions.cost).uppercased(), "VIA"]]
            for path in shown {
                let via = path.roles.dropFirst().dropLast().map(graph.displayName).joined(separator: " → ")
                rows.append([graph.displayName(path.roles.last!), "\(path.steps.count)", Output.number(path.cost), via.isEmpty ? "direct" : via])
            }
            try emit("Reachable from \(graph.displayName(role))\(limit): \(paths.count) role\(paths.count == 1 ? "" : "s")\n")
            try emit(Output.table(rows))
            if shown.count < paths.count {
                let more = paths.count - shown.count
                try emit("… and \(more) more role\(more == 1 ? "" : "s") (--top N lists more; --format json lists every one).")
            }
            if planner.lastSearch == .bestOfCandidates { try emit("\n" + PathText.candidatesNote) }
        }
    }
}
