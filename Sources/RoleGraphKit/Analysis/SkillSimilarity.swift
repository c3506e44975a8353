import RoleGraphAlgorithms

/// A role that resembles another by skills.
public struct SimilarRole: Hashable, Sendable {
    /// The similar role.
    public var role: RoleID
    /// Weighted Jaccard similarity of the two roles' skills, in (0, 1].
    public var similarity: Double
    /// Skills both roles list, in vocabulary order.
    public var sharedSkills: [SkillID]
}

extension RoleGraph {
    /// Each role's skills as weighted features: primary skills weigh 2, secondary 1, the same
    /// weights as skill-gap costs.
    func skillFeatures() -> [[(feature: Int32, weight: Double)]] {
        roles.map { role in
            role.primarySkills.compactMap { skill in index(ofSkill: skill).map { (feature: $0, weight: SkillGap.primaryWeight) } }
                + role.secondarySkills.compactMap { skill in index(ofSkill: skill).map { (feature: $0, weight: SkillGap.secondaryWeight) } }
        }
    }

    /// The roles most similar to `role` by skills: weighted Jaccard (Σ min / Σ max of the skill
    /// weights), most similar first; roles sharing no skill are left out.
    ///
    /// - Complexity: O(*R* · *s*) for *s* skills per role.
    public func similarRoles(to role: RoleID, limit: Int = 5) -> [SimilarRole] {
        guard let index = index(of: role), limit > 0 else { return [] }
        let similarity = WeightedJaccardSimilarity(features: skillFeatures())
        let mine = skills(of: role)
        return similarity.mostSimilar(to: index, limit: limit).map { match in
            let other = self.role(at: match.vertex).id
            let shared = skills(of: other).intersection(mine)
            return SimilarRole(role: other, similarity: match.similarity,
                               sharedSkills: self.skills.map(\.id).filter(shared.contains))
        }
    }
}
