import JSON
import Catalog
import Channel
import Connectors
import Foundation
import Interpreter
import Logging
import Testing

/// The Events API responder over the slash commands' harness (its backend
/// and incident), in a channel that names its Slack channel, with a fake
/// Slack Web API.
final class EventsHarness {
    static let secret = "slack-events-secret"
    static let channelId = "C0OPS"
    static let appUser = "U0APP"
    let base: SlackHarness
    let slack: FakeSlackPoster
    let deliverer: WebhookDeliverer
    let responder: SlackEventsResponder
    let failures: String
    let now = Date(timeIntervalSince1970: 1_795_514_400)
    private var serial = 0

    /// `base`: another harness's backend and incident (a server started again on the same store).
    init(rateLimited: Int = 0, channelId: String? = EventsHarness.channelId, token: Bool = true, base: SlackHarness? = nil) throws {
        self.base = base ?? SlackHarness()
        slack = FakeSlackPoster(names: ["U0ALICE": "alice", "U0MAL": "mallory"], rateLimited: rateLimited)
        failures = try temporaryDirectory() + "/failures.jsonl"
        var channel = ChannelConfiguration(workspace: "acme", channel: "ops", members: ["alice", "bob"])
        channel.slack = SlackSettings(channelId: channelId, users: ["U0BOB": "bob"])
        deliverer = WebhookDeliverer(policy: WebhookDeliveryTests.quick, channel: channel.displayName,
                                     failures: DeliveryFailureLog(path: failures), poster: slack)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let api = token ? SlackWebAPI(token: "xoxb-test", baseURL: "https://slack.example/api/", deliverer: deliverer, logger: logger) : nil
        let now = self.now
        responder = SlackEventsResponder(signature: SlackSignature(secret: Self.secret), channel: channel, backend: self.base.backend,
                                         settings: SessionSettings(user: "slack"), api: api, notifications: deliverer,
                                         remember: 100, logger: logger, now: { now })
    }

    /// An event callback's body.
    func body(_ text: String, user: String = "U0ALICE", type: String = "app_mention", channel: String = EventsHarness.channelId,
              eventId: String? = nil, ts: String? = nil, threadTs: String? = nil, extra: [(key: String, value: JSON)] = []) -> [UInt8] {
        serial += 1
        var event: [(key: String, value: JSON)] = [("type", .string(type)), ("user", .string(user)), ("text", .string(text)),
                                           ("ts", .string(ts ?? "1795514400.\(String(format: "%06d", serial))")),
                                           ("channel", .string(channel))]
        if let threadTs { event.append(("thread_ts", .string(threadTs))) }
        event += extra
        let callback: JSON = .object([
            ("token", .string("legacy")), ("team_id", .string("T0ACME")), ("api_app_id", .string("A0APP")),
            ("event", .object(event)), ("type", .string("event_callback")),
            ("event_id", .string(eventId ?? "Ev\(serial)")), ("event_time", .integer(1_795_514_400)),
            ("authorizations", .array([.object([("team_id", .string("T0ACME")), ("user_id", .string(Self.appUser)),
                                                ("is_bot", .bool(true))])])),
        ])
        return Array(callback.compact.utf8)
    }

    /// Sends a body signed at `at` (default: now) with `secret`.
    @discardableResult
    func send(_ body: [UInt8], secret: String = EventsHarness.secret, at: Date? = nil, retryNum: String? = nil) -> SlackEventsResponder.Answer {
        let timestamp = String(Int((at ?? now).timeIntervalSince1970))
        let signature = SlackSignature(secret: secret).sign(timestamp: timestamp, body: body)
        return responder.respond(timestamp: timestamp, signature: signature, retryNum: retryNum, body: body)
    }

    /// Sends and waits for what it started.
    @discardableResult
    func mention(_ text: String, user: String = "U0ALICE", ts: String? = nil) async -> SlackEventsResponder.Answer {
        let answer = send(body("<@\(Self.appUser)> " + text, user: user, ts: ts))
        await responder.flush()
        return answer
    }

    var addEvent: String {
        "ssm-incidents create-timeline-event --incident-record-arn \(base.incidentArn) --event-time 2026-11-24T10:00:00Z "
            + "--event-type 'Custom Event' --event-data '\"from Slack\"'"
    }
}

