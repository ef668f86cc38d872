import Backend
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
        members: [alice, bob, carol]
        role: {name: IncidentChatRole, template: incident-manager}
        users:
          alice: {contact: alice-oncall}
          bob:
            role: &reads
              policies:
                - Version: "2012-10-17"
                  Statement: [{Effect: Allow, Action: ["ssm-incidents:List*", "ssm-incidents:Get*"], Resource: "*"}]
          carol: {contact: carol-oncall, role: *reads}
        slack:
          channel-id: C0OPS
          users: {U0ALICE: alice, U0BOB: bob, U0CAROL: carol}
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

    static let now = Date(timeIntervalSince1970: 1_795_514_400)

    /// A click responder of the channel over a fake Slack, with the signing secret `signing-secret`.
    static func clicks(backend: any IncidentBackend, channel: ChannelConfiguration,
                       buttons: NotificationButtons) -> (FakeSlackPoster, SlackInteractivityResponder) {
        let slack = FakeSlackPoster()
        let deliverer = WebhookDeliverer(policy: WebhookDeliveryTests.quick, channel: channel.displayName, failures: nil, poster: slack)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let api = SlackWebAPI(token: "xoxb-t", baseURL: "https://slack.example/api", deliverer: deliverer, logger: logger)
        let now = Self.now
        return (slack, SlackInteractivityResponder(signature: SlackSignature(secret: "signing-secret"), buttons: buttons, channel: channel,
                                                   backend: backend, settings: SessionSettings(user: "slack"), api: api,
                                                   notifications: nil, users: SlackUserDirectory(settings: channel.slack, api: api),
                                                   logger: logger, now: { now }))
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

    @Test func inSocketModeEveryServerOfTheAppKnowsItsButtons() {
        let command = "@aws ssm-incidents update-incident-record --arn arn:x --status RESOLVED"
        let sent = NotificationButtons(buttons: [], secret: NotificationButtons.socketModeSecret(appToken: "xapp-1-A"))
        let signed = sent.value(for: command)
        // Another server of the fleet, or this one after a restart: the same app token.
        let other = NotificationButtons(buttons: [], secret: NotificationButtons.socketModeSecret(appToken: "xapp-1-A"))
        #expect(other.command(fromValue: signed) == command)
        // Another app's token signs nothing of this one's.
        #expect(NotificationButtons(buttons: [], secret: NotificationButtons.socketModeSecret(appToken: "xapp-1-B")).command(fromValue: signed) == nil)
    }

    @Test func aClickRunsAsTheClickerThroughTheirRole() async throws {
        let base = SlackHarness()
        try await base.setUp()
        let channel = try Self.channel()
        let buttons = NotificationButtons(buttons: channel.slack.buttons, secret: "signing-secret")
        let (slack, clicks) = Self.clicks(backend: base.backend, channel: channel, buttons: buttons)
        let now = Self.now
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

    func paged(arn: String) -> IncidentNotification {
        .contactPaged(incidentArn: arn, title: "DB down", contact: "alice-oncall", channels: ["SMS"], subject: "DB down",
                      time: Date(timeIntervalSince1970: 1_795_514_400))
    }

    @Test func acknowledgeMyPageShowsOnPagesWhenMembersHaveContacts() throws {
        let channel = try Self.channel()
        #expect(channel.contactArn(for: "alice") == "arn:aws:ssm-contacts:us-east-1:111122223333:contact/alice-oncall")
        #expect(channel.contactArn(for: "bob") == nil && channel.mapsContacts)
        let buttons = NotificationButtons(buttons: [], secret: "s", acknowledgePages: true)
        #expect(buttons.commands(for: paged(arn: "arn:x")).map(\.text) == ["Resolve", "Add a note", "Acknowledge my page"])
        #expect(buttons.commands(for: paged(arn: "arn:x")).last?.command == NotificationButtons.acceptPrefix + "arn:x")
        #expect(!buttons.commands(for: started(impact: 1)).map(\.text).contains("Acknowledge my page"))
        // No member has a contact: the button would only ever fail.
        #expect(!NotificationButtons(buttons: [], secret: "s").commands(for: paged(arn: "arn:x")).map(\.text).contains("Acknowledge my page"))
    }

    @Test func acknowledgeMyPageAcceptsTheClickersOpenPages() async throws {
        let base = SlackHarness()
        try await base.setUp()
        let sink = TranscriptSink()
        let admin = try Session(backend: base.backend, settings: SessionSettings(user: "admin"), sink: sink)
        admin.notificationOutput = { _ in }
        let contact = "arn:aws:ssm-contacts:us-east-1:111122223333:contact/alice-oncall"
        for line in [
            #"@aws ssm-contacts create-contact --alias alice-oncall --type PERSONAL --plan '{"Stages":[]}'"#,
            "@aws ssm-contacts start-engagement --contact-id \(contact) --sender chat --subject 'DB down' --content 'see the incident' --incident-id \(base.incidentArn)",
            // A page of another incident stays open.
            "@aws ssm-contacts start-engagement --contact-id \(contact) --sender chat --subject other --content other --incident-id arn:aws:ssm-incidents::111122223333:incident-record/db/other",
        ] {
            #expect(await admin.runMessage(line, origin: .chat) == .ok, "\(sink.transcript)")
        }
        let channel = try Self.channel()
        let buttons = NotificationButtons(buttons: [], secret: "signing-secret", acknowledgePages: channel.mapsContacts)
        let (slack, clicks) = Self.clicks(backend: base.backend, channel: channel, buttons: buttons)
        let acknowledge = try #require(buttons.commands(for: paged(arn: base.incidentArn)).first { $0.text == "Acknowledge my page" })
        func click(_ user: String, value: String) async -> Int {
            let payload = #"{"type":"block_actions","user":{"id":"\#(user)"},"channel":{"id":"C0OPS"},"container":{"message_ts":"1795514400.000001"},"#
                + #""message":{"ts":"1795514400.000002","thread_ts":"1795514400.000001"},"actions":[{"action_id":"incident-chat-2","value":"#
                + "\(String(decoding: try! JSONEncoder().encode(value), as: UTF8.self))}]}"
            let status = clicks.receive(payload: Array(payload.utf8)).status
            await clicks.flush()
            return status
        }
        func ask(_ line: String) async -> String {
            let before = sink.transcript.count
            await admin.runMessage(line, origin: .chat)
            return String(sink.transcript.dropFirst(before)).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        func openPages() async -> String {
            await ask("@aws ssm-contacts list-pages-by-contact --contact-id \(contact) --query \"Pages[?!ReadTime].IncidentId\" --output text")
        }
        #expect(await openPages().split(separator: "\t").count == 2)
        let value = buttons.value(for: acknowledge.command)

        // bob has no contact: told so, and what to write in the channel file, nothing accepted.
        #expect(await click("U0BOB", value: value) == 200)
        let told = try #require(slack.calls("chat.postEphemeral").last)
        #expect(told.member("user") == "U0BOB" && told.member("thread_ts") == "1795514400.000001")
        #expect(told.member("text")?.contains("the channel file ops.yaml gives the member bob none") == true, "\(told)")
        #expect(told.member("text")?.contains("`users: {bob: {contact: ALIAS}}`") == true)
        // A Slack user no one maps: told to map them too.
        #expect(await click("U0NOBODY", value: value) == 200)
        #expect(slack.calls("chat.postEphemeral").last?.member("text")?.contains("`slack: {users: {U0NOBODY: NAME}}`") == true)
        #expect(await openPages().split(separator: "\t").count == 2)

        // carol has a contact, but her role may not look up pages: denied, to her alone.
        #expect(await click("U0CAROL", value: value) == 200)
        let denied = try #require(slack.calls("chat.postEphemeral").last)
        #expect(denied.member("user") == "U0CAROL" && denied.member("text")?.contains("AccessDeniedException") == true, "\(denied)")
        #expect(denied.member("text")?.contains("ssm-contacts:ListEngagements") == true, "\(denied)")

        // A forged acknowledgement runs nothing.
        #expect(await click("U0ALICE", value: "00:" + acknowledge.command) == 400)
        #expect(slack.calls("chat.postMessage").isEmpty)

        // alice: her page of this incident is accepted (READ, with a note), the other stays open; said in the thread.
        #expect(await click("U0ALICE", value: value) == 200)
        let done = try #require(slack.calls("chat.postMessage").last)
        #expect(done.member("text") == "<@U0ALICE> acknowledged their page (contact alice-oncall)." && done.member("thread_ts") == "1795514400.000001")
        #expect(await openPages() == "arn:aws:ssm-incidents::111122223333:incident-record/db/other")
        let page = await ask("@aws ssm-contacts list-pages-by-contact --contact-id \(contact) --query \"Pages[?ReadTime].PageArn\" --output text")
        let receipts = await ask("@aws ssm-contacts list-page-receipts --page-id \(page) --query \"Receipts[?ReceiptType=='READ'].ReceiptInfo\" --output text")
        #expect(receipts == "Acknowledged in the chat channel by alice", "\(sink.transcript)")

        // Again: nothing open any more, and she is told so.
        #expect(await click("U0ALICE", value: value) == 200)
        #expect(slack.calls("chat.postMessage").count == 1)
        #expect(slack.calls("chat.postEphemeral").last?.member("text")?.hasPrefix("Your contact alice-oncall has no open page for this incident") == true)
    }
}
