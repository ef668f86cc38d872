import JSON
import Catalog
import Foundation
import HummingbirdWSClient
import Logging
import NIOPosix
import Wire

/// Slack's Socket Mode: with an app-level token (`xapp-…`) the server opens
/// the connection itself (`apps.connections.open`, then a WebSocket), so a
/// team can run IncidentChat on a laptop or behind a firewall with no public
/// URL. Each envelope (events, interactions, slash commands) is
/// acknowledged with its `envelope_id` and handed to the same responders as
/// the HTTP routes; the connection is opened again when Slack asks
/// (`disconnect`) or when it drops; one whose upgrade or hello does not come
/// within `helloTimeout` is closed and opened again after a backoff that grows to 30 s.
/// A frame that is not an envelope is logged and ignored.
public actor SlackSocketMode {
    let appToken: String
    let baseURL: String
    let deliverer: WebhookDeliverer
    let events: SlackEventsResponder
    let interactivity: SlackInteractivityResponder?
    let commands: SlashCommandResponder?
    let logger: Logger
    /// How long a new connection may go without Slack's `hello` before it is given up and opened again.
    let helloTimeout: Duration
    /// Connections opened so far (tests and the log).
    public private(set) var connections = 0

    public init(appToken: String, baseURL: String = SlackWebAPI.defaultBaseURL, deliverer: WebhookDeliverer,
                events: SlackEventsResponder, interactivity: SlackInteractivityResponder?, commands: SlashCommandResponder?,
                helloTimeout: Duration = .seconds(10), logger: Logger) {
        self.helloTimeout = helloTimeout
        self.appToken = appToken
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.deliverer = deliverer
        self.events = events
        self.interactivity = interactivity
        self.commands = commands
        self.logger = logger
    }

    /// The first wait before connecting again after a failure; it doubles up to `maxBackoff`.
    static let firstBackoff = 250
    static let maxBackoff = 30_000

    /// Connects, and connects again, until cancelled: at once after a
    /// connection Slack greeted, after a backoff that doubles (250 ms to
    /// 30 s) when it could not be opened, its upgrade did not complete, or
    /// Slack never said hello.
    public func run() async {
        var backoff = Self.firstBackoff
        while !Task.isCancelled {
            if let url = await open() {
                connections += 1
                logger.info("slack socket mode connecting", metadata: ["connection": "\(connections)"])
                if await connect(url) {
                    backoff = Self.firstBackoff
                    continue
                }
            }
            logger.warning("slack socket mode: connecting again in \(backoff) ms")
            try? await Task.sleep(for: .milliseconds(backoff))
            backoff = min(backoff * 2, Self.maxBackoff)
        }
    }

    /// One connection, until it ends; whether Slack said hello on it. A
    /// connection that has not said hello within `helloTimeout` is given up:
    /// one whose upgrade is still unanswered by shutting down the event loop
    /// it runs on (its own: a pending upgrade cannot be cancelled), one that
    /// was upgraded by closing it.
    func connect(_ url: String) async -> Bool {
        let (logger, helloTimeout) = (self.logger, self.helloTimeout)
        let deadline = ContinuousClock.now + helloTimeout
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let state = ConnectionState()
        let upgrading = Task {
            try await Task.sleep(until: deadline)
            guard state.giveUpUnlessUpgraded() else { return }
            logger.warning("slack socket mode: the WebSocket upgrade did not complete, connecting again", metadata: ["waited": "\(helloTimeout)"])
            try? await group.shutdownGracefully()
        }
        do {
            try await WebSocketClient.connect(url: url, eventLoopGroup: group, logger: logger) { inbound, outbound, _ in
                guard state.upgrade() else { return }
                let greeting = Task {
                    try await Task.sleep(until: deadline)
                    guard state.giveUpUnlessGreeted() else { return }
                    logger.warning("slack socket mode: no hello from Slack, connecting again", metadata: ["waited": "\(helloTimeout)"])
                    try await outbound.close(.goingAway, reason: "no hello")
                }
                defer { greeting.cancel() }
                for try await message in inbound.messages(maxSize: 1 << 20) {
                    guard case .text(let text) = message else {
                        logger.warning("slack socket mode: a binary frame, ignored")
                        continue
                    }
                    if (try? JSON(reading: Array(text.utf8)))?["type"] == .string("hello") { state.greet() }
                    let step = await self.handle(text)
                    if let ack = step.ack { try await outbound.write(.text(ack)) }
                    if step.reconnect { return }
                }
            }
        } catch {
            if !state.givenUp { logger.warning("slack socket mode: the connection failed", metadata: ["error": "\(error)"]) }
        }
        upgrading.cancel()
        _ = await upgrading.result
        if !state.givenUp || state.upgraded { try? await group.shutdownGracefully() }
        return state.greeted
    }

    /// `apps.connections.open`: the WebSocket URL to connect to, or nil.
    func open() async -> String? {
        let tried = await deliverer.post([], to: baseURL + "/apps.connections.open",
                                         headers: [("Authorization", "Bearer \(appToken)"), ("Content-Type", "application/x-www-form-urlencoded")])
        guard tried.delivered, let answer = tried.answer, let json = try? JSON(reading: answer.body),
              json["ok"] == .bool(true), case .string(let url)? = json["url"], url.hasPrefix("ws") else {
            logger.warning("slack apps.connections.open failed", metadata: ["reason": "\(tried.answer?.excerpt ?? tried.reason)"])
            return nil
        }
        return url
    }

    /// What to do with one frame: the acknowledgement to send, and whether to connect again.
    public func handle(_ text: String) async -> (ack: String?, reconnect: Bool) {
        guard let envelope = try? JSON(reading: Array(text.utf8)), case .string(let type)? = envelope["type"] else {
            logger.warning("slack socket mode: a frame that is not an envelope, ignored", metadata: ["frame": "\(text.prefix(100))"])
            return (nil, false)
        }
        switch type {
        case "hello":
            return (nil, false)
        case "disconnect":
            logger.info("slack socket mode: Slack asks to reconnect", metadata: ["reason": "\(envelope["reason"].map { "\($0)" } ?? "")"])
            return (nil, true)
        default:
            break
        }
        guard case .string(let id)? = envelope["envelope_id"], let payload = envelope["payload"] else {
            logger.warning("slack socket mode: an envelope without an id or a payload, ignored", metadata: ["type": "\(type)"])
            return (nil, false)
        }
        let ack = JSON.object([("envelope_id", .string(id))]).compact
        let body = JSONWriter.encode(payload)
        switch type {
        case "events_api":
            let retry: String? = if case .integer(let n)? = envelope["retry_attempt"], n > 0 { String(n) } else { nil }
            let answer = events.receive(body, retryNum: retry)
            logger.debug("slack socket mode event", metadata: ["outcome": "\(answer.outcome)"])
            return (ack, false)
        case "interactive":
            if let interactivity { _ = interactivity.receive(payload: body) }
            return (ack, false)
        case "slash_commands":
            guard let commands, case .object(let fields) = payload else { return (ack, false) }
            let form = FormBody(pairs: fields.compactMap { if case .string(let v) = $0.value { ($0.key, v) } else { nil } })
            let answer = await commands.answer(form)
            guard let reply = answer.reply else { return (ack, false) }
            return ("{\"envelope_id\":" + JSON.string(id).compact + ",\"payload\":" + String(decoding: reply.json, as: UTF8.self) + "}", false)
        default:
            logger.info("slack socket mode: an envelope of another type, acknowledged", metadata: ["type": "\(type)"])
            return (ack, false)
        }
    }
}

/// Where one connection stands: upgraded, greeted (Slack said hello), or given up.
final class ConnectionState: @unchecked Sendable {
    private let lock = NSLock()
    private var state = (upgraded: false, greeted: false, givenUp: false)
    var upgraded: Bool { lock.withLock { state.upgraded } }
    var greeted: Bool { lock.withLock { state.greeted } }
    var givenUp: Bool { lock.withLock { state.givenUp } }
    /// The upgrade completed; false when the connection was given up first.
    func upgrade() -> Bool {
        lock.withLock {
            if !state.givenUp { state.upgraded = true }
            return state.upgraded
        }
    }
    func greet() { lock.withLock { state.greeted = true } }
    /// Gives the connection up if its upgrade has not completed; whether it did.
    func giveUpUnlessUpgraded() -> Bool {
        lock.withLock {
            if !state.upgraded { state.givenUp = true }
            return !state.upgraded
        }
    }
    /// Gives the connection up if Slack has not said hello; whether it did.
    func giveUpUnlessGreeted() -> Bool {
        lock.withLock {
            if !state.greeted { state.givenUp = true }
            return !state.greeted
        }
    }
}
