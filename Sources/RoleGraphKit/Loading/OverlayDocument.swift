/// A graph file that changes another graph instead of stating a whole one: it `extends` a base
/// (the built-in graph, or another file), adds areas, skills, roles and relations, overrides
/// fields of existing ones by id, and removes roles or relations.
///
/// It is data only; ``OverlayMerge`` applies it, with no file access, so the merge can be tested
/// on random graphs.
struct OverlayDocument: Sendable {
    /// The file, as diagnostics name it.
    var file: String
    /// What the overlay extends: `builtin` or a path relative to the file; `nil` for an overlay
    /// given as a later `--graph`, applied to the files before it.
    var extends: String?
    /// Where `extends` is written.
    var extendsLocation: SourceLocation?
    /// A new name, source or description for the whole graph; `nil` keeps the base's.
    var name: String?
    var source: String?
    var description: String?
    /// The parts added, with their places in the overlay's file.
    var additions = GraphDocument()
    /// Changes to existing parts, in file order.
    var overrides = Overrides()
    /// Parts removed, in file order.
    var removals: [Removal] = []
    /// Structural problems found while reading (a misspelt key or kind); the entry each is in is
    /// left out, and the rest is applied, so they are reported with the merged graph's problems.
    var problems: [Diagnostic] = []

    init(file: String) { self.file = file }

    /// Field changes to existing parts by id; a field left `nil` keeps the base's value.
    struct Overrides: Sendable, Equatable {
        var areas: [AreaOverride] = []
        var skills: [SkillOverride] = []
        var roles: [RoleOverride] = []
        var relations: [RelationOverride] = []

        var isEmpty: Bool { areas.isEmpty && skills.isEmpty && roles.isEmpty && relations.isEmpty }
    }

    struct AreaOverride: Sendable, Equatable {
        var id: AreaID
        var name: String?
        var summary: String?
        var location: SourceLocation?
    }

    struct SkillOverride: Sendable, Equatable {
        var id: SkillID
        var name: String?
        var summary: String?
        var aliases: [String]?
        var location: SourceLocation?
    }

    struct RoleOverride: Sendable, Equatable {
        var id: RoleID
        var name: String?
        var area: AreaID?
        var summary: String?
        var responsibilities: [String]?
        var problems: [String]?
        var titles: [String]?
        /// New primary and secondary skills; given together (`skills: {primary, secondary}`), a
        /// list left out is emptied.
        var primarySkills: [SkillID]?
        var secondarySkills: [SkillID]?
        var entryLevel: Bool?
        var prevalence: Prevalence?
        var stays: Double?
        var location: SourceLocation?
        var areaLocation: SourceLocation?
        /// Where each new skill is written: (primary?, index) → place.
        var skillLocations: [SkillPlace: SourceLocation] = [:]

        struct SkillPlace: Hashable, Sendable {
            var primary: Bool
            var index: Int
        }

        /// The graph file's names of the fields this override sets, for provenance.
        var fieldNames: [String] {
            var names: [String] = []
            if name != nil { names.append("name") }
            if area != nil { names.append("area") }
            if summary != nil { names.append("summary") }
            if responsibilities != nil { names.append("responsibilities") }
            if problems != nil { names.append("problems") }
            if titles != nil { names.append("titles") }
            if primarySkills != nil || secondarySkills != nil { names.append("skills") }
            if entryLevel != nil { names.append("entry_level") }
            if prevalence != nil { names.append("prevalence") }
            if stays != nil { names.append("stays") }
            return names
        }
    }

    struct RelationOverride: Sendable, Equatable {
        var kind: RelationKind
        var from: RoleID
        var to: RoleID
        var effort: Double?
        var count: Double?
        var note: String?
        var section: String?
        var location: SourceLocation?
        var effortLocation: SourceLocation?
        var fromLocation: SourceLocation?
        var toLocation: SourceLocation?

        var fieldNames: [String] {
            [effort.map { _ in "effort" }, count.map { _ in "count" }, note.map { _ in "note" },
             section.map { _ in "section" }].compactMap { $0 }
        }
    }

    /// A role (with every relation it has) or one relation to take out of the base.
    enum Removal: Sendable, Equatable {
        case role(RoleID, location: SourceLocation?)
        case relation(RelationKind, from: RoleID, to: RoleID, location: SourceLocation?, fromLocation: SourceLocation?,
                      toLocation: SourceLocation?)
    }
}
