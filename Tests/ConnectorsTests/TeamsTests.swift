import JSON
import Catalog
import Channel
import Connectors
import Foundation
import Interpreter
import Logging
import Testing
import Wire

@Suite("Microsoft Teams outgoing webhook")
struct TeamsTests {
    /// Teams shows the security token as base64; this one is 32 bytes.
    static let secret = Data((0..<32).map { UInt8($0 * 7 % 256) }).base64EncodedString()

    final class Harness {
        let base = SlackHarness()
        let poster = ScriptedPoster()
        let deliverer: WebhookDeliverer
        let responder: TeamsResponder
        let signature = TeamsSignature(secret: TeamsTests.secret)!

        init(acknowledgeAfter: Duration = .seconds(30)) {
            var channel = ChannelConfiguration(workspace: "acme", channel: "ops", members: ["alice", "bob"],
                                               webhooks: [Webhook(kind: .teams, url: "https://example.webhook.office.com/workflows/ops")])
            channel.teams = TeamsSettings(users: ["00000000-0000-4000-8000-00000000a11c": "alice"])
            deliverer = WebhookDeliverer(policy: WebhookDeliveryTests.quick, channel: channel.displayName, failures: nil, poster: poster)
            var logger = Logger(label: "test")
            logger.logLevel = .critical
            responder = TeamsResponder(signature: signature, channel: channel, backend: base.backend, settings: SessionSettings(user: "teams"),
                                       deliverer: deliverer, acknowledgeAfter: acknowledgeAfter, logger: logger)
        }

        func body(_ text: String, id: String = UUID().uuidString, name: String = "Alice Example",
                  objectId: String? = "00000000-0000-4000-8000-00000000a11c") -> [UInt8] {
            var from: [(key: String, value: JSON)] = [("id", .string("29:1abc")), ("name", .string(name))]
            if let objectId { from.append(("aadObjectId", .string(objectId))) }
            let message: JSON = .object([
                ("type", .string("message")), ("id", .string(id)), ("timestamp", .string("2026-11-24T10:00:00.000Z")),
                ("channelId", .string("msteams")), ("from", .object(from)),
                ("conversation", .object([("id", .string("19:ops@thread.skype;messageid=1"))])),
                ("text", .string("<at>IncidentChat</at> \(text)\n")),
            ])
            return Array(message.compact.utf8)
        }

        func send(_ body: [UInt8]) async -> TeamsResponder.Answer {
            await responder.respond(authorization: signature.sign(body), body: body)
        }
    }

    static func text(_ answer: TeamsResponder.Answer) -> String? {
        guard case .string(let s)? = (try? JSON(reading: Array(answer.body.utf8)))?["text"] else { return nil }
        return s
    }

    @Test func theHMACIsChecked() throws {
        let signature = try #require(TeamsSignature(secret: Self.secret))
        let body = Array(#"{"text":"x"}"#.utf8)
        let good = signature.sign(body)
        #expect(good.hasPrefix("HMAC ") && (try? signature.verify(authorization: good, body: body)) != nil)
        #expect(throws: TeamsSignature.Failure.mismatch) { try signature.verify(authorization: good, body: Array(#"{"text":"y"}"#.utf8)) }
        let other = try #require(TeamsSignature(secret: Data(repeating: 1, count: 32).base64EncodedString()))
        #expect(throws: TeamsSignature.Failure.mismatch) { try signature.verify(authorization: other.sign(body), body: body) }
        #expect(throws: TeamsSignature.Failure.missing) { try signature.verify(authorization: nil, body: body) }
        #expect(throws: TeamsSignature.Failure.malformed) { try signature.verify(authorization: "Bearer abc", body: body) }
        #expect(throws: TeamsSignature.Failure.malformed) { try signature.verify(authorization: "HMAC !!!", body: body) }
        #expect(TeamsSignature(secret: "not base64!") == nil)
    }

    @Test func theTextAfterTheMention() {
        func message(_ text: String) -> String { TeamsMessage(id: "1", text: text, fromName: "a").message }
        #expect(message("<at>IncidentChat</at> ssm-incidents list-incident-records\n") == "@aws ssm-incidents list-incident-records\n")
        #expect(message("<p><at>IncidentChat</at>&nbsp;ssm-incidents get-incident-record --arn &quot;x&quot;</p>")
            == "@aws ssm-incidents get-incident-record --arn \"x\" ")
        #expect(message("<at>Q</at> @aws ssm-incidents list-incident-records") == "@aws ssm-incidents list-incident-records")
    }

