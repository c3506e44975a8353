// swift-tools-version: 6.1
// RoleGraph: a library and command-line tool that shows how career roles connect.
import PackageDescription

let package = Package(
    name: "RoleGraph",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "RoleGraph", targets: ["RoleGraph"]),
        .executable(name: "rolegraph", targets: ["rolegraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // The system's Graphviz (Debian: libgraphviz-dev). Its headers are never copied here.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
        ),
        .target(
            name: "RoleGraph",
            dependencies: [
                "CGraphviz",
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Resources/README.md"],
            resources: [.embedInCode("Resources/data-careers.yaml")]
        ),
        .executableTarget(
            name: "rolegraph",
            dependencies: [
                "RoleGraph",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Example programs (built with everything else, so CI proves they compile).
        .executableTarget(
            name: "path-in-code",
            dependencies: ["RoleGraph"],
            path: "Examples/PathInCode"
        ),
        .testTarget(
            name: "RoleGraphTests",
            dependencies: ["RoleGraph"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["rolegraph"],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
