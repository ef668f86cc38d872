import Connectors
import Foundation

/// A webhook poster that answers from a script, per URL, and records every
/// request: an answer of nil is a failed connection. Past the end of a
/// script it answers 200.
final class ScriptedPoster: WebhookPoster, @unchecked Sendable {
    struct Sent: Equatable {
        var url: String
        var body: String
        var headers: [String: String] = [:]
    }

    private let lock = NSLock()
    private var scripts: [String: [WebhookAnswer?]]
    private(set) var sentRequests: [Sent] = []

    init(_ scripts: [String: [WebhookAnswer?]] = [:]) {
        self.scripts = scripts
    }

    var sent: [Sent] { lock.withLock { sentRequests } }

    func post(_ body: [UInt8], to url: String, timeout: Duration) async throws(WebhookUnreachable) -> WebhookAnswer {
        try await post(body, to: url, headers: [], timeout: timeout)
    }

    func post(_ body: [UInt8], to url: String, headers: [(name: String, value: String)],
              timeout: Duration) async throws(WebhookUnreachable) -> WebhookAnswer {
        let answer: WebhookAnswer?? = lock.withLock {
            sentRequests.append(Sent(url: url, body: String(decoding: body, as: UTF8.self),
                                     headers: Dictionary(headers.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })))
            guard var script = scripts[url], !script.isEmpty else { return .some(WebhookAnswer(status: 200, excerpt: "ok")) }
            let next = script.removeFirst()
            scripts[url] = script
            return .some(next)
        }
        guard let answer = answer ?? nil else { throw WebhookUnreachable("connection refused") }
        return answer
    }
}