    @Test func aSignedMessageRunsAsItsAuthor() async throws {
        let h = Harness()
        try await h.base.setUp()
        let before = try await h.base.eventCount()
        let body = h.body("ssm-incidents create-timeline-event --incident-record-arn \(h.base.incidentArn) --event-time 2026-11-24T10:00:00Z --event-type 'Custom Event' --event-data '\"from Teams\"'")
        let answer = await h.send(body)
        #expect(answer.status == 200 && answer.contentType.hasPrefix("application/json"))
        #expect(Self.text(answer)?.hasPrefix("```\n{\n    \"eventId\"") == true, "\(answer.body)")
        #expect(try await h.base.eventCount() == before + 1)
        // The same message again (a replay) runs nothing.
        #expect(Self.text(await h.send(body)) == "This message was answered already.")
        #expect(try await h.base.eventCount() == before + 1)
        // A forged HMAC: 401, nothing runs.
        let forged = await h.responder.respond(authorization: "HMAC " + Data(repeating: 0, count: 32).base64EncodedString(), body: h.body("ssm-incidents list-incident-records"))
        #expect(forged.status == 401 && forged.body.contains("does not match"))
        // Not a member (no mapping: the display name): the denial is the reply.
        let denied = await h.send(h.body("ssm-incidents list-incident-records", name: "Mallory", objectId: nil))
        #expect(Self.text(denied)?.contains("not a member") == true)
        #expect(await h.responder.respond(authorization: h.signature.sign(Array("[]".utf8)), body: Array("[]".utf8)).status == 400)
    }

    @Test func aSlowCommandIsAnsweredLaterThroughTheWebhook() async throws {
        let h = Harness(acknowledgeAfter: .milliseconds(50))
        try await h.base.setUp()
        h.base.backend.slow(by: .milliseconds(400))
        let answer = await h.send(h.body("ssm-incidents get-incident-record --arn \(h.base.incidentArn) --query incidentRecord.title"))
        #expect(Self.text(answer) == "Working on it: the result follows in a moment.")
        // The result follows as an Adaptive Card; waiting for the command, then for its delivery.
        for _ in 0..<100 where h.poster.sent.isEmpty { try await Task.sleep(for: .milliseconds(50)) }
        await h.deliverer.flush()
        let sent = try #require(h.poster.sent.first)
        #expect(sent.url == "https://example.webhook.office.com/workflows/ops")
        #expect(sent.body.contains(#""contentType":"application/vnd.microsoft.card.adaptive""#))
        #expect(sent.body.contains(#"\"DB down\""#) && sent.body.contains("Result for alice"))
    }

    @Test func notificationsAreAdaptiveCards() {
        let n = IncidentNotification.started(incidentArn: "arn:aws:ssm-incidents::111122223333:incident-record/db/1", title: "DB down",
                                             impact: 2, time: Date(timeIntervalSince1970: 1_795_514_400))
        let card = NotificationFormatter.payload(n, for: .teams).compact
        #expect(card.hasPrefix(#"{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","contentUrl":null,"content":{"$schema":"http://adaptivecards.io/schemas/adaptive-card.json","type":"AdaptiveCard","version":"1.4","body":[{"type":"TextBlock","text":"Incident started: DB down""#))
        #expect(card.contains(#"{"title":"Impact","value":"2 (High)"}"#))
    }
}
