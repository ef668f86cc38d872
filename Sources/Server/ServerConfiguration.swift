import Backend
import SigV4

/// How `incident-chat serve` listens, whom it lets in, and its limits.
public struct ServerConfiguration: Sendable {
    /// The port when none is given (LocalStack's edge port is 4566; ours sits beside it).
    public static let defaultPort = 4590
    /// The access key that may sign when no credentials file is given: for local use only.
    public static let defaultCredentials = Credentials(accessKeyId: "AKIDINCIDENTCHAT", secretAccessKey: "incident-chat-local")
    /// The user that calls signed with the default key (or unsigned calls under `--no-auth`) act as.
    public static let defaultUser = "incident-chat"

    /// Who may call.
    public enum Authentication: Sendable {
        /// Every request must carry a valid SigV4 signature by one of these keys.
        case sigV4([Verifier.Key])
        /// No signature is checked (experiments only); calls act as `defaultUser`.
        case none
    }

    public var host: String
    /// 0 picks a free port (tests); `RunningServer.port` tells which.
    public var port: Int
    public var accountId: String
    /// The Region of unsigned calls (`--no-auth`). Signed calls act in the
    /// Region their signature is scoped to, so one server serves every Region.
    public var region: String
    public var authentication: Authentication
    /// Larger bodies are refused with 413 before they are read whole.
    public var maxBodySize: Int
    /// Larger header blocks close the connection (the HTTP parser's limit).
    public var maxHeaderSize: Int
    /// A connection must send a complete request head this soon after it opens
    /// or after its previous response.
    public var headerTimeout: Duration
    /// A request's body must have arrived and the call must have finished this soon after the head.
    public var requestTimeout: Duration
    /// A connection with no traffic at all for this long is closed.
    public var idleTimeout: Duration
    /// The largest clock skew a signature may have.
    public var maxClockSkew: Duration
    /// Routes beside the service protocols (chat connectors), matched first.
    public var endpoints: [any ServerEndpoint] = []
    /// WebSocket routes (the web channel's live updates); none: no upgrade is offered.
    public var webSocketRoutes: [any WebSocketRoute] = []
    /// The largest WebSocket frame a client may send, in bytes.
    public var maxWebSocketFrameSize = 1 << 18

    public init(host: String = "127.0.0.1", port: Int = ServerConfiguration.defaultPort,
                accountId: String = CallContext.defaultAccountId, region: String = "us-east-1",
                authentication: Authentication = .sigV4([Verifier.Key(credentials: ServerConfiguration.defaultCredentials,
                                                                      user: ServerConfiguration.defaultUser)]),
                maxBodySize: Int = 1 << 20, maxHeaderSize: Int = 64 << 10,
                headerTimeout: Duration = .seconds(10), requestTimeout: Duration = .seconds(30),
                idleTimeout: Duration = .seconds(60), maxClockSkew: Duration = .seconds(300)) {
        self.host = host
        self.port = port
        self.accountId = accountId
        self.region = region
        self.authentication = authentication
        self.maxBodySize = maxBodySize
        self.maxHeaderSize = maxHeaderSize
        self.headerTimeout = headerTimeout
        self.requestTimeout = requestTimeout
        self.idleTimeout = idleTimeout
        self.maxClockSkew = maxClockSkew
    }
}
