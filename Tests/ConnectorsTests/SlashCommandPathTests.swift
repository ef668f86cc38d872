import Backend
import Channel
import Connectors
import Foundation
import Interpreter
import Logging
import MemoryBackend
import Testing

/// What a Slack user is told never shows a path of the server's machine.
@Suite("Slack slash commands: no server paths")
struct SlashCommandPathTests {
    static let secret = "slack-test-secret"

    /// Collects what the responder logs.
    final class Recorder: LogHandler, @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            lock.withLock { lines.append("\(event.level) \(event.message) \(all)") }
        }
        var logged: [String] { lock.withLock { lines } }
    }

    func answer(_ text: String, channel: ChannelConfiguration, recorder: Recorder) async -> SlashCommandResponder.Answer {
        let now = Date(timeIntervalSince1970: 1_795_514_400)
        let responder = SlashCommandResponder(signature: SlackSignature(secret: Self.secret), channel: channel,
                                              backend: MemoryBackend(), settings: SessionSettings(user: "slack"), deliverer: nil,
                                              logger: Logger(label: "test") { _ in recorder }, now: { now })
        let escaped = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
        let body = Array("team_domain=acme&channel_name=ops&user_id=U1&user_name=alice&command=%2Faws&text=\(escaped)".utf8)
        let timestamp = String(Int(now.timeIntervalSince1970))
        return await responder.respond(timestamp: timestamp, signature: SlackSignature(secret: Self.secret).sign(timestamp: timestamp, body: body),
                                       body: body)
    }

    @Test func aLogThatCannotBeOpenedIsTheOperatorsToKnow() async throws {
        let path = "/nonexistent-\(UUID().uuidString)/ops.log.jsonl"
        let channel = ChannelConfiguration(workspace: "acme", channel: "ops", logging: true, log: path)
        let recorder = Recorder()
        let reply = try #require(await answer("ssm-incidents list-incident-records", channel: channel, recorder: recorder).reply)
        #expect(reply.visibility == .ephemeral)
        #expect(reply.text.contains("command log cannot be opened"), "\(reply.text)")
        #expect(!reply.text.contains(path) && !reply.text.contains("/nonexistent-"), "\(reply.text)")
        #expect(recorder.logged.contains { $0.contains(path) }, "\(recorder.logged)")
    }

    @Test func aLogThatCannotBeWrittenIsTheOperatorsToKnow() async throws {
        // Every write to /dev/full fails.
        let channel = ChannelConfiguration(workspace: "acme", channel: "ops", logging: true, log: "/dev/full")
        let recorder = Recorder()
        let reply = try #require(await answer("ssm-incidents list-incident-records", channel: channel, recorder: recorder).reply)
        #expect(!reply.text.contains("/dev/full"), "\(reply.text)")
        #expect(reply.text.contains("could not be written to the channel's command log"), "\(reply.text)")
        #expect(recorder.logged.contains { $0.contains("/dev/full") }, "\(recorder.logged)")
    }

    @Test func chatReadsNoEnvironment() async throws {
        let reply = try #require(await answer("ssm-incidents get-incident-record --arn ${PATH}", channel: .local, recorder: Recorder()).reply)
        #expect(reply.text.contains("a message from a chat channel cannot read environment variables"), "\(reply.text)")
        #expect(!reply.text.contains("is not set"))
    }
}
