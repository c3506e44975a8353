// swift-tools-version: 6.1
// libFuzzer harnesses for RoleGraph's loaders: one executable per input format, each feeding
// bytes to the loader and, for inputs that load, to paths, clustering, every writer and an
// in-process render of small graphs. A package of its own, so `make test` never builds it with
// the sanitizers; `make fuzz`, `make fuzz-smoke` and `make fuzz-regress` run it (see
// Guides/Fuzzing.md). Built with `--scratch-path .build-fuzz`.
import PackageDescription

let formats = ["yaml", "json", "dot", "csv", "tsv"]

let package = Package(
    name: "RoleGraphFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "RoleGraph", path: ".."),
    ],
    targets: [
        .target(name: "CFuzzer"),
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "RoleGraphKit", package: "RoleGraph")]
        ),
    ] + formats.map { format in
        .executableTarget(
            name: "fuzz-\(format)",
            dependencies: ["FuzzSupport", "CFuzzer"],
            path: "Sources/Entries/\(format)"
        )
    },
    swiftLanguageModes: [.v6]
)
