import Foundation
import Testing
@testable import RoleGraphKit
import RoleGraphTestSupport

/// The layout policy: which engine and attributes each size band gets, what the DOT then says,
/// and the time estimate read off the measured table.
@Suite struct LayoutPolicyTests {
    @Test(arguments: [
        // roles, relations, engine, splines, edge labels, compact
        (10, 30, GraphvizLayout.dot, LayoutPolicy.Splines.spline, true, false),
        (150, 150, .dot, .spline, true, false),
        (150, 151, .dot, .spline, false, false),
        (151, 400, .dot, .spline, false, true),
        (300, 600, .dot, .spline, false, true),
        (301, 600, .sfdp, .none, false, true),
        (100, 601, .sfdp, .none, false, true),
        (120, 140, .dot, .spline, true, false),
        (5_000, 28_000, .sfdp, .none, false, true),
    ])
    func bandsPickEngineAndStyle(roles: Int, relations: Int, engine: GraphvizLayout, splines: LayoutPolicy.Splines,
                                 labels: Bool, compact: Bool) {
        let policy = LayoutPolicy.recommended(roleCount: roles, relationCount: relations)
        #expect(policy.engine == engine)
        #expect(policy.splines == splines)
        #expect(policy.overlap == .prism)
        #expect(policy.edgeLabels == labels)
        #expect(policy.compact == compact)
        #expect(Exporter.defaultLayout(roleCount: roles, relationCount: relations) == engine)
    }

    @Test func aChosenForceDirectedEngineRoutesOnlySmallGraphs() {
        #expect(LayoutPolicy.recommended(roleCount: 40, relationCount: 80, engine: .neato).splines == .spline)
        #expect(LayoutPolicy.recommended(roleCount: 400, relationCount: 800, engine: .neato).splines == .none)
        #expect(LayoutPolicy.recommended(roleCount: 400, relationCount: 800, engine: .dot).splines == .spline)
        // Few relations on a large graph: labels fit.
        #expect(LayoutPolicy.recommended(roleCount: 400, relationCount: 100).edgeLabels)
    }

    @Test func dotAttributesFollowThePolicy() throws {
        let large = try LargeGraphs.transitions(roles: 320, seed: 7)
        let dot = try DOTReader(DOTWriter(options: DOTOptions(layout: "sfdp")).write(large))
        #expect(dot.graphAttributes["splines"] == .quoted("false"))
        #expect(dot.graphAttributes["overlap"] == .quoted("prism"))
        #expect(dot.graphAttributes["K"] == .id("2"))
        #expect(dot.graphAttributes["nslimit"] == nil)
        let transitions = dot.edges.filter { $0.attributes["kind"] == .id("transition") }
        #expect(!transitions.isEmpty)
        #expect(transitions.allSatisfy { $0.attributes["label"] == nil && $0.attributes["tooltip"] == nil })
        // Label sizes by relations: the most related role gets the largest.
        let sizes = dot.nodes.compactMap { node -> Int? in
            if case .id(let size)? = node.attributes["fontsize"] { return Int(size) }
            return nil
        }
        #expect(sizes.count == large.roles.count)
        #expect(sizes.max() == 22 && sizes.min()! >= 8)
        guard case .html(let caption)? = dot.graphAttributes["label"] else { Issue.record("no caption"); return }
        #expect(caption.contains("Text size: relations per role"))

        let small = try DOTReader(DOTWriter().write(.builtIn))
        #expect(small.graphAttributes["nslimit"] == nil, "a small diagram keeps dot's full optimisation")
        let dense = try DOTReader(DOTWriter().write(try LargeGraphs.transitions(roles: 100, perRole: 3, seed: 2)))
        #expect(dense.graphAttributes["layout"] == .quoted("dot"))
        #expect(dense.graphAttributes["nslimit"] == .id("2") && dense.graphAttributes["mclimit"] == .id("0.5"))
        #expect(small.graphAttributes["splines"] == nil)
        #expect(small.edges.filter { $0.attributes["kind"] == .id("transition") }.allSatisfy { $0.attributes["label"] != nil })
    }

    @Test func explicitChoicesAreWritten() throws {
        var options = DOTOptions(layout: "sfdp")
        options.layoutPolicy = LayoutPolicy(engine: .sfdp, splines: .curved, overlap: .scale, edgeLabels: true, compact: false)
        let dot = try DOTReader(DOTWriter(options: options).write(.builtIn))
        #expect(dot.graphAttributes["splines"] == .quoted("curved"))
        #expect(dot.graphAttributes["overlap"] == .quoted("scale"))
        #expect(dot.edges.contains { $0.attributes["tooltip"] != nil })
    }

    @Test func countsSetTheLineWidth() throws {
        let graph = try LargeGraphs.transitions(roles: 40, seed: 3, counts: true)
        let dot = try DOTReader(DOTWriter().write(graph))
        var widthByCount: [Double: Double] = [:]
        for edge in dot.edges where edge.attributes["kind"] == .id("transition") {
            guard case .id(let width)? = edge.attributes["penwidth"],
                  let relation = graph.relations.first(where: { $0.from.rawValue == edge.from && $0.to.rawValue == edge.to && $0.kind == .transition })
            else { continue }
            widthByCount[relation.count!] = Double(width)!
        }
        let ordered = widthByCount.sorted { $0.key < $1.key }.map(\.value)
        #expect(ordered.count > 10)
        #expect(ordered == ordered.sorted(), "wider for more observed moves")
        #expect(ordered.last == 4)
    }

    @Test func estimatesPassThroughTheMeasurementsAndGrow() throws {
        for row in LayoutPolicy.measurements {
            let policy = LayoutPolicy(engine: row.engine, splines: row.routed ? .spline : .none)
            for point in row.points {
                let estimate = try #require(policy.estimatedSeconds(roleCount: Int(point.roles)))
                #expect(abs(estimate - point.seconds) < 1e-9 * point.seconds)
            }
            var last = 0.0
            for roles in stride(from: 50, through: 20_000, by: 250) {
                let estimate = try #require(policy.estimatedSeconds(roleCount: roles))
                #expect(estimate > last)
                last = estimate
            }
        }
        // Halfway in log space between two points lies their geometric mean.
        let sfdp = LayoutPolicy(engine: .sfdp, splines: .none)
        let between = try #require(sfdp.estimatedSeconds(roleCount: Int((1_000.0 * 2_000).squareRoot().rounded())))
        #expect(abs(between - (1.39 * 3.05).squareRoot()) < 0.01)
        // Routed or curved edges on a thousand roles: beyond the warning threshold; straight ones are not.
        #expect(LayoutPolicy(engine: .sfdp, splines: .curved).estimatedSeconds(roleCount: 1_000)! > LayoutPolicy.slowSeconds)
        #expect(LayoutPolicy(engine: .sfdp, splines: .line).estimatedSeconds(roleCount: 1_000)! < LayoutPolicy.slowSeconds)
        #expect(LayoutPolicy(engine: .sfdp, splines: .spline).estimatedSeconds(roleCount: 1_000)! > LayoutPolicy.slowSeconds)
        #expect(sfdp.estimatedSeconds(roleCount: 1_000)! < LayoutPolicy.slowSeconds)
        #expect(LayoutPolicy(engine: .circo, splines: .none).estimatedSeconds(roleCount: 100) == nil)
    }
}
