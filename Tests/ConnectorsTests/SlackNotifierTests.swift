import Channel
import Connectors
import Foundation
import Interpreter
import Logging
import MemoryBackend
import Testing

@Suite("Notifications through Slack's Web API")
struct SlackNotifierTests {
    /// A channel with a Slack incoming webhook and a Teams workflow webhook, whose topic lets Incident Manager publish.
    static let channel = ChannelConfiguration(workspace: "acme", channel: "ops", webhooks: [
        Webhook(kind: .slack, url: "https://hooks.slack.example/x"), Webhook(kind: .teams, url: "https://teams.example/workflows/1"),
    ])

    func delivery(_ incident: String, _ title: String) throws -> Delivery {
        let n = IncidentNotification.summaryChanged(incidentArn: incident, title: title, summary: title,
                                                    time: Date(timeIntervalSince1970: 1_795_514_400))
        return try #require(NotificationPublisher(Self.channel).publish(n).deliveries.first)
    }

    /// The issue's load: 1,000 notifications across 50 incidents, each incident's in the order published.
    @Test func aThousandNotificationsAcrossFiftyIncidentsStayInOrder() async throws {
        let slack = FakeSlackPoster()
        let deliverer = WebhookDeliverer(policy: WebhookDeliveryTests.quick, channel: "slack:acme/#ops", failures: nil, poster: slack)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let notifier = SlackNotifier(api: SlackWebAPI(token: "xoxb-t", baseURL: "https://slack.example/api", deliverer: deliverer, logger: logger),
                                     channelId: "C0OPS", deliverer: deliverer)
        let channel = ChannelConfiguration(workspace: "acme", channel: "ops")
        for i in 0..<1000 {
            let n = IncidentNotification.summaryChanged(incidentArn: "arn:aws:ssm-incidents::111122223333:incident-record/db/\(i % 50)",
                                                        title: "n\(i)", summary: "n\(i)", time: Date(timeIntervalSince1970: 1_795_514_400))
            await notifier.enqueue(try #require(NotificationPublisher(channel).publish(n).deliveries.first))
        }
        await notifier.flush()
        let posted = slack.calls("chat.postMessage").compactMap { $0.member("text") }
        #expect(posted.count == 1000)
        for incident in 0..<50 {
            let mine = posted.filter { $0.hasSuffix("/db/\(incident))") }.map { $0.components(separatedBy: ": n")[1].components(separatedBy: " ")[0] }
            #expect(mine == stride(from: incident, to: 1000, by: 50).map(String.init), "incident \(incident)")
        }
    }

    @Test func oneThreadPerIncidentInOrder() async throws {
        let slack = FakeSlackPoster()
        let deliverer = WebhookDeliverer(policy: WebhookDeliveryTests.quick, channel: "slack:acme/#ops", failures: nil, poster: slack)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let notifier = SlackNotifier(api: SlackWebAPI(token: "xoxb-t", baseURL: "https://slack.example/api", deliverer: deliverer, logger: logger),
                                     channelId: "C0OPS", deliverer: deliverer)
        let (a, b) = ("arn:aws:ssm-incidents::111122223333:incident-record/db/a", "arn:aws:ssm-incidents::111122223333:incident-record/db/b")
        for i in 1...3 {
            await notifier.enqueue(try delivery(a, "a\(i)"))
            await notifier.enqueue(try delivery(b, "b\(i)"))
        }
        await notifier.flush()
        let posted = slack.calls("chat.postMessage")
        #expect(posted.count == 6)
        func thread(_ prefix: String) -> [(text: String, thread: String?)] {
            posted.filter { $0.member("text")?.hasPrefix("Summary updated: \(prefix)") == true }
                .map { ($0.member("text") ?? "", $0.member("thread_ts")) }
        }
        let first = try #require(await notifier.thread(of: a))
        #expect(thread("a").map { String($0.text.prefix(19)) } == ["Summary updated: a1", "Summary updated: a2", "Summary updated: a3"])
        #expect(thread("a").map(\.thread) == [nil, first, first])
        let second = try #require(await notifier.thread(of: b))
        #expect(second != first && thread("b").map(\.thread) == [nil, second, second])
        #expect(posted.allSatisfy { $0.member("channel") == "C0OPS" && $0.body.contains(#""blocks":[{"type":"header""#) })
        // The Slack incoming webhook is replaced by the API; Teams still gets its cards.
        let others = slack.calls.filter { !$0.method.hasPrefix("chat.") }
        #expect(others.count == 6 && others.allSatisfy { $0.method == "1" && $0.body.contains("AdaptiveCard") })
    }

    /// Threads are kept in the store: a notifier started again on it replies in the same thread; at most `capacity` are kept.
    @Test func threadsOutliveARestartBounded() async throws {
        let slack = FakeSlackPoster()
        let deliverer = WebhookDeliverer(policy: WebhookDeliveryTests.quick, channel: "slack:acme/#ops", failures: nil, poster: slack)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let store = MemoryBackend()
        func notifier() -> SlackNotifier {
            SlackNotifier(api: SlackWebAPI(token: "xoxb-t", baseURL: "https://slack.example/api", deliverer: deliverer, logger: logger),
                          channelId: "C0OPS", deliverer: deliverer, store: store, account: "111122223333", capacity: 2, logger: logger)
        }
        let arn = { (name: String) in "arn:aws:ssm-incidents::111122223333:incident-record/db/\(name)" }
        let first = notifier()
        await first.enqueue(try delivery(arn("a"), "a1"))
        await first.flush()
        let thread = try #require(await first.thread(of: arn("a")))
        let again = notifier()
        await again.enqueue(try delivery(arn("a"), "a2"))
        await again.flush()
        #expect(slack.calls("chat.postMessage").last?.member("thread_ts") == thread)
        // Two more incidents: the oldest thread (a's) is forgotten, in the store too.
        await again.enqueue(try delivery(arn("b"), "b1"))
        await again.flush()
        await again.enqueue(try delivery(arn("c"), "c1"))
        await again.flush()
        #expect(try await store.channelData(kind: "slack-threads:C0OPS", account: "111122223333").keys.sorted() == [arn("b"), arn("c")])
        let third = notifier()
        #expect(await third.thread(of: arn("a")) == nil)
        #expect(await third.thread(of: arn("c")) != nil)
        // A record the notifier did not write is dropped, not trusted.
        try await store.setChannelData(kind: "slack-threads:C0OPS", account: "111122223333", key: arn("d"), value: "garbage")
        #expect(await notifier().thread(of: arn("d")) == nil)
        #expect(try await store.channelData(kind: "slack-threads:C0OPS", account: "111122223333")[arn("d")] == nil)
    }

    /// With a bot token and a channel ID, notifications go through the API even when the channel file names no webhook.
    @Test func withoutWebhooksNotificationsStillGoThroughTheAPI() async throws {
        let h = try EventsHarness()
        try await h.base.setUp()
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let api = SlackWebAPI(token: "xoxb-test", baseURL: "https://slack.example/api", deliverer: h.deliverer, logger: logger)
        let notifier = SlackNotifier(api: api, channelId: EventsHarness.channelId, deliverer: h.deliverer)
        var channel = ChannelConfiguration(workspace: "acme", channel: "ops", members: ["alice", "bob"])
        channel.slack = SlackSettings(channelId: EventsHarness.channelId, users: ["U0BOB": "bob"])
        #expect(channel.webhooks.isEmpty)
        let now = h.now
        let responder = SlackEventsResponder(signature: SlackSignature(secret: EventsHarness.secret), channel: channel, backend: h.base.backend,
                                             settings: SessionSettings(user: "slack"), api: api, notifications: notifier,
                                             logger: logger, now: { now })
        #expect(responder.receive(h.body("<@U0APP> " + h.addEvent, user: "U0BOB")).outcome == "run")
        await responder.flush()
        await notifier.flush()
        let notified = h.slack.calls("chat.postMessage").filter { $0.member("text")?.hasPrefix("Timeline event added") == true }
        #expect(notified.count == 1 && notified.first?.member("channel") == EventsHarness.channelId, "\(h.slack.calls)")
    }
}
