import JSON
import Backend
import Catalog
import Channel
import Foundation
import Interpreter
import Logging

/// Answers Slack's Events API: the app is mentioned in a channel
/// (`@aws ssm-incidents ...`), and the answer comes in the message's thread.
///
/// Every request's signature is checked as a slash command's is. An event is
/// acknowledged at once (Slack waits three seconds, then retries) and run in
/// the background; a retry of an event already taken (the same `event_id`),
/// or a second event for the same message (`app_mention` and `message` both
/// arrive when the app subscribes to both), is acknowledged and not run.
/// Only events of the Slack channel the channel file names
/// (`slack: {channel-id: C…}`) run, as the Slack user who wrote them, through
/// the channel's members, roles and log. The result is posted in the thread
/// (`chat.postMessage`); errors and denials are shown to their author alone
/// (`chat.postEphemeral`).
public final class SlackEventsResponder: Sendable {
    public let signature: SlackSignature
    public let channel: ChannelConfiguration
    public let backend: any IncidentBackend
    public let settings: SessionSettings
    /// Where answers go; nil (no bot token): commands run, answers are only logged.
    public let api: SlackWebAPI?
    /// Where the notifications its commands cause go.
    public let notifications: (any WebhookTransport)?
    public let users: SlackUserDirectory
    let logger: Logger
    let now: @Sendable () -> Date
    let events: RecentKeys
    let messages: RecentKeys
    let running = BackgroundWork()
    let pins: SlackPins

    public init(signature: SlackSignature, channel: ChannelConfiguration, backend: any IncidentBackend, settings: SessionSettings,
                api: SlackWebAPI?, notifications: (any WebhookTransport)?, remember: Int = 10_000,
                logger: Logger = Logger(label: "incident-chat.slack"), now: @escaping @Sendable () -> Date = { Date() }) {
        self.signature = signature
        self.channel = channel
        self.backend = backend
        self.settings = settings
        self.api = api
        self.notifications = notifications
        self.users = SlackUserDirectory(settings: channel.slack, api: api)
        self.logger = logger
        self.now = now
        self.events = RecentKeys(capacity: remember)
        self.messages = RecentKeys(capacity: remember)
        self.pins = SlackPins(records: StoredRecords(store: backend as? any ChannelDataStore, account: settings.accountId,
                                                     kind: "slack-pins:" + (channel.slack.channelId ?? ""), logger: logger))
    }

    /// An HTTP answer.
    public struct Answer: Sendable, Equatable {
        public var status: Int
        public var contentType: String
        public var body: String
        /// What happened to the event, for tests and the log: `run`, `retry`, `ignored: ...`, `refused: ...`.
        public var outcome: String
    }

    /// Answers one request, given Slack's headers and the raw body.
    public func respond(timestamp: String?, signature given: String?, retryNum: String? = nil, body: [UInt8]) -> Answer {
        do {
            try signature.verify(timestamp: timestamp, signature: given, body: body, now: now())
        } catch {
            logger.warning("slack event refused", metadata: ["reason": "\(error)"])
            return Answer(status: 401, contentType: "text/plain; charset=utf-8", body: error.description + "\n", outcome: "refused: \(error)")
        }
        return receive(body, retryNum: retryNum)
    }

    /// Takes one request whose origin is known to be Slack (signed, or from Socket Mode's connection).
    public func receive(_ body: [UInt8], retryNum: String? = nil) -> Answer {
        let request: SlackEventRequest
        do {
            request = try SlackEventRequest(body: body)
        } catch {
            logger.warning("slack event refused", metadata: ["reason": "\(error)"])
            return Answer(status: 400, contentType: "text/plain; charset=utf-8", body: error.description + "\n", outcome: "refused: \(error)")
        }
        switch request {
        case .urlVerification(let challenge):
            return Answer(status: 200, contentType: "application/json; charset=utf-8",
                          body: JSON.object([("challenge", .string(challenge))]).compact, outcome: "url_verification")
        case .other(let type):
            logger.info("slack request ignored", metadata: ["type": "\(type)"])
            return acknowledge("ignored: \(type)")
        case .callback(let event):
            return take(event, retryNum: retryNum)
        }
    }

    private func acknowledge(_ outcome: String) -> Answer {
        Answer(status: 200, contentType: "text/plain; charset=utf-8", body: "", outcome: outcome)
    }

    /// Decides about one event; a command starts in the background.
    private func take(_ event: SlackEvent, retryNum: String?) -> Answer {
        guard events.insert(event.eventId) else {
            logger.info("slack event already taken", metadata: ["event": "\(event.eventId)", "retry": "\(retryNum ?? "-")"])
            return acknowledge("retry")
        }
        if let pinning = event.pinning { return take(pin: event, pinning: pinning) }
        let message: String
        switch event.command() {
        case .success(let text):
            message = text
        case .failure(.notForTheApp):
            logger.debug("slack message not for the app", metadata: ["event": "\(event.eventId)"])
            return acknowledge("ignored: \(SlackEvent.Ignored.notForTheApp)")
        case .failure(let why):
            logger.notice("slack event ignored", metadata: ["event": "\(event.eventId)", "type": "\(event.type)", "reason": "\(why)"])
            return acknowledge("ignored: \(why)")
        }
        guard let channelId = event.channel, channelId == channel.slack.channelId else {
            let why = channel.slack.channelId == nil
                ? "the channel file names no Slack channel (slack: {channel-id: C…})"
                : "no channel file maps the Slack channel \(event.channel ?? "?") (this one is \(channel.slack.channelId ?? ""))"
            logger.warning("slack event ignored", metadata: ["event": "\(event.eventId)", "reason": "\(why)"])
            return acknowledge("ignored: \(why)")
        }
        guard messages.insert("\(channelId)/\(event.ts ?? "")") else {
            logger.info("slack message already taken", metadata: ["event": "\(event.eventId)", "ts": "\(event.ts ?? "")"])
            return acknowledge("retry")
        }
        running.start { await self.run(message, event: event) }
        return acknowledge("run")
    }

