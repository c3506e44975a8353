import ArgumentParser
import Foundation
import RoleGraphKit

@main
struct RoleGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rolegraph",
        abstract: "Shows how career roles in data and ML connect, and how to move between them.",
        discussion: """
            With no --graph, every command uses the built-in graph of the article "Career options \
            in data" (10 roles in 3 areas). The global options (--graph, --graph-format, \
            --max-input-size, --columns, --strict) may come before or after the command name.

            \(ExitStatus.documentation)
            """,
        version: "0.1.0",
        subcommands: [Roles.self, Show.self, Path.self, Plan.self, Next.self, Reachable.self, Compare.self, Clusters.self, Similar.self, Skills.self, Centrality.self, Export.self, Explore.self, Validate.self, Stats.self, Index.self, Init.self]
    )

    /// `--graph` and `--graph-format`, accepted before the command name too (see ``GraphOptions``).
    @OptionGroup var graphOptions: GraphOptions

    /// Parses, runs, and turns every error into one `rolegraph: error: …` line and a documented
    /// exit status (see ``ExitStatus``).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let line = CommandLineConventions(arguments)
        do {
            try line.check()
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            Self.exit(withStatus: ErrorReporter.report(error, command: Self.self, subcommand: line.command))
        }
    }

    static func exit(withStatus status: ExitStatus) -> Never {
        Foundation.exit(status.rawValue)
    }
}
