import ArgumentParser
import RoleGraphKit

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check graph files and report every problem as file:line:column.",
        discussion: """
            Prints one line per valid file on standard output and one error line per problem on \
            standard error, then a warning line for each thing that is allowed but probably a \
            mistake: a role with no relation, or that no transition enters or leaves; an effort \
            outside the scale of 1 to 5; a transition with no effort (it counts as 1). --strict \
            makes the warnings errors (exit 65). A file that extends another graph is checked \
            with it applied. With --format json the report of every file, problems and warnings \
            included, goes to standard output; the lines still go to standard error.
            """)

    @Argument(help: "Graph files to check (YAML, JSON, DOT, CSV/TSV edge lists).",
              completion: .file(extensions: GraphFileFormat.fileExtensions))
    var files: [String]

    /// `--graph-format` gives the files' format when their extensions do not say; `--graph` is
    /// refused (the files to check are the arguments).
    @OptionGroup var graphOptions: GraphOptions

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        if let graph = graphOptions.graph.first {
            throw ValidationError("validate checks the files named as its arguments, not --graph: 'rolegraph validate \(graph)'")
        }
        if files.isEmpty { throw ValidationError("name at least one graph file to validate") }
    }

    func run() throws {
        var reports: [FileReport] = []
        var options = try graphOptions.loadOptions()
        // validate reads every byte of a snapshot image, whatever the records of earlier loads
        // say: it is the check for what they cannot see (bytes changed on the disk).
        options.verifiedImagesDirectory = nil
        for file in files {
            var report: FileReport
            do {
                let result = try RoleGraph.load(contentsOf: file, format: graphOptions.graphFormat, options: options)
                if let summary = result.edgeListSummary, !summary.isEmpty { ErrorReporter.printWarning(summary.message) }
                for note in result.notes { ErrorReporter.printNote("note: \(note.description)") }
                report = FileReport(file: file, graph: result.graph)
                if !result.warnings.isEmpty {
                    let problems = result.warnings.map(FileReport.Problem.init)
                    if graphOptions.strict {
                        for warning in result.warnings { ErrorReporter.printError(warning.description + " (--strict)") }
                        report.status = .invalid
                        report.problems = problems
                        reports.append(report)
                        continue
                    }
                    for warning in result.warnings { ErrorReporter.printWarning(warning.description) }
                    report.warnings = problems
                }
            } catch {
                reports.append(FileReport(file: file, error: error))
                _ = ErrorReporter.report(error, command: RoleGraphCommand.self)
                continue
            }
            reports.append(report)
            if format == .table { try emit(report.line) }
        }
        if format == .json { try emit(try Output.json(ValidationReport(files: reports))) }
        if reports.contains(where: { $0.status == .missing }) { throw ReportedError(status: .inputMissing) }
        if reports.contains(where: { $0.status == .invalid }) { throw ReportedError(status: .invalidGraph) }
    }
}

/// The JSON form of `validate`: one report per file, in argument order.
struct ValidationReport: Encodable {
    var files: [FileReport]
}

/// What `validate` found in one file: its counts, or its problems.
struct FileReport: Encodable {
    enum Status: String, Encodable {
        case ok, invalid, missing
    }

    /// One problem, where the file says it is (with an overlay, the file may be its base).
    struct Problem: Encodable {
        var file: String?
        var line: Int?
        var column: Int?
        var message: String

        init(file: String? = nil, line: Int? = nil, column: Int? = nil, message: String) {
            self.file = file
            self.line = line
            self.column = column
            self.message = message
        }

        init(_ diagnostic: Diagnostic) {
            self.init(file: diagnostic.location?.file, line: diagnostic.location?.line,
                      column: diagnostic.location?.column, message: diagnostic.problem.description)
        }
    }

    var file: String
    var status: Status
    var roles: Int?
    var areas: Int?
    var skills: Int?
    var relations: [String: Int]?
    var problems: [Problem]?
    /// What is allowed but probably a mistake (without --strict; with it, these are problems).
    var warnings: [Problem]?

    init(file: String, graph: RoleGraph) {
        self.file = file
        status = .ok
        roles = graph.roles.count
        areas = graph.areas.count
        skills = graph.skills.count
        let counts = Dictionary(grouping: graph.relations, by: \.kind).mapValues(\.count)
        relations = Dictionary(uniqueKeysWithValues: RelationKind.allCases.map { ($0.rawValue, counts[$0, default: 0]) })
    }

    init(file: String, error: GraphLoadError) {
        self.file = file
        switch error {
        case .invalid(let diagnostics):
            status = .invalid
            problems = diagnostics.map(Problem.init)
        case .fileNotFound:
            status = .missing
            problems = [Problem(message: "no such file")]
        case .unreadable(_, let reason):
            status = .missing
            problems = [Problem(message: "cannot read: \(reason)")]
        case .tooLarge(let path, _):
            status = .missing
            // The description is "PATH: larger than …"; the report names the file already.
            problems = [Problem(message: String(error.description.dropFirst(path.count + 2)))]
        }
    }

    /// The line the table format prints for a valid file.
    var line: String {
        "\(file): ok — \(roles ?? 0) roles in \(areas ?? 0) areas, \(skills ?? 0) skills, "
            + RelationKind.allCases.map { "\(relations?[$0.rawValue] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
    }
}