    /// A 📌 reaction or a pin on a message of the channel: its Note is added to
    /// (or taken off) the current incident's timeline in the background.
    private func take(pin event: SlackEvent, pinning: Bool) -> Answer {
        guard let item = event.item, item.channel == channel.slack.channelId else {
            logger.notice("slack pin ignored", metadata: ["event": "\(event.eventId)", "reason": "not a message of the channel \(channel.slack.channelId ?? "(none named)")"])
            return acknowledge("ignored: not a message of this channel")
        }
        guard event.botId == nil, let user = event.user, !user.isEmpty, user != event.appUserId else {
            logger.notice("slack pin ignored", metadata: ["event": "\(event.eventId)", "reason": "\(SlackEvent.Ignored.fromABot)"])
            return acknowledge("ignored: \(SlackEvent.Ignored.fromABot)")
        }
        running.start { await self.pin(item, pinning: pinning, by: user, kind: event.type) }
        return acknowledge(pinning ? "pin" : "unpin")
    }

    func pin(_ item: SlackEvent.Item, pinning: Bool, by user: String, kind: String) async {
        let member = await users.name(of: user)
        // A Slack pin is one, whoever takes it off; each 📌 is its reactor's.
        let pinner = kind.hasPrefix("pin_") ? "pin" : user
        let key = "\(item.channel)/\(item.ts)"
        let (backend, settings, channel, notifications, logger) = (self.backend, self.settings, self.channel, self.notifications, self.logger)
        let run: TimelineNote.Run = { text in
            await ChatRun.run(text, as: member, backend: backend, settings: settings, channel: channel, webhookTransport: notifications) {
                logger.error("\($0)", metadata: ["user": "\(member)"])
            }
        }
        func tell(_ text: String) async {
            await api?.postEphemeral(channel: item.channel, user: user, text: text, subject: "pin of \(key)")
        }
        guard pinning else {
            guard let note = await pins.release(key, by: pinner) else { return }
            let ran = await TimelineNote.unpin(incident: note.incident, eventId: note.eventId, run: run)
            logger.info("slack unpin", metadata: ["user": "\(member)", "message": "\(key)", "ok": "\(ran.ok)"])
            if !ran.ok { await tell(SlackReply(ran).text) }
            return
        }
        guard await pins.claim(key, by: pinner) else {
            logger.info("slack message already pinned", metadata: ["message": "\(key)"])
            return
        }
        var author = item.author, text = item.text
        if text == nil, let found = await api?.message(channel: item.channel, ts: item.ts) {
            author = author ?? found.author
            text = found.text
        }
        guard let text else {
            await pins.failed(key)
            logger.warning("slack pin: the message cannot be read", metadata: ["message": "\(key)"])
            await tell("The message could not be read from Slack, so it was not pinned to the timeline.")
            return
        }
        var authorName = "someone"
        if let author { authorName = await users.name(of: author) }
        let plain = text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        switch await TimelineNote.pin(author: authorName, text: plain, eventTime: Double(item.ts) ?? now().timeIntervalSince1970, run: run) {
        case .pinned(let incident, let eventId, _):
            logger.info("slack pin", metadata: ["user": "\(member)", "message": "\(key)", "incident": "\(incident)", "event": "\(eventId)"])
            if await pins.created(key, incident: incident, eventId: eventId) {
                _ = await TimelineNote.unpin(incident: incident, eventId: eventId, run: run)
            }
        case .noOpenIncident:
            await pins.failed(key)
            await tell("There is no open incident to pin the message to.")
        case .failed(let ran):
            await pins.failed(key)
            await tell(SlackReply(ran).text)
        }
    }

    /// Runs the message as its author and answers in its thread.
    func run(_ message: String, event: SlackEvent) async {
        let userId = event.user ?? ""
        let user = await users.name(of: userId)
        let logger = self.logger
        logger.info("slack mention", metadata: ["user": "\(user)", "slack-user": "\(userId)", "event": "\(event.eventId)"])
        let ran = await ChatRun.run(message, as: user, backend: backend, settings: settings, channel: channel,
                                    webhookTransport: notifications) {
            logger.error("\($0)", metadata: ["user": "\(user)"])
        }
        let reply = SlackReply(ran)
        let channelId = event.channel ?? ""
        guard let api else {
            logger.notice("slack answer not posted: no bot token", metadata: ["event": "\(event.eventId)", "ok": "\(ran.ok)"])
            return
        }
        await api.answer(reply, channel: channelId, user: userId, thread: event.replyThread, subject: "reply to \(message.prefix(200))")
    }

    /// Waits for the commands still running (before the process exits).
    public func flush() async {
        await running.wait()
    }
}

/// Tasks started in the background, so that a process can wait for them before it exits.
final class BackgroundWork: @unchecked Sendable {
    private let lock = NSLock()
    private var tasks: [Int: Task<Void, Never>] = [:]
    private var next = 0

    func start(_ work: @escaping @Sendable () async -> Void) {
        lock.withLock {
            let id = next
            next += 1
            tasks[id] = Task {
                await work()
                self.finished(id)
            }
        }
    }

    private func finished(_ id: Int) {
        _ = lock.withLock { tasks.removeValue(forKey: id) }
    }

    var count: Int { lock.withLock { tasks.count } }

    func wait() async {
        while let task = lock.withLock({ tasks.values.first }) {
            await task.value
        }
    }
}
