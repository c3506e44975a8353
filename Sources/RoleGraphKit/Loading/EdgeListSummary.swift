/// What loading an edge list repaired instead of refusing: the warnings, as a value, for the
/// caller to show (the command line prints it as one line on standard error).
///
/// Under ``GraphLoadOptions/strict`` each of these is an error at its row instead.
public struct EdgeListSummary: Hashable, Sendable {
    /// The file, as named in diagnostics.
    public var file: String
    /// Rows that repeated an earlier row's relation and were merged into it (counts summed).
    public var aggregatedRows: Int
    /// Rows from a role to itself: kept as the role's stayers (``Role/stays``) when the file has
    /// a count column, dropped otherwise; never an edge.
    public var selfMoves: Int
    /// Whether the self-moves were kept as stayers (the file has a count column).
    public var selfMovesKept: Bool
    /// Rows whose count is 0: no observed move, so no edge.
    public var zeroCountRows: Int

    /// Creates a summary.
    public init(file: String, aggregatedRows: Int = 0, selfMoves: Int = 0, selfMovesKept: Bool = true, zeroCountRows: Int = 0) {
        self.file = file
        self.aggregatedRows = aggregatedRows
        self.selfMoves = selfMoves
        self.selfMovesKept = selfMovesKept
        self.zeroCountRows = zeroCountRows
    }

    /// Whether nothing was repaired.
    public var isEmpty: Bool { aggregatedRows == 0 && selfMoves == 0 && zeroCountRows == 0 }

    /// What was repaired, as a list ("aggregated 3 repeated rows, 2 self-moves kept as
    /// stayers"), empty when nothing was.
    var repairs: String {
        var parts: [String] = []
        if aggregatedRows > 0 { parts.append("aggregated \(Self.grouped(aggregatedRows)) repeated row\(aggregatedRows == 1 ? "" : "s")") }
        if selfMoves > 0 {
            let what = "\(Self.grouped(selfMoves)) self-move\(selfMoves == 1 ? "" : "s")"
            parts.append(selfMovesKept ? what + " kept as stayers" : what + " dropped (no count column to keep them as stayers)")
        }
        if zeroCountRows > 0 { parts.append("\(Self.grouped(zeroCountRows)) zero-count row\(zeroCountRows == 1 ? "" : "s") skipped") }
        return parts.joined(separator: ", ")
    }

    /// The summary in one line: "moves.csv: aggregated 1,234 repeated rows, 56 self-moves kept as
    /// stayers, 3 zero-count rows skipped"; empty when nothing was repaired.
    ///
    /// - Complexity: O(1).
    public var message: String {
        isEmpty ? "" : "\(file): " + repairs
    }

    /// 1234567 as "1,234,567".
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }
}

/// A graph as loaded, with what loading repaired (for an edge list).
public struct GraphLoadResult: Sendable {
    /// The graph.
    public var graph: RoleGraph
    /// The format the file was read as when neither the caller nor its extension named one, so
    /// the content decided (`notes.txt` read as YAML); `nil` otherwise.
    public var sniffedFormat: GraphFileFormat?
    /// What an edge list's loading repaired; `nil` for other formats.
    public var edgeListSummary: EdgeListSummary?
    /// What is allowed but probably a mistake in a graph file of format 1 (see
    /// ``Severity/warning``), each at its place; `rolegraph validate` prints them.
    public var warnings: [Diagnostic] = []
    /// What applying overlays did that a reader might not expect (the relations removed with a
    /// role), each at its place in the overlay.
    public var notes: [Diagnostic] = []
    /// Which file stated each fact; every fact names the one file when a graph file of format 1
    /// had no overlay, and it is `nil` for a DOT file or an edge list read alone (every fact is
    /// from that file).
    public var provenance: GraphProvenance?
    /// The last layer when it was an overlay, as read: what `export --keep-extends` writes back.
    public var lastOverlay: Overlay?

    /// Creates a result.
    public init(graph: RoleGraph, edgeListSummary: EdgeListSummary? = nil) {
        self.graph = graph
        self.edgeListSummary = edgeListSummary
    }
}
