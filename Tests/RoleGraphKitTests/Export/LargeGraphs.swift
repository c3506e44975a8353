import RoleGraphAlgorithms
@testable import RoleGraphKit

/// Random role graphs for the diagram tests: transitions (with or without observed counts) and a
/// few collaborations among `roles` roles with long, title-like names, drawn from a seed.
enum LargeGraphs {
    static func transitions(roles: Int, perRole: Int = 3, seed: UInt64, counts: Bool = false) throws -> RoleGraph {
        var rng = SplitMix64(seed: seed)
        let area = Area(id: "unassigned", name: "Unassigned")
        let people = (0 ..< roles).map { i in
            Role(id: RoleID("senior-clinical-data-platform-engineer-\(i)"), name: "Senior clinical data platform engineer \(i)", area: area.id)
        }
        var seen = Set<[Int]>()
        var relations: [Relation] = []
        for from in 0 ..< roles {
            for _ in 0 ..< perRole {
                let to = Int.random(in: 0 ..< roles, using: &rng)
                guard to != from, seen.insert([from, to]).inserted else { continue }
                if Int.random(in: 0 ..< 10, using: &rng) == 0 {
                    guard seen.insert([to, from]).inserted else { continue }
                    relations.append(Relation(kind: .collaboration, from: people[from].id, to: people[to].id))
                } else {
                    relations.append(Relation(kind: .transition, from: people[from].id, to: people[to].id,
                                              effort: Double(Int.random(in: 1 ... 5, using: &rng)),
                                              count: counts ? Double(Int.random(in: 1 ... 500, using: &rng)) : nil))
                }
            }
        }
        return try RoleGraph(name: "generated", areas: [area], skills: [], roles: people, relations: relations)
    }
}
