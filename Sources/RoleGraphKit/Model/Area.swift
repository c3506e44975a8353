/// An area of work that groups roles by shared deliverables (the article's Insights, Models and
/// Systems). Every role belongs to exactly one area.
public struct Area: Identifiable, Hashable, Sendable {
    /// The area's id, unique among the graph's areas.
    public var id: AreaID
    /// The display name ("Insights").
    public var name: String
    /// What the area covers; empty when the file gives no summary.
    public var summary: String

    /// Creates an area. A graph checks it when it is built.
    public init(id: AreaID, name: String, summary: String = "") {
        self.id = id
        self.name = name
        self.summary = summary
    }
}

// The JSON form: the graph file's key names; facts the graph does not state are omitted.
extension Area: Encodable {
    private enum CodingKeys: String, CodingKey { case id, name, summary }
    /// Encodes the area under the graph file's key names, leaving out an empty summary.
    ///
    /// - Throws: The encoder's errors.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id.rawValue, forKey: .id)
        try c.encode(name, forKey: .name)
        if !summary.isEmpty { try c.encode(summary, forKey: .summary) }
    }
}
