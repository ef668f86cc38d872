import ArgumentParser
import Backend
import Channel
import Connectors
import Foundation
import Interpreter
import Logging
import Server

/// `serve`'s options for real chat clients: Slack (slash commands, the
/// Events API, the Web API with a bot token) and Microsoft Teams (an
/// outgoing webhook). Secrets may come from the environment, which keeps
/// them out of `ps`.
struct ChatClientOptions: ParsableArguments {
    @Option(name: .customLong("slack-signing-secret"),
            help: "The Slack app's signing secret; enables the slash command and Events API endpoints (default: $SLACK_SIGNING_SECRET).")
    var slackSigningSecret: String?

    @Option(name: .customLong("slack-path"), help: "The path of the slash command endpoint.")
    var slackPath: String = SlackCommandEndpoint.defaultPath

    @Option(name: .customLong("slack-events-path"), help: "The path of the Events API endpoint (the app's Request URL).")
    var slackEventsPath: String = SlackEventsEndpoint.defaultPath

    @Option(name: .customLong("slack-bot-token"),
            help: "The app's bot token (xoxb-…): answers to mentions, and notifications, through Slack's Web API (default: $SLACK_BOT_TOKEN).")
    var slackBotToken: String?

    @Option(name: .customLong("slack-app-token"),
            help: "An app-level token (xapp-…) with connections:write: Socket Mode, no public URL needed (default: $SLACK_APP_TOKEN).")
    var slackAppToken: String?

    @Option(name: .customLong("slack-socket-timeout"),
            help: "Seconds a new Socket Mode connection may go without Slack's hello before it is opened again.")
    var slackSocketTimeout: Double = 10

    @Option(name: .customLong("slack-api-url"), help: "The base URL of Slack's Web API (tests point it at a fake Slack).")
    var slackAPIURL: String = SlackWebAPI.defaultBaseURL

    @Option(name: .customLong("teams-secret"),
            help: "The security token (base64) of a Teams outgoing webhook; enables POST /teams/messages (default: $TEAMS_SECRET).")
    var teamsSecret: String?

    @Option(name: .customLong("teams-path"), help: "The path of the Teams outgoing webhook endpoint.")
    var teamsPath: String = TeamsEndpoint.defaultPath
}

/// The chat-client routes of one `serve`, and what must be flushed before it exits.
struct ChatConnectors {
    var endpoints: [any ServerEndpoint] = []
    var deliverer: WebhookDeliverer
    var events: SlackEventsResponder?
    var interactivity: SlackInteractivityResponder?
    var notifier: SlackNotifier?
    /// Socket Mode's connection, while it runs.
    var socketMode: Task<Void, Never>?
    /// For the start-up line.
    var announcement = ""

    /// Commands still running, notifications and late replies still on their way go out.
    func flush() async {
        socketMode?.cancel()
        await events?.flush()
        await interactivity?.flush()
        await notifier?.flush()
        await deliverer.flush()
    }
}

extension ChatClientOptions {
    /// The connectors that the given secrets enable, in channel `chat` (the
    /// channel file's, or without one the documented default channel with the
    /// "Incident Manager permissions" role, not the terminal's); nil when no
    /// secret is given.
    /// What sends the channel's notifications to its webhooks, a failure logged.
    static func webhookDeliverer(chat: ChannelConfiguration, logger: Logger) -> WebhookDeliverer {
        let record = chat.failedDeliveriesPath
        return WebhookDeliverer(channel: chat) { failure in
            logger.warning("webhook delivery failed", metadata: ["webhook": "\(failure.webhook)", "kind": "\(failure.kind)",
                                                         "attempts": "\(failure.attempts)",
                                                         "status": "\(failure.status.map(String.init) ?? "none")",
                                                         "error": "\(failure.error)", "record": "\(record)"])
        }
    }

