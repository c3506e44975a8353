// swift-tools-version: 6.1
// Example programs that use RoleGraph as a client would: a package of their own that depends on
// the library product, so they can use only its public API (`package` declarations of the root
// package are out of their reach). `make test` builds them; `make examples` runs them.
import PackageDescription

let package = Package(
    name: "RoleGraphExamples",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "RoleGraph", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "path-in-code",
            dependencies: [.product(name: "RoleGraphKit", package: "RoleGraph")],
            path: "PathInCode"
        ),
    ],
    swiftLanguageModes: [.v6]
)
