import HTTPTypes
import HummingbirdWebSocket

/// A WebSocket route beside the service protocols (the web channel's live
/// updates): a `GET` with `Upgrade: websocket` to its path is offered to it
/// before anything else, and it decides from the request head alone (its
/// cookies, its query, its `Origin`) whether to take the connection. Like a
/// `ServerEndpoint`, it checks its callers itself.
public protocol WebSocketRoute: Sendable {
    /// The exact path it answers, without the query (`/channel/socket`).
    var path: String { get }

    /// The handler for an accepted upgrade, or nil to refuse it (the client
    /// gets an HTTP error and no WebSocket).
    func accept(_ request: EndpointRequest) async -> WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>?
}
