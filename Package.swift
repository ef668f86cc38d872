// swift-tools-version: 6.1
// IncidentChat: the chat-command language of AWS Systems Manager Incident Manager.
// One module a pipeline stage (see ../shared/DESIGN.md and README.md).
import PackageDescription

let package = Package(
    name: "IncidentChat",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "incident-chat", targets: ["incident-chat"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // text → tokens → syntax tree, source ranges, diagnostics
        .target(name: "Syntax"),
        // services, operations, shapes (generated from the service models); typed values
        .target(name: "Catalog", dependencies: [
            .product(name: "OrderedCollections", package: "swift-collections"),
        ]),
        .testTarget(name: "CatalogTests", dependencies: ["Catalog"], exclude: ["Golden"]),
        // syntax tree + catalog → typed request or diagnostics
        .target(name: "Checker", dependencies: [
            "Syntax", "Catalog",
            .product(name: "OrderedCollections", package: "swift-collections"),
            .product(name: "Yams", package: "Yams"),
        ]),
        .testTarget(name: "CheckerTests", dependencies: ["Checker", "Syntax", "Catalog"], exclude: ["Golden"]),
        // the executable: argument parsing only, wiring the rest
        .executableTarget(name: "incident-chat", dependencies: [
            "Syntax", "Catalog", "Checker",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "SyntaxTests", dependencies: [
            "Syntax",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
