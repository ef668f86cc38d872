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
        // The modules the fuzz targets (Tests/Fuzz, a package of their own) link.
        .library(name: "JSON", targets: ["JSON"]),
        .library(name: "Syntax", targets: ["Syntax"]),
        .library(name: "Time", targets: ["Time"]),
        .library(name: "Text", targets: ["Text"]),
        .library(name: "Catalog", targets: ["Catalog"]),
        .library(name: "Checker", targets: ["Checker"]),
        .library(name: "Constraints", targets: ["Constraints"]),
        .library(name: "JMESPath", targets: ["JMESPath"]),
        .library(name: "Wire", targets: ["Wire"]),
        .library(name: "SigV4", targets: ["SigV4"]),
        .library(name: "Interpreter", targets: ["Interpreter"]),
        .library(name: "MemoryBackend", targets: ["MemoryBackend"]),
        .library(name: "Channel", targets: ["Channel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // for the test targets: the golden-file helper and the seeded random generator
        .target(name: "TestSupport", path: "Tests/TestSupport"),

        // one JSON value type, one reader (its dialects a parameter) and one writer; only Text
        // (doubles as Python prints them)
        .target(name: "JSON", dependencies: ["Text"]),
        .testTarget(name: "JSONTests", dependencies: ["JSON"]),

        // the civil calendar and every date format the services and SigV4 use (ISO 8601,
        // the HTTP date, epoch seconds, SigV4 stamps), written and read; no dependencies
        .target(name: "Time"),
        .testTarget(name: "TimeTests", dependencies: ["Time"]),

        // percent-encoding (RFC 3986) and numbers as Python reads and prints them; no dependencies
        .target(name: "Text"),
        .testTarget(name: "TextTests", dependencies: ["Text"]),

        // text → tokens → syntax tree, source ranges, diagnostics
        .target(name: "Syntax"),
        .testTarget(name: "SyntaxTests", dependencies: [
            "Syntax", "TestSupport",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ], exclude: ["Golden"]),

        // services, operations, shapes (generated from the service models); typed values
        .target(name: "Catalog", dependencies: [
            .product(name: "OrderedCollections", package: "swift-collections"),
        ]),
        .testTarget(name: "CatalogTests", dependencies: ["Catalog", "TestSupport"], exclude: ["Golden"]),

        // bounds a YAML document (depth, aliases, expanded size) before Yams composes it
        .target(name: "YAMLBounds", dependencies: [.product(name: "Yams", package: "Yams")]),

        // the model's constraints on values (required, lengths, ranges, enums,
        // patterns, unions) and the pattern matcher: one engine for the checker and the wire
        .target(name: "Constraints", dependencies: [
            "Catalog", "Text",
            .product(name: "OrderedCollections", package: "swift-collections"),
        ]),

        // syntax tree + catalog → typed request or diagnostics
        .target(name: "Checker", dependencies: [
            "JSON", "Syntax", "Catalog", "Constraints", "JMESPath", "YAMLBounds", "Time", "Text",
            .product(name: "OrderedCollections", package: "swift-collections"),
            .product(name: "Yams", package: "Yams"),
        ]),
        .testTarget(name: "CheckerTests", dependencies: ["Checker", "Constraints", "Syntax", "Catalog", "TestSupport"], exclude: ["Golden"]),

        // JMESPath (--query): lexer, parser, interpreter, functions; only the leaf modules below it
        .target(name: "JMESPath", dependencies: ["JSON", "Text"]),
        .testTarget(name: "JMESPathTests", dependencies: ["JMESPath", "TestSupport"], resources: [.copy("Fixtures")]),

        // prints results as the AWS CLI does: json, yaml, text, table
        .target(name: "Renderer", dependencies: ["Catalog", "JMESPath", "Time"]),
        .testTarget(name: "RendererTests", dependencies: [
            "Renderer", "Catalog", "JMESPath", "TestSupport",
            .product(name: "OrderedCollections", package: "swift-collections"),
        ], exclude: ["Golden"]),

        // the chat channel: configuration, IAM-style policies, SNS topics,
        // notifications, the command log, aliases
        .target(name: "Channel", dependencies: [
            "JSON", "Catalog", "Syntax", "YAMLBounds", "Time",
            .product(name: "Yams", package: "Yams"),
            .product(name: "OrderedCollections", package: "swift-collections"),
        ]),
        .testTarget(name: "ChannelTests", dependencies: [
            "Channel", "Catalog", "Syntax", "TestSupport", "Time",
            .product(name: "OrderedCollections", package: "swift-collections"),
        ], exclude: ["Golden"]),

        // the REPL: libedit (a system library and a C shim for its variadic calls)
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .target(name: "CEditLine", dependencies: ["CLibEdit"]),
        .target(name: "REPL", dependencies: ["CEditLine", "Syntax", "Catalog", "Completion", "Interpreter"]),
        .testTarget(name: "REPLTests", dependencies: ["REPL", "Completion", "Catalog", "Syntax"]),

        // what TAB offers: services, operations, options, enum values, live identifiers
        // (the REPL's line editor and the browser channel's message box)
        .target(name: "Completion", dependencies: ["Syntax", "Catalog"]),

        // the IncidentBackend protocol, the service engine and the storage abstraction it runs on
        .target(name: "Backend", dependencies: [
            "JSON", "Catalog", "Time",
            .product(name: "OrderedCollections", package: "swift-collections"),
        ]),
        // the in-memory backend: dictionaries and sorted indexes, for tests and --memory
        .target(name: "MemoryBackend", dependencies: [
            "Backend", "Catalog",
            .product(name: "OrderedCollections", package: "swift-collections"),
        ]),
        // the embedded SQLite backend (GRDB): WAL, migrations, a transaction per command
        .target(name: "SQLiteBackend", dependencies: [
            "Backend", "Catalog",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "OrderedCollections", package: "swift-collections"),
        ]),
        // the PostgreSQL backend (PostgresNIO): a pool of connections, versioned
        // migrations, serializable transactions retried on conflicts
        .target(name: "PostgresBackend", dependencies: [
            "Backend", "Catalog",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "OrderedCollections", package: "swift-collections"),
        ]),
        .testTarget(name: "BackendTests", dependencies: [
            "Backend", "MemoryBackend", "SQLiteBackend", "PostgresBackend", "Catalog", "Server", "RemoteBackend", "SigV4",
            .product(name: "OrderedCollections", package: "swift-collections"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),

        // the two wire protocols (rest-json, JSON 1.1) over the catalog: requests and responses as bytes
        .target(name: "Wire", dependencies: [
            "JSON", "Catalog", "Backend", "Constraints", "Time", "Text",
            .product(name: "OrderedCollections", package: "swift-collections"),
        ]),
        .testTarget(name: "WireTests", dependencies: [
            "Wire", "JSON", "Catalog", "Backend", "MemoryBackend", "Checker", "Constraints", "Syntax", "Time", "Text",
            .product(name: "OrderedCollections", package: "swift-collections"),
        ]),

        // AWS Signature Version 4: signer, verifier, shared credentials and config files
        .target(name: "SigV4", dependencies: [
            "Time", "Text",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .testTarget(name: "SigV4Tests", dependencies: ["SigV4"], exclude: ["botocore_vectors.py"]),

        // the emulator server (Hummingbird): the wire protocols over any backend, SigV4-verified
        .target(name: "Server", dependencies: [
            "Wire", "SigV4", "Backend", "Catalog",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
        ]),
        // a backend that sends SigV4-signed requests to an endpoint (AWS or our server)
        .target(name: "RemoteBackend", dependencies: [
            "Wire", "SigV4", "Backend", "Catalog",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        .testTarget(name: "ServerTests", dependencies: [
            "Server", "RemoteBackend", "Wire", "JSON", "SigV4", "Backend", "MemoryBackend", "Catalog",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // the post-incident review: facts read through the backend's read operations →
        // key moments and durations → html, markdown, json, text; the timeline as SVG
        .target(name: "Review", dependencies: [
            "Backend", "Catalog", "Wire", "JMESPath", "Time",
            .product(name: "OrderedCollections", package: "swift-collections"),
        ]),
        .testTarget(name: "ReviewTests", dependencies: [
            "Review", "Interpreter", "Backend", "MemoryBackend", "SQLiteBackend", "Catalog", "JMESPath", "Syntax", "TestSupport", "Time",
        ], exclude: ["Golden"]),

        // one session: statements through checker → backend → query → renderer; runbooks
        .target(name: "Interpreter", dependencies: [
            "JSON", "Syntax", "Catalog", "Checker", "Backend", "JMESPath", "Renderer", "Channel", "Review", "Time",
        ]),

        .testTarget(name: "InterpreterTests", dependencies: [
            "Interpreter", "Backend", "MemoryBackend", "JMESPath", "Syntax", "Channel",
        ]),

        // connectors to real chat clients: Slack slash commands on the server,
        // notifications to Slack and Amazon Chime webhooks with retries
        .target(name: "Connectors", dependencies: [
            "Channel", "Interpreter", "Backend", "Server", "RemoteBackend", "Catalog", "Wire", "JSON", "Time", "Text",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        .testTarget(name: "ConnectorsTests", dependencies: [
            "Connectors", "Channel", "Interpreter", "Backend", "MemoryBackend", "Server", "RemoteBackend", "Syntax", "Catalog", "Wire", "JSON",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
        ]),

        // the channel in a browser: the page, sign-in, the conversation, live updates over a WebSocket
        .target(name: "WebChannel", dependencies: [
            "Channel", "Interpreter", "Backend", "Catalog", "Server", "JMESPath", "Syntax", "Review", "Completion", "Text",
            .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "WebChannelTests", dependencies: [
            "WebChannel", "Channel", "Interpreter", "Backend", "MemoryBackend", "Server", "JMESPath", "Syntax", "Catalog",
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "OrderedCollections", package: "swift-collections"),
        ]),

        // the executable: argument parsing only, wiring the rest
        .executableTarget(name: "incident-chat", dependencies: [
            "JSON", "Syntax", "Catalog", "Checker", "Interpreter", "Backend", "MemoryBackend", "SQLiteBackend", "PostgresBackend",
            "Renderer", "REPL", "Completion", "Channel", "Server", "RemoteBackend", "SigV4", "Connectors", "WebChannel", "Review", "Time",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // benchmarks: each figure beside the same work done by the Python reference
        .executableTarget(name: "incident-chat-bench", dependencies: [
                              "JSON", "Syntax", "Catalog", "Checker", "Constraints", "JMESPath", "Backend", "MemoryBackend", "SQLiteBackend", "Interpreter", "REPL", "Completion", "Review",
                          ],
                          path: "Benchmarks/incident-chat-bench"),
    ],
    swiftLanguageModes: [.v6]
)
