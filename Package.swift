// swift-tools-version: 6.1
// IncidentChat: the chat-command language of AWS Systems Manager Incident Manager.
// One module a pipeline stage (see README.md):
//   Syntax → Checker (Catalog) → Interpreter → Backend → Renderer
import PackageDescription

let package = Package(
    name: "IncidentChat",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "incident-chat", targets: ["incident-chat"]),
        .executable(name: "incident-chat-bench", targets: ["incident-chat-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // text → tokens → syntax tree, source ranges, diagnostics
        .target(name: "Syntax"),
        .testTarget(name: "SyntaxTests", dependencies: [
            "Syntax",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ], exclude: ["Golden"]),

        // services, operations, shapes (generated from the service models); typed values
        .target(name: "Catalog", dependencies: [
            .product(name: "OrderedCollections", package: "swift-collections"),
        ]),
        .testTarget(name: "CatalogTests", dependencies: ["Catalog"], exclude: ["Golden"]),

        // JMESPath (--query): lexer, parser, interpreter, functions; no dependencies
        .target(name: "JMESPath"),
        .testTarget(name: "JMESPathTests", dependencies: ["JMESPath"], resources: [.copy("Fixtures")]),

        // the chat channel: configuration, IAM-style policies, SNS topics,
        // notifications, the command log, aliases
        .target(name: "Channel", dependencies: [
            "Catalog", "Syntax",
            .product(name: "Yams", package: "Yams"),
            .product(name: "OrderedCollections", package: "swift-collections"),
        ]),
        .testTarget(name: "ChannelTests", dependencies: [
            "Channel", "Catalog", "Syntax",
            .product(name: "OrderedCollections", package: "swift-collections"),
        ], exclude: ["Golden"]),

        // the REPL: libedit (a system library and a C shim for its variadic calls)
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .target(name: "CEditLine", dependencies: ["CLibEdit"]),

        // the executable: argument parsing only, wiring the rest
        .executableTarget(name: "incident-chat", dependencies: [
            "Syntax", "Catalog", "Channel",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // benchmarks: each figure beside the same work done by the Python reference
        .executableTarget(name: "incident-chat-bench", dependencies: ["JMESPath"],
                          path: "Benchmarks/incident-chat-bench"),
    ],
    swiftLanguageModes: [.v6]
)
