import Backend
import Catalog
import Channel
@testable import Connectors
import Crypto
import Foundation
import MemoryBackend
import RemoteBackend
import Testing

/// Pages and activation codes leaving the machine: what each adapter sends,
/// the signature a receiver checks, retries, and the receipts on the page.
@Suite("Contact delivery")
struct ContactRelayTests {
    static let start = Date(timeIntervalSince1970: 1_795_000_000)
    static let key = Array("0123456789abcdef0123456789abcdef".utf8)

    /// A memory store with alice (an SMS and an EMAIL channel, both activated)
    /// and a relay over it; the activation codes are already taken.
    struct Setup {
        let backend: MemoryBackend
        let clock: FixedWallClock
        var alice = ""
        let poster: ScriptedPoster
        let failures: String

        init(posterScript: [String: [WebhookAnswer?]] = [:]) async throws {
            clock = FixedWallClock(ContactRelayTests.start)
            backend = MemoryBackend(clock: clock, ids: SeededIDGenerator(seed: 5))
            poster = ScriptedPoster(posterScript)
            failures = try temporaryDirectory() + "/failures.jsonl"
            let alice = try await call(.createContact, ["Alias": .string("alice"), "Type": .string("PERSONAL"),
                                                     "Plan": .structure(["Stages": .list([])])])["ContactArn"]!.string!
            var targets: [Value] = []
            for (name, type, address) in [("phone", "SMS", "+15555550100"), ("mail", "EMAIL", "alice@example.com")] {
                let channel = try await call(.createContactChannel, [
                    "ContactId": .string(alice), "Name": .string(name), "Type": .string(type),
                    "DeliveryAddress": .structure(["SimpleAddress": .string(address)]),
                ])["ContactChannelArn"]!.string!
                let code = try await backend.outbox(contactChannelArn: channel).last!.code
                try await call(.activateContactChannel, ["ContactChannelId": .string(channel), "ActivationCode": .string(code)])
                targets.append(.structure(["ChannelTargetInfo": .structure(["ContactChannelId": .string(channel)])]))
            }
            try await call(.updateContact, ["ContactId": .string(alice), "Plan": .structure(["Stages": .list([
                .structure(["DurationInMinutes": .integer(0), "Targets": .list(targets)]),
            ])])])
            _ = try await backend.claimOutbox(limit: 100)
            self.alice = alice
        }

        @discardableResult
        func call(_ operation: ContactsOperation, _ input: [String: Value]) async throws -> Value {
            var request = Request(.contacts(operation))
            for (k, v) in input.sorted(by: { $0.key < $1.key }) { request.input[k] = v }
            return try await backend.send(request, context: CallContext(user: "alice"))
        }

        /// An attempt may take `timeout` (roomy by default: a shell started on shared, busy cores can take a while).
        func relay(_ targets: [ContactDeliveryTarget], attempts: Int = 2, timeout: Duration = .seconds(5)) -> ContactRelay {
            let policy = WebhookRetryPolicy(backoff: RetryPolicy(maxAttempts: attempts, baseDelay: .zero, maxDelay: .zero),
                                            attemptTimeout: timeout)
            let deliverer = WebhookDeliverer(policy: policy, channel: "slack:acme/#ops",
                                             failures: DeliveryFailureLog(path: failures), poster: poster)
            return ContactRelay(targets: targets, backend: backend, deliverer: deliverer, clock: clock)
        }

        func page() async throws -> String {
            let engagement = try await call(.startEngagement, [
                "ContactId": .string(alice), "Sender": .string("oncall-bot"), "Subject": .string("Database <down>"),
                "Content": .string("Primary unreachable"), "IncidentId": .string("arn:aws:ssm-incidents::111122223333:incident-record/db/1"),
            ])["EngagementArn"]!.string!
            return engagement
        }

        func receipts() async throws -> [(type: String, info: String)] {
            let pages = try await call(.listPagesByContact, ["ContactId": .string(alice)])["Pages"]!.list!
            let page = pages[0]["PageArn"]!.string!
            return try await call(.listPageReceipts, ["PageId": .string(page)])["Receipts"]!.list!.map {
                ($0["ReceiptType"]!.string!, $0["ReceiptInfo"]?.string ?? "")
            }
        }
    }

