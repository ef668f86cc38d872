import JSON
import Backend
import Catalog
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
        var triggerId: String?
    }

    /// The modal's `callback_id`.
    static let noteModal = "incident-chat-note"

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
        if let json = try? JSON(reading: payload), json["type"] == .string("view_submission") {
            return submit(json)
        }
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
        guard let payload = try? JSON(reading: bytes) else {
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
        return .success(Click(user: user, channel: channel, thread: thread, value: value, triggerId: string(payload["trigger_id"])))
    }

    /// Add a note: a modal asks for the text; its submission (with the
    /// incident, channel and thread signed into the view) adds the Note.
    func openNote(_ incident: String, _ click: Click) async {
        guard let trigger = click.triggerId else {
            logger.warning("slack note: the click has no trigger_id")
            return
        }
        let metadata = buttons.value(for: [incident, click.channel, click.thread ?? ""].joined(separator: " "))
        func text(_ s: String) -> JSON { .object([("type", .string("plain_text")), ("text", .string(s))]) }
        let view: JSON = .object([
            ("type", .string("modal")), ("callback_id", .string(Self.noteModal)), ("private_metadata", .string(metadata)),
            ("title", text("Add a note")), ("submit", text("Add")), ("close", text("Cancel")),
            ("blocks", .array([.object([
                ("type", .string("input")), ("block_id", .string("note")), ("label", text("Note for the incident's timeline")),
                ("element", .object([("type", .string("plain_text_input")), ("action_id", .string("text")), ("multiline", .bool(true)),
                                     ("max_length", .integer(2900))])),
            ])])),
        ])
        _ = await api.call("views.open", .object([("trigger_id", .string(trigger)), ("view", view)]), incident: incident, subject: "note modal")
    }

    /// A submitted note modal: acknowledged at once (Slack closes the modal), the Note added in the background.
    func submit(_ payload: JSON) -> (status: Int, body: String) {
        func string(_ value: JSON?) -> String? { if case .string(let s)? = value { s } else { nil } }
        guard string(payload["view"]?["callback_id"]) == Self.noteModal, let user = string(payload["user"]?["id"]),
              let signed = string(payload["view"]?["private_metadata"]), let metadata = buttons.command(fromValue: signed) else {
            logger.warning("slack interaction refused", metadata: ["reason": "a view submission this server did not open"])
            return (400, "a view submission this server did not open\n")
        }
        var text: String?
        if case .object(let blocks)? = payload["view"]?["state"]?["values"] {
            for (_, block) in blocks { if case .object(let fields) = block { text = text ?? fields.lazy.compactMap { string($0.value["value"]) }.first } }
        }
        let parts = metadata.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let text, !text.isEmpty else { return (200, "") }
        let (incident, channelId, thread) = (parts[0], parts[1], parts[2].isEmpty ? nil : parts[2])
        running.start {
            let member = await self.users.name(of: user)
            let result = await TimelineNote.add(incident: incident, author: member, text: text, eventTime: self.now().timeIntervalSince1970,
                                                run: self.runner(as: member))
            self.logger.info("slack note", metadata: ["user": "\(member)", "incident": "\(incident)"])
            switch result {
            case .pinned: await self.api.postMessage(channel: channelId, text: "<@\(user)> added a note to the timeline.", thread: thread)
            case .failed(let ran): await self.api.answer(SlackReply(ran), channel: channelId, user: user, thread: thread, subject: "note")
            case .noOpenIncident: break
            }
        }
        return (200, "")
    }

    /// Runs one chat message as `member`, through the channel's members, roles and log.
    func runner(as member: String) -> TimelineNote.Run {
        let (backend, settings, channel, notifications, logger) = (self.backend, self.settings, self.channel, self.notifications, self.logger)
        return { command in
            await ChatRun.run(command, as: member, backend: backend, settings: settings, channel: channel, webhookTransport: notifications) {
                logger.error("\($0)", metadata: ["user": "\(member)"])
            }
        }
    }

    /// Acknowledge my page: the clicker's contact (from the channel file) accepts its open pages of the incident.
    func acknowledge(_ incident: String, _ click: Click) async {
        let member = await users.name(of: click.user)
        func tell(_ text: String) async {
            await api.postEphemeral(channel: click.channel, user: click.user, text: text, thread: click.thread, subject: "acknowledge my page")
        }
        guard let contact = channel.contactArn(for: member) else {
            logger.notice("slack acknowledge: the member has no contact", metadata: ["user": "\(member)", "slack-user": "\(click.user)"])
            await tell(Self.noContact(member: member, slackUser: click.user, file: channel.source))
            return
        }
        let alias = contact.split(separator: "/").last.map(String.init) ?? contact
        let outcome = await PageAcceptance.acknowledge(incident: incident, contact: contact, member: member, run: runner(as: member))
        logger.info("slack acknowledge", metadata: ["user": "\(member)", "contact": "\(contact)", "incident": "\(incident)", "outcome": "\(outcome)"])
        switch outcome {
        case .accepted(let pages):
            await api.postMessage(channel: click.channel, text: "<@\(click.user)> acknowledged "
                                  + (pages.count == 1 ? "their page" : "their \(pages.count) pages") + " (contact \(alias)).",
                                  thread: click.thread, incident: incident, subject: "acknowledge my page")
        case .noOpenPage:
            await tell("Your contact \(alias) has no open page for this incident, so there is nothing to acknowledge "
                       + "(a page already read, or whose engagement was stopped, is closed).")
        case .failed(let ran):
            await api.answer(SlackReply(ran), channel: click.channel, user: click.user, thread: click.thread, subject: "acknowledge my page")
        }
    }

    /// Why a clicker without a contact cannot acknowledge a page, and what the channel file needs.
    static func noContact(member: String, slackUser: String, file: String?) -> String {
        let place = file.map { "the channel file \(URL(fileURLWithPath: $0).lastPathComponent)" } ?? "a channel file (serve --channel FILE)"
        var text = "You have no ssm-contacts contact in this channel, so your page cannot be acknowledged from here: "
            + "\(place) gives the member \(member) none. Its operator can add one: `users: {\(member): {contact: ALIAS}}`."
        if member == slackUser {
            text += " Your Slack user is not mapped to a member either: `slack: {users: {\(slackUser): NAME}}`."
        }
        return text
    }

    func run(_ command: String, _ click: Click) async {
        if command.hasPrefix(NotificationButtons.notePrefix) {
            await openNote(String(command.dropFirst(NotificationButtons.notePrefix.count)), click)
            return
        }
        if command.hasPrefix(NotificationButtons.acceptPrefix) {
            await acknowledge(String(command.dropFirst(NotificationButtons.acceptPrefix.count)), click)
            return
        }
        let member = await users.name(of: click.user)
        logger.info("slack button", metadata: ["user": "\(member)", "slack-user": "\(click.user)", "command": "\(command.prefix(200))"])
        let ran = await runner(as: member)(command)
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
