import Backend
import Catalog
import Channel
import Connectors
import Foundation
import Interpreter
import Logging
import MemoryBackend
import Testing

/// A responder over an in-memory backend whose incident `db` notifies the
/// default channel's topic, with a Slack and a Chime webhook.
final class SlackHarness {
    static let secret = "slack-test-secret"
    let backend: SlowBackend
    let poster = ScriptedPoster()
    let deliverer: WebhookDeliverer
    let responder: SlashCommandResponder
    let now = Date(timeIntervalSince1970: 1_795_514_400)
    private(set) var incidentArn = ""

    init(members: [String]? = nil, acknowledgeAfter: Duration = .seconds(30)) {
        backend = SlowBackend()
        let channel = ChannelConfiguration(workspace: "acme", channel: "ops", members: members,
                                           webhooks: [Webhook(kind: .slack, url: "https://hooks.example/slack"),
                                                      Webhook(kind: .chime, url: "https://hooks.example/chime")])
        deliverer = WebhookDeliverer(policy: WebhookDeliveryTests.quick, channel: channel.displayName, failures: nil, poster: poster)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let now = self.now
        responder = SlashCommandResponder(signature: SlackSignature(secret: Self.secret), channel: channel, backend: backend,
                                          settings: SessionSettings(user: "slack"), deliverer: deliverer,
                                          acknowledgeAfter: acknowledgeAfter, logger: logger, now: { now })
    }

    /// Sets up the incident through a terminal session (whose channel may do anything).
    func setUp() async throws {
        let sink = TranscriptSink()
        let admin = try Session(backend: backend, settings: SessionSettings(user: "admin"), sink: sink)
        admin.notificationOutput = { _ in }
        for line in [
            "@aws ssm-incidents create-replication-set --regions us-east-1={}",
            #"@aws ssm-incidents create-response-plan --name db --incident-template '{"title":"DB down","impact":2}' --chat-channel '{"chatbotSns":["arn:aws:sns:us-east-1:111122223333:incident-chat"]}'"#,
            "@aws ssm-incidents start-incident --response-plan-arn arn:aws:ssm-incidents::111122223333:response-plan/db --query incidentRecordArn --output text",
        ] {
            #expect(await admin.runMessage(line, origin: .chat) == .ok, "\(sink.transcript)")
        }
        incidentArn = String(sink.transcript.split(separator: "\n").last ?? "")
        #expect(incidentArn.hasPrefix("arn:aws:ssm-incidents::111122223333:incident-record/db/"))
    }

    func form(_ text: String, user: String = "alice", responseURL: String? = nil) -> [UInt8] {
        func escape(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s }
        var body = "token=t&team_id=T1&team_domain=acme&channel_id=C1&channel_name=ops&user_id=U1&user_name=\(user)"
            + "&command=%2Faws&text=\(escape(text))"
        if let responseURL { body += "&response_url=\(escape(responseURL))" }
        return Array(body.utf8)
    }

    /// Sends a correctly signed slash command.
    func send(_ text: String, user: String = "alice", responseURL: String? = nil) async -> SlashCommandResponder.Answer {
        let body = form(text, user: user, responseURL: responseURL)
        let timestamp = String(Int(now.timeIntervalSince1970))
        let signature = SlackSignature(secret: Self.secret).sign(timestamp: timestamp, body: body)
        return await responder.respond(timestamp: timestamp, signature: signature, body: body)
    }

    /// How many timeline events the incident has (read past the channel).
    func eventCount() async throws -> Int {
        let sink = TranscriptSink()
        let admin = try Session(backend: backend, settings: SessionSettings(user: "admin"), sink: sink)
        await admin.runMessage("@aws ssm-incidents list-timeline-events --incident-record-arn \(incidentArn) --query 'length(eventSummaries)' --output text", origin: .chat)
        return Int(sink.transcript.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }
}

@Suite("Slack slash commands")
struct SlashCommandResponderTests {
    @Test func aSignedCommandRunsAndAnswersInTheChannel() async throws {
        let h = SlackHarness()
        try await h.setUp()
        let answer = await h.send("ssm-incidents get-incident-record --arn \(h.incidentArn) --query incidentRecord.title")
        #expect(answer.status == 200)
        let reply = try #require(answer.reply)
        #expect(reply.visibility == .inChannel)
        #expect(reply.text == "```\n\"DB down\"\n```")
    }

