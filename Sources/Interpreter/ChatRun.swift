import Backend
import Channel

/// One chat message run as one responder, in a session of its own: what a
/// chat front end (a Slack slash command, the browser channel) does with
/// each message it is sent. The message's origin is `chat` (no files, no
/// environment); the channel's members, roles, guardrails and log apply.
public struct ChatRun: Sendable {
    public var status: Status
    /// What the command printed, for the channel.
    public var printed: String
    /// Its diagnostics and errors, for its author.
    public var errors: String
    /// The incident notifications it caused, worded for the channel.
    public var notifications: [String]
    /// The service command the message ran (itself, or what its alias ran),
    /// typed: nil for a message that ran none (it did not parse, an alias
    /// was saved or listed, the command log could not be opened).
    public var outcome: CommandOutcome?

    public var ok: Bool { status == .ok }

    /// What a chat user is told when the channel's command log cannot be
    /// opened; where it is, and why, goes to the operator.
    public static let logUnavailable = "The channel's command log cannot be opened, so the command was not run. "
        + "The server's operator can see why in its log."

    /// Runs `text` as `user`. `operatorLog` hears what is for the server's
    /// operator only (a log that cannot be opened or written, with its path).
    public static func run(_ text: String, as user: String, backend: any IncidentBackend, settings: SessionSettings,
                           channel: ChannelConfiguration, webhookTransport: (any WebhookTransport)? = nil,
                           operatorLog: @escaping (String) -> Void) async -> ChatRun {
        var settings = settings
        settings.user = user
        let sink = SplitSink()
        let session: Session
        do {
            session = try Session(backend: backend, settings: settings, channel: channel, sink: sink, environment: [:])
        } catch {
            operatorLog("the channel's command log cannot be opened; the command was not run: \(error)")
            return ChatRun(status: .failure, printed: "", errors: logUnavailable, notifications: [], outcome: nil)
        }
        // The notifications go to the channel as messages of their own (and to the webhooks), not into the result.
        session.notificationOutput = { _ in }
        session.operatorLog = operatorLog
        session.webhookTransport = webhookTransport
        let status = await session.runMessage(text, origin: .chat)
        let outcome = session.lastOutcome
        let notifications = outcome?.notifications.deliveries.map { $0.terminalText(colors: settings.colors) } ?? []
        return ChatRun(status: status, printed: sink.printed, errors: sink.errors, notifications: notifications, outcome: outcome)
    }
}
