/// Reads a DOT file into a role graph. (Filled in with the Graphviz binding.)
enum DOTImporter {
    static func read(_ text: String, file: String) throws(GraphLoadError) -> RoleGraph {
        throw .invalid([Diagnostic(.other("DOT import is not available yet"), at: SourceLocation(file: file, line: 1))])
    }
}
