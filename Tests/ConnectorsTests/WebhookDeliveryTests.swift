import Channel
import Connectors
import Foundation
import RemoteBackend
import Testing

@Suite("Webhook delivery")
struct WebhookDeliveryTests {
    /// Three attempts, no waiting, so that the tests are quick.
    static let quick = WebhookRetryPolicy(backoff: RetryPolicy(maxAttempts: 3, baseDelay: .zero, maxDelay: .zero),
                                          attemptTimeout: .seconds(1))

    @Test func theRetryPolicy() {
        let policy = WebhookRetryPolicy(DeliverySettings(attempts: 4, backoff: 0.5, maxBackoff: 8, timeout: 10))
        #expect(policy.maxAttempts == 4 && policy.attemptTimeout == .seconds(10))
        #expect(policy.step(afterAttempt: 1, status: 200) == .delivered)
        #expect(policy.step(afterAttempt: 4, status: 204) == .delivered)
        // 5xx, 429 and no answer are retried, after full-jitter exponential backoff.
        #expect(policy.step(afterAttempt: 1, status: 500, random: 1) == .retry(after: .milliseconds(500)))
        #expect(policy.step(afterAttempt: 2, status: 503, random: 1) == .retry(after: .seconds(1)))
        #expect(policy.step(afterAttempt: 3, status: nil, random: 0.5) == .retry(after: .seconds(1)))
        #expect(policy.step(afterAttempt: 1, status: 429, random: 0) == .retry(after: .zero))
        // A longer Retry-After wins, up to the longest backoff.
        #expect(policy.step(afterAttempt: 1, status: 429, retryAfter: .seconds(3), random: 1) == .retry(after: .seconds(3)))
        #expect(policy.step(afterAttempt: 1, status: 429, retryAfter: .seconds(60), random: 1) == .retry(after: .seconds(8)))
        // The backoff is capped.
        #expect(policy.step(afterAttempt: 3, status: 500, random: 1) == .retry(after: .seconds(2)))
        let long = WebhookRetryPolicy(DeliverySettings(attempts: 20, backoff: 0.5, maxBackoff: 8))
        #expect(long.step(afterAttempt: 15, status: 500, random: 1) == .retry(after: .seconds(8)))
        // Out of attempts.
        #expect(policy.step(afterAttempt: 4, status: 500) == .giveUp)
        #expect(policy.step(afterAttempt: 4, status: nil) == .giveUp)
        // Other client errors are final: a revoked or mistyped webhook does not heal.
        for status in [400, 403, 404, 410] {
            #expect(policy.step(afterAttempt: 1, status: status) == .giveUp)
        }
        // Redirects are not followed: not delivered.
        #expect(policy.step(afterAttempt: 1, status: 302) == .giveUp)
    }

