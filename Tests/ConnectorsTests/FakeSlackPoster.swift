import JSON
import Connectors
import Foundation
import Wire

/// Slack's Web API as a poster: answers `chat.postMessage` (with a new `ts`),
/// `chat.postEphemeral`, `users.info` (from `names`) and `conversations.history`
/// (from `messages`) as Slack does, and
/// records every call with its method, body and Authorization header.
/// `rateLimited` calls are answered 429 first; while `down`, nothing answers.
final class FakeSlackPoster: WebhookPoster, @unchecked Sendable {
    struct Call: Equatable {
        var method: String
        var body: String
        var authorization: String?

        /// The JSON body's member, for the JSON methods.
        func member(_ name: String) -> String? {
            guard let json = try? JSON(reading: Array(body.utf8)), case .string(let s)? = json[name] else { return nil }
            return s
        }
    }

    private let lock = NSLock()
    private var recorded: [Call] = []
    private var nextTs = 0
    private var rateLimits: Int
    let names: [String: String]
    var down = false
    /// The channel's messages by ts, for `conversations.history`: author and text.
    var messages: [String: (user: String, text: String)] = [:]

    init(names: [String: String] = [:], rateLimited: Int = 0) {
        self.names = names
        self.rateLimits = rateLimited
    }

    var calls: [Call] { lock.withLock { recorded } }
    func calls(_ method: String) -> [Call] { calls.filter { $0.method == method } }

    func post(_ body: [UInt8], to url: String, timeout: Duration) async throws(WebhookUnreachable) -> WebhookAnswer {
        try await post(body, to: url, headers: [], timeout: timeout)
    }

    func post(_ body: [UInt8], to url: String, headers: [(name: String, value: String)], timeout: Duration) async throws(WebhookUnreachable) -> WebhookAnswer {
        let method = String(url.split(separator: "/").last ?? "")
        let text = String(decoding: body, as: UTF8.self)
        let answer: String? = lock.withLock {
            recorded.append(Call(method: method, body: text, authorization: headers.first { $0.name == "Authorization" }?.value))
            if down { return nil }
            if rateLimits > 0 {
                rateLimits -= 1
                return "429"
            }
            switch method {
            case "chat.postMessage":
                nextTs += 1
                return #"{"ok":true,"channel":"C1","ts":"1700000000.\#(String(format: "%06d", nextTs))"}"#
            case "users.info":
                let id = text.hasPrefix("user=") ? String(text.dropFirst(5)) : ""
                guard let name = names[id] else { return #"{"ok":false,"error":"user_not_found"}"# }
                return #"{"ok":true,"user":{"id":"\#(id)","name":"\#(name)"}}"#
            case "conversations.history":
                let fields = Dictionary(text.split(separator: "&").map { pair in
                    let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                    return (parts[0], (parts.count > 1 ? parts[1] : "").removingPercentEncoding ?? "")
                }, uniquingKeysWith: { a, _ in a })
                guard let ts = fields["latest"], let m = messages[ts] else { return #"{"ok":true,"messages":[]}"# }
                return #"{"ok":true,"messages":[{"type":"message","user":"\#(m.user)","text":"\#(m.text)","ts":"\#(ts)"}]}"#
            default:
                return #"{"ok":true}"#
            }
        }
        guard let answer else { throw WebhookUnreachable("connection refused") }
        if answer == "429" { return WebhookAnswer(status: 429, retryAfter: .zero, excerpt: "ratelimited") }
        return WebhookAnswer(status: 200, excerpt: String(answer.prefix(200)), body: Array(answer.utf8))
    }
}
