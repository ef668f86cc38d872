import ArgumentParser
import Backend
import Channel
import Connectors
import Foundation
import Interpreter
import MemoryBackend
import RemoteBackend
import Renderer
import SQLiteBackend
import Time

/// The options every command that runs chat commands shares: where the
/// incidents are kept, who acts, and how results print.
struct SessionOptions: ParsableArguments {
    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "The responder who acts (recorded in createdBy and lastModifiedBy).")
    var user: String?

    @Option(help: "The AWS Region (default: the profile's, else us-east-1).")
    var region: String?

    @Option(name: .customLong("endpoint-url"), help: "Send every command, SigV4-signed, to this endpoint: AWS itself or `incident-chat serve`.")
    var endpointURL: String?

    @Option(help: "The profile of ~/.aws/credentials and ~/.aws/config to sign with (with --endpoint-url).")
    var profile: String?

    @Option(help: "How results print: json, yaml, text or table.")
    var output: OutputFormat = .json

    @Option(name: .customLong("fixed-clock"), help: "Start the clock at this time and keep it still (ISO 8601); .advance moves it (without it, .advance makes the wall clock simulated).")
    var fixedClock: String?

    @Option(help: "Seed the identifier generator, for reproducible identifiers.")
    var seed: UInt64?

    @Option(help: "The chat channel's configuration (YAML or JSON): platform, role, topics, logging, aliases.")
    var channel: String?

    @Option(help: "Append delivered notifications to this file instead of printing them.")
    var notifications: String?

    var userName: String {
        user ?? ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "responder"
    }

    /// Builds the session's backend and clock; errors are configuration errors (253).
    func makeSession(sink: any OutputSink, colors: Bool) throws -> Session {
        // One clock for the session and its backend: the fixed one, or the
        // system's until `.advance` makes it simulated.
        var clock = FixedWallClock.following()
        if let fixedClock {
            guard let date = Self.parseTime(fixedClock) else {
                throw ExitFailure(message: "--fixed-clock takes an ISO 8601 time such as 2026-11-24T10:00:00Z, not \(fixedClock)",
                                  code: ExitCode.configurationInvalid)
            }
            clock = FixedWallClock(date)
        }
        let configuration = try channel.map(loadChannelFile) ?? ChannelConfiguration.local
        let wallClock: any WallClock = clock
        let ids: any IDGenerator = seed.map { SeededIDGenerator(seed: $0) } ?? RandomIDGenerator()
        let backend: any IncidentBackend
        var sessionRegion = region ?? "us-east-1"
        if endpointURL != nil || profile != nil {
            // The remote service keeps its own clock and identifiers; the
            // channel's timeout bounds each call.
            do {
                let remote = try RemoteBackend.resolve(endpointURL: endpointURL, profile: profile, region: region,
                                                       timeout: .seconds(Int(configuration.timeout.rounded(.up))))
                sessionRegion = region ?? remote.region
                backend = remote
            } catch {
                throw ExitFailure(message: "\(error)", code: ExitCode.configurationInvalid)
            }
        } else {
            backend = try storeOptions.makeBackend(clock: wallClock, ids: ids)
        }
        let settings = SessionSettings(user: userName, accountId: storeOptions.accountId, region: sessionRegion, output: output,
                                       colors: colors, width: nil)
        let session: Session
        do {
            session = try Session(backend: backend, settings: settings, channel: configuration, clock: clock, sink: sink)
        } catch {
            throw ExitFailure(message: "cannot open the channel's command log: \(error)", code: ExitCode.configurationInvalid)
        }
        if let notifications {
            if !FileManager.default.fileExists(atPath: notifications) {
                _ = FileManager.default.createFile(atPath: notifications, contents: nil)
            }
            guard let handle = FileHandle(forWritingAtPath: notifications) else {
                throw ExitFailure(message: "cannot write notifications to \(notifications)", code: ExitCode.configurationInvalid)
            }
            handle.seekToEndOfFile()
            session.notificationOutput = { handle.write(Data($0.utf8)) }
        }
        if !configuration.webhooks.isEmpty {
            let record = configuration.failedDeliveriesPath
            session.webhookTransport = WebhookDeliverer(channel: configuration) { failure in
                printError("warning: the notification \(failure.summary); recorded in \(record)\n")
            }
        }
        session.outboxDelivery = ContactRelay.of(channel: configuration, backend: backend) { line in
            printError("warning: \(line)\n")
        }
        return session
    }

    static func parseTime(_ text: String) -> Date? {
        if let date = ISO8601.parse(text) { return date }
        return Double(text).map { Date(timeIntervalSince1970: $0) }
    }
}

extension OutputFormat: ExpressibleByArgument {}

/// Reads a channel file for a command: a bad file is a configuration error
/// (253) showing the place; the role's warnings are printed once.
func loadChannelFile(_ path: String) throws -> ChannelConfiguration {
    let configuration: ChannelConfiguration
    do {
        configuration = try ChannelConfiguration.load(path: path)
    } catch {
        throw ExitFailure(message: "\n" + error.rendered(colors: colorsAllowed(fileDescriptor: 2)), code: ExitCode.configurationInvalid)
    }
    for warning in configuration.roleWarnings { printError(warning + "\n") }
    return configuration
}
