/// An area of work that groups roles by shared deliverables (the article's Insights, Models and
/// Systems). Every role belongs to exactly one area.
public struct Area: Identifiable, Hashable, Sendable {
    public var id: AreaID
    public var name: String
    public var summary: String

    public init(id: AreaID, name: String, summary: String = "") {
        self.id = id
        self.name = name
        self.summary = summary
    }
}

// The JSON form: the graph file's key names; facts the graph does not state are omitted.
extension Area: Encodable {
    private enum CodingKeys: String, CodingKey { case id, name, summary }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id.rawValue, forKey: .id)
        try c.encode(name, forKey: .name)
        if !summary.isEmpty { try c.encode(summary, forKey: .summary) }
    }
}
