import Testing
@testable import RoleGraphKit

/// Cluster names by tf-idf over role names, and weighted degrees: known answers.
@Suite struct ClusterNamingTests {
    @Test func distinctiveWordsWinAndSharedOnesScoreZero() {
        let names = ClusterNaming.names(of: [
            ["Senior Payroll Clerk", "Payroll Officer", "Accounts Clerk (2)"],
            ["Senior Forklift Driver", "Delivery Driver", "Van Driver", "Warehouse Driver"],
            ["Senior Engineer"],
        ])
        // "Senior" is in every cluster (idf 0); "Payroll" and "Clerk" both appear twice in the
        // first, ordered alphabetically; the third's only distinctive word is "Engineer".
        #expect(names == ["Clerk · Payroll", "Driver · Delivery", "Engineer"])
    }

    @Test func aClusterOfOnlySharedWordsFallsBackToItsMostFrequent() {
        #expect(ClusterNaming.names(of: [["Data Analyst", "Data Analyst"], ["Data Analyst"]], count: 1) == ["Analyst", "Analyst"])
        // A word only one cluster uses is distinctive however rare.
        #expect(ClusterNaming.names(of: [["Data Analyst", "Data Analyst II"], ["Data Analyst"]], count: 1) == ["II", "Analyst"])
        #expect(ClusterNaming.names(of: [["42", "x"]]) == [""])
        #expect(ClusterNaming.words(of: "Junior Data-Engineer (Retail; E-commerce) #7") == ["Junior", "Data", "Engineer", "Retail", "commerce"])
    }

    @Test func weightedDegreesCountObservedMovesElseRelations() throws {
        let graph = try RoleGraph.parse("from,to,count\na,b,5\nb,c,2\n", format: .csv)
        #expect(graph.weightedDegrees() == [5, 7, 2])
        let plain = try RoleGraph.parse("from,to,kind\na,b,transition\nb,c,collaboration\n", format: .csv)
        #expect(plain.weightedDegrees() == [1, 2, 1])
        #expect(plain.weightedDegrees(kinds: [.transition]) == [1, 1, 0])
    }
}
