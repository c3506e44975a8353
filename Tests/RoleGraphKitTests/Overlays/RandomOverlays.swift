import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms

/// Random base documents and random overlays on them, for the overlay property tests. Every
/// overlay only names what its base has (so applying it raises no error), and, when `hostile`,
/// every text is made of the pieces that break writers (quotes, backslashes, controls, breaks).
enum RandomOverlays {
    static func text(_ generator: inout SplitMix64, hostile: Bool, padded: Bool = true) -> String {
        if hostile {
            let text = HostileTextPropertyTests.text(&generator, padded: padded)
            // Yams decodes each scalar with Foundation, which drops a byte-order mark at the
            // start of a text; no YAML writer can keep one there, so the tests do not ask it to.
            return text.hasPrefix("\u{FEFF}") ? "a" + text : text
        }
        return "t\(Int.random(in: 0..<1000, using: &generator))"
    }

    /// A base of 2–8 roles, each part at a made-up place in `base.yaml` (line = position, offset
    /// by kind), so a test can check that places move with their parts.
    static func base(_ generator: inout SplitMix64, hostile: Bool) -> GraphDocument {
        var document = GraphDocument()
        document.name = text(&generator, hostile: hostile)
        for i in 0..<Int.random(in: 1...3, using: &generator) {
            document.areas.append(Area(id: AreaID("a\(i)"), name: text(&generator, hostile: hostile)))
        }
        for i in 0..<Int.random(in: 0...5, using: &generator) {
            document.skills.append(Skill(id: SkillID("s\(i)"), name: text(&generator, hostile: hostile),
                                         aliases: Bool.random(using: &generator) ? [text(&generator, hostile: hostile)] : []))
        }
        for i in 0..<Int.random(in: 2...8, using: &generator) {
            var role = Role(id: RoleID("r\(i)-" + text(&generator, hostile: hostile)), name: text(&generator, hostile: hostile),
                            area: document.areas.randomElement(using: &generator)!.id)
            let skills = document.skills.map(\.id).shuffled(using: &generator)
            let split = Int.random(in: 0...skills.count, using: &generator)
            role.primarySkills = Array(skills[..<split])
            role.secondarySkills = Array(skills[split...].prefix(2))
            role.summary = text(&generator, hostile: hostile, padded: false)
            document.roles.append(role)
        }
        for _ in 0..<Int.random(in: 0...12, using: &generator) {
            document.relations.append(relation(&generator, among: document.roles.map(\.id), hostile: hostile))
        }
        document.stamp("base.yaml")
        for i in document.roles.indices { document.map[.role(i)] = SourceLocation(file: "base.yaml", line: 100 + i, column: 5) }
        for i in document.relations.indices {
            document.map[.relation(i)] = SourceLocation(file: "base.yaml", line: 1000 + i, column: 5)
        }
        return document
    }

    static func relation(_ generator: inout SplitMix64, among roles: [RoleID], hostile: Bool) -> Relation {
        let from = roles.randomElement(using: &generator)!
        let to = roles.filter { $0 != from }.randomElement(using: &generator) ?? from
        let kind = RelationKind.allCases.randomElement(using: &generator)!
        return Relation(kind: kind, from: from, to: to,
                        effort: kind == .transition ? [1, 2, 2.5, 0.1, 5, 1e-3, 123_456.75].randomElement(using: &generator)! : nil,
                        note: Bool.random(using: &generator) ? text(&generator, hostile: hostile, padded: false) : nil)
    }

