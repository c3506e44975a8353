import ArgumentParser
import RoleGraphKit

struct Roles: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "roles", abstract: "List the roles, grouped by area.")

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: ArgumentHelp("Only the roles of this area: id or name (repeatable).", valueName: "area"),
            completion: .custom(Completions.areas))
    var area: [String] = []

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    func run() throws {
        let graph = try graphOptions.load()
        var areas = graph.areas
        // Grouped once: asking the graph per area scans every role for each of thousands of areas.
        let byArea = Dictionary(grouping: graph.roles, by: \.area)
        if !area.isEmpty {
            let ids = Set(try area.map { try graph.resolveArea($0) })
            areas = areas.filter { ids.contains($0.id) }
        }
        switch format {
        case .json:
            try emit(try Output.json(areas.flatMap { byArea[$0.id] ?? [] }))
        case .table:
            var blocks: [String] = []
            for area in areas {
                let roles = byArea[area.id] ?? []
                var rows: [[String]] = []
                for role in roles {
                    var facts: [String] = []
                    if let entry = role.entryLevel { facts.append(entry ? "entry-level" : "experienced") }
                    if let prevalence = role.prevalence, prevalence != .common { facts.append(prevalence.rawValue) }
                    rows.append([role.id.rawValue, role.name, facts.joined(separator: ", "), role.titles.joined(separator: " · ")])
                }
                let header = "\(area.name) (\(roles.count) role\(roles.count == 1 ? "" : "s"))" + (area.summary.isEmpty ? "" : ": \(area.summary)")
                blocks.append(Output.wrap(header) + "\n" + Output.table(rows, indent: "  "))
            }
            try emit(blocks.joined(separator: "\n\n"))
        }
    }
}
