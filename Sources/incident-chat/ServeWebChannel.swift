import Backend
import Channel
import Foundation
import Interpreter
import Logging
import Server
import WebChannel

extension ServeCommand {
    /// The channel of the channel file at `path` (read as `chat`) in a browser.
    func makeWebChannel(_ chat: ChannelConfiguration, path: String, backend: any IncidentBackend,
                        webhookTransport: (any WebhookTransport)?, logger: Logger) async throws -> WebChannel {
        if let members = chat.members {
            let without = members.filter { chat.passwords[$0] == nil }
            if !without.isEmpty {
                printError("incident-chat serve: \(without.joined(separator: ", ")) cannot sign in to the channel page until "
                    + "incident-chat channel passwd \(path) NAME sets a password\n")
            }
        }
        let loopback = ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.")
        if chat.members == nil && !loopback {
            printError("incident-chat serve: \(path) has no members, so its page lets nobody sign in on \(host) (names are picked only on loopback)\n")
        }
        let settings = SessionSettings(user: "web", accountId: storeOptions.accountId, region: chat.region)
        do {
            return try await WebChannel(configuration: chat, backend: backend, settings: settings, loopback: loopback,
                                        webhookTransport: webhookTransport, logger: logger)
        } catch {
            throw ExitFailure(message: "cannot read the conversation of \(chat.displayName) from the store: \(error.message)",
                              code: ExitCode.configurationInvalid)
        }
    }

    /// The channel files, read once each; two files of one channel (the same
    /// platform, workspace and name) would share one conversation, so they are refused.
    func loadChannelFiles() throws -> [(path: String, configuration: ChannelConfiguration)] {
        var files: [(path: String, configuration: ChannelConfiguration)] = []
        for path in channel {
            let configuration = try loadChannelFile(path)
            if let same = files.first(where: { $0.configuration.displayName == configuration.displayName }) {
                throw ExitFailure(message: "--channel \(path) and --channel \(same.path) are both the channel \(configuration.displayName): "
                                    + "give each file its own channel name", code: ExitCode.configurationInvalid)
            }
            files.append((path, configuration))
        }
        return files
    }
}
