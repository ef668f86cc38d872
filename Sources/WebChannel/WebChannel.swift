import Backend
import Catalog
import Channel
import Foundation
import Interpreter
import JMESPath
import Logging

/// The channel in a browser: what a signed-in responder's message does.
///
/// Words are chat: kept and shown to everyone. A message that starts with a
/// mention (`@aws`, `@q`, `@Amazon Q`, in the chat formatting the grammar
/// allows) is a command: it runs in a session of its own as the responder,
/// origin `chat` (no files, no environment), so the channel's members, roles,
/// guardrails and command log apply as in the Slack endpoint. A command that
/// succeeds is shown to everyone with its output and the notifications it
/// caused; a failure (diagnostics with carets, a denial) goes to its author alone.
public final class WebChannel: Sendable {
    public let configuration: ChannelConfiguration
    public let backend: any IncidentBackend
    /// The account, Region and output format of the sessions; the user is the responder.
    public let settings: SessionSettings
    public let room: ChannelRoom
    public let signIn: SignIn
    public let logger: Logger
    /// What sends the notifications of the page's commands to the channel's
    /// webhooks (Slack, Teams, Amazon Chime); nil: only the page shows them.
    public let webhookTransport: (any WebhookTransport)?
    /// The longest message accepted, in characters.
    public static let messageLimit = 40_000
    /// Who the results and notifications are from.
    public static let botName = "Incident Manager"
    private let limits: Limits
    let panel = PanelCache()

    final class Limits: @unchecked Sendable {
        let lock = NSLock()
        var messages = RateLimiter(burst: 10, perSecond: 5)
    }

    public init(configuration: ChannelConfiguration, backend: any IncidentBackend, settings: SessionSettings,
                loopback: Bool, webhookTransport: (any WebhookTransport)? = nil,
                logger: Logger = Logger(label: "incident-chat.web")) async throws(ServiceError) {
        self.configuration = configuration
        self.webhookTransport = webhookTransport
        self.backend = backend
        self.settings = settings
        self.logger = logger
        self.room = try await ChannelRoom(store: backend as? any ChannelDataStore, account: settings.accountId,
                                          channel: configuration.displayName)
        self.signIn = SignIn(members: configuration.members, passwords: configuration.passwords, loopback: loopback)
        self.limits = Limits()
    }

    /// What became of a message.
    public enum Outcome: Sendable, Equatable {
        /// Shown to everyone (chat, or a command with its result).
        case posted
        /// For the author alone: a command's errors, or why the message was refused.
        case privately(String)
        /// Refused before anything ran (too long, too many); nothing stored.
        case refused(String)
    }

    /// Whether a message is a command: its first word (past chat formatting) is a mention.
    public static func isCommand(_ text: String) -> Bool {
        var rest = Substring(text)
        while let first = rest.first, first.isWhitespace || first == "`" { rest = rest.dropFirst() }
        if rest.hasPrefix("<@") { return true }
        guard rest.first == "@" else { return false }
        let word = rest.dropFirst().prefix { !$0.isWhitespace }.lowercased()
        if word == "aws" || word == "q" { return true }
        if word == "amazon" {
            let next = rest.dropFirst(7).drop { $0.isWhitespace }.prefix { !$0.isWhitespace }
            return next.lowercased() == "q"
        }
        return false
    }

    /// The answer to a message that asks for help: `help` alone, or `help`
    /// and a service (and an operation) the catalog knows of. Any other
    /// message beginning with "help" is chat.
    static func help(_ text: String) -> String? {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.first?.lowercased() == "help", words.count <= 3 else { return nil }
        if words.count > 1, Catalog.shared.service(named: words[1]) == nil { return nil }
        return Synopsis.help(Array(words.dropFirst())).text
    }

    /// Handles one message from `user`.
    public func receive(_ text: String, from user: String, now: Date = Date()) async -> Outcome {
        guard text.count <= Self.messageLimit else {
            return .refused("The message has \(text.count) characters; at most \(Self.messageLimit) are accepted.")
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return .refused("The message is empty.") }
        let allowed = limits.lock.withLock { limits.messages.allow(user, now: now.timeIntervalSince1970) }
        guard allowed else { return .refused("Too many messages: wait a moment and send it again.") }
        // `help [SERVICE [OPERATION]]`: the synopsis, for the asker alone (as the REPL's help).
        if let help = Self.help(text) { return .privately(help) }
        do {
            guard Self.isCommand(text) else {
                try await room.post(kind: .chat, author: user, text: text, time: now)
                return .posted
            }
            let ran = await run(text, as: user)
            guard ran.ok else { return .privately(ran.errors + ran.printed) }
            try await room.post(kind: .command, author: user, text: text, time: now)
            var result = ran.printed.isEmpty ? "Done (no output)." : ran.printed
            if !ran.errors.isEmpty { result += "\n" + ran.errors }
            try await room.post(kind: .result, author: Self.botName, text: result, time: Date())
            for notification in ran.notifications {
                try await room.post(kind: .notification, author: Self.botName, text: notification, time: Date())
            }
            if !ran.notifications.isEmpty { await refreshIncident() }
            return .posted
        } catch {
            logger.error("the channel's conversation could not be stored", metadata: ["error": "\(error.name): \(error.message)"])
            return .refused("The message could not be kept; the server's operator can see why in its log.")
        }
    }

    /// Pins message `sequence` to the timeline: a `Note` event of the
    /// channel's current incident (the newest open one), with the message's
    /// time and author, created by `user` through the same pipeline as a
    /// typed command (so `user`'s role must allow it, and it is logged).
    public func pin(_ sequence: Int, by user: String, now: Date = Date()) async -> Outcome {
        let allowed = limits.lock.withLock { limits.messages.allow(user, now: now.timeIntervalSince1970) }
        guard allowed else { return .refused("Too many messages: wait a moment and pin it again.") }
        guard let message = await room.messages(after: sequence - 1).first, message.sequence == sequence, message.kind == .chat else {
            return .refused("Only a responder's message that the channel still keeps can be pinned.")
        }
        let ran: ChatRun
        switch await TimelineNote.pin(author: message.author, text: message.text, eventTime: Double(message.time) / 1000,
                                      run: { await self.run($0, as: user) }) {
        case .failed(let failed): return .privately(failed.errors + failed.printed)
        case .noOpenIncident: return .refused("There is no open incident to pin the message to.")
        case .pinned(_, _, let pinned): ran = pinned
        }
        do {
            try await room.post(kind: .command, author: user, text: "Pinned \(message.author)'s message to the timeline as a Note", time: now)
            for notification in ran.notifications {
                try await room.post(kind: .notification, author: Self.botName, text: notification, time: Date())
            }
            await refreshIncident()
        } catch {
            return .refused("The message was pinned, but the channel could not keep the note of it.")
        }
        return .posted
    }

    /// Runs a command in a session of its own, as `user`, the way a Slack slash command runs.
    func run(_ text: String, as user: String) async -> ChatRun {
        let logger = self.logger
        return await ChatRun.run(text, as: user, backend: backend, settings: settings, channel: configuration,
                                 webhookTransport: webhookTransport) {
            logger.error("\($0)", metadata: ["user": "\(user)"])
        }
    }
}
