import RoleGraphKit

extension GraphLoadResult {
    /// The line a command prints on standard error when a graph file's content, not its name,
    /// decided how it was read (`notes.txt` read as YAML), so a surprise is visible; `nil` when
    /// the extension or `--graph-format` said, and for standard input, which has no name to say it.
    func formatNote(path: String) -> String? {
        guard let format = sniffedFormat, path != "-" else { return nil }
        let name = switch format {
        case .yaml: "a YAML graph file"
        case .json: "JSON"
        case .dot: "DOT"
        case .csv: "a CSV edge list"
        case .tsv: "a TSV edge list"
        case .graphml: "GraphML"
        case .snapshot: "a snapshot image"
        }
        return "\(path): the extension names no graph format; read as \(name) from its content (--graph-format says otherwise)"
    }
}