    func connectors(chat: ChannelConfiguration, accountId: String, backend: any IncidentBackend, logger: Logger) throws -> ChatConnectors? {
        let environment = ProcessInfo.processInfo.environment
        let appToken = slackAppToken ?? environment["SLACK_APP_TOKEN"]
        // Socket Mode needs no signing secret: without one, the HTTP routes are
        // not served, and the notification buttons are signed with a key drawn
        // from the app token, which every server of a fleet has and a restart
        // keeps (a button sent by one server is clicked on another).
        let slackSecret = slackSigningSecret ?? environment["SLACK_SIGNING_SECRET"] ?? appToken.map(NotificationButtons.socketModeSecret)
        let httpRoutes = (slackSigningSecret ?? environment["SLACK_SIGNING_SECRET"]) != nil
        let teamsToken = teamsSecret ?? environment["TEAMS_SECRET"]
        let botToken = slackBotToken ?? environment["SLACK_BOT_TOKEN"]
        guard slackSecret != nil || teamsToken != nil else {
            if botToken != nil { printError("incident-chat serve: a Slack bot token without a signing secret is not used\n") }
            return nil
        }
        func invalid(_ message: String) -> ExitFailure { ExitFailure(message: message, code: ExitCode.configurationInvalid) }
        for (option, path) in [("--slack-path", slackPath), ("--slack-events-path", slackEventsPath), ("--teams-path", teamsPath)]
            where !path.hasPrefix("/") {
            throw invalid("\(option) must start with /, not \(path)")
        }
        guard slackAPIURL.hasPrefix("https://") || slackAPIURL.hasPrefix("http://"), URL(string: slackAPIURL)?.host != nil else {
            throw invalid("--slack-api-url takes an http(s) URL, not \(slackAPIURL)")
        }
        let deliverer = Self.webhookDeliverer(chat: chat, logger: logger)
        let settings = SessionSettings(user: "slack", accountId: accountId, region: chat.region)
        var connectors = ChatConnectors(deliverer: deliverer)
        var notifications: (any WebhookTransport)? = nil

        if let slackSecret {
            guard !slackSecret.isEmpty else { throw invalid("the Slack signing secret is empty") }
            var api: SlackWebAPI? = nil
            if let botToken {
                guard !botToken.isEmpty else { throw invalid("the Slack bot token is empty") }
                api = SlackWebAPI(token: botToken, baseURL: slackAPIURL, deliverer: deliverer, logger: logger)
            }
            let signature = SlackSignature(secret: slackSecret)
            let buttons = NotificationButtons(buttons: chat.slack.buttons, secret: slackSecret, acknowledgePages: chat.mapsContacts)
            if let api, let channelId = chat.slack.channelId {
                let notifier = SlackNotifier(api: api, channelId: channelId, deliverer: deliverer, buttons: buttons,
                                             store: backend as? any ChannelDataStore, account: accountId, logger: logger)
                connectors.notifier = notifier
                notifications = notifier
            }
            let commands = SlashCommandResponder(signature: signature, channel: chat, backend: backend, settings: settings,
                                                 deliverer: deliverer, notifications: notifications, logger: logger)
            let events = SlackEventsResponder(signature: signature, channel: chat, backend: backend, settings: settings,
                                              api: api, notifications: notifications ?? deliverer, logger: logger)
            connectors.events = events
            if httpRoutes {
                connectors.endpoints += [SlackCommandEndpoint(responder: commands, path: slackPath),
                                         SlackEventsEndpoint(responder: events, path: slackEventsPath)]
            }
            if httpRoutes {
                connectors.announcement += " Slack slash commands: POST \(slackPath) (channel \(chat.displayName))"
                    + " Slack events: POST \(slackEventsPath) (\(chat.slack.channelId.map { "Slack channel \($0)" } ?? "no slack: {channel-id} in the channel file: events are not run"))"
            }
            if let api, connectors.notifier != nil {
                let clicks = SlackInteractivityResponder(signature: signature, buttons: buttons, channel: chat, backend: backend,
                                                         settings: settings, api: api, notifications: notifications,
                                                         users: events.users, logger: logger)
                connectors.interactivity = clicks
                if httpRoutes {
                    connectors.endpoints.append(SlackInteractivityEndpoint(responder: clicks))
                    connectors.announcement += " Slack buttons: POST \(SlackInteractivityEndpoint.defaultPath)"
                }
            }
            if let appToken {
                guard appToken.hasPrefix("xapp-") else { throw invalid("a Slack app-level token starts with xapp-") }
                guard slackSocketTimeout > 0, slackSocketTimeout <= 300 else { throw invalid("--slack-socket-timeout takes more than 0 to 300 seconds") }
                let socket = SlackSocketMode(appToken: appToken, baseURL: slackAPIURL, deliverer: deliverer, events: events,
                                             interactivity: connectors.interactivity, commands: commands,
                                             helloTimeout: .milliseconds(Int64(slackSocketTimeout * 1000)), logger: logger)
                connectors.socketMode = Task { await socket.run() }
                connectors.announcement += " Slack Socket Mode: on"
            }
            if api == nil {
                printError("incident-chat serve: no Slack bot token (--slack-bot-token or $SLACK_BOT_TOKEN): mentions run, but their answers are not posted\n")
            } else if chat.slack.channelId == nil {
                printError("incident-chat serve: the channel file names no Slack channel (slack: {channel-id: C…}): notifications go to its webhooks\n")
            }
        }
        if let teamsToken {
            guard let signature = TeamsSignature(secret: teamsToken) else {
                throw invalid("the Teams secret is not base64 (Teams shows it as the outgoing webhook's security token)")
            }
            let teams = TeamsResponder(signature: signature, channel: chat, backend: backend, settings: settings,
                                       deliverer: deliverer, notifications: notifications, logger: logger)
            connectors.endpoints.append(TeamsEndpoint(responder: teams, path: teamsPath))
            connectors.announcement += " Teams: POST \(teamsPath)"
        }
        return connectors
    }
}
