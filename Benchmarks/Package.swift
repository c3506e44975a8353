// swift-tools-version: 6.1
// RoleGraph's benchmarks: a separate package, so `swift build` and `swift test` at the root never
// build them. See README.md.
import PackageDescription

let package = Package(
    name: "RoleGraphBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "RoleGraph", path: ".."),
    ],
    targets: [
        .target(name: "BenchSupport", dependencies: [.product(name: "RoleGraphKit", package: "RoleGraph"), .product(name: "RoleGraphAlgorithms", package: "RoleGraph")]),
        // Writes the synthetic transition networks (CSV, DOT for small ones, ground truth, query pairs).
        .executableTarget(
            name: "generate",
            dependencies: ["BenchSupport", .product(name: "RoleGraphKit", package: "RoleGraph"), .product(name: "RoleGraphAlgorithms", package: "RoleGraph")]
        ),
        // Times RoleGraph's operations in-process on one file; prints one JSON line per operation.
        .executableTarget(
            name: "bench",
            dependencies: ["BenchSupport", .product(name: "RoleGraphKit", package: "RoleGraph"), .product(name: "RoleGraphAlgorithms", package: "RoleGraph")]
        ),
        // A floor for the in-process load: the least a loader does, in plain C, on every core.
        .executableTarget(name: "loadfloor"),
    ],
    swiftLanguageModes: [.v6]
)
