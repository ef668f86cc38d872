import JSON
import Catalog
import Foundation
import Logging
import Text
import Time
import Wire

/// The few methods of Slack's Web API that IncidentChat calls with the
/// app's bot token (`xoxb-…`): `chat.postMessage`, `chat.postEphemeral` and
/// `users.info`. Requests go through the deliverer's poster and retry policy
/// (a 429 waits for its `Retry-After`, within the policy's longest backoff);
/// a message that cannot be delivered (no answer, an error status, or
/// Slack's `"ok": false`) goes to the channel's failure record, like a
/// webhook's, and never fails the command that caused it.
public struct SlackWebAPI: Sendable {
    public static let defaultBaseURL = "https://slack.com/api"

    let token: String
    /// `https://slack.com/api`, or a fake Slack's in tests; no trailing slash.
    public let baseURL: String
    let deliverer: WebhookDeliverer
    let logger: Logger

    public init(token: String, baseURL: String = SlackWebAPI.defaultBaseURL, deliverer: WebhookDeliverer,
                logger: Logger = Logger(label: "incident-chat.slack")) {
        self.token = token
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.deliverer = deliverer
        self.logger = logger
    }

    /// What a call came to: Slack's answer when it said `"ok": true`.
    public enum Outcome: Sendable, Equatable {
        case ok(JSON)
        /// Not delivered: the reason (Slack's error code, a status, a connection failure).
        case failed(String)

        public var json: JSON? { if case .ok(let j) = self { j } else { nil } }
    }

    /// Posts a message to a channel, in a thread when `thread` is given;
    /// returns the message's `ts` when Slack took it.
    @discardableResult
    public func postMessage(channel: String, text: String, blocks: JSON? = nil, thread: String? = nil,
                            incident: String? = nil, subject: String? = nil) async -> String? {
        var members: [(key: String, value: JSON)] = [("channel", .string(channel)), ("text", .string(text))]
        if let blocks { members.append(("blocks", blocks)) }
        if let thread { members.append(("thread_ts", .string(thread))) }
        members.append(("unfurl_links", .bool(false)))
        let outcome = await call("chat.postMessage", .object(members), incident: incident, subject: subject)
        if case .string(let ts)? = outcome.json?["ts"] { return ts }
        return nil
    }

    /// Shows a message to one user of a channel alone (in a thread when given).
    @discardableResult
    public func postEphemeral(channel: String, user: String, text: String, thread: String? = nil, subject: String? = nil) async -> Bool {
        var members: [(key: String, value: JSON)] = [("channel", .string(channel)), ("user", .string(user)), ("text", .string(text))]
        if let thread { members.append(("thread_ts", .string(thread))) }
        return await call("chat.postEphemeral", .object(members), subject: subject).json != nil
    }

    /// Answers a user in a thread: a result for the channel, an error or a denial for them alone.
    public func answer(_ reply: SlackReply, channel: String, user: String, thread: String?, subject: String, mention: Bool = false) async {
        if reply.visibility == .ephemeral {
            await postEphemeral(channel: channel, user: user, text: reply.text, thread: thread, subject: subject)
        } else {
            await postMessage(channel: channel, text: (mention ? "<@\(user)>: " : "") + reply.text, thread: thread, subject: subject)
        }
    }

    /// A user's Slack name (`user.name`, what a slash command's `user_name`
    /// says), or nil when Slack does not tell.
    public func userName(_ id: String) async -> String? {
        guard let json = await read("users.info", ["user": id]) else { return nil }
        if case .string(let name)? = json["user"]?["name"], !name.isEmpty { return name }
        return nil
    }

    /// A message of a channel, by its `ts` (in the channel, or in a thread):
    /// its author's user ID and its text.
    public func message(channel: String, ts: String) async -> (author: String?, text: String)? {
        for (method, fields) in [("conversations.history", ["channel": channel, "latest": ts, "oldest": ts, "inclusive": "true", "limit": "1"]),
                                 ("conversations.replies", ["channel": channel, "ts": ts, "inclusive": "true", "limit": "1"])] {
            guard case .array(let messages)? = await read(method, fields)?["messages"] else { continue }
            for m in messages where m["ts"] == .string(ts) {
                guard case .string(let text)? = m["text"] else { continue }
                if case .string(let user)? = m["user"] { return (user, text) }
                return (nil, text)
            }
        }
        return nil
    }

    /// Calls a reading method (a form body, as Slack's read methods take it).
    /// A lookup, not a delivery: a failure is logged, not recorded.
    func read(_ method: String, _ fields: [String: String]) async -> JSON? {
        let body = fields.sorted { $0.key < $1.key }
            .map { "\($0.key)=\(PercentEncoding.encode($0.value))" }
            .joined(separator: "&")
        let tried = await deliverer.post(Array(body.utf8), to: baseURL + "/" + method,
                                         headers: headers(contentType: "application/x-www-form-urlencoded"))
        guard tried.delivered, let answer = tried.answer, let json = try? JSON(reading: answer.body), json["ok"] == .bool(true) else {
            logger.warning("slack \(method) failed", metadata: ["fields": "\(body)", "reason": "\(Self.reason(tried))"])
            return nil
        }
        return json
    }

    /// Calls a method with a JSON body; records a failure to deliver.
    public func call(_ method: String, _ body: JSON, incident: String? = nil, subject: String? = nil) async -> Outcome {
        let url = baseURL + "/" + method
        let text = body.compact
        let tried = await deliverer.post(Array(text.utf8), to: url, headers: headers(contentType: "application/json; charset=utf-8"))
        var outcome = Outcome.failed(Self.reason(tried))
        if tried.delivered, let answer = tried.answer {
            if let json = try? JSON(reading: answer.body), json["ok"] == .bool(true) {
                outcome = .ok(json)
            } else if let json = try? JSON(reading: answer.body), case .string(let error)? = json["error"] {
                outcome = .failed(error)
            } else {
                outcome = .failed("the answer is not Slack's JSON: \(answer.excerpt)")
            }
        }
        if case .failed(let reason) = outcome {
            let time = ISO8601.string(Date(), rounding: .toMillisecond)
            deliverer.record(DeliveryFailure(time: time, channel: deliverer.channel, webhook: url, kind: "slack-api",
                                             attempts: tried.attempts, status: tried.answer?.status, error: reason,
                                             incident: incident, subject: subject, body: text))
        }
        return outcome
    }

    private func headers(contentType: String) -> [(name: String, value: String)] {
        [("Authorization", "Bearer \(token)"), ("Content-Type", contentType)]
    }

    private static func reason(_ tried: WebhookDeliverer.Attempts) -> String {
        guard let answer = tried.answer else { return tried.reason }
        return tried.delivered ? answer.excerpt : "HTTP \(answer.status)\(tried.reason.isEmpty ? "" : ": \(tried.reason)")"
    }
}
