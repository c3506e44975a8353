/// A graph's parts as read, before they are validated as a whole: what an overlay is applied to,
/// and what the applied overlays give back.
///
/// It keeps, beside each part, where it is in its file (``SourceMap``) and which file stated it
/// (``GraphProvenance``), so that a problem found once every layer is applied still names the file,
/// line and column it comes from.
struct GraphDocument: Sendable {
    var name = ""
    var source = ""
    var description = ""
    var areas: [Area] = []
    var skills: [Skill] = []
    var roles: [Role] = []
    var relations: [Relation] = []
    /// Where each part is, by its position in the arrays above.
    var map = SourceMap()
    /// Which file stated each part, by the same positions.
    var provenance = GraphProvenance()
    /// What reading it found allowed but probably a mistake (a relation repeated fact for fact),
    /// reported with the whole graph's warnings.
    var warnings: [Diagnostic] = []

    init() {}

    /// A graph's parts, all stated by `file`, with no places in it (a DOT file, an edge list, the
    /// built-in graph).
    init(graph: RoleGraph, file: String) {
        name = graph.name
        source = graph.source
        description = graph.description
        areas = graph.areas
        skills = graph.skills
        roles = graph.roles
        relations = graph.relations
        stamp(file)
    }

    /// Records `file` as the source of every part.
    mutating func stamp(_ file: String) {
        provenance = GraphProvenance(
            layers: [file],
            areas: Array(repeating: FactSource(file: file), count: areas.count),
            skills: Array(repeating: FactSource(file: file), count: skills.count),
            roles: Array(repeating: FactSource(file: file), count: roles.count),
            relations: Array(repeating: FactSource(file: file), count: relations.count))
    }

    /// The graph, without validation: only for a document ``GraphValidator`` has passed.
    func uncheckedGraph() -> RoleGraph {
        RoleGraph(unchecked: name, source: source, description: description,
                  areas: areas, skills: skills, roles: roles, relations: relations)
    }
}
