/// How to read a graph file beyond its format: explicit edge-list column names, and whether the
/// edge-list repairs (aggregating repeated rows, keeping self-moves as stayers, skipping
/// zero-count rows) are refused instead of reported as warnings.
public struct GraphLoadOptions: Hashable, Sendable {
    /// Edge-list columns named explicitly: column → the header name that holds it (`to` →
    /// `dst`). Names are compared normalised (case, spaces and hyphens ignored). A column not
    /// listed is found by its canonical name or an alias.
    public var columns: [EdgeListField: String]
    /// Whether the edge-list repairs are errors (each at its row) rather than warnings.
    public var strict: Bool
    /// The most bytes of graph text read, and decompressed from a gzip file.
    public var maximumSize: Int
    /// A directory where the snapshot images this user has loaded and checked in full are
    /// recorded, each by its file's identity (device, inode, size, modification and change
    /// times), so that a later load of the same unchanged file skips the pass that reads every
    /// byte of it. `nil` (the default): every load checks every byte. A file changed in any way
    /// since it was recorded is checked again; the records are only ever a shortcut, and a
    /// directory that cannot be written only means every load checks in full.
    public var verifiedImagesDirectory: String?

    /// Options; by default no explicit columns, the repairs reported as warnings, a limit of
    /// ``RoleGraph/defaultMaximumInputSize`` and every snapshot image checked in full.
    public init(columns: [EdgeListField: String] = [:], strict: Bool = false,
                maximumSize: Int = RoleGraph.defaultMaximumInputSize, verifiedImagesDirectory: String? = nil) {
        self.columns = columns
        self.strict = strict
        self.maximumSize = maximumSize
        self.verifiedImagesDirectory = verifiedImagesDirectory
    }

    /// Parses a column mapping written `from=src,to=dst,count=n`.
    ///
    /// - Throws: ``ColumnMappingError`` for a malformed item, an unknown column (with the nearest
    ///   one suggested), a column mapped twice or two columns mapped to one header name.
    /// - Complexity: O(*n*) for a mapping of *n* characters.
    public static func parseColumns(_ text: String) throws(ColumnMappingError) -> [EdgeListField: String] {
        var result: [EdgeListField: String] = [:]
        var usedNames: [String: EdgeListField] = [:]
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = parts.first.map { String($0).trimmed() } ?? ""
            guard parts.count == 2, !key.isEmpty, !String(parts[1]).trimmed().isEmpty else {
                throw ColumnMappingError("'\(item)' is not COLUMN=NAME (write --columns from=src,to=dst,count=n)")
            }
            let name = String(parts[1]).trimmed()
            guard let field = EdgeListField(rawValue: key.lowercased()) else {
                let known = EdgeListField.allCases.map(\.rawValue)
                let hint = Suggestions.nearest(to: key, in: known).map { " (did you mean '\($0)'?)" } ?? ""
                throw ColumnMappingError("unknown column '\(key)'\(hint); the columns are \(known.joined(separator: ", "))")
            }
            if result[field] != nil { throw ColumnMappingError("column '\(field.rawValue)' is mapped twice") }
            let normalised = EdgeListField.normalised(name)
            if let other = usedNames[normalised] {
                throw ColumnMappingError("'\(name)' is mapped to both '\(other.rawValue)' and '\(field.rawValue)'")
            }
            usedNames[normalised] = field
            result[field] = name
        }
        return result
    }
}

/// A malformed edge-list column mapping (``GraphLoadOptions/parseColumns(_:)``).
public struct ColumnMappingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The problem in one line.
    public var description: String

    init(_ description: String) { self.description = description }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    fileprivate func trimmed() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
