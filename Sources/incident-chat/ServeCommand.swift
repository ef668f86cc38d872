import ArgumentParser
import Backend
import Channel
import Connectors
import Foundation
import Interpreter
import Logging
import MemoryBackend
import SQLiteBackend
import Server
import SigV4
import WebChannel

/// `incident-chat serve`: the emulator server.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve Incident Manager's wire protocols, for the AWS CLI and SDKs (--endpoint-url).",
        discussion: """
        ssm-incidents (rest-json) and ssm-contacts (JSON 1.1) on one port, default \(ServerConfiguration.defaultPort).
        Requests must be signed (SigV4) with a key of --credentials FILE (the ~/.aws/credentials format;
        a profile's calls act as the IAM user named by its 'user' setting, else by the profile name).
        Without a file, the local key \(ServerConfiguration.defaultCredentials.accessKeyId) / \
        \(ServerConfiguration.defaultCredentials.secretAccessKey) signs, as user \(ServerConfiguration.defaultUser).
        Example: aws --endpoint-url http://127.0.0.1:\(ServerConfiguration.defaultPort) ssm-incidents list-response-plans

        With a Slack app's signing secret (--slack-signing-secret or $SLACK_SIGNING_SECRET), \
        POST \(SlackCommandEndpoint.defaultPath) answers the app's slash command (/aws ssm-incidents ...) \
        and POST \(SlackEventsEndpoint.defaultPath) its mentions (@aws ssm-incidents ..., answered in a thread \
        with the bot token of --slack-bot-token or $SLACK_BOT_TOKEN), as the chat channel of the first --channel FILE would; \
        with a Teams outgoing webhook's secret (--teams-secret or $TEAMS_SECRET), POST \(TeamsEndpoint.defaultPath) \
        answers its mentions. The notifications their commands cause go to the channel's webhooks (Slack, Teams, \
        Amazon Chime), or with a bot token to the Slack channel itself, one thread per incident.
        """
    )

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one and prints it).")
    var port: Int = ServerConfiguration.defaultPort

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "A shared-credentials file; every access key in it may sign requests.")
    var credentials: String?

    @Flag(name: .customLong("no-auth"), help: "Accept unsigned requests (experiments only).")
    var noAuth = false

    @Option(help: "The Region of unsigned calls (--no-auth); signed calls act in the Region of their signature.")
    var region: String = "us-east-1"

    @Option(name: .customLong("max-body-size"), help: "The largest request body in bytes (larger: 413).")
    var maxBodySize: Int = 1 << 20

    @Option(name: .customLong("header-timeout"), help: "Seconds a connection has to send a complete request head.")
    var headerTimeout: Double = 10

    @Option(name: .customLong("request-timeout"), help: "Seconds a request has for its body to arrive.")
    var requestTimeout: Double = 30

    @Option(help: ArgumentHelp("A chat channel (YAML or JSON): role, members, topics, webhooks, log. Repeat it for several channels.",
                               discussion: "Each is served as a page (one: at GET /; several: at /c/NAME/, listed at GET /); the first also answers Slack and Teams and delivers pages."))
    var channel: [String] = []

    @OptionGroup(title: "Chat clients")
    var chatClients: ChatClientOptions

    @Option(name: .customLong("log-level"), help: "trace, debug, info (one line per request), notice, warning, error or critical.")
    var logLevel: String = "info"

    func run() async throws {
        let level = try exitingOnFailure { () throws -> Logger.Level in
            guard let level = Logger.Level(rawValue: logLevel) else {
                throw ExitFailure(message: "--log-level takes trace, debug, info, notice, warning, error or critical, not \(logLevel)",
                                  code: ExitCode.configurationInvalid)
            }
            return level
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: "incident-chat.server")
        logger.logLevel = level

        var configuration = try exitingOnFailure { try makeConfiguration() }
        let backend = try exitingOnFailure { try storeOptions.makeBackend() }
        // The channel files, read once. The first is the channel of the chat
        // clients (Slack, Teams) and of the contact relay; each is a page, and
        // each is told of the pages the scheduler sends.
        let files = try exitingOnFailure { try loadChannelFiles() }
        let chat = files.first?.configuration ?? ChannelConfiguration.default
        let slack = try exitingOnFailure {
            try chatClients.connectors(chat: chat, accountId: storeOptions.accountId, backend: backend, logger: logger)
        }
        if let slack { configuration.endpoints += slack.endpoints }
        // A channel's webhooks hear the notifications of every command this
        // server runs in it (the page's, Slack's, Teams') and of the pages its
        // scheduler sends; each command runs on one server of a fleet, so a
        // notification goes out once.
        var deliverers: [WebhookDeliverer] = []
        func transport(for channel: ChannelConfiguration, first: Bool) -> (any WebhookTransport)? {
            if first, let slack { return slack.notifier ?? slack.deliverer }
            guard !channel.webhooks.isEmpty else { return nil }
            let deliverer = ChatClientOptions.webhookDeliverer(chat: channel, logger: logger)
            deliverers.append(deliverer)
            return deliverer
        }
        var listeners: [ChannelListener] = []
        for (index, file) in files.enumerated() {
            let transport = transport(for: file.configuration, first: index == 0)
            let web = try await makeWebChannel(file.configuration, path: file.path, backend: backend, webhookTransport: transport, logger: logger)
            listeners.append(ChannelListener(configuration: file.configuration, transport: transport, web: web))
        }
        if files.isEmpty { listeners.append(ChannelListener(configuration: chat, transport: transport(for: chat, first: true), web: nil)) }
        let site = files.isEmpty ? nil : WebChannelSite(channels: listeners.compactMap(\.web))
        if let site {
            configuration.endpoints += site.endpoints
            configuration.webSocketRoutes += site.sockets
        }
        let server = IncidentServer(backend: backend, configuration: configuration, logger: logger)
        let host = host
        let storeDescription = storeOptions.description
        let pagesLine = site.map { site in
            site.channels.count == 1 ? " The channel \(site.channels[0].channel.configuration.displayName) in a browser: GET /"
                : " \(site.channels.count) channels in a browser: GET / lists them ("
                    + site.channels.map { "\($0.channel.configuration.displayName) at \($0.pagePath)" }.joined(separator: ", ") + ")"
        } ?? ""
        let slackLine = (slack?.announcement ?? "") + pagesLine
        // Escalations move on while nobody calls: the scheduler catches up once
        // now, then runs each step when it falls due.
        let log = logger
        let scheduler = (backend as? any EngineBackend).map { Scheduler(backend: $0) }
        // The pages a due step sends are told to each channel whose topics
        // they are on (its browsers and webhooks), as a command's changes are.
        let context = CallContext(accountId: storeOptions.accountId, region: chat.region, user: "scheduler")
        let tellers = listeners.map { listener in
            (pages: PageNotifications(channel: listener.configuration, backend: backend, context: context),
             transport: listener.transport, room: listener.web?.room)
        }
        let rooms = listeners.compactMap { $0.web?.room }
        let scheduling = scheduler.map { scheduler in
            Task {
                await scheduler.run { sent in
                    for message in sent {
                        log.info("sent", metadata: ["kind": "\(message.kind.rawValue)", "channel": "\(message.contactChannelArn)",
                                                       "type": "\(message.channelType)", "address": "\(message.address)",
                                                       "page": "\(message.pageArn ?? "")", "due": "\(Date(millis: message.time))"])
                    }
                    for teller in tellers {
                        for delivery in await teller.pages.publish(sent).deliveries {
                            if let transport = teller.transport { await transport.enqueue(delivery) }
                            _ = try? await teller.room?.post(kind: .notification, author: WebChannel.botName,
                                                             text: delivery.terminalText(colors: false))
                        }
                    }
                } failed: { error in
                    log.error("the scheduler could not run due steps", metadata: ["error": "\(error.name): \(error.message)"])
                }
            }
        }
        defer { scheduling?.cancel() }
        // Pages and activation codes leave the machine through the channel's
        // contact-delivery adapters.
        let relay = ContactRelay.of(channel: chat, backend: backend) { line in log.warning("\(line)") }
        let relaying = relay.flatMap { relay in
            (backend as? any EngineBackend).map { local in
                Task { await relay.run(listening: local.engine.doorbell.listener(), recheck: .seconds(30)) }
            }
        }
        defer { relaying?.cancel() }
        // A fleet on one database: what the other servers write wakes this
        // one's scheduler and relay, and their messages reach its browsers.
        let following = (backend as? any StoreEvents).map { shared in
            Task {
                let doorbell = (backend as? any EngineBackend)?.engine.doorbell
                for await event in shared.storeEvents() {
                    if event != .doorbell { for room in rooms { await room.follow(event) } }
                    if event == .doorbell || event == .resumed { doorbell?.ring() }
                }
            }
        }
        defer { following?.cancel() }
        do {
            try await server.run { port in
                let line = "incident-chat serve: listening on http://\(host):\(port) (store: \(storeDescription))\(slackLine)\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            }
        } catch {
            throw ExitFailure(message: "the server stopped: \(error)", code: ExitCode.other)
        }
        // Notifications and late replies still on their way go out before the process ends.
        await slack?.flush()
        for deliverer in deliverers { await deliverer.flush() }
        await relay?.flush()
        printError("incident-chat serve: stopped\n")
    }

    private func makeConfiguration() throws -> ServerConfiguration {
        guard (0...65535).contains(port) else {
            throw ExitFailure(message: "--port takes 0 to 65535, not \(port)", code: ExitCode.configurationInvalid)
        }
        guard headerTimeout > 0, headerTimeout <= 3600, requestTimeout > 0, requestTimeout <= 3600 else {
            throw ExitFailure(message: "--header-timeout and --request-timeout are seconds from more than 0 to 3600", code: ExitCode.configurationInvalid)
        }
        guard maxBodySize > 0 else {
            throw ExitFailure(message: "--max-body-size must be positive", code: ExitCode.configurationInvalid)
        }
        var configuration = ServerConfiguration(host: host, port: port, accountId: storeOptions.accountId, region: region,
                                                maxBodySize: maxBodySize,
                                                headerTimeout: .milliseconds(Int64(headerTimeout * 1000)),
                                                requestTimeout: .milliseconds(Int64(requestTimeout * 1000)))
        if noAuth {
            if credentials != nil {
                throw ExitFailure(message: "--no-auth and --credentials exclude each other", code: ExitCode.configurationInvalid)
            }
            configuration.authentication = .none
            printError("""
            ************************************************************************
            WARNING: --no-auth: signatures are NOT checked. Anyone who can reach
            \(host):\(port) can read and change every incident. Experiments only.
            ************************************************************************

            """)
        } else if let credentials {
            let keys: [Verifier.Key]
            do {
                guard FileManager.default.isReadableFile(atPath: credentials) else {
                    throw ExitFailure(message: "cannot read \(credentials): no such file or not readable", code: ExitCode.configurationInvalid)
                }
                keys = try SharedConfigFile(path: credentials, kind: .credentials).verifierKeys
            } catch let failure as ExitFailure {
                throw failure
            } catch {
                throw ExitFailure(message: "cannot read \(credentials): \(error)", code: ExitCode.configurationInvalid)
            }
            guard !keys.isEmpty else {
                throw ExitFailure(message: "\(credentials) has no profile with aws_access_key_id and aws_secret_access_key",
                                  code: ExitCode.configurationInvalid)
            }
            configuration.authentication = .sigV4(keys)
            printError("incident-chat serve: \(keys.count) access key\(keys.count == 1 ? "" : "s") from \(credentials) may sign requests\n")
        } else {
            let key = ServerConfiguration.defaultCredentials
            printError("incident-chat serve: requests must be signed with the local key \(key.accessKeyId) / \(key.secretAccessKey)\n")
        }
        return configuration
    }
}

/// A channel that this server tells of what happens: its configuration, what
/// delivers to its webhooks, and its page.
struct ChannelListener {
    let configuration: ChannelConfiguration
    let transport: (any WebhookTransport)?
    let web: WebChannel?
}
