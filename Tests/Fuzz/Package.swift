// swift-tools-version: 6.1
// libFuzzer targets for IncidentChat, a package of their own so that the root
// package's build is unaffected. Built and run by `make fuzz`:
//
//   swift build --package-path Tests/Fuzz --scratch-path .build-fuzz -c debug \
//     -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
//
// Each executable defines `LLVMFuzzerTestOneInput` and an `@main` that hands
// it to libFuzzer's driver (see Sources/CFuzzer).
// The debug build keeps testability, so targets reach internal parsers with
// `@testable import`. Nothing here links Hummingbird or NIO.
import PackageDescription

let fuzzTargets: [(name: String, dependencies: [String])] = [
    ("fuzz-message", ["Syntax"]),
    ("fuzz-script", ["Syntax"]),
    ("fuzz-statement-reader", ["Syntax"]),
    ("fuzz-checker", ["Syntax", "Checker", "Catalog"]),
    ("fuzz-runbook", ["Syntax", "Checker", "Interpreter", "MemoryBackend"]),
    ("fuzz-shorthand", ["Checker"]),
    ("fuzz-json-checker", ["Checker"]),
    ("fuzz-pattern", ["Constraints"]),
    ("fuzz-json-wire", ["JSON"]),
    ("fuzz-json-jmespath", ["JMESPath"]),
    ("fuzz-jmespath", ["JMESPath"]),
    ("fuzz-wire-request", ["Wire", "Catalog"]),
    ("fuzz-sigv4", ["SigV4"]),
    ("fuzz-yaml", ["Syntax", "Checker", "Channel"]),
]

let package = Package(
    name: "IncidentChatFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "IncidentChat", path: "../..")],
    targets: [
        .target(name: "CFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzer", .product(name: "Syntax", package: "IncidentChat")]),
    ] + fuzzTargets.map { target in
        .executableTarget(
            name: target.name,
            dependencies: ["FuzzSupport"] + target.dependencies.map { .product(name: $0, package: "IncidentChat") })
    },
    swiftLanguageModes: [.v6]
)
