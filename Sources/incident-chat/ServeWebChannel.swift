import Backend
import Channel
import Foundation
import Interpreter
import Logging
import Server
import WebChannel

extension ServeCommand {
    /// The channel of the channel file `channel` (read as `chat`) in a browser, at `GET /`.
    func makeWebChannel(_ chat: ChannelConfiguration, backend: any IncidentBackend, webhookTransport: (any WebhookTransport)?,
                        logger: Logger) async throws -> WebChannelRoutes {
        let channel = self.channel ?? ""
        if let members = chat.members {
            let without = members.filter { chat.passwords[$0] == nil }
            if !without.isEmpty {
                printError("incident-chat serve: \(without.joined(separator: ", ")) cannot sign in to the channel page until "
                    + "incident-chat channel passwd \(channel) NAME sets a password\n")
            }
        }
        let loopback = ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.")
        if chat.members == nil && !loopback {
            printError("incident-chat serve: \(channel) has no members, so its page lets nobody sign in on \(host) (names are picked only on loopback)\n")
        }
        let settings = SessionSettings(user: "web", accountId: storeOptions.accountId, region: chat.region)
        let web: WebChannel
        do {
            web = try await WebChannel(configuration: chat, backend: backend, settings: settings, loopback: loopback,
                                       webhookTransport: webhookTransport, logger: logger)
        } catch {
            throw ExitFailure(message: "cannot read the channel's conversation from the store: \(error.message)", code: ExitCode.configurationInvalid)
        }
        return WebChannelRoutes(channel: web)
    }
}
