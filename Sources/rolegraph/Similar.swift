import ArgumentParser
import Foundation
import RoleGraphKit

struct Similar: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "Rank the roles most similar to a role by skills (weighted Jaccard: primary skills count 2, secondary 1).")

    @OptionGroup var graphOptions: GraphOptions

    @Argument(help: "The role.", completion: .custom(Completions.roles))
    var role: String

    @Option(name: [.customLong("top"), .customShort("n", allowingJoined: true)], parsing: .unconditional,
            help: ArgumentHelp("How many roles to show.", valueName: "n"))
    var top: Int = 5

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        _ = try TopOption.resolve(top, oldName: nil)
    }

    func run() throws {
        let graph = try graphOptions.load()
        let role = try graph.roleID(self.role)
        let similar = graph.similarRoles(to: role, limit: top)
        switch format {
        case .json:
            try emit(try Output.json(similar.map(SimilarRoleReport.init)))
        case .table:
            guard !similar.isEmpty else {
                try emit("No role shares a skill with \(graph.displayName(role)).")
                return
            }
            var rows = [["ROLE", "SIMILARITY", "SHARED SKILLS"]]
            for match in similar {
                rows.append([graph.displayName(match.role), String(format: "%.2f", match.similarity),
                             match.sharedSkills.map(graph.skillName).joined(separator: ", ")])
            }
            try emit("Roles most similar to \(graph.displayName(role)) by skills:\n")
            try emit(Output.table(rows))
        }
    }
}

/// The JSON form of one `similar` row.
struct SimilarRoleReport: Encodable {
    var role: String
    var similarity: Double
    var sharedSkills: [String]

    init(_ match: SimilarRole) {
        role = match.role.rawValue
        similarity = match.similarity
        sharedSkills = match.sharedSkills.map(\.rawValue)
    }

    enum CodingKeys: String, CodingKey { case role, similarity, sharedSkills = "shared_skills" }
}
