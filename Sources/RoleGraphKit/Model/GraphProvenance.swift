/// Which file stated each fact of a graph built from overlays: the file that defined each area,
/// skill, role and relation, and the file that last overrode each of its fields.
///
/// A graph read from one file has that file everywhere; one built from `extends:` chains or several
/// `--graph` files has the base's name (`builtin` for the built-in graph) on what the base stated
/// and an overlay's name on what the overlay added or changed. `rolegraph show` prints it.
///
/// A DOT file or an edge list read alone has none (``GraphLoadResult/provenance`` is `nil`): every
/// fact is from that file, and a list of a million identical entries would cost more than the
/// graph's columns.
public struct GraphProvenance: Hashable, Sendable {
    /// The files the graph was built from, base first.
    public var layers: [String]
    /// For each area of the graph, in the graph's order, where it came from.
    public var areas: [FactSource]
    /// For each skill, in the graph's order.
    public var skills: [FactSource]
    /// For each role, in the graph's order.
    public var roles: [FactSource]
    /// For each relation, in the graph's order.
    public var relations: [FactSource]

    /// Creates a provenance; every list is parallel to the graph's list of the same name.
    public init(layers: [String] = [], areas: [FactSource] = [], skills: [FactSource] = [],
                roles: [FactSource] = [], relations: [FactSource] = []) {
        self.layers = layers
        self.areas = areas
        self.skills = skills
        self.roles = roles
        self.relations = relations
    }

    /// Where the role at `index` came from (the one layer's file when the lists are empty).
    ///
    /// - Complexity: O(1).
    public func role(at index: Int) -> FactSource {
        index < roles.count ? roles[index] : FactSource(file: layers.first ?? RoleGraph.builtInName)
    }

    /// Where the relation at `index` came from (the one layer's file when the lists are empty).
    ///
    /// - Complexity: O(1).
    public func relation(at index: Int) -> FactSource {
        index < relations.count ? relations[index] : FactSource(file: layers.first ?? RoleGraph.builtInName)
    }
}

/// Where one part of a graph came from: the file that defined it, and the files that overrode its
/// fields since.
public struct FactSource: Hashable, Sendable {
    /// The file that defined the part (`builtin` for the built-in graph).
    public var file: String
    /// Field name (as the graph file spells it: `summary`, `effort`, `skills`) → the last file
    /// that overrode it.
    public var overrides: [String: String]

    /// Creates a source.
    public init(file: String, overrides: [String: String] = [:]) {
        self.file = file
        self.overrides = overrides
    }
}
