import ArgumentParser
import Foundation
import RoleGraphKit

/// `rolegraph init`: a graph file to start from, so nobody has to copy one out of the source tree.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a graph file to start from: a small commented one, or the built-in graph.",
        discussion: """
            The file is YAML of format 1 (see Guides/CommandLine.md) and loads with --graph as it is. \
            Without -o it goes to standard output. An existing file is never replaced unless --force \
            is given.
            """)

    @OptionGroup var graphOptions: GraphOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (.yaml or .yml) instead of standard output.", valueName: "file"),
            completion: .file(extensions: ["yaml", "yml"]))
    var output: String?

    @Flag(name: .customLong("from-builtin"), help: "Write the whole built-in graph instead of the small starter.")
    var fromBuiltin = false

    @Flag(help: "Replace the -o file if it exists.")
    var force = false

    func validate() throws {
        if let graph = graphOptions.graph.first {
            throw ValidationError("init writes a new graph file and reads none; drop --graph \(graph)")
        }
    }

    func run() throws {
        if let output, output != "-" {
            let name = output.split(separator: "/").last.map(String.init) ?? output
            if let dot = name.lastIndex(of: "."), dot != name.startIndex,
               !["yaml", "yml"].contains(name[name.index(after: dot)...].lowercased()) {
                throw CLIError.usage("-o \(output): init writes a YAML graph file; name it .yaml or .yml", command: "init")
            }
            if !force && FileManager.default.fileExists(atPath: output) {
                throw CLIError.cannotWrite(path: output, reason: "already exists; use --force to replace it")
            }
        }
        let text = fromBuiltin
            ? GraphFileWriter(header: Self.builtinHeader).write(.builtIn)
            : Self.starter
        try OutputFile.write(Array(text.utf8), to: output, binary: false, formatName: "yaml")
    }

    static let builtinHeader = """
        RoleGraph graph file (format 1): the built-in graph, written by `rolegraph init --from-builtin`.
        Edit it and use it with `rolegraph --graph FILE …`; `rolegraph validate FILE` checks it.
        The format is described in Guides/CommandLine.md ("The graph file (format 1)").
        """

    /// The starter: every kind of entry once, with a comment on what each key means.
    static let starter = """
        # RoleGraph graph file (format 1), written by `rolegraph init`.
        # Use it with `rolegraph --graph FILE …`; `rolegraph validate FILE` checks it and names the
        # line and column of every problem. The format is described in Guides/CommandLine.md.
        format: 1
        name: My team's roles
        source: "Where the facts come from: a survey, an article, your own experience."
        description: "What the graph shows."

        # Areas group roles that share deliverables. Every role belongs to one area.
        areas:
          - id: insights
            name: Insights
            summary: "Help the business decide with data."
          - id: systems
            name: Systems

        # The skill vocabulary. Roles name skills by id; aliases are other words people use for one.
        skills:
          - id: sql
            name: SQL
            aliases: [structured query language]
          - id: statistics
            name: Statistics
          - id: python
            name: Python
          - id: software-engineering
            name: Software engineering
            aliases: [programming]

        # Roles: an id (used everywhere else), a display name, an area, and what is known of them.
        roles:
          - id: data-analyst
            name: Data Analyst
            area: insights
            titles: [Data Analyst, BI Analyst]
            entry_level: true         # people commonly enter the field here
            prevalence: common        # common, uncommon or rare
            summary: "Answers business questions with data."
            skills:
              primary: [sql, statistics]   # weigh more in skill-gap costs
              secondary: [python]
            responsibilities:
              - Build reports and dashboards
            problems:
              - Why did sign-ups drop last week?
          - id: data-engineer
            name: Data Engineer
            area: systems
            skills:
              primary: [python, software-engineering, sql]

        # Relations: stakeholder (from relies on the work of to), collaboration (between two roles,
        # both ways) and transition (a move from one role to another, with an effort: 1 is a small
        # step, 5 a new career). A two-way move is written `between: [a, b]`.
        relations:
          - kind: stakeholder
            from: data-analyst
            to: data-engineer
            note: "Analysts use the data engineers' pipelines."
          - kind: collaboration
            between: [data-analyst, data-engineer]
          - kind: transition
            from: data-analyst
            to: data-engineer
            effort: 3
            note: "Needs software engineering on top of SQL."
          - kind: transition
            from: data-engineer
            to: data-analyst
            effort: 2
            note: "Fewer pipelines, more questions from the business."

        """
}