    @Test func aChangeNotifiesTheWebhooks() async throws {
        let h = SlackHarness()
        try await h.setUp()
        let before = try await h.eventCount()
        let answer = await h.send(#"ssm-incidents create-timeline-event --incident-record-arn \#(h.incidentArn) --event-time 2026-11-24T10:00:00Z --event-type “Custom Event” --event-data '"Failover started"'"#)
        #expect(answer.reply?.visibility == .inChannel, "\(answer)")
        #expect(try await h.eventCount() == before + 1)
        await h.deliverer.flush()
        let sent = h.poster.sent
        #expect(sent.map(\.url).sorted() == ["https://hooks.example/chime", "https://hooks.example/slack"])
        #expect(sent.allSatisfy { $0.body.contains("Failover started") })
    }

    @Test func errorsAreForTheUserAlone() async throws {
        let h = SlackHarness(members: ["alice"])
        try await h.setUp()
        let typo = await h.send("ssm-incidents list-incident-recrods")
        #expect(typo.status == 200 && typo.reply?.visibility == .ephemeral)
        #expect(typo.reply?.text.contains("list-incident-records") == true, "did you mean: \(typo)")
        let denied = await h.send("ssm-incidents delete-response-plan --arn arn:aws:ssm-incidents::111122223333:response-plan/db")
        #expect(denied.reply?.visibility == .ephemeral && denied.reply?.text.contains("AccessDenied") == true, "\(denied)")
        let stranger = await h.send("ssm-incidents list-incident-records", user: "mallory")
        #expect(stranger.reply?.visibility == .ephemeral, "\(stranger)")
        // No files from a chat channel.
        let file = await h.send("ssm-incidents create-timeline-event --incident-record-arn \(h.incidentArn) --event-time 2026-11-24T10:00:00Z --event-type x --event-data file:///etc/passwd")
        #expect(file.reply?.visibility == .ephemeral, "\(file)")
        let help = await h.send("  ")
        #expect(help.reply?.visibility == .ephemeral && help.reply?.text.contains("/aws ssm-incidents list-incident-records") == true)
    }

    @Test func forgedAndStaleRequestsRunNothing() async throws {
        let h = SlackHarness()
        try await h.setUp()
        let before = try await h.eventCount()
        let body = h.form("ssm-incidents create-timeline-event --incident-record-arn \(h.incidentArn) --event-time 2026-11-24T10:00:00Z --event-type x --event-data forged")
        let timestamp = String(Int(h.now.timeIntervalSince1970))
        let forged = SlackSignature(secret: "guessed").sign(timestamp: timestamp, body: body)
        let refused = await h.responder.respond(timestamp: timestamp, signature: forged, body: body)
        #expect(refused.status == 401 && refused.reply == nil)
        let old = String(Int(h.now.timeIntervalSince1970) - 600)
        let stale = await h.responder.respond(timestamp: old, signature: SlackSignature(secret: SlackHarness.secret).sign(timestamp: old, body: body), body: body)
        #expect(stale.status == 401 && stale.refusal?.contains("600 seconds") == true)
        let unsigned = await h.responder.respond(timestamp: nil, signature: nil, body: body)
        #expect(unsigned.status == 401)
        #expect(try await h.eventCount() == before)
        await h.deliverer.flush()
        #expect(h.poster.sent.isEmpty)
    }

    @Test func aSlowCommandIsAcknowledgedAndAnsweredLater() async throws {
        let h = SlackHarness(acknowledgeAfter: .milliseconds(50))
        try await h.setUp()
        h.backend.slow(by: .milliseconds(300))
        let answer = await h.send("ssm-incidents list-incident-records --query 'length(incidentRecordSummaries)'",
                                  responseURL: "https://hooks.example/commands/1")
        #expect(answer.reply?.visibility == .ephemeral && answer.reply?.text.contains("Working on it") == true, "\(answer)")
        // The result follows at the response URL.
        var late: ScriptedPoster.Sent?
        for _ in 0..<200 where late == nil {
            await h.deliverer.flush()
            late = h.poster.sent.first { $0.url == "https://hooks.example/commands/1" }
            if late == nil { try await Task.sleep(for: .milliseconds(10)) }
        }
        let body = try #require(late).body
        #expect(body == #"{"replace_original":false,"response_type":"in_channel","text":"```\n1\n```"}"#)
    }
}

/// An in-memory backend whose calls can be made slow; its channel data is the memory backend's.
final class SlowBackend: IncidentBackend, ChannelDataStore, @unchecked Sendable {
    let inner = MemoryBackend()
    private let lock = NSLock()
    private var wait = Duration.zero

    func slow(by wait: Duration) { lock.withLock { self.wait = wait } }

    func send(_ request: Request, context: CallContext) async throws(ServiceError) -> Value {
        let wait = lock.withLock { self.wait }
        if wait > .zero { try? await Task.sleep(for: wait) }
        return try await inner.send(request, context: context)
    }

    func withBatch<T>(isolation: isolated (any Actor)?, _ body: (any IncidentBatch) async throws -> T) async throws -> T {
        try await inner.withBatch(isolation: isolation, body)
    }

    func channelData(kind: String, account: String) async throws(ServiceError) -> [String: String] {
        try await inner.channelData(kind: kind, account: account)
    }

    func setChannelData(kind: String, account: String, key: String, value: String?) async throws(ServiceError) {
        try await inner.setChannelData(kind: kind, account: account, key: key, value: value)
    }

    func appendChannelData(kind: String, account: String, value: @Sendable (Int) -> String) async throws(ServiceError) -> Int {
        try await inner.appendChannelData(kind: kind, account: account, value: value)
    }
}
