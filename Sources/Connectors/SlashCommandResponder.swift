import Backend
import Channel
import Foundation
import Interpreter
import Logging

/// Answers Slack slash commands: checks the request's signature, reads the
/// form, runs the text as a chat message in a session of its own (origin
/// `.chat`: no files, no environment; the channel's permissions for the
/// Slack user who typed it), and turns what the session printed into a
/// Slack message.
///
/// Slack waits three seconds for an answer. A command still running by
/// `acknowledgeAfter` is answered with a note for the user, and its result
/// is posted to the invocation's `response_url` when it is ready.
public struct SlashCommandResponder: Sendable {
    public let signature: SlackSignature
    public let channel: ChannelConfiguration
    public let backend: any IncidentBackend
    /// The account, Region and output format of the sessions; the user is Slack's.
    public let settings: SessionSettings
    /// Where late replies are sent, and notifications unless `notifications` is given.
    public let deliverer: WebhookDeliverer?
    /// Where notifications are sent (Slack's Web API with a bot token); nil: `deliverer`.
    public let notifications: (any WebhookTransport)?
    public let acknowledgeAfter: Duration
    public let logger: Logger
    let now: @Sendable () -> Date

    public init(signature: SlackSignature, channel: ChannelConfiguration, backend: any IncidentBackend, settings: SessionSettings,
                deliverer: WebhookDeliverer?, notifications: (any WebhookTransport)? = nil,
                acknowledgeAfter: Duration = .milliseconds(2500),
                logger: Logger = Logger(label: "incident-chat.slack"), now: @escaping @Sendable () -> Date = { Date() }) {
        self.signature = signature
        self.channel = channel
        self.backend = backend
        self.settings = settings
        self.deliverer = deliverer
        self.notifications = notifications
        self.acknowledgeAfter = acknowledgeAfter
        self.logger = logger
        self.now = now
    }

    /// An HTTP answer: the status and, for 200, the Slack message.
    public struct Answer: Sendable, Equatable {
        public var status: Int
        public var reply: SlackReply?
        /// Why a request was refused (401, 400), for the request log and the body.
        public var refusal: String?
    }

    /// Answers one request, given its two Slack headers and its raw body.
    public func respond(timestamp: String?, signature given: String?, body: [UInt8]) async -> Answer {
        do {
            try signature.verify(timestamp: timestamp, signature: given, body: body, now: now())
        } catch {
            logger.warning("slack request refused", metadata: ["reason": "\(error)"])
            return Answer(status: 401, reply: nil, refusal: error.description)
        }
        return await answer(FormBody(body))
    }

    /// Answers a slash command whose origin is known to be Slack (signed, or from Socket Mode's connection).
    public func answer(_ form: FormBody) async -> Answer {
        let command: SlashCommand
        do {
            command = try SlashCommand(form: form)
        } catch {
            return Answer(status: 400, reply: nil, refusal: error.description)
        }
        if command.isSSLCheck { return Answer(status: 200, reply: nil) }
        let words = command.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if words.isEmpty || words == "help" {
            return Answer(status: 200, reply: .note(Self.usage(command.command)))
        }
        return Answer(status: 200, reply: await runInTime(command))
    }

    /// Runs the command; answers with its result, or with a note when it
    /// outlasts `acknowledgeAfter` (the result then goes to `response_url`).
    private func runInTime(_ command: SlashCommand) async -> SlackReply {
        let deliverer = self.deliverer
        let reply = await answerInTime(acknowledgeAfter, { await run(command) }) { reply in
            guard let url = command.responseURL, let deliverer else { return }
            var late = reply
            late.replaceOriginal = false
            await deliverer.send(.init(url: url, kind: .slack, body: String(decoding: late.json, as: UTF8.self),
                                       subject: "reply to \(command.command) \(command.text)"))
        }
        if let reply { return reply }
        return command.responseURL == nil || deliverer == nil
            ? .note("The command is still running, and Slack gave no response URL to send its result to.")
            : .note("Working on it: the result follows in a moment.")
    }

    /// Runs the command in a session of its own.
    func run(_ command: SlashCommand) async -> SlackReply {
        let logger = self.logger
        logger.info("slack command", metadata: ["user": "\(command.userName)", "channel": "\(command.channelName)",
                                                 "team": "\(command.teamDomain)"])
        let ran = await ChatRun.run(command.message, as: command.userName, backend: backend, settings: settings,
                                    channel: channel, webhookTransport: notifications ?? deliverer) {
            logger.error("\($0)", metadata: ["user": "\(command.userName)"])
        }
        return SlackReply(ran)
    }

    static func usage(_ command: String) -> String {
        """
        Run Incident Manager chat commands: \(command) ssm-incidents OPERATION --option value ...
        For example: \(command) ssm-incidents list-incident-records
        Aliases: \(command) alias list, \(command) run NAME Variable=value
        """
    }
}