    /// An overlay of `base` that removes, overrides and adds; everything it names exists.
    static func overlay(_ generator: inout SplitMix64, on base: GraphDocument, hostile: Bool) -> OverlayDocument {
        var overlay = OverlayDocument(file: "overlay.yaml")
        overlay.extends = "base.yaml"
        if Bool.random(using: &generator) { overlay.name = text(&generator, hostile: hostile) }
        let roleIDs = base.roles.map(\.id)
        // Removals: some roles, then some relations between roles that stay.
        let removed = Set(roleIDs.shuffled(using: &generator).prefix(Int.random(in: 0...2, using: &generator)))
        for id in removed { overlay.removals.append(.role(id, location: SourceLocation(file: "overlay.yaml", line: 3))) }
        var removedKeys: [(RelationKind, RoleID, RoleID)] = []
        for relation in base.relations.shuffled(using: &generator).prefix(Int.random(in: 0...2, using: &generator))
        where !removed.contains(relation.from) && !removed.contains(relation.to)
            && !removedKeys.contains(where: { OverlayOracle.matches(relation, $0) }) {
            removedKeys.append((relation.kind, relation.from, relation.to))
            overlay.removals.append(.relation(relation.kind, from: relation.from, to: relation.to, location: nil,
                                              fromLocation: nil, toLocation: nil))
        }
        let staying = roleIDs.filter { !removed.contains($0) }
        let survivingRelations = base.relations.filter { relation in
            !removed.contains(relation.from) && !removed.contains(relation.to)
                && !removedKeys.contains(where: { OverlayOracle.matches(relation, $0) })
        }
        // Overrides: fields of staying roles, relations, areas and skills.
        for id in staying.shuffled(using: &generator).prefix(Int.random(in: 0...3, using: &generator)) {
            var change = OverlayDocument.RoleOverride(id: id)
            if Bool.random(using: &generator) { change.name = text(&generator, hostile: hostile) }
            if Bool.random(using: &generator) { change.summary = text(&generator, hostile: hostile, padded: false) }
            if Bool.random(using: &generator) { change.titles = [text(&generator, hostile: hostile)] }
            if Bool.random(using: &generator) { change.area = base.areas.randomElement(using: &generator)!.id }
            if Bool.random(using: &generator) { change.primarySkills = Array(base.skills.map(\.id).prefix(1)); change.secondarySkills = [] }
            if Bool.random(using: &generator) { change.entryLevel = Bool.random(using: &generator) }
            if Bool.random(using: &generator) { change.prevalence = Prevalence.allCases.randomElement(using: &generator) }
            overlay.overrides.roles.append(change)
        }
        for relation in survivingRelations.shuffled(using: &generator).prefix(Int.random(in: 0...2, using: &generator)) {
            var change = OverlayDocument.RelationOverride(kind: relation.kind, from: relation.from, to: relation.to)
            if relation.kind == .transition && Bool.random(using: &generator) { change.effort = 4 }
            if Bool.random(using: &generator) { change.note = text(&generator, hostile: hostile, padded: false) }
            overlay.overrides.relations.append(change)
        }
        if let area = base.areas.randomElement(using: &generator), Bool.random(using: &generator) {
            overlay.overrides.areas.append(.init(id: area.id, name: text(&generator, hostile: hostile)))
        }
        if let skill = base.skills.randomElement(using: &generator), Bool.random(using: &generator) {
            overlay.overrides.skills.append(.init(id: skill.id, summary: text(&generator, hostile: hostile, padded: false),
                                                  aliases: [text(&generator, hostile: hostile)]))
        }
        // Additions: a new area, skill and roles, and relations among everything that stays.
        var added = GraphDocument()
        if Bool.random(using: &generator) { added.areas.append(Area(id: "new-area", name: text(&generator, hostile: hostile))) }
        if Bool.random(using: &generator) { added.skills.append(Skill(id: "new-skill", name: text(&generator, hostile: hostile))) }
        for i in 0..<Int.random(in: 0...2, using: &generator) {
            added.roles.append(Role(id: RoleID("new\(i)-" + text(&generator, hostile: hostile)), name: text(&generator, hostile: hostile),
                                    area: base.areas[0].id, titles: [text(&generator, hostile: hostile)],
                                    primarySkills: base.skills.prefix(1).map(\.id), entryLevel: true))
        }
        let everyone = staying + added.roles.map(\.id)
        for _ in 0..<Int.random(in: 0...3, using: &generator) where everyone.count > 1 {
            added.relations.append(relation(&generator, among: everyone, hostile: hostile))
        }
        added.stamp("overlay.yaml")
        for i in added.roles.indices { added.map[.role(i)] = SourceLocation(file: "overlay.yaml", line: 10 + i, column: 5) }
        overlay.additions = added
        return overlay
    }
}

