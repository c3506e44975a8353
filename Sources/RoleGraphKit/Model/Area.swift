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
