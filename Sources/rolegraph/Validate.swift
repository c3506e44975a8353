import ArgumentParser
import RoleGraphKit

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check graph files and report every problem as file:line:column.",
        discussion: "Prints one line per valid file on standard output and one error line per problem on standard error.")

    @Argument(help: "Graph files to check (YAML, JSON, DOT, CSV/TSV edge lists).")
    var files: [String]

    /// `--graph-format` gives the files' format when their extensions do not say; `--graph` is
    /// refused (the files to check are the arguments).
    @OptionGroup var graphOptions: GraphOptions

    func validate() throws {
        if let graph = graphOptions.graph {
            throw ValidationError("validate checks the files named as its arguments, not --graph: 'rolegraph validate \(graph)'")
        }
        if files.isEmpty { throw ValidationError("name at least one graph file to validate") }
    }

    func run() throws {
        var invalid = 0, missing = 0
        for file in files {
            let graph: RoleGraph
            do {
                graph = try RoleGraph.load(contentsOf: file, format: graphOptions.graphFormat)
            } catch {
                switch error {
                case .invalid: invalid += 1
                case .fileNotFound, .unreadable: missing += 1
                }
                _ = ErrorReporter.report(error, command: RoleGraphCommand.self)
                continue
            }
            let counts = Dictionary(grouping: graph.relations, by: \.kind).mapValues(\.count)
            try emit("\(file): ok — \(graph.roles.count) roles in \(graph.areas.count) areas, \(graph.skills.count) skills, "
                     + RelationKind.allCases.map { "\(counts[$0, default: 0]) \($0.rawValue)" }.joined(separator: ", "))
        }
        if missing > 0 { throw ReportedError(status: .inputMissing) }
        if invalid > 0 { throw ReportedError(status: .invalidGraph) }
    }
}