/// The expected result of applying an overlay, built by hand from its definition: the base's
/// parts minus the removed roles, the relations touching them and the removed relations; each
/// override's fields set on the part with its id; then the additions.
enum OverlayOracle {
    struct Parts: Equatable {
        var name: String
        var areas: [Area]
        var skills: [Skill]
        var roles: [Role]
        var relations: [Relation]
    }

    static func matches(_ relation: Relation, _ key: (RelationKind, RoleID, RoleID)) -> Bool {
        relation.kind == key.0 && ((relation.from == key.1 && relation.to == key.2)
            || (relation.kind == .collaboration && relation.from == key.2 && relation.to == key.1))
    }

    static func parts(_ document: GraphDocument) -> Parts {
        Parts(name: document.name, areas: document.areas, skills: document.skills, roles: document.roles,
              relations: document.relations)
    }

    static func expected(_ base: GraphDocument, _ overlay: OverlayDocument) -> Parts {
        var removedRoles = Set<RoleID>()
        var removedKeys: [(RelationKind, RoleID, RoleID)] = []
        for removal in overlay.removals {
            switch removal {
            case .role(let id, _): removedRoles.insert(id)
            case .relation(let kind, let from, let to, _, _, _): removedKeys.append((kind, from, to))
            }
        }
        var roles = base.roles.filter { !removedRoles.contains($0.id) }
        var relations = base.relations.filter { relation in
            !removedRoles.contains(relation.from) && !removedRoles.contains(relation.to)
                && !removedKeys.contains { matches(relation, $0) }
        }
        var areas = base.areas, skills = base.skills
        for change in overlay.overrides.areas {
            for i in areas.indices where areas[i].id == change.id {
                areas[i] = Area(id: change.id, name: change.name ?? areas[i].name, summary: change.summary ?? areas[i].summary)
            }
        }
        for change in overlay.overrides.skills {
            for i in skills.indices where skills[i].id == change.id {
                skills[i] = Skill(id: change.id, name: change.name ?? skills[i].name, summary: change.summary ?? skills[i].summary,
                                  aliases: change.aliases ?? skills[i].aliases)
            }
        }
        for change in overlay.overrides.roles {
            for i in roles.indices where roles[i].id == change.id {
                let old = roles[i]
                let skillsChanged = change.primarySkills != nil || change.secondarySkills != nil
                roles[i] = Role(id: old.id, name: change.name ?? old.name, area: change.area ?? old.area,
                                summary: change.summary ?? old.summary,
                                responsibilities: change.responsibilities ?? old.responsibilities,
                                problems: change.problems ?? old.problems, titles: change.titles ?? old.titles,
                                primarySkills: skillsChanged ? change.primarySkills ?? [] : old.primarySkills,
                                secondarySkills: skillsChanged ? change.secondarySkills ?? [] : old.secondarySkills,
                                entryLevel: change.entryLevel ?? old.entryLevel, prevalence: change.prevalence ?? old.prevalence,
                                stays: old.stays)
            }
        }
        for change in overlay.overrides.relations {
            for i in relations.indices where matches(relations[i], (change.kind, change.from, change.to)) {
                if let effort = change.effort { relations[i].effort = effort }
                if let note = change.note { relations[i].note = note }
                if let section = change.section { relations[i].section = section }
            }
        }
        return Parts(name: overlay.name ?? base.name, areas: areas + overlay.additions.areas,
                     skills: skills + overlay.additions.skills, roles: roles + overlay.additions.roles,
                     relations: relations + overlay.additions.relations)
    }
}
