import Channel
import Connectors
import Foundation
import Interpreter
import Logging
import Syntax
import Testing

@Suite("Buttons on notifications")
struct NotificationButtonsTests {
    static let yaml = """
        workspace: acme
        channel: ops
        members: [alice, bob]
        role: {name: IncidentChatRole, template: incident-manager}
        users:
          bob:
            role:
              policies:
                - Version: "2012-10-17"
                  Statement: [{Effect: Allow, Action: ["ssm-incidents:List*", "ssm-incidents:Get*"], Resource: "*"}]
        slack:
          channel-id: C0OPS
          users: {U0ALICE: alice, U0BOB: bob}
          buttons:
            - text: Page the DBA
              command: "@aws ssm-incidents create-timeline-event --incident-record-arn $IncidentArn --event-type 'Custom Event' --event-time 2026-11-24T10:00:00Z --event-data '\\"paged the DBA for $Title\\"'"
              criteria: [{variable: Impact, operator: EQUALS, value: "1 (Critical)"}, {variable: Status, operator: HAS_VALUE}]
        """

    static func channel() throws -> ChannelConfiguration {
        try ChannelConfiguration.parse(SourceFile(name: "ops.yaml", text: yaml))
    }

    func started(impact: Int, arn: String = "arn:aws:ssm-incidents::111122223333:incident-record/db/1") -> IncidentNotification {
        .started(incidentArn: arn, title: "DB down", impact: impact, time: Date(timeIntervalSince1970: 1_795_514_400))
    }

    @Test func criteriaHideAndShowACustomButton() throws {
        let buttons = NotificationButtons(buttons: try Self.channel().slack.buttons, secret: "s")
        #expect(buttons.commands(for: started(impact: 2)).map(\.text) == ["Resolve", "Add a note"])
        let critical = buttons.commands(for: started(impact: 1))
        #expect(critical.map(\.text) == ["Resolve", "Add a note", "Page the DBA"])
        #expect(critical.last?.command.contains("--incident-record-arn arn:aws:ssm-incidents::111122223333:incident-record/db/1") == true)
        #expect(critical.last?.command.contains("paged the DBA for DB down") == true, "\(critical)")
        // A resolved incident offers no Resolve.
        let resolved = IncidentNotification.statusChanged(incidentArn: "arn:x", title: "t", from: "OPEN", to: "RESOLVED", time: Date())
        #expect(buttons.commands(for: resolved).isEmpty && buttons.block(for: resolved) == nil)
        let block = try #require(buttons.block(for: started(impact: 1))).compact
        #expect(block.hasPrefix(#"{"type":"actions","elements":[{"type":"button","action_id":"incident-chat-0","text":{"type":"plain_text","text":"Resolve"}"#))
    }

    @Test func onlyTheServersOwnValuesRun() throws {
        let buttons = NotificationButtons(buttons: [], secret: "s")
        let command = "@aws ssm-incidents update-incident-record --arn arn:x --status RESOLVED"
        let signed = buttons.value(for: command)
        #expect(signed.hasSuffix(":" + command) && signed.count == 33 + command.count)
        #expect(buttons.command(fromValue: signed)?.hasSuffix("--status RESOLVED") == true)
        #expect(buttons.command(fromValue: signed.replacingOccurrences(of: "RESOLVED", with: "OPEN")) == nil)
        #expect(buttons.command(fromValue: "0123:" + command) == nil)
        #expect(NotificationButtons(buttons: [], secret: "other").command(fromValue: signed) == nil)
    }

