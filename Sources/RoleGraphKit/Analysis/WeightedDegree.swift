extension RoleGraph {
    /// Each role's weighted degree over the relations of `kinds`: the sum, over the relations that
    /// touch it (either end), of their observed count when they state one, else 1. It ranks the
    /// roles that matter most in a cluster of a large network: on an observed-moves file the
    /// roles most people move into and out of, elsewhere the best-connected ones.
    ///
    /// - Returns: one weight per role, by dense index.
    /// - Complexity: O(*R* + *E*).
    public func weightedDegrees(kinds: Set<RelationKind> = Set(RelationKind.allCases)) -> [Double] {
        var degrees = [Double](repeating: 0, count: roles.count)
        for (position, relation) in relations.enumerated() where kinds.contains(relation.kind) {
            let weight = relation.count ?? 1
            let (a, b) = endpoints(ofRelationAt: position)
            degrees[Int(a)] += weight
            degrees[Int(b)] += weight
        }
        return degrees
    }
}
