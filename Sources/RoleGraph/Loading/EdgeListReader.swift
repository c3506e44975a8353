/// Reads a CSV/TSV edge list into a role graph. (Filled in with the large-graph work.)
enum EdgeListReader {
    static func read(_ bytes: [UInt8], separator: UInt8, file: String) throws(GraphLoadError) -> RoleGraph {
        throw .invalid([Diagnostic(.other("edge lists are not available yet"), at: SourceLocation(file: file, line: 1))])
    }
}
