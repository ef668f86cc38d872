import JSON
import Backend
import Catalog
import Channel
import Foundation
import Interpreter
import Logging

/// Answers a Microsoft Teams outgoing webhook (`POST /teams/messages`): the
/// HMAC is checked, the text after the `<at>…</at>` mention runs as a chat
/// message of the channel, as the Teams user who wrote it, and the answer is
/// the HTTP response (Teams shows it as a reply). Teams waits five seconds:
/// a command still running by `acknowledgeAfter` is answered with a note,
/// and its result is posted later to the channel's Teams workflow webhook
/// (`webhooks: [{kind: teams, url: …}]`) as an Adaptive Card.
///
/// Teams has no message for one user alone: errors and denials are replies too.
/// A message already answered (the same message ID) is not run again.
public struct TeamsResponder: Sendable {
    public let signature: TeamsSignature
    public let channel: ChannelConfiguration
    public let backend: any IncidentBackend
    public let settings: SessionSettings
    /// Where late results (and the notifications its commands cause) go.
    public let deliverer: WebhookDeliverer?
    public let notifications: (any WebhookTransport)?
    public let acknowledgeAfter: Duration
    let logger: Logger
    let answered: RecentKeys

    /// Teams shows about 28 KB of a message; longer output is cut.
    public static let textLimit = 20_000

    public init(signature: TeamsSignature, channel: ChannelConfiguration, backend: any IncidentBackend, settings: SessionSettings,
                deliverer: WebhookDeliverer?, notifications: (any WebhookTransport)? = nil,
                acknowledgeAfter: Duration = .milliseconds(4000), logger: Logger = Logger(label: "incident-chat.teams")) {
        self.signature = signature
        self.channel = channel
        self.backend = backend
        self.settings = settings
        self.deliverer = deliverer
        self.notifications = notifications
        self.acknowledgeAfter = acknowledgeAfter
        self.logger = logger
        self.answered = RecentKeys()
    }

    public struct Answer: Sendable, Equatable {
        public var status: Int
        /// The JSON reply for 200; the reason otherwise.
        public var body: String
        public var contentType: String
    }

    /// The channel's Teams workflow webhook, where late results go.
    var webhook: String? { channel.webhooks.first { $0.kind == .teams }?.url }

    public func respond(authorization: String?, body: [UInt8]) async -> Answer {
        do {
            try signature.verify(authorization: authorization, body: body)
        } catch {
            logger.warning("teams request refused", metadata: ["reason": "\(error)"])
            return Answer(status: 401, body: error.description + "\n", contentType: "text/plain; charset=utf-8")
        }
        let message: TeamsMessage
        do {
            message = try TeamsMessage(body: body)
        } catch {
            logger.warning("teams request refused", metadata: ["reason": "\(error)"])
            return Answer(status: 400, body: error.description + "\n", contentType: "text/plain; charset=utf-8")
        }
        if !message.id.isEmpty, !answered.insert(message.id) {
            logger.info("teams message already answered", metadata: ["id": "\(message.id)"])
            return reply(text: "This message was answered already.")
        }
        let user = channel.teams.users[message.fromObjectId ?? ""] ?? channel.teams.users[message.fromName] ?? message.fromName
        let text = message.message
        let webhook = self.webhook, deliverer = self.deliverer
        let ran = await answerInTime(acknowledgeAfter, { await run(text, as: user) }) { ran in
            guard let webhook, let deliverer else { return }
            let card = NotificationFormatter.adaptiveCardMessage(body: Self.cardBody(ran, command: text, user: user))
            await deliverer.send(.init(url: webhook, kind: .teams, body: card.compact, subject: "reply to \(text.prefix(200))"))
        }
        guard let ran else {
            return reply(text: webhook == nil || deliverer == nil
                ? "The command is still running, and the channel has no Teams webhook to send its result to."
                : "Working on it: the result follows in a moment.")
        }
        return reply(text: Self.markdown(ran))
    }

    func run(_ text: String, as user: String) async -> ChatRun {
        let logger = self.logger
        logger.info("teams message", metadata: ["user": "\(user)"])
        return await ChatRun.run(text, as: user, backend: backend, settings: settings, channel: channel,
                                 webhookTransport: notifications ?? deliverer) {
            logger.error("\($0)", metadata: ["user": "\(user)"])
        }
    }

    private func reply(text: String) -> Answer {
        Answer(status: 200, body: JSON.object([("type", .string("message")), ("text", .string(text))]).compact,
               contentType: "application/json; charset=utf-8")
    }

    /// A run as Teams markdown: the output (or the errors) in a code block.
    static func markdown(_ ran: ChatRun) -> String {
        let shown = ran.ok ? ran.printed : ran.errors + ran.printed
        if ran.ok && shown.isEmpty { return "Done (no output)." }
        var text = "```\n" + cut(shown.hasSuffix("\n") ? String(shown.dropLast()) : shown).replacingOccurrences(of: "```", with: "`\u{200B}``") + "\n```"
        if ran.ok && !ran.errors.isEmpty { text += "\n\n⚠️ " + cut(ran.errors) }
        return text
    }

    /// An Adaptive Card's body for a result posted later.
    static func cardBody(_ ran: ChatRun, command: String, user: String) -> [JSON] {
        let shown = ran.ok ? ran.printed : ran.errors + ran.printed
        return [
            .object([("type", .string("TextBlock")), ("text", .string((ran.ok ? "Result" : "Failed") + " for \(user): \(command.prefix(200))")),
                     ("weight", .string("Bolder")), ("wrap", .bool(true))]),
            .object([("type", .string("TextBlock")), ("text", .string(shown.isEmpty ? "Done (no output)." : cut(shown))),
                     ("fontType", .string("Monospace")), ("wrap", .bool(true))]),
        ]
    }

    static func cut(_ text: String) -> String { OutputLimit.cut(text, to: textLimit) }
}
