import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// What answered one webhook request.
public struct WebhookAnswer: Sendable, Equatable {
    public var status: Int
    /// The server's `Retry-After`, when it gave one in seconds.
    public var retryAfter: Duration?
    /// The start of the answer's body, for the failure record.
    public var excerpt: String
    /// The whole body (up to `HTTPWebhookPoster.bodyLimit`), for APIs whose answers are read (Slack's Web API).
    public var body: [UInt8]

    public init(status: Int, retryAfter: Duration? = nil, excerpt: String = "", body: [UInt8]? = nil) {
        self.status = status
        self.retryAfter = retryAfter
        self.excerpt = excerpt
        self.body = body ?? Array(excerpt.utf8)
    }
}

/// No answer came: the connection failed or the attempt ran out of time.
public struct WebhookUnreachable: Error, Equatable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// Sends one webhook request: a JSON body POSTed to a URL. The HTTP layer of
/// `WebhookDeliverer`, apart so that tests can script the answers.
public protocol WebhookPoster: Sendable {
    /// Posts `body`; throws `WebhookUnreachable` when no answer came within `timeout`.
    func post(_ body: [UInt8], to url: String, timeout: Duration) async throws(WebhookUnreachable) -> WebhookAnswer
    /// Posts `body` with more header fields (`Authorization`; a `Content-Type` replaces the JSON one).
    func post(_ body: [UInt8], to url: String, headers: [(name: String, value: String)], timeout: Duration) async throws(WebhookUnreachable) -> WebhookAnswer
}

extension WebhookPoster {
    /// A poster that knows no header fields posts without them.
    public func post(_ body: [UInt8], to url: String, headers: [(name: String, value: String)], timeout: Duration) async throws(WebhookUnreachable) -> WebhookAnswer {
        try await post(body, to: url, timeout: timeout)
    }
}

/// Posts over HTTP with AsyncHTTPClient.
public struct HTTPWebhookPoster: WebhookPoster {
    let client: HTTPClient

    public init(client: HTTPClient = HTTPWebhookPoster.client) {
        self.client = client
    }

    /// The process's client for webhooks: a failed connection fails the
    /// attempt at once (the retry policy decides what follows, instead of the
    /// connection pool trying again until the attempt's time is up), and
    /// redirects are not followed (a webhook that moved is a failure to look at).
    public static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    /// The most of an answer's body that is read (a Slack Web API answer repeats the message posted).
    public static let bodyLimit = 1 << 20

    public func post(_ body: [UInt8], to url: String, timeout: Duration) async throws(WebhookUnreachable) -> WebhookAnswer {
        try await post(body, to: url, headers: [], timeout: timeout)
    }

    public func post(_ body: [UInt8], to url: String, headers: [(name: String, value: String)], timeout: Duration) async throws(WebhookUnreachable) -> WebhookAnswer {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        if !headers.contains(where: { $0.name.lowercased() == "content-type" }) {
            request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        }
        for header in headers { request.headers.add(name: header.name, value: header.value) }
        request.headers.add(name: "User-Agent", value: "IncidentChat")
        request.body = .bytes(ByteBuffer(bytes: body))
        let deadline = NIODeadline.now() + .nanoseconds(timeout.components.seconds * 1_000_000_000
            + timeout.components.attoseconds / 1_000_000_000)
        do {
            let response = try await client.execute(request, deadline: deadline)
            let data = try await response.body.collect(upTo: Self.bodyLimit)
            // Seconds from the receiver: kept between 0 and an hour, so that no answer can trap or stall the retries.
            let retryAfter = response.headers.first(name: "Retry-After").flatMap(Double.init).flatMap { $0.isNaN ? nil : $0 }
                .map { Duration.milliseconds(Int64(Swift.min(Swift.max($0, 0), 3600) * 1000)) }
            return WebhookAnswer(status: Int(response.status.code), retryAfter: retryAfter,
                                 excerpt: String(decoding: data.readableBytesView.prefix(200), as: UTF8.self),
                                 body: Array(data.readableBytesView))
        } catch {
            throw WebhookUnreachable(Self.describe(error, timeout: timeout))
        }
    }

    /// A short reason for a failed attempt.
    static func describe(_ error: any Error, timeout: Duration) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout:
                return "no answer within \(timeout)"
            case .remoteConnectionClosed:
                return "the connection closed before an answer"
            default:
                return "\(error)"
            }
        }
        let text = "\(error)"
        if text.localizedCaseInsensitiveContains("refused") { return "connection refused" }
        return text.count > 300 ? String(text.prefix(300)) + "…" : text
    }
}