    static func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
    }

    @Test func theWebhookGetsTheSignedPageWithItsEngagement() async throws {
        let s = try await Setup()
        let relay = s.relay([ContactDeliveryTarget(adapter: .webhook(url: "https://pager.example/hook", key: Self.key), types: ["SMS"])])
        let engagement = try await s.page()
        #expect(await relay.relay() == 2)
        await relay.flush()
        let sent = s.poster.sent
        #expect(sent.count == 1, "only the SMS channel's page goes to an SMS adapter")
        let body = try Self.json(sent[0].body)
        #expect(body["type"] as? String == "PAGE")
        #expect(body["engagementArn"] as? String == engagement)
        #expect(body["incidentId"] as? String == "arn:aws:ssm-incidents::111122223333:incident-record/db/1")
        #expect((body["acceptCode"] as? String)?.count == 6)
        #expect((body["contactChannel"] as? [String: Any])?["address"] as? String == "+15555550100")
        #expect(body["subject"] as? String == "Database <down>")
        // The receiver's check: HMAC-SHA256 over "v1:" + timestamp + ":" + body.
        let timestamp = try #require(sent[0].headers["X-IncidentChat-Timestamp"])
        var mac = HMAC<SHA256>(key: SymmetricKey(data: Self.key))
        mac.update(data: Array("v1:\(timestamp):\(sent[0].body)".utf8))
        let expected = "v1=" + mac.finalize().map { String(format: "%02x", $0) }.joined()
        #expect(sent[0].headers["X-IncidentChat-Signature"] == expected)
        // A forged body does not verify.
        var forged = HMAC<SHA256>(key: SymmetricKey(data: Self.key))
        forged.update(data: Array("v1:\(timestamp):\(sent[0].body.replacingOccurrences(of: "PAGE", with: "PAGF"))".utf8))
        #expect("v1=" + forged.finalize().map { String(format: "%02x", $0) }.joined() != expected)
        // The page's receipts: SENT by the engine for both channels, DELIVERED for the one delivered; no URL in it.
        let receipts = try await s.receipts()
        #expect(receipts.map(\.type) == ["SENT", "SENT", "DELIVERED"])
        #expect(receipts[2].info == "Delivered by webhook to pager.example.")
        // Taken once: a second relay on the same store finds nothing.
        #expect(await s.relay([]).relay() == 0)
    }

    @Test func aWebhookThatFailsIsAnErrorReceiptAndARecord() async throws {
        let url = "https://hooks.slack.example/services/T/B/X"
        let s = try await Setup(posterScript: [url: [WebhookAnswer(status: 500, excerpt: "boom"), WebhookAnswer(status: 500, excerpt: "boom")]])
        let relay = s.relay([ContactDeliveryTarget(adapter: .slack(url: url), types: ["SMS", "EMAIL"])])
        let before = try await s.backend.digest()
        _ = try await s.page()
        await relay.relay()
        await relay.flush()
        #expect(await relay.failed == 1)
        #expect(await relay.delivered == 1)
        let receipts = try await s.receipts()
        #expect(receipts.map(\.type) == ["SENT", "SENT", "ERROR", "DELIVERED"])
        #expect(receipts[2].info == "Not delivered by Slack webhook to hooks.slack.example after 2 attempts: HTTP 500: boom")
        let record = try String(contentsOfFile: s.failures, encoding: .utf8)
        #expect(record.split(separator: "\n").count == 1)
        #expect(record.contains("\"kind\":\"slack\"") && record.contains(url))
        // The Slack notice escapes the subject's markup.
        let text = try #require(try Self.json(s.poster.sent[0].body)["text"] as? String)
        #expect(text.contains("Database &lt;down&gt;") && text.contains("Accept code: `"))
        _ = before
    }

    @Test func teamsGetsAnAdaptiveCard() async throws {
        let s = try await Setup()
        let relay = s.relay([ContactDeliveryTarget(adapter: .teams(url: "https://example.webhook.office.com/w"), types: ["EMAIL"])])
        _ = try await s.page()
        await relay.relay()
        await relay.flush()
        let body = try Self.json(try #require(s.poster.sent.first).body)
        let attachment = try #require((body["attachments"] as? [[String: Any]])?.first)
        #expect(attachment["contentType"] as? String == "application/vnd.microsoft.card.adaptive")
        let card = try #require(attachment["content"] as? [String: Any])
        #expect(card["type"] as? String == "AdaptiveCard")
        #expect(((card["body"] as? [[String: Any]])?.first?["text"] as? String)?.hasPrefix("Page by EMAIL to alice@example.com") == true)
    }

    /// A fake `sendmail`: a shell script that keeps its input and its
    /// arguments, then behaves as told.
    static func fakeSendmail(_ behaviour: String) throws -> (path: String, kept: String) {
        let dir = try temporaryDirectory()
        let path = dir + "/sendmail", kept = dir + "/mail.txt"
        try "#!/bin/sh\necho \"$@\" > \(dir)/args\ncat >> \(kept)\n\(behaviour)\n".write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return (path, kept)
    }

    @Test func sendmailGetsTheMailWithItsHeaders() async throws {
        let s = try await Setup()
        let fake = try Self.fakeSendmail("exit 0")
        let relay = s.relay([ContactDeliveryTarget(adapter: .sendmail(path: fake.path), types: ["EMAIL"])])
        _ = try await s.page()
        await relay.relay()
        await relay.flush()
        let mail = try String(contentsOfFile: fake.kept, encoding: .utf8)
        #expect(mail.hasPrefix("To: alice@example.com\n"))
        #expect(mail.contains("\nSubject: Database <down>\n"))
        #expect(mail.contains("\n\nPrimary unreachable\n"))
        #expect(mail.contains("Engagement: arn:aws:ssm-contacts:"))
        let args = try String(contentsOfFile: (fake.path as NSString).deletingLastPathComponent + "/args", encoding: .utf8)
        #expect(args == "-t\n")
        #expect(try await s.receipts().map(\.type) == ["SENT", "SENT", "DELIVERED"])
    }

    @Test func aSendmailThatFailsOrHangsIsAnErrorReceipt() async throws {
        for (behaviour, reason, timeout) in [("echo 'no relay host' >&2; exit 75", "exited with status 75: no relay host", Duration.seconds(5)),
                                             ("sleep 30", "did not finish within 0.5 seconds and was killed", .milliseconds(500))] {
            let s = try await Setup()
            let fake = try Self.fakeSendmail(behaviour)
            let relay = s.relay([ContactDeliveryTarget(adapter: .sendmail(path: fake.path), types: ["EMAIL"])], timeout: timeout)
            _ = try await s.page()
            await relay.relay()
            await relay.flush()
            let receipts = try await s.receipts()
            #expect(receipts.map(\.type) == ["SENT", "SENT", "ERROR"])
            #expect(receipts[2].info.hasPrefix("Not delivered by sendmail after 2 attempts: \(fake.path)"), "\(receipts[2].info)")
            // The hanging one says it was killed at the time limit (no timing
            // assertion: the receipt's reason is what proves the cut).
            #expect(receipts[2].info.contains(reason), "\(receipts[2].info)")
        }
    }

    @Test func anAddressThatWouldAddRecipientsIsNotMailed() {
        #expect(ContactRelayTests.undeliverable("alice@example.com") == nil)
        for address in ["a@x.com, b@y.com", "a@x.com\nBcc: b@y.com", "-oQ/tmp@x", "no-at-sign", "a b@x.com"] {
            #expect(ContactRelayTests.undeliverable(address) != nil, "\(address)")
        }
    }

    static func undeliverable(_ address: String) -> String? {
        ContactMessage.undeliverableAddress(address)
    }

    /// The relay sleeps on the engine's doorbell: a command that sends, and a
    /// tick whose due steps send, wake it (its recheck here is ten minutes).
    @Test func commandsAndDueStepsWakeTheRelay() async throws {
        let s = try await Setup()
        let relay = s.relay([ContactDeliveryTarget(adapter: .slack(url: "https://h.example/x"), types: ["SMS", "EMAIL"])])
        let running = Task { await relay.run(listening: s.backend.engine.doorbell.listener(), recheck: .seconds(600)) }
        defer { running.cancel() }
        let stage: Value = .structure(["DurationInMinutes": .integer(5), "Targets": .list([
            .structure(["ContactTargetInfo": .structure(["ContactId": .string(s.alice), "IsEssential": .boolean(false)])]),
        ])])
        let team = try await s.call(.createContact, ["Alias": .string("team"), "Type": .string("ESCALATION"),
                                                      "Plan": .structure(["Stages": .list([stage, stage])])])["ContactArn"]!.string!
        try await s.call(.startEngagement, ["ContactId": .string(team), "Sender": .string("s"), "Subject": .string("x"),
                                             "Content": .string("y")])
        func waitFor(_ count: Int) async throws -> Bool {
            let began = Date()
            while s.poster.sent.count < count, Date().timeIntervalSince(began) < 300 { try await Task.sleep(for: .milliseconds(10)) }
            return s.poster.sent.count == count
        }
        #expect(try await waitFor(2), "the engagement's first stage: two channels")
        _ = try await s.backend.advance(to: Self.start + 300)
        #expect(try await waitFor(4), "the second stage, sent by the tick")
    }

    @Test func aMessageThatWaitedTooLongIsNotSentLate() async throws {
        let s = try await Setup()
        let relay = ContactRelay(targets: [ContactDeliveryTarget(adapter: .slack(url: "https://h.example/x"), types: ["SMS"])],
                                 backend: s.backend, deliverer: WebhookDeliverer(policy: WebhookDeliveryTests.quick, channel: "c",
                                                                                failures: nil, poster: s.poster),
                                 clock: s.clock, maxAge: 60)
        _ = try await s.page()
        s.clock.advance(by: 120)
        #expect(await relay.relay() == 2)
        await relay.flush()
        #expect(s.poster.sent.isEmpty)
    }
}