@Suite("Slack Events API")
struct SlackEventsTests {
    @Test func urlVerificationAnswersTheChallengeWhenSigned() throws {
        let h = try EventsHarness()
        let body = Array(#"{"token":"t","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}"#.utf8)
        let answer = h.send(body)
        #expect(answer.status == 200 && answer.contentType.hasPrefix("application/json"))
        #expect(answer.body == #"{"challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}"#)
        #expect(h.send(body, secret: "a-guess").status == 401)
        #expect(h.responder.respond(timestamp: nil, signature: nil, body: body).status == 401)
    }

    @Test func aMentionIsAnsweredInItsThread() async throws {
        let h = try EventsHarness()
        try await h.base.setUp()
        let answer = await h.mention("ssm-incidents get-incident-record --arn \(h.base.incidentArn) --query incidentRecord.title",
                                     ts: "1795514400.000100")
        #expect(answer.status == 200 && answer.outcome == "run" && answer.body.isEmpty)
        let posted = h.slack.calls("chat.postMessage")
        #expect(posted.count == 1)
        #expect(posted.first?.member("channel") == EventsHarness.channelId)
        #expect(posted.first?.member("thread_ts") == "1795514400.000100")
        #expect(posted.first?.member("text") == "```\n\"DB down\"\n```")
        #expect(posted.first?.authorization == "Bearer xoxb-test")
        #expect(h.slack.calls("chat.postEphemeral").isEmpty)
        // A mention inside a thread is answered in that thread.
        _ = h.send(h.body("<@U0APP> ssm-incidents list-incident-records --query 'length(incidentRecordSummaries)'",
                          ts: "1795514400.000300", threadTs: "1795514400.000100"))
        await h.responder.flush()
        #expect(h.slack.calls("chat.postMessage").last?.member("thread_ts") == "1795514400.000100")
    }

    @Test func errorsAndDenialsAreForTheirAuthorAlone() async throws {
        let h = try EventsHarness()
        try await h.base.setUp()
        await h.mention("ssm-incidents list-incident-recrods")
        await h.mention("ssm-incidents list-incident-records", user: "U0MAL")
        let ephemeral = h.slack.calls("chat.postEphemeral")
        #expect(ephemeral.count == 2)
        #expect(ephemeral.first?.member("user") == "U0ALICE" && ephemeral.first?.member("text")?.contains("list-incident-records") == true)
        // mallory (found with users.info) is not a member.
        #expect(ephemeral.last?.member("user") == "U0MAL" && ephemeral.last?.member("text")?.contains("not a member") == true)
        #expect(h.slack.calls("chat.postMessage").isEmpty)
    }

    @Test func aRetriedEventRunsOnce() async throws {
        let h = try EventsHarness()
        try await h.base.setUp()
        let before = try await h.base.eventCount()
        let body = h.body("<@U0APP> " + h.addEvent, eventId: "Ev0RETRY", ts: "1795514400.777777")
        #expect(h.send(body).outcome == "run")
        #expect(h.send(body, retryNum: "1").outcome == "retry")
        #expect(h.send(body, retryNum: "2").outcome == "retry")
        // The same message as a `message` event (an app subscribed to both) is the same command.
        let same = h.body("<@U0APP> " + h.addEvent, type: "message", eventId: "Ev0OTHER", ts: "1795514400.777777")
        #expect(h.send(same).outcome == "retry")
        await h.responder.flush()
        #expect(try await h.base.eventCount() == before + 1)
        #expect(h.slack.calls("chat.postMessage").count == 1)
    }

    @Test func forgedAndStaleRequestsRunNothing() async throws {
        let h = try EventsHarness()
        try await h.base.setUp()
        let before = try await h.base.eventCount()
        let forged = h.send(h.body("<@U0APP> " + h.addEvent), secret: "a-guessed-secret")
        #expect(forged.status == 401 && forged.body.contains("does not match"))
        let stale = h.send(h.body("<@U0APP> " + h.addEvent), at: h.now.addingTimeInterval(-600))
        #expect(stale.status == 401 && stale.body.contains("seconds away from now"))
        let body = h.body("<@U0APP> " + h.addEvent)
        let timestamp = String(Int(h.now.timeIntervalSince1970))
        let good = SlackSignature(secret: EventsHarness.secret).sign(timestamp: timestamp, body: body)
        let tampered = Array(String(decoding: body, as: UTF8.self).replacingOccurrences(of: "from Slack", with: "from Mallory").utf8)
        #expect(h.responder.respond(timestamp: timestamp, signature: good, body: tampered).status == 401)
        await h.responder.flush()
        #expect(try await h.base.eventCount() == before)
        #expect(h.slack.calls.isEmpty)
    }

    @Test func botsOtherChannelsAndBadEventsAreIgnored() async throws {
        let h = try EventsHarness()
        try await h.base.setUp()
        let before = try await h.base.eventCount()
        let cases: [(String, [UInt8])] = [
            ("a bot", h.body("<@U0APP> " + h.addEvent, type: "message", extra: [("bot_id", .string("B0OTHER"))])),
            ("the app itself", h.body("<@U0APP> " + h.addEvent, user: EventsHarness.appUser, type: "message")),
            ("an edit", h.body("<@U0APP> " + h.addEvent, type: "message", extra: [("subtype", .string("message_changed"))])),
            ("another channel", h.body("<@U0APP> " + h.addEvent, channel: "C0ELSEWHERE")),
            ("too long", h.body("<@U0APP> " + h.addEvent + " " + String(repeating: "x", count: 40_000))),
            ("no user", h.body("<@U0APP> " + h.addEvent, user: "")),
            ("chatter", h.body("the database is down again", type: "message")),
            ("another bot's mention", h.body("<@U0OTHER> " + h.addEvent, type: "message")),
        ]
        for (name, body) in cases {
            let answer = h.send(body)
            #expect(answer.status == 200 && answer.outcome.hasPrefix("ignored: "), "\(name): \(answer.outcome)")
        }
        #expect(h.send(Array("{not json".utf8)).status == 400)
        #expect(h.send(Array(#"{"type":"event_callback","event":{"type":"message"}}"#.utf8)).status == 400)
        await h.responder.flush()
        #expect(try await h.base.eventCount() == before)
        #expect(h.slack.calls.isEmpty)

        // A channel file that names no Slack channel runs no event.
        let unmapped = try EventsHarness(channelId: nil)
        try await unmapped.base.setUp()
        #expect(unmapped.send(unmapped.body("<@U0APP> " + unmapped.addEvent)).outcome.contains("names no Slack channel"))
    }

    @Test func slackUsersBecomeMembers() async throws {
        let h = try EventsHarness()
        try await h.base.setUp()
        // bob is mapped in the channel file; alice is looked up once, then cached.
        await h.mention(h.addEvent, user: "U0BOB")
        await h.mention(h.addEvent, user: "U0ALICE")
        await h.mention("ssm-incidents list-incident-records", user: "U0ALICE")
        #expect(h.slack.calls("users.info").map(\.body) == ["user=U0ALICE"])
        #expect(await h.responder.users.lookups == 1)
        let sink = TranscriptSink()
        let admin = try Session(backend: h.base.backend, settings: SessionSettings(user: "admin"), sink: sink)
        await admin.runMessage("@aws ssm-incidents list-timeline-events --incident-record-arn \(h.base.incidentArn) --query 'eventSummaries[?eventType==`Custom Event`] | length(@)' --output text", origin: .chat)
        #expect(sink.transcript.trimmingCharacters(in: .whitespacesAndNewlines) == "2")
        #expect(h.slack.calls("chat.postMessage").count == 3)
    }

    @Test func aRateLimitIsWaitedOut() async throws {
        let h = try EventsHarness(rateLimited: 1)
        try await h.base.setUp()
        await h.mention("ssm-incidents list-incident-records --query 'length(incidentRecordSummaries)'", user: "U0BOB")
        let posted = h.slack.calls("chat.postMessage")
        #expect(posted.count == 2 && posted[0].body == posted[1].body)
        #expect(!FileManager.default.fileExists(atPath: h.failures))
    }

    @Test func anAPIThatIsDownLeavesTheCommandRunAndTheReplyRecorded() async throws {
        let h = try EventsHarness()
        try await h.base.setUp()
        let before = try await h.base.eventCount()
        h.slack.down = true
        await h.mention(h.addEvent, user: "U0BOB")
        #expect(try await h.base.eventCount() == before + 1)
        let lines = try String(contentsOfFile: h.failures, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains(#""webhook":"https://slack.example/api/chat.postMessage","kind":"slack-api","attempts":3"#) == true)
        #expect(lines.first?.contains("eventId") == true)
        #expect(lines.first?.contains("xoxb-test") == false)
    }

    @Test func withoutABotTokenCommandsRunAndNothingIsPosted() async throws {
        let h = try EventsHarness(token: false)
        try await h.base.setUp()
        let before = try await h.base.eventCount()
        await h.mention(h.addEvent, user: "U0BOB")
        #expect(try await h.base.eventCount() == before + 1)
        #expect(h.slack.calls.isEmpty)
    }
}

extension SlackEventsTests {
    func reaction(_ h: EventsHarness, added: Bool, ts: String, user: String = "U0BOB", reaction: String = "pushpin",
                  channel: String = EventsHarness.channelId) -> [UInt8] {
        h.body("", user: user, type: added ? "reaction_added" : "reaction_removed",
               extra: [("reaction", .string(reaction)), ("item_user", .string("U0ALICE")),
                       ("item", .object([("type", .string("message")), ("channel", .string(channel)), ("ts", .string(ts))]))])
    }

    /// The incident's Notes: their data.
    func notes(_ h: EventsHarness) async throws -> [String] {
        let sink = TranscriptSink()
        let admin = try Session(backend: h.base.backend, settings: SessionSettings(user: "admin"), sink: sink)
        await admin.runMessage("@aws ssm-incidents list-timeline-events --incident-record-arn \(h.base.incidentArn) --filters '[{\"key\":\"eventType\",\"condition\":{\"equals\":{\"stringValues\":[\"Note\"]}}}]' --query 'eventSummaries[].eventTime' --output text", origin: .chat)
        return sink.transcript.split(whereSeparator: { $0 == "\n" || $0 == "\t" }).map(String.init)
    }

    @Test func aPushpinPutsTheMessageOnTheTimelineOnce() async throws {
        let h = try EventsHarness()
        try await h.base.setUp()
        h.slack.messages["1795514300.000200"] = ("U0ALICE", "Primary is at 100% CPU &amp; climbing")
        #expect(h.send(reaction(h, added: true, ts: "1795514300.000200")).outcome == "pin")
        await h.responder.flush()
        // Pinned twice (another 📌, and a Slack pin that carries the message): still one Note.
        h.send(reaction(h, added: true, ts: "1795514300.000200", user: "U0ALICE"))
        h.send(h.body("", user: "U0BOB", type: "pin_added", extra: [("channel_id", .string(EventsHarness.channelId)),
            ("item", .object([("type", .string("message")), ("channel", .string(EventsHarness.channelId)),
                              ("message", .object([("user", .string("U0ALICE")), ("text", .string("Primary is at 100%")), ("ts", .string("1795514300.000200"))]))]))]))
        await h.responder.flush()
        let times = try await notes(h)
        #expect(times.count == 1)
        // The message's own time.
        #expect(times.first?.hasPrefix("2026-11-24T09:58:20") == true, "\(times)")
        #expect(h.slack.calls("conversations.history").count == 1)
        #expect(h.slack.calls("chat.postEphemeral").isEmpty)
        // The author's name and the text, Slack's escapes decoded, are the Note's data.
        let sink = TranscriptSink()
        let admin = try Session(backend: h.base.backend, settings: SessionSettings(user: "admin"), sink: sink)
        await admin.runMessage("@aws ssm-incidents list-timeline-events --incident-record-arn \(h.base.incidentArn) --query \"eventSummaries[?eventType=='Note'].eventId\" --output text", origin: .chat)
        let id = sink.transcript.trimmingCharacters(in: .whitespacesAndNewlines)
        await admin.runMessage("@aws ssm-incidents get-timeline-event --incident-record-arn \(h.base.incidentArn) --event-id \(id) --query event.eventData --output text", origin: .chat)
        #expect(sink.transcript.contains(#"alice: Primary is at 100% CPU & climbing"#), "\(sink.transcript)")

        // Taking the pins off: the Note goes with the last of them.
        h.send(reaction(h, added: false, ts: "1795514300.000200"))
        h.send(reaction(h, added: false, ts: "1795514300.000200", user: "U0ALICE"))
        await h.responder.flush()
        #expect(try await notes(h).count == 1)
        h.send(h.body("", user: "U0BOB", type: "pin_removed", extra: [("channel_id", .string(EventsHarness.channelId)),
            ("item", .object([("type", .string("message")), ("channel", .string(EventsHarness.channelId)),
                              ("message", .object([("user", .string("U0ALICE")), ("text", .string("x")), ("ts", .string("1795514300.000200"))]))]))]))
        await h.responder.flush()
        #expect(try await notes(h).isEmpty)
    }

    /// The pin is kept in the store: a responder started again on it takes the Note off on the unpin.
    @Test func anUnpinAfterARestartRemovesTheNote() async throws {
        let h = try EventsHarness()
        try await h.base.setUp()
        h.slack.messages["1795514300.000400"] = ("U0ALICE", "Failover done")
        h.send(reaction(h, added: true, ts: "1795514300.000400"))
        await h.responder.flush()
        #expect(try await notes(h).count == 1)
        let restarted = try EventsHarness(base: h.base)
        restarted.slack.messages = h.slack.messages
        restarted.send(reaction(restarted, added: false, ts: "1795514300.000400", user: "U0ALICE"))
        await restarted.responder.flush()
        #expect(try await notes(h).count == 1, "alice had not pinned it")
        restarted.send(reaction(restarted, added: false, ts: "1795514300.000400"))
        await restarted.responder.flush()
        #expect(try await notes(h).isEmpty)
        // Pinned again after the restart: one Note again.
        restarted.send(reaction(restarted, added: true, ts: "1795514300.000400"))
        await restarted.responder.flush()
        #expect(try await notes(h).count == 1)
    }

    @Test func otherReactionsAndChannelsPinNothing() async throws {
        let h = try EventsHarness()
        try await h.base.setUp()
        h.slack.messages["1795514300.000300"] = ("U0ALICE", "x")
        #expect(h.send(reaction(h, added: true, ts: "1795514300.000300", reaction: "eyes")).outcome.hasPrefix("ignored"))
        #expect(h.send(reaction(h, added: true, ts: "1795514300.000300", channel: "C0ELSEWHERE")).outcome.hasPrefix("ignored"))
        #expect(h.send(reaction(h, added: true, ts: "1795514300.000300", user: EventsHarness.appUser)).outcome.hasPrefix("ignored"))
        // A message Slack does not return: told to the pinner, nothing pinned.
        #expect(h.send(reaction(h, added: true, ts: "1795514300.000999")).outcome == "pin")
        await h.responder.flush()
        #expect(try await notes(h).isEmpty)
        #expect(h.slack.calls("chat.postEphemeral").first?.member("text")?.contains("could not be read") == true)
    }
}

@Suite("Slack events: which messages are commands")
struct SlackEventCommandTests {
    func event(_ text: String, type: String = "message") -> SlackEvent {
        SlackEvent(eventId: "Ev1", type: type, channel: "C1", user: "U1", text: text, ts: "1.2", appUserId: "U0APP")
    }

    @Test func messagesThatStartWithAMention() throws {
        #expect(try event("<@U0APP> ssm-incidents list-incident-records").command().get() == "<@U0APP> ssm-incidents list-incident-records")
        #expect(try event("  @aws ssm-incidents list-incident-records").command().get() == "@aws ssm-incidents list-incident-records")
        #expect(try event("`@Amazon Q ssm-incidents list-incident-records`").command().get() == "`@Amazon Q ssm-incidents list-incident-records`")
        #expect(try event("@q ssm-incidents list-incident-records").command().get() == "@q ssm-incidents list-incident-records")
        #expect(event("@awsome news").command() == .failure(.notForTheApp))
        #expect(event("aws is down").command() == .failure(.notForTheApp))
        #expect(event("ping <@U0APP> ssm-incidents x").command() == .failure(.notForTheApp))
        // An app_mention starts at the app's mention.
        #expect(try event("ping <@U0APP> ssm-incidents x", type: "app_mention").command().get() == "<@U0APP> ssm-incidents x")
        #expect(event("x", type: "reaction_added").command() == .failure(.notAMessage("reaction_added")))
        var thread = event("<@U0APP> x")
        thread.threadTs = "1.0"
        #expect(thread.replyThread == "1.0" && event("x").replyThread == "1.2")
        #expect(event(String(repeating: "a", count: 39_999)).command() == .failure(.notForTheApp))
        #expect(event("@aws " + String(repeating: "a", count: 39_995)).command() == .failure(.tooLong(40_000)))
    }

    @Test func recentKeysAreBounded() {
        let keys = RecentKeys(capacity: 3)
        #expect(keys.insert("a") && keys.insert("b") && keys.insert("c"))
        #expect(!keys.insert("a"))
        #expect(keys.insert("d"))
        #expect(keys.count == 3)
        #expect(keys.insert("a"))   // forgotten: the oldest went first
        #expect(!keys.insert("d") && !keys.insert("c"))
    }
}
