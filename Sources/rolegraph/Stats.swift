import ArgumentParser
import Foundation
import RoleGraphKit

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Count the graph's roles, areas, skills and relations, and time the load.")

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    func run() throws {
        let clock = ContinuousClock()
        var graph: RoleGraph?
        let elapsed = try clock.measure { graph = try graphOptions.load() }
        let stats = GraphStatistics(graph!, loadSeconds: Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds))
        switch format {
        case .json: try emit(try Output.json(stats))
        case .table: try emit(stats.text)
        }
    }
}

/// What `stats` reports.
struct GraphStatistics: Encodable {
    var name: String
    var roles: Int
    var areas: Int
    var skills: Int
    var relations: [String: Int]
    var rolesPerArea: [String: Int]
    var entryLevelRoles: Int
    var rolesWithoutTransitionsIn: [String]
    var rolesWithoutTransitionsOut: [String]
    var loadMilliseconds: Double

    enum CodingKeys: String, CodingKey {
        case name, roles, areas, skills, relations
        case rolesPerArea = "roles_per_area", entryLevelRoles = "entry_level_roles"
        case rolesWithoutTransitionsIn = "roles_without_transitions_in", rolesWithoutTransitionsOut = "roles_without_transitions_out"
        case loadMilliseconds = "load_milliseconds"
    }

    init(_ graph: RoleGraph, loadSeconds: Double) {
        name = graph.name
        roles = graph.roles.count
        areas = graph.areas.count
        skills = graph.skills.count
        // By position and kind, so that an edge list's relations stay columns (no value made).
        var byKind = (stakeholder: 0, collaboration: 0, transition: 0)
        for position in 0 ..< graph.relationCount {
            switch graph.kind(ofRelationAt: position) {
            case .stakeholder: byKind.stakeholder += 1
            case .collaboration: byKind.collaboration += 1
            case .transition: byKind.transition += 1
            }
        }
        relations = [RelationKind.stakeholder.rawValue: byKind.stakeholder,
                     RelationKind.collaboration.rawValue: byKind.collaboration,
                     RelationKind.transition.rawValue: byKind.transition]
        rolesPerArea = Dictionary(uniqueKeysWithValues: graph.areas.map { ($0.id.rawValue, 0) })
        for role in graph.roles { rolesPerArea[role.area.rawValue, default: 0] += 1 }
        entryLevelRoles = graph.roles.filter { $0.entryLevel == true }.count
        var into = [Bool](repeating: false, count: graph.roles.count)
        var outOf = into
        for position in 0 ..< graph.relationCount where graph.kind(ofRelationAt: position) == .transition {
            let (a, b) = graph.endpoints(ofRelationAt: position)
            outOf[Int(a)] = true
            into[Int(b)] = true
        }
        let limit = 20
        rolesWithoutTransitionsIn = graph.roles.indices.filter { !into[$0] }.prefix(limit).map { graph.roles[$0].id.rawValue }
        rolesWithoutTransitionsOut = graph.roles.indices.filter { !outOf[$0] }.prefix(limit).map { graph.roles[$0].id.rawValue }
        loadMilliseconds = (loadSeconds * 1000 * 100).rounded() / 100
    }

    var text: String {
        var rows: [[String]] = [
            ["Graph", name],
            ["Roles", "\(roles)"],
            ["Areas", rolesPerArea.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ").isEmpty
                ? "\(areas)" : "\(areas) (" + rolesPerArea.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"],
            ["Skills", "\(skills)"],
        ]
        for kind in RelationKind.allCases { rows.append(["\(kind.rawValue.capitalized) relations", "\(relations[kind.rawValue] ?? 0)"]) }
        rows.append(["Entry-level roles", "\(entryLevelRoles)"])
        rows.append(["No transition in", rolesWithoutTransitionsIn.isEmpty ? "none" : rolesWithoutTransitionsIn.joined(separator: ", ")])
        rows.append(["No transition out", rolesWithoutTransitionsOut.isEmpty ? "none" : rolesWithoutTransitionsOut.joined(separator: ", ")])
        rows.append(["Load time", String(format: "%.2f ms", loadMilliseconds)])
        return Output.table(rows)
    }
}
