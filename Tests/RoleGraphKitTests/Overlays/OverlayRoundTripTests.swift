import Foundation
import Testing
@testable import RoleGraphKit
import RoleGraphAlgorithms
import RoleGraphTestSupport

/// ``OverlayWriter``: an overlay written as YAML and read back, applied to the same base, gives
/// the same graph as the overlay it was written from, hostile names included.
@Suite struct OverlayRoundTripTests {
    @Test(arguments: [false, true])
    func writtenOverlaysReadBackToTheSameResult(hostile: Bool) throws {
        for seed in UInt64(0)..<200 {
            var generator = SplitMix64(seed: seed &+ 77)
            let base = RandomOverlays.base(&generator, hostile: hostile)
            let overlay = RandomOverlays.overlay(&generator, on: base, hostile: hostile)
            let text = OverlayWriter.yaml(overlay)
            let layer: GraphLayer
            do {
                layer = try GraphFileReader.readLayer(text, file: "written.yaml", json: false, overlay: false)
            } catch {
                Issue.record("seed \(seed): the written overlay does not read back: \(error)\n\(text)")
                continue
            }
            guard case .overlay(let read) = layer else {
                Issue.record("seed \(seed): read back as a whole graph")
                continue
            }
            #expect(read.extends == "base.yaml")
            #expect(read.overrides.roles.map(\.fieldNames) == overlay.overrides.roles.map(\.fieldNames), "seed \(seed)")
            let original = OverlayMerge.apply(overlay, to: base)
            let again = OverlayMerge.apply(read, to: base)
            #expect(again.diagnostics.isEmpty, "seed \(seed)")
            #expect(OverlayOracle.parts(again.document) == OverlayOracle.parts(original.document), "seed \(seed)\n\(text)")
        }
    }

    @Test func quotingEscapesWhatYAMLWouldReadOtherwise() {
        #expect(OverlayWriter.quoted("a\"b\\c") == #""a\"b\\c""#)
        #expect(OverlayWriter.quoted("x\ny\u{0}\u{85}\u{2028}\u{FEFF}\u{FFFE}") == #""x\ny\0\N\L\uFEFF\uFFFE""#)
        #expect(OverlayWriter.quoted("yes") == #""yes""#)
        #expect(OverlayWriter.number(2) == "2")
        #expect(OverlayWriter.number(0.1) == "0.1")
    }

    /// The example overlay: written back and loaded over the built-in graph, the same graph.
    @Test func theExampleOverlayRoundTripsThroughTheLoader() throws {
        let example = Fixtures.repositoryRoot.appendingPathComponent("Examples/overlays/my-team.yaml").path
        let loaded = try RoleGraph.load(layers: [example])
        let overlay = try #require(loaded.lastOverlay)
        let directory = try OverlayFiles.directory()
        let written = directory.appendingPathComponent("kept.yaml").path
        try overlay.yaml().write(toFile: written, atomically: true, encoding: .utf8)
        let again = try RoleGraph.load(layers: [written])
        #expect(again.graph.roles == loaded.graph.roles)
        #expect(again.graph.relations == loaded.graph.relations)
        #expect(again.graph.name == loaded.graph.name)
    }
}
