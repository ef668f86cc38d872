import Backend
import Channel
import Foundation
import Interpreter
import Logging
import Server
import Wire

/// Answers clicks on notification buttons (`POST /slack/interactivity`, the
/// app's Interactivity Request URL): the signature is checked as for every
/// Slack request, the button's signed command (`NotificationButtons`) runs
/// as the responder who clicked, through the channel's members, roles and
/// log, and the answer goes to the incident's thread (errors and denials to
/// the clicker alone). A payload whose action no notification carried
/// (no value, or a value this server did not sign) runs nothing.
public final class SlackInteractivityResponder: Sendable {
    public let signature: SlackSignature
    public let buttons: NotificationButtons
    public let channel: ChannelConfiguration
    public let backend: any IncidentBackend
    public let settings: SessionSettings
    public let api: SlackWebAPI
    public let notifications: (any WebhookTransport)?
    public let users: SlackUserDirectory
    let logger: Logger
    let now: @Sendable () -> Date
    let running = BackgroundWork()

    public init(signature: SlackSignature, buttons: NotificationButtons, channel: ChannelConfiguration, backend: any IncidentBackend,
                settings: SessionSettings, api: SlackWebAPI, notifications: (any WebhookTransport)?, users: SlackUserDirectory,
                logger: Logger = Logger(label: "incident-chat.slack"), now: @escaping @Sendable () -> Date = { Date() }) {
        self.signature = signature
        self.buttons = buttons
        self.channel = channel
        self.backend = backend
        self.settings = settings
        self.api = api
        self.notifications = notifications
        self.users = users
        self.logger = logger
        self.now = now
    }

    /// A click, as the payload tells it.
    struct Click {
        var user: String
        var channel: String
        var thread: String?
        var value: String
    }

    public func respond(timestamp: String?, signature given: String?, body: [UInt8]) -> (status: Int, body: String) {
        do {
            try signature.verify(timestamp: timestamp, signature: given, body: body, now: now())
        } catch {
            logger.warning("slack interaction refused", metadata: ["reason": "\(error)"])
            return (401, error.description + "\n")
        }
        guard let payload = FormBody(body)["payload"] else {
            logger.warning("slack interaction refused", metadata: ["reason": "the form has no payload"])
            return (400, "the form has no payload\n")
        }
        return receive(payload: Array(payload.utf8))
    }

    /// Takes one interaction payload (JSON) whose origin is known to be Slack.
    public func receive(payload: [UInt8]) -> (status: Int, body: String) {
        let click: Click
        switch Self.click(payload) {
        case .success(let c): click = c
        case .failure(let why):
            logger.warning("slack interaction refused", metadata: ["reason": "\(why.description)"])
            return (400, why.description + "\n")
        }
        guard click.channel == channel.slack.channelId else {
            logger.warning("slack interaction refused", metadata: ["reason": "the channel \(click.channel) is not this channel's"])
            return (400, "not this channel's\n")
        }
        guard let command = buttons.command(fromValue: click.value) else {
            logger.warning("slack interaction refused", metadata: ["reason": "the action is not one a notification carried", "user": "\(click.user)"])
            return (400, "the action is not one a notification carried\n")
        }
        running.start { await self.run(command, click) }
        return (200, "")
    }

    struct Refused: Error, CustomStringConvertible {
        var description: String
    }

    static func click(_ bytes: [UInt8]) -> Result<Click, Refused> {
        guard let payload = try? JSONParser.parse(bytes) else {
            return .failure(Refused(description: "the payload is not JSON"))
        }
        func string(_ value: JSON?) -> String? { if case .string(let s)? = value { s } else { nil } }
        guard string(payload["type"]) == "block_actions" else {
            return .failure(Refused(description: "the interaction \(string(payload["type"]) ?? "?") is not a button click"))
        }
        guard let user = string(payload["user"]?["id"]), let channel = string(payload["channel"]?["id"]) ?? string(payload["container"]?["channel_id"]),
              case .array(let actions)? = payload["actions"], let value = string(actions.first?["value"]) else {
            return .failure(Refused(description: "the click names no user, channel or action value"))
        }
        let thread = string(payload["message"]?["thread_ts"]) ?? string(payload["container"]?["thread_ts"])
            ?? string(payload["container"]?["message_ts"]) ?? string(payload["message"]?["ts"])
        return .success(Click(user: user, channel: channel, thread: thread, value: value))
    }

    func run(_ command: String, _ click: Click) async {
        let member = await users.name(of: click.user)
        let logger = self.logger
        logger.info("slack button", metadata: ["user": "\(member)", "slack-user": "\(click.user)", "command": "\(command.prefix(200))"])
        let ran = await ChatRun.run(command, as: member, backend: backend, settings: settings, channel: channel,
                                    webhookTransport: notifications) {
            logger.error("\($0)", metadata: ["user": "\(member)"])
        }
        await api.answer(SlackReply(ran), channel: click.channel, user: click.user, thread: click.thread,
                         subject: "button: \(command.prefix(200))", mention: true)
    }

    public func flush() async {
        await running.wait()
    }
}

/// The interactivity route (`POST /slack/interactivity`).
public struct SlackInteractivityEndpoint: ServerEndpoint {
    public static let defaultPath = "/slack/interactivity"
    public let responder: SlackInteractivityResponder
    public let path: String
    public var method: String { "POST" }
    public var name: String { "SlackInteraction" }

    public init(responder: SlackInteractivityResponder, path: String = SlackInteractivityEndpoint.defaultPath) {
        self.responder = responder
        self.path = path
    }

    public func respond(to request: EndpointRequest) async -> EndpointResponse {
        let answer = responder.respond(timestamp: request.header(SlackSignature.timestampHeader),
                                       signature: request.header(SlackSignature.signatureHeader), body: request.body)
        return EndpointResponse(status: answer.status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(answer.body.utf8))
    }
}
