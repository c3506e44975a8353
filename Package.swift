// swift-tools-version: 6.1
// RoleGraph: a library and command-line tool that shows how career roles connect.
//
// Layers, lowest first. Each target may import only the ones above it, and the compiler holds it
// to that: a lower layer that imports a higher one does not build.
//
//   RoleGraphAlgorithms  the Int32 graph engine: CSR graph, heaps, searches, clustering, centrality,
//                        its own seeded RNG. Knows nothing of roles.
//   RoleGraphGraphviz    the one wrapper around Graphviz's C libraries (CGraphviz) and the parsed
//                        DOT document type. Knows nothing of roles.
//   RoleGraphKit         the domain: model, loading, paths, analysis, export. The front door.
//   rolegraph            the command-line tool.
import PackageDescription

let package = Package(
    name: "RoleGraph",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "RoleGraphKit", targets: ["RoleGraphKit"]),
        .library(name: "RoleGraphAlgorithms", targets: ["RoleGraphAlgorithms"]),
        .executable(name: "rolegraph", targets: ["rolegraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // `make docs`: the DocC catalogs, built by `swift package generate-documentation`.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        .target(name: "RoleGraphAlgorithms"),
        // The system's Graphviz (Debian: libgraphviz-dev). Its headers are never copied here.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
        ),
        .target(name: "RoleGraphGraphviz", dependencies: ["CGraphviz"]),
        // The system's zlib (Debian: zlib1g-dev), for reading .gz graph files.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        // fstatfs from the C library (Glibc's Swift module leaves sys/vfs.h out).
        .systemLibrary(name: "CFileSystem"),
        // __builtin_prefetch, for the edge-list parser's id table (see ByteInterner.prefetch).
        .systemLibrary(name: "CCacheHints"),
        // SSE2 byte compares, for the edge-list parser's delimiter scan (DelimiterCursor) and where it cuts a file.
        .systemLibrary(name: "CByteClasses"),
        .target(
            name: "RoleGraphKit",
            dependencies: [
                "RoleGraphAlgorithms",
                "RoleGraphGraphviz",
                "CZlib",
                "CFileSystem",
                "CCacheHints",
                "CByteClasses",
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Resources/README.md"],
            resources: [
                .embedInCode("Resources/data-careers.yaml"),
                .embedInCode("Resources/explorer/explorer.js"),
                .embedInCode("Resources/explorer/explorer.css"),
            ]
        ),
        .executableTarget(
            name: "rolegraph",
            dependencies: [
                "RoleGraphKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by every test target: random graphs, oracles, fixtures, golden files.
        .target(
            name: "RoleGraphTestSupport",
            dependencies: ["RoleGraphAlgorithms"],
            path: "Tests/RoleGraphTestSupport"
        ),
        .testTarget(
            name: "RoleGraphAlgorithmsTests",
            dependencies: ["RoleGraphAlgorithms", "RoleGraphTestSupport"]
        ),
        .testTarget(
            name: "RoleGraphGraphvizTests",
            dependencies: ["RoleGraphGraphviz", "RoleGraphTestSupport"]
        ),
        .testTarget(
            name: "RoleGraphKitTests",
            dependencies: ["RoleGraphKit", "RoleGraphAlgorithms", "RoleGraphGraphviz", "RoleGraphTestSupport"]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["rolegraph"],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
