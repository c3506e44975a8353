import Foundation
import Testing
@testable import RoleGraphAlgorithms
import RoleGraphTestSupport

@Suite struct PartitionAgreementTests {
    @Test func identicalGroupingsAgreeFully() {
        let a = Partition(labels: [0, 0, 1, 1, 2, 2, 2])
        let b = Partition(labels: ["z", "z", "y", "y", "x", "x", "x"])
        #expect(abs(a.normalizedMutualInformation(with: b) - 1) < 1e-15)
        #expect(abs(a.adjustedRandIndex(with: b) - 1) < 1e-15)
    }

    @Test func handCheckedTwoByTwo() {
        // U = {0,1}{2,3}, V = {0,1,2}{3}; contingency [[2, 0], [1, 1]], n = 4.
        // ARI: Σ C(n_ij, 2) = 1; Σ C(a_i, 2) = 1 + 1 = 2; Σ C(b_j, 2) = 3 + 0 = 3; C(4, 2) = 6;
        //      E = 2·3/6 = 1, max = (2 + 3)/2 = 2.5, ARI = (1 − 1)/(2.5 − 1) = 0.
        // NMI: H(U) = ln 2; H(V) = −(¾ ln ¾ + ¼ ln ¼) = 0.5623351446…;
        //      I = ½ ln(4/3) + ¼ ln(2/3) + ¼ ln 2 = 0.2157615543…;
        //      NMI = I / ((H(U) + H(V))/2) = 0.3437110184854508.
        let u = Partition(labels: [0, 0, 1, 1])
        let v = Partition(labels: [0, 0, 0, 1])
        #expect(abs(u.adjustedRandIndex(with: v)) < 1e-15)
        let hv = -(0.75 * log(0.75) + 0.25 * log(0.25))
        let mi = 0.5 * log(4.0 / 3) + 0.25 * log(2.0 / 3) + 0.25 * log(2.0)
        #expect(abs(u.normalizedMutualInformation(with: v) - mi / ((log(2.0) + hv) / 2)) < 1e-15)
        #expect(abs(u.normalizedMutualInformation(with: v) - 0.3437110184854508) < 1e-12)
        // Both measures are symmetric.
        #expect(u.normalizedMutualInformation(with: v) == v.normalizedMutualInformation(with: u))
        #expect(u.adjustedRandIndex(with: v) == v.adjustedRandIndex(with: u))
    }

    @Test func handCheckedTwoByThree() {
        // U = {0,1,2}{3,4,5}, V = {0,1}{2,3}{4,5}: Σ C(n_ij,2) = 1 + 0 + 0 + 1 = 2;
        // Σ C(a_i,2) = 6; Σ C(b_j,2) = 3; C(6,2) = 15; E = 18/15 = 1.2; max = 4.5;
        // ARI = 0.8 / 3.3 = 8/33.
        let u = Partition(labels: [0, 0, 0, 1, 1, 1])
        let v = Partition(labels: [0, 0, 1, 1, 2, 2])
        #expect(abs(u.adjustedRandIndex(with: v) - 8.0 / 33) < 1e-15)
    }

    @Test func crossedGroupingsScoreBelowChance() {
        // U = {0,1}{2,3}, V = {0,2}{1,3}: no pair together in both; E = 2·2/6 = ⅔, max = 2,
        // ARI = (0 − ⅔)/(2 − ⅔) = −½; the labellings are independent, so I = 0 and NMI = 0.
        let u = Partition(labels: [0, 0, 1, 1])
        let v = Partition(labels: [0, 1, 0, 1])
        #expect(abs(u.adjustedRandIndex(with: v) + 0.5) < 1e-15)
        #expect(u.normalizedMutualInformation(with: v) == 0)
    }

    @Test func trivialPartitionsFollowScikitLearn() {
        let whole = Partition.whole(vertexCount: 5)
        let alone = Partition.singletons(vertexCount: 5)
        #expect(whole.normalizedMutualInformation(with: whole) == 1)
        #expect(whole.adjustedRandIndex(with: whole) == 1)
        #expect(alone.adjustedRandIndex(with: alone) == 1)
        #expect(alone.normalizedMutualInformation(with: alone) == 1)
        // One community against five: no information shared.
        #expect(whole.normalizedMutualInformation(with: alone) == 0)
        #expect(whole.adjustedRandIndex(with: alone) == 0)
    }

    @Test func randomPartitionsStayInRange() {
        var rng = ClusteringTestRNG(seed: 3)
        for _ in 0 ..< 50 {
            let n = 2 + rng.int(60)
            let a = ClusteringFixtures.randomPartition(vertexCount: n, labels: 1 + rng.int(8), rng: &rng)
            let b = ClusteringFixtures.randomPartition(vertexCount: n, labels: 1 + rng.int(8), rng: &rng)
            let nmi = a.normalizedMutualInformation(with: b)
            let ari = a.adjustedRandIndex(with: b)
            #expect(nmi >= 0 && nmi <= 1)
            #expect(ari >= -1 && ari <= 1)
            #expect(abs(a.normalizedMutualInformation(with: a) - 1) < 1e-12 || a.count == 1)
        }
    }
}