    @Test func retriesUntilDelivered() async throws {
        let dir = try temporaryDirectory()
        let poster = ScriptedPoster(["https://hooks.example/a": [WebhookAnswer(status: 503), nil]])
        let record = DeliveryFailureLog(path: dir + "/failures.jsonl")
        let deliverer = WebhookDeliverer(policy: Self.quick, channel: "slack:acme/#ops", failures: record, poster: poster)
        await deliverer.send(.init(url: "https://hooks.example/a", kind: .slack, body: #"{"text":"one"}"#))
        await deliverer.flush()
        #expect(poster.sent.count == 3)
        #expect(poster.sent.allSatisfy { $0.body == #"{"text":"one"}"# })
        let (delivered, failed) = (await deliverer.delivered, await deliverer.failed)
        #expect(delivered == 1 && failed == 0)
        #expect(!FileManager.default.fileExists(atPath: record.path))
    }

    @Test func aFailureIsRecorded() async throws {
        let dir = try temporaryDirectory()
        let poster = ScriptedPoster([
            "https://hooks.example/down": [WebhookAnswer(status: 500, excerpt: "oops"), WebhookAnswer(status: 502), WebhookAnswer(status: 500, excerpt: "still down")],
            "https://hooks.example/gone": [WebhookAnswer(status: 404, excerpt: "no_service")],
            "https://hooks.example/refused": [nil, nil, nil],
        ])
        let reported = Reported()
        let record = DeliveryFailureLog(path: dir + "/failures.jsonl")
        let deliverer = WebhookDeliverer(policy: Self.quick, channel: "slack:acme/#ops", failures: record, poster: poster,
                                         onFailure: { reported.add($0) })
        await deliverer.send(.init(url: "https://hooks.example/down", kind: .slack, body: "{}", incident: "arn:i", subject: "Incident started: X"))
        await deliverer.send(.init(url: "https://hooks.example/gone", kind: .chime, body: #"{"Content":"x"}"#))
        await deliverer.send(.init(url: "https://hooks.example/refused", kind: .chime, body: "{}"))
        await deliverer.flush()
        #expect(poster.sent.count == 3 + 1 + 3)
        let failed = await deliverer.failed
        #expect(failed == 3)
        let lines = try String(contentsOfFile: record.path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        let entries = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        let byHook = Dictionary(uniqueKeysWithValues: entries.map { ($0["webhook"] as! String, $0) })
        let down = try #require(byHook["https://hooks.example/down"])
        #expect(down["status"] as? Int == 500 && down["attempts"] as? Int == 3 && down["error"] as? String == "still down")
        #expect(down["kind"] as? String == "slack" && down["incident"] as? String == "arn:i" && down["channel"] as? String == "slack:acme/#ops")
        #expect(down["subject"] as? String == "Incident started: X" && down["body"] as? String == "{}")
        let gone = try #require(byHook["https://hooks.example/gone"])
        #expect(gone["status"] as? Int == 404 && gone["attempts"] as? Int == 1 && gone["error"] as? String == "no_service")
        let refused = try #require(byHook["https://hooks.example/refused"])
        #expect(refused["status"] is NSNull && refused["attempts"] as? Int == 3 && refused["error"] as? String == "connection refused")
        #expect(reported.all.count == 3)
        #expect(reported.all.contains { $0.summary.contains("was not delivered to the chime webhook https://hooks.example/gone after 1 attempt (HTTP 404: no_service)") })
        // The record is for the owner alone: webhook URLs are secrets.
        let mode = try FileManager.default.attributesOfItem(atPath: record.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aWebhookGetsItsMessagesInOrder() async throws {
        let poster = ScriptedPoster(["https://hooks.example/a": [WebhookAnswer(status: 500), WebhookAnswer(status: 429)]])
        let deliverer = WebhookDeliverer(policy: Self.quick, channel: "c", failures: nil, poster: poster)
        for i in 1...5 {
            await deliverer.send(.init(url: "https://hooks.example/a", kind: .slack, body: "\(i)"))
            await deliverer.send(.init(url: "https://hooks.example/b", kind: .chime, body: "\(i)"))
        }
        await deliverer.flush()
        let a = poster.sent.filter { $0.url.hasSuffix("/a") }.map(\.body)
        let b = poster.sent.filter { $0.url.hasSuffix("/b") }.map(\.body)
        #expect(a == ["1", "1", "1", "2", "3", "4", "5"])
        #expect(b == ["1", "2", "3", "4", "5"])
        let delivered = await deliverer.delivered
        #expect(delivered == 10)
    }

    @Test func notificationsBecomeBothPayloads() async throws {
        var channel = ChannelConfiguration()
        channel.webhooks = [Webhook(kind: .slack, url: "https://hooks.example/slack"), Webhook(kind: .chime, url: "https://hooks.example/chime")]
        let notification = IncidentNotification.started(incidentArn: "arn:aws:ssm-incidents::111122223333:incident-record/db/1",
                                                        title: "DB down", impact: 1, time: Date(timeIntervalSince1970: 1_795_514_400))
        let result = NotificationPublisher(channel).publish(notification)
        let poster = ScriptedPoster()
        let deliverer = WebhookDeliverer(policy: Self.quick, channel: channel.displayName, failures: nil, poster: poster)
        for delivery in result.deliveries { await deliverer.enqueue(delivery) }
        await deliverer.flush()
        let slack = try #require(poster.sent.first { $0.url.hasSuffix("/slack") })
        let chime = try #require(poster.sent.first { $0.url.hasSuffix("/chime") })
        let slackJSON = try JSONSerialization.jsonObject(with: Data(slack.body.utf8)) as! [String: Any]
        let chimeJSON = try JSONSerialization.jsonObject(with: Data(chime.body.utf8)) as! [String: Any]
        #expect((slackJSON["text"] as? String)?.contains("DB down") == true && slackJSON["blocks"] != nil)
        #expect((chimeJSON["Content"] as? String)?.hasPrefix("/md ") == true)
    }

    @Test func theFailureRecordSitsBesideTheLog() throws {
        let file = try ChannelConfiguration.parse(.init(name: "/srv/chat/channel.yaml", text: """
            channel: ops
            log: logs/ops.jsonl
            delivery: {attempts: 2, backoff: 0.1, max-backoff: 1, timeout: 3}
            """))
        #expect(file.failedDeliveriesPath == "/srv/chat/logs/ops.webhook-failures.jsonl")
        #expect(file.delivery == DeliverySettings(attempts: 2, backoff: 0.1, maxBackoff: 1, timeout: 3))
        let named = try ChannelConfiguration.parse(.init(name: "/srv/chat/channel.yaml", text: "delivery: {failures: failed.jsonl}\n"))
        #expect(named.failedDeliveriesPath == "/srv/chat/failed.jsonl")
        #expect(ChannelConfiguration().failedDeliveriesPath == "incident-response.webhook-failures.jsonl")
        for bad in ["delivery: {attempts: 0}", "delivery: {attempts: 2.5}", "delivery: {timeout: 0}", "delivery: {backoff: -1}",
                    "delivery: {retries: 3}"] {
            #expect(throws: ConfigurationError.self) { try ChannelConfiguration.parse(.init(name: "c.yaml", text: bad)) }
        }
    }
}

/// Failures reported by a deliverer, kept for a test to read.
final class Reported: @unchecked Sendable {
    private let lock = NSLock()
    private var failures: [DeliveryFailure] = []
    func add(_ failure: DeliveryFailure) { lock.withLock { failures.append(failure) } }
    var all: [DeliveryFailure] { lock.withLock { failures } }
}

func temporaryDirectory() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("connectors-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}
