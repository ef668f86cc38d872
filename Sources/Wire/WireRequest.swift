/// An HTTP request as either end of the wire sees it, independent of the HTTP
/// library: the server builds one from Hummingbird's request, the client turns
/// one into AsyncHTTPClient's.
public struct WireRequest: Sendable, Equatable {
    public var method: String
    /// The path as sent: percent-encoded, without the query.
    public var path: String
    /// The query string as sent (after `?`), percent-encoded; empty when there is none.
    public var query: String
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(method: String, path: String, query: String = "", headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// Splits a request target (`/tags/x?tagKeys=a`) into path and query.
    public init(method: String, target: String, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        if let mark = target.firstIndex(of: "?") {
            self.init(method: method, path: String(target[..<mark]), query: String(target[target.index(after: mark)...]),
                      headers: headers, body: body)
        } else {
            self.init(method: method, path: target, headers: headers, body: body)
        }
    }

    /// The path and query as one request target.
    public var target: String { query.isEmpty ? path : path + "?" + query }
}

/// An HTTP response as either end of the wire sees it.
public struct WireResponse: Sendable, Equatable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