    @Test func aClickRunsAsTheClickerThroughTheirRole() async throws {
        let base = SlackHarness()
        try await base.setUp()
        let slack = FakeSlackPoster()
        let channel = try Self.channel()
        let deliverer = WebhookDeliverer(policy: WebhookDeliveryTests.quick, channel: channel.displayName, failures: nil, poster: slack)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let api = SlackWebAPI(token: "xoxb-t", baseURL: "https://slack.example/api", deliverer: deliverer, logger: logger)
        let buttons = NotificationButtons(buttons: channel.slack.buttons, secret: "signing-secret")
        let now = Date(timeIntervalSince1970: 1_795_514_400)
        let clicks = SlackInteractivityResponder(signature: SlackSignature(secret: "signing-secret"), buttons: buttons, channel: channel,
                                                 backend: base.backend, settings: SessionSettings(user: "slack"), api: api,
                                                 notifications: nil, users: SlackUserDirectory(settings: channel.slack, api: api),
                                                 logger: logger, now: { now })
        let resolve = try #require(buttons.commands(for: started(impact: 2, arn: base.incidentArn)).first)
        func click(_ user: String, value: String) -> (status: Int, body: String) {
            let payload = #"{"type":"block_actions","user":{"id":"\#(user)"},"channel":{"id":"C0OPS"},"container":{"message_ts":"1795514400.000001"},"#
                + #""message":{"ts":"1795514400.000002","thread_ts":"1795514400.000001"},"actions":[{"action_id":"incident-chat-0","value":"#
                + "\(String(decoding: try! JSONEncoder().encode(value), as: UTF8.self))}]}"
            let body = Array(("payload=" + (payload.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")).utf8)
            let ts = String(Int(now.timeIntervalSince1970))
            return clicks.respond(timestamp: ts, signature: SlackSignature(secret: "signing-secret").sign(timestamp: ts, body: body), body: body)
        }
        let value = buttons.value(for: resolve.command)
        #expect(buttons.block(for: started(impact: 2, arn: base.incidentArn))?.compact.contains(value) == true)
        // bob's own role reads only: denied, to him alone; nothing changes.
        #expect(click("U0BOB", value: value).status == 200)
        await clicks.flush()
        let denied = slack.calls("chat.postEphemeral")
        #expect(denied.count == 1 && denied.first?.member("user") == "U0BOB" && denied.first?.member("text")?.contains("AccessDeniedException") == true)
        #expect(denied.first?.member("thread_ts") == "1795514400.000001")
        // A value no notification carried runs nothing.
        #expect(click("U0ALICE", value: "00:@aws ssm-incidents update-incident-record --arn \(base.incidentArn) --status RESOLVED").status == 400)
        await clicks.flush()
        #expect(slack.calls("chat.postMessage").isEmpty)
        // alice may: the incident is resolved, and said so in its thread.
        #expect(click("U0ALICE", value: value).status == 200)
        await clicks.flush()
        let done = slack.calls("chat.postMessage")
        #expect(done.count == 1 && done.first?.member("thread_ts") == "1795514400.000001" && done.first?.member("text")?.hasPrefix("<@U0ALICE>: Done") == true)
        let sink = TranscriptSink()
        let admin = try Session(backend: base.backend, settings: SessionSettings(user: "admin"), sink: sink)
        await admin.runMessage("@aws ssm-incidents get-incident-record --arn \(base.incidentArn) --query incidentRecord.status --output text", origin: .chat)
        #expect(sink.transcript.trimmingCharacters(in: .whitespacesAndNewlines) == "RESOLVED")

        // Add a note: the click opens a modal; its submission adds the Note as the one who wrote it.
        let note = try #require(buttons.commands(for: started(impact: 2, arn: base.incidentArn)).first { $0.text == "Add a note" })
        func send(_ payload: String) -> (status: Int, body: String) {
            let body = Array(("payload=" + (payload.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")).utf8)
            let ts = String(Int(now.timeIntervalSince1970))
            return clicks.respond(timestamp: ts, signature: SlackSignature(secret: "signing-secret").sign(timestamp: ts, body: body), body: body)
        }
        func quoted(_ s: String) -> String { String(decoding: try! JSONEncoder().encode(s), as: UTF8.self) }
        #expect(send(#"{"type":"block_actions","trigger_id":"T-1","user":{"id":"U0ALICE"},"channel":{"id":"C0OPS"},"container":{"message_ts":"1795514400.000001"},"actions":[{"value":\#(quoted(buttons.value(for: note.command)))}]}"#).status == 200)
        await clicks.flush()
        let opened = try #require(slack.calls("views.open").first)
        #expect(opened.member("trigger_id") == "T-1" && opened.body.contains(#""callback_id":"incident-chat-note""#))
        let metadata = try #require(opened.body.components(separatedBy: #""private_metadata":""#).last?.components(separatedBy: "\"").first)
        func submission(_ metadata: String) -> String {
            #"{"type":"view_submission","user":{"id":"U0ALICE"},"view":{"callback_id":"incident-chat-note","private_metadata":\#(quoted(metadata)),"state":{"values":{"note":{"text":{"type":"plain_text_input","value":"Failover took 4 minutes"}}}}}}"#
        }
        #expect(send(submission(metadata.replacingOccurrences(of: "C0OPS", with: "C0EVIL"))).status == 400)
        #expect(send(submission(metadata)).status == 200)
        await clicks.flush()
        await admin.runMessage("@aws ssm-incidents list-timeline-events --incident-record-arn \(base.incidentArn) --query \"eventSummaries[?eventType=='Note'] | length(@)\" --output text", origin: .chat)
        #expect(sink.transcript.hasSuffix("1\n"), "\(sink.transcript)")
        #expect(slack.calls("chat.postMessage").last?.member("text") == "<@U0ALICE> added a note to the timeline.")
        #expect(slack.calls("chat.postMessage").last?.member("thread_ts") == "1795514400.000001")
    }
}
