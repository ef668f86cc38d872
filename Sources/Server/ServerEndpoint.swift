/// A route of the server outside the service protocols, such as a chat
/// client's connector: it gets the request after the body limit and the
/// request deadline, before (and instead of) SigV4 verification, so it must
/// check its callers itself. The server knows nothing else about it.
public protocol ServerEndpoint: Sendable {
    /// The HTTP method it answers (`POST`).
    var method: String { get }
    /// The exact path it answers, without the query (`/slack/commands`).
    var path: String { get }
    /// What the request log calls its requests.
    var name: String { get }

    func respond(to request: EndpointRequest) async -> EndpointResponse
}

/// A request as an endpoint sees it: whole, body read.
public struct EndpointRequest: Sendable {
    public var method: String
    public var path: String
    public var query: String
    /// Header fields in the order received; names as sent.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(method: String, path: String, query: String = "", headers: [(name: String, value: String)], body: [UInt8]) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The first value of a header field, its name compared without case.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}

/// An endpoint's answer.
public struct EndpointResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
