import JMESPath

/// The AWS CLI's global options that a command may carry beside the
/// operation's own (`--output`, `--query`, `--region`, paging, ...), typed.
/// The checker fills them in; the interpreter acts on them.
public struct GlobalOptions: Sendable, Hashable {
    public enum OutputFormat: String, Sendable, CaseIterable {
        case json, yaml, text, table
        case yamlStream = "yaml-stream"
    }

    public enum Color: String, Sendable, CaseIterable {
        case on, off, auto
    }

    /// What `--generate-cli-skeleton` prints instead of sending the request.
    public enum Skeleton: String, Sendable, CaseIterable {
        /// A JSON document for `--cli-input-json` (the default).
        case input
        /// A sample of the operation's output, after checking the request.
        case output
    }

    public var output: OutputFormat?
    /// The `--query` expression, compiled by the checker: one that does not
    /// compile makes the command invalid wherever it is checked.
    public var query: JMESPath.Expression?
    public var region: String?
    public var profile: String?
    public var endpointURL: String?
    /// The document given to `--cli-input-json`, after `file://` is read.
    public var cliInputJSON: String?
    /// The document given to `--cli-input-yaml`, after `file://` is read.
    public var cliInputYAML: String?
    public var generateCLISkeleton: Skeleton?
    // Paging, for paginated operations only.
    public var maxItems: Int?
    public var startingToken: String?
    public var pageSize: Int?
    public var noPaginate = false
    public var debug = false
    public var color: Color?
    public var noVerifySSL = false
    public var noSignRequest = false
    public var caBundle: String?
    public var cliReadTimeout: Int?
    public var cliConnectTimeout: Int?

    public init() {}

    /// How an option is written and what it takes.
    enum Kind {
        case text, integer, flag
        case choice([String])
        /// A choice whose value may be left out (`--generate-cli-skeleton`).
        case optionalChoice([String], default: String)
    }

    /// Every global option, by name without dashes.
    static let table: [String: Kind] = [
        "output": .choice(OutputFormat.allCases.map(\.rawValue)),
        "query": .text,
        "region": .text,
        "profile": .text,
        "endpoint-url": .text,
        "cli-input-json": .text,
        "cli-input-yaml": .text,
        "generate-cli-skeleton": .optionalChoice(Skeleton.allCases.map(\.rawValue), default: "input"),
        "max-items": .integer,
        "starting-token": .text,
        "page-size": .integer,
        "no-paginate": .flag,
        "debug": .flag,
        "color": .choice(Color.allCases.map(\.rawValue)),
        "no-verify-ssl": .flag,
        "no-sign-request": .flag,
        "ca-bundle": .text,
        "cli-read-timeout": .integer,
        "cli-connect-timeout": .integer,
    ]

    /// The AWS CLI's options that choose a connection (an endpoint, a profile,
    /// TLS, timeouts, colours): accepted as the CLI accepts them, but a session
    /// sets these once, when it starts, and never from a message, so that a
    /// chat channel cannot be pointed elsewhere. The advice says where they go.
    static let sessionWide: [String: String] = [
        "profile": "start the session with --profile NAME (incident-chat exec, run or repl)",
        "endpoint-url": "start the session with --endpoint-url URL (incident-chat exec, run or repl)",
        "color": "colour follows the terminal; set NO_COLOR to turn it off",
        "no-verify-ssl": "the remote backend always verifies TLS certificates",
        "no-sign-request": "the remote backend always signs its requests",
        "ca-bundle": "the remote backend uses the system's certificate authorities",
        "cli-read-timeout": "the channel file's timeout sets how long a command may run",
        "cli-connect-timeout": "the channel file's timeout sets how long a command may run",
    ]

    /// The options only a paginated operation takes.
    static let pagingNames: Set<String> = ["max-items", "starting-token", "page-size"]

    /// Stores a checked value.
    mutating func set(_ name: String, text: String?, integer: Int?) {
        switch name {
        case "output": output = text.flatMap(OutputFormat.init(rawValue:))
        case "region": region = text
        case "profile": profile = text
        case "endpoint-url": endpointURL = text
        case "cli-input-json": cliInputJSON = text
        case "cli-input-yaml": cliInputYAML = text
        case "generate-cli-skeleton": generateCLISkeleton = text.flatMap(Skeleton.init(rawValue:))
        case "max-items": maxItems = integer
        case "starting-token": startingToken = text
        case "page-size": pageSize = integer
        case "no-paginate": noPaginate = true
        case "debug": debug = true
        case "color": color = text.flatMap(Color.init(rawValue:))
        case "no-verify-ssl": noVerifySSL = true
        case "no-sign-request": noSignRequest = true
        case "ca-bundle": caBundle = text
        case "cli-read-timeout": cliReadTimeout = integer
        case "cli-connect-timeout": cliConnectTimeout = integer
        default: break
        }
    }
}
