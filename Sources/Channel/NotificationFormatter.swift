import JSON
import Catalog

/// Writes a notification the way each chat client receives it: a Slack
/// incoming-webhook payload (Block Kit, with a plain `text` fallback), an
/// Amazon Chime webhook payload (`{"Content": "/md ..."}`), and the text a
/// terminal shows as the chat client would show the message.
public enum NotificationFormatter {
    /// The sender name chat clients show for these messages.
    public static let sender = "AWS Incident Manager"

    /// The webhook body of a notification for a chat client.
    public static func payload(_ n: IncidentNotification, for kind: Platform) -> JSON {
        switch kind {
        case .slack: slackPayload(n)
        case .teams: teamsPayload(n)
        case .chime: chimePayload(n)
        }
    }

    // MARK: Slack

    /// The JSON body of a Slack incoming-webhook request.
    public static func slackPayload(_ n: IncidentNotification) -> JSON {
        .object([("text", .string(slackText(n))), ("blocks", slackBlocks(n))])
    }

    /// A Slack message's plain `text` (the fallback of its blocks).
    public static func slackText(_ n: IncidentNotification) -> String {
        slackEscape("\(n.headline) (\(n.incidentArn))")
    }

    /// A Slack message's Block Kit `blocks`: a header, the details as fields, a context line.
    public static func slackBlocks(_ n: IncidentNotification) -> JSON {
        var blocks: [JSON] = [
            .object([("type", .string("header")),
                     ("text", .object([("type", .string("plain_text")), ("text", .string(truncate(n.headline, 150))), ("emoji", .bool(true))]))]),
        ]
        if !n.details.isEmpty {
            // Section fields: at most 10, each at most 2,000 characters.
            let fields: [JSON] = n.details.prefix(10).map { d in
                .object([("type", .string("mrkdwn")), ("text", .string(truncate("*\(slackEscape(d.name))*\n\(slackEscape(d.value))", 2000)))])
            }
            blocks.append(.object([("type", .string("section")), ("fields", .array(fields))]))
        }
        blocks.append(.object([("type", .string("context")), ("elements", .array([
            .object([("type", .string("mrkdwn")),
                     ("text", .string("\(sender) | `\(slackEscape(n.incidentArn))` | \(RequestContext.iso8601(n.time))"))]),
        ]))]))
        return .array(blocks)
    }

    /// Slack's three control characters in message text.
    public static func slackEscape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    // MARK: Amazon Chime

    /// The JSON body of an Amazon Chime webhook request (at most 4,096 characters of content).
    public static func chimePayload(_ n: IncidentNotification) -> JSON {
        var lines = ["/md **\(n.headline)**"]
        for d in n.details { lines.append("**\(d.name):** \(d.value)") }
        lines.append("`\(n.incidentArn)` · \(RequestContext.iso8601(n.time))")
        return .object([("Content", .string(truncate(lines.joined(separator: "\n"), 4096)))])
    }

    // MARK: terminal

    /// The message as a chat client would show it, for the REPL and runbooks:
    ///
    ///     AWS Incident Manager · slack:acme/#incident-response · 2026-11-24T10:00:00Z
    ///     ┃ Incident started: Database failover
    ///     ┃ Impact: 1 (Critical)
    ///     ┃ arn:aws:ssm-incidents::111122223333:incident-record/db/6cc4
    public static func terminal(_ n: IncidentNotification, channel: String, colors: Bool = false) -> String {
        func paint(_ s: String, _ code: String) -> String { colors ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        let bar = paint("┃", barColor(n))
        var out = paint(sender, "1") + paint(" · \(channel) · \(RequestContext.iso8601(n.time))", "2") + "\n"
        out += "\(bar) \(paint(n.headline, "1"))\n"
        for d in n.details {
            let value = d.value.split(separator: "\n", omittingEmptySubsequences: false)
            out += "\(bar) \(d.name): \(value.first.map(String.init) ?? "")\n"
            for more in value.dropFirst() { out += "\(bar)   \(more)\n" }
        }
        out += "\(bar) \(paint(n.incidentArn, "2"))\n"
        return out
    }

    private static func barColor(_ n: IncidentNotification) -> String {
        switch n.kind {
        case .started: "31"
        case .statusChanged, .impactChanged: "33"
        default: "36"
        }
    }

    static func truncate(_ s: String, _ limit: Int) -> String {
        s.count <= limit ? s : String(s.prefix(limit - 1)) + "…"
    }
}
