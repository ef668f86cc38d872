import Channel
import Foundation
import Syntax
import Testing

@Suite struct ConfigurationTests {
    /// DESIGN.md's example channel file, as it stands.
    static let designExample = """
        platform: slack                  # slack | chime (chime: notifications only, no commands)
        workspace: acme
        channel: incident-response
        account: "111122223333"          # default account for ARNs and conditions
        region: us-east-1
        logging: true                    # JSON-lines log of every command
        log: ./incident-response.log.jsonl
        role:                            # the channel's IAM role
          name: IncidentChatRole
          template: incident-manager     # the built-in "Incident Manager permissions" template
          policies:                      # IAM policy documents, inline or "file://policy.json"
            - Version: "2012-10-17"
              Statement:
                - Effect: Allow
                  Action: ["ssm-incidents:List*", "ssm-incidents:Get*"]
                  Resource: "*"
        guardrails: []                   # policy documents; effective = role ∩ guardrails
        members: [alice, bob]            # when given, only members may run commands
        users:                           # user-level roles: a user's own role replaces the channel's
          alice:
            role: { policies: [] }
        topics:                          # SNS topics the channel is subscribed to
          - arn: arn:aws:sns:us-east-1:111122223333:incident-updates
            policy:                      # the topic's access policy (see the seed)
              Version: "2012-10-17"
              Statement: []
        webhooks:                        # deliver notifications to a real chat client
          - kind: slack                  # slack | chime
            url: https://hooks.example/...
        """

    @Test func designExampleLoads() throws {
        let c = try ChannelConfiguration.parse(SourceFile(name: "/srv/channels/acme.yaml", text: Self.designExample))
        #expect(c.platform == .slack)
        #expect(c.workspace == "acme")
        #expect(c.channel == "incident-response")
        #expect(c.account == "111122223333")
        #expect(c.logging)
        #expect(c.logPath == "/srv/channels/incident-response.log.jsonl")
        #expect(c.role.name == "IncidentChatRole")
        #expect(c.role.template == "incident-manager")
        #expect(c.role.documents.count == 2)
        #expect(c.guardrails.isEmpty)
        #expect(c.members == ["alice", "bob"])
        #expect(c.users["alice"]?.role?.policies.isEmpty == true)
        #expect(c.topics.map(\.arn) == ["arn:aws:sns:us-east-1:111122223333:incident-updates"])
        #expect(c.topics[0].policy?.statements.isEmpty == true)
        #expect(c.webhooks == [Webhook(kind: .slack, url: "https://hooks.example/...")])
        #expect(c.timeout == 15)
        #expect(c.displayName == "slack:acme/#incident-response")
    }

    @Test func theDefaultChannel() {
        let c = ChannelConfiguration.default
        #expect(c.platform == .slack)
        #expect(c.workspace == "local" && c.channel == "incident-response")
        #expect(c.account == "111122223333" && c.region == "us-east-1")
        #expect(!c.logging)
        #expect(c.role.template == IncidentManagerTemplate.name)
        #expect(c.members == nil)
        #expect(c.timeout == 15)
        #expect(c.topics.map(\.arn) == ["arn:aws:sns:us-east-1:111122223333:incident-chat"])
        #expect(SNSPublishing.canPublish(c.topics[0], account: c.account))
        #expect(c.source == nil)
    }

    @Test func anEmptyFileIsTheDefaultChannel() throws {
        let c = try ChannelConfiguration.parse(SourceFile(name: "c.yaml", text: "# nothing\n"))
        #expect(c.role.template == IncidentManagerTemplate.name)
        #expect(c.topics.count == 1)
    }

    @Test func jsonIsYAMLToo() throws {
        let text = #"{"platform": "chime", "account": "123456789012", "region": "eu-west-1", "timeout": 30, "topics": [{"arn": "arn:aws:sns:eu-west-1:123456789012:t"}]}"#
        let c = try ChannelConfiguration.parse(SourceFile(name: "c.json", text: text))
        #expect(c.platform == .chime)
        #expect(c.timeout == 30)
        #expect(c.topics[0].policy == nil)
    }

    @Test func defaultTopicFollowsAccountAndRegion() throws {
        let c = try ChannelConfiguration.parse(SourceFile(name: "c.yaml", text: "account: \"123456789012\"\nregion: eu-west-1\n"))
        #expect(c.topics.map(\.arn) == ["arn:aws:sns:eu-west-1:123456789012:incident-chat"])
    }

    @Test func policiesFromFiles() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try #"{"Version": "2012-10-17", "Statement": [{"Sid": "FromFile", "Effect": "Deny", "Action": "ssm-incidents:Delete*", "Resource": "*"}]}"#
            .write(to: dir.appendingPathComponent("deny.json"), atomically: true, encoding: .utf8)
        let channelFile = dir.appendingPathComponent("channel.yaml")
        try "role:\n  template: incident-manager\n  policies: [\"file://deny.json\"]\n".write(to: channelFile, atomically: true, encoding: .utf8)
        let c = try ChannelConfiguration.load(path: channelFile.path)
        let d = ChannelAuthorizer(c).authorize(action: "ssm-incidents:DeleteTimelineEvent", resource: "*", user: "alice", context: RequestContext())
        #expect(!d.isAllowed)
        #expect(d.why.contains("\"FromFile\""))
        #expect(d.why.contains("deny.json:1:"))
    }

    @Test func aliasesAndRedactInTheFile() throws {
        let c = try ChannelConfiguration.parse(SourceFile(name: "c.yaml", text: """
            aliases:
              note: ssm-incidents create-timeline-event --incident-record-arn $Arn --event-type "Custom Event" --event-data "$Text"
            redact: [eventData]
            """))
        #expect(c.aliases.map(\.name) == ["note"])
        #expect(c.aliases[0].parameters == ["Arn", "Text"])
        #expect(c.redact == ["eventData"])
    }

    @Test func slackAndTeamsSettings() throws {
        let c = try ChannelConfiguration.parse(SourceFile(name: "ops.yaml", text: """
            platform: teams
            slack:
              channel-id: C0123ABCD
              users: {U0123ABCD: alice, W0BOB: bob}
            teams:
              users: {"6b1c2d3e-0000-4000-8000-000000000001": alice}
            webhooks:
              - {kind: teams, url: "https://example.webhook.office.com/workflows/1"}
            """))
        #expect(c.platform == .teams && c.platform.acceptsCommands)
        #expect(c.slack == SlackSettings(channelId: "C0123ABCD", users: ["U0123ABCD": "alice", "W0BOB": "bob"]))
        #expect(c.teams.users == ["6b1c2d3e-0000-4000-8000-000000000001": "alice"])
        #expect(c.webhooks == [Webhook(kind: .teams, url: "https://example.webhook.office.com/workflows/1")])
        #expect(ChannelConfiguration.default.slack.channelId == nil)
    }

    /// Bad channel files: each error names the file, the line and the field.
    static let badFiles: [(String, String)] = [
        ("not-yaml", "platform: slack\nrole: [unclosed\n"),
        ("unknown-field", "platfrom: slack\n"),
        ("unknown-platform", "platform: discord\n"),
        ("platform-case", "platform: Slack\n"),
        ("wrong-type-logging", "logging: sometimes\n"),
        ("wrong-type-members", "members: alice\n"),
        ("bad-account", "account: 1234\n"),
        ("bad-timeout", "timeout: -1\n"),
        ("unknown-template", "role:\n  template: admin\n"),
        ("unknown-effect", "role:\n  policies:\n    - Version: \"2012-10-17\"\n      Statement:\n        - Sid: ReadOnly\n          Effect: allow\n          Action: \"ssm-incidents:Get*\"\n          Resource: \"*\"\n"),
        ("no-service-prefix", "role:\n  policies:\n    - Version: \"2012-10-17\"\n      Statement:\n        - Effect: Allow\n          Action: [\"ssm-incidents:ListIncidentRecords\", GetIncidentRecord]\n          Resource: \"*\"\n"),
        ("no-effect", "guardrails:\n  - Statement:\n      Action: \"*\"\n      Resource: \"*\"\n"),
        ("action-and-notaction", "guardrails:\n  - Statement:\n      Effect: Allow\n      Action: \"*\"\n      NotAction: \"ssm-incidents:Delete*\"\n      Resource: \"*\"\n"),
        ("no-resource", "role:\n  policies:\n    - Statement: {Effect: Allow, Action: \"*\"}\n"),
        ("resource-not-arn", "role:\n  policies:\n    - Statement: {Effect: Allow, Action: \"*\", Resource: \"incident-record/db\"}\n"),
        ("unknown-operator", "role:\n  policies:\n    - Statement:\n        Effect: Allow\n        Action: \"*\"\n        Resource: \"*\"\n        Condition:\n          StringEqual: {\"aws:username\": alice}\n"),
        ("null-ifexists", "role:\n  policies:\n    - Statement:\n        Effect: Allow\n        Action: \"*\"\n        Resource: \"*\"\n        Condition: {NullIfExists: {\"aws:username\": \"true\"}}\n"),
        ("principal-in-role", "role:\n  policies:\n    - Statement: {Effect: Allow, Principal: \"*\", Action: \"*\", Resource: \"*\"}\n"),
        ("topic-without-principal", "topics:\n  - arn: arn:aws:sns:us-east-1:111122223333:t\n    policy:\n      Version: \"2012-10-17\"\n      Statement:\n        - Effect: Allow\n          Action: SNS:Publish\n          Resource: \"*\"\n"),
        ("topic-bad-arn", "topics:\n  - arn: arn:aws:sqs:us-east-1:111122223333:q\n"),
        ("unknown-statement-field", "role:\n  policies:\n    - Statement: {Effect: Allow, Actions: \"*\", Resource: \"*\"}\n"),
        ("bad-version", "role:\n  policies:\n    - {Version: \"2012-10-18\", Statement: []}\n"),
        ("duplicate-sid", "role:\n  policies:\n    - Statement:\n        - {Sid: A, Effect: Allow, Action: \"*\", Resource: \"*\"}\n        - {Sid: A, Effect: Deny, Action: \"*\", Resource: \"*\"}\n"),
        ("webhook-kind", "webhooks:\n  - {kind: discord, url: \"https://x.example/hook\"}\n"),
        ("slack-channel-id", "slack:\n  channel-id: general\n"),
        ("slack-user-id", "slack:\n  channel-id: C0123ABCD\n  users: {alice: alice}\n"),
        ("slack-unknown-field", "slack:\n  channel: C0123ABCD\n"),
        ("teams-user-name", "teams:\n  users: {\"Alice Example\": \"\"}\n"),
        ("button-text", "slack:\n  buttons:\n    - {text: \"Escalate this incident to the database team on call now\", command: \"@aws ssm-incidents list-incident-records\"}\n"),
        ("button-operator", "slack:\n  buttons:\n    - text: Escalate\n      command: \"@aws ssm-incidents list-incident-records\"\n      criteria: [{variable: Impact, operator: CONTAINS, value: \"1\"}]\n"),
        ("alias-name", "aliases:\n  \"bad name!\": ssm-incidents list-incident-records\n"),
        ("missing-policy-file", "role:\n  policies: [\"file://nowhere.json\"]\n"),
        ("duplicate-key", "platform: slack\nchannel: a\nplatform: chime\n"),
        ("user-unknown-field", "users:\n  alice:\n    rolle: {}\n"),
        ("user-contact", "users:\n  alice: {contact: Alice On Call}\n"),
        ("contact-two-adapters", "contact-delivery:\n  - slack: https://a.example/x\n    sendmail: /usr/sbin/sendmail\n"),
        ("contact-no-adapter", "contact-delivery:\n  - types: [SMS]\n"),
        ("contact-webhook-no-secret", "contact-delivery:\n  - webhook: https://pager.example/hook\n"),
        ("contact-missing-secret", "contact-delivery:\n  - webhook: https://pager.example/hook\n    secret-file: nowhere.key\n"),
        ("contact-secret-not-webhook", "contact-delivery:\n  - slack: https://a.example/x\n    secret-file: k\n"),
        ("contact-sendmail-sms", "contact-delivery:\n  - sendmail: /usr/sbin/sendmail\n    types: [EMAIL, SMS]\n"),
        ("contact-unknown-type", "contact-delivery:\n  - teams: https://t.example/w\n    types: [PAGER]\n"),
        ("contact-not-a-url", "contact-delivery:\n  - teams: t.example/w\n"),
    ]

    @Test func badFilesNameFileLineAndField() throws {
        var out = ""
        for (name, text) in Self.badFiles {
            do {
                _ = try ChannelConfiguration.parse(SourceFile(name: "\(name).yaml", text: text), directory: Support.here)
                Issue.record("\(name): loaded without an error")
            } catch {
                #expect(error.exitCode == 253)
                #expect(error.rendered().hasPrefix("\(name).yaml:"), "\(name)")
                out += "== \(name) (\(error.kind.rawValue), field \(error.field.isEmpty ? "-" : error.field))\n" + error.rendered() + "\n"
            }
        }
        if let problem = try Support.checkGolden(out, "configuration-errors.txt") { Issue.record("\(problem)") }
    }

    /// A member's contact: an alias of the channel's account and Region, or a contact's ARN as given.
    @Test func aMembersContact() throws {
        func load(_ contact: String) throws -> ChannelConfiguration {
            try ChannelConfiguration.parse(SourceFile(name: "c.yaml", text: "users: {alice: {contact: \(contact)}}\naccount: \"444455556666\"\nregion: eu-west-1\n"))
        }
        #expect(try load("alice-oncall").contactArn(for: "alice") == "arn:aws:ssm-contacts:eu-west-1:444455556666:contact/alice-oncall")
        #expect(try load("arn:aws:ssm-contacts:us-east-2:111122223333:contact/dba").contactArn(for: "alice")
                == "arn:aws:ssm-contacts:us-east-2:111122223333:contact/dba")
        #expect(try load("dba").mapsContacts && !ChannelConfiguration().mapsContacts)
        #expect(try load("dba").contactArn(for: "bob") == nil)
        for bad in ["Alice", "arn:aws:ssm-contacts:us-east-1:111122223333:rotation/x", "arn:aws:ssm-contacts:us-east-1:111122223333:contact/"] {
            #expect(throws: ConfigurationError.self, "\(bad)") { try load(bad) }
        }
    }

    @Test func contactDeliveryEntries() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "0123456789abcdef0123\n".write(to: dir.appendingPathComponent("pager.key"), atomically: true, encoding: .utf8)
        try "short\n".write(to: dir.appendingPathComponent("short.key"), atomically: true, encoding: .utf8)
        let text = """
            contact-delivery:
              - webhook: https://pager.example/hook
                secret-file: pager.key
                types: [SMS, VOICE]
              - slack: https://hooks.slack.com/services/T/B/X
              - sendmail:
              - sendmail: ./bin/sendmail
            """
        let c = try ChannelConfiguration.parse(SourceFile(name: "channel.yaml", text: text), directory: dir)
        #expect(c.contactDelivery.count == 4)
        #expect(c.contactDelivery[0].adapter == .webhook(url: "https://pager.example/hook", key: Array("0123456789abcdef0123".utf8)))
        #expect(c.contactDelivery[0].types == ["SMS", "VOICE"])
        #expect(c.contactDelivery[1].types == ["EMAIL", "SMS", "VOICE"])
        #expect(c.contactDelivery[2] == ContactDeliveryTarget(adapter: .sendmail(path: "/usr/sbin/sendmail"), types: ["EMAIL"]))
        #expect(c.contactDelivery[3].adapter == .sendmail(path: dir.appendingPathComponent("bin/sendmail").standardized.path))
        // A key too short to be a key is refused, with how to make one.
        let short = "contact-delivery:\n  - webhook: https://pager.example/hook\n    secret-file: short.key\n"
        #expect {
            _ = try ChannelConfiguration.parse(SourceFile(name: "channel.yaml", text: short), directory: dir)
        } throws: { error in
            (error as? ConfigurationError)?.rendered().contains("is 5 bytes; use at least 16 (openssl rand -hex 32") == true
        }
    }

    @Test func badJSONPolicyFile() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "{\"Version\": \"2012-10-17\",\n \"Statement\": [ {\"Effect\": \"Allow\" \"Action\": \"*\"} ]}\n"
            .write(to: dir.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        let file = SourceFile(name: "channel.yaml", text: "role:\n  policies: [\"file://bad.json\"]\n")
        #expect {
            _ = try ChannelConfiguration.parse(file, directory: dir)
        } throws: { error in
            guard let e = error as? ConfigurationError else { return false }
            return e.kind == .syntax && e.file.name == "bad.json" && e.rendered().hasPrefix("bad.json:2:") && e.rendered().contains("not valid JSON")
        }
    }

    @Test func unreadableChannelFile() {
        #expect {
            _ = try ChannelConfiguration.load(path: "/nonexistent/channel.yaml")
        } throws: { error in
            (error as? ConfigurationError)?.kind == .unreadableFile
        }
    }
}

@Suite struct LocalChannelTests {
    /// The built-in local channel is built in code (no YAML read at start-up);
    /// it is the channel this file would give, but for the statement's place in a file.
    @Test func theLocalChannelIsTheOneItsFileWouldGive() throws {
        let file = try ChannelConfiguration.parse(SourceFile(name: "<local channel>", text: """
            platform: slack
            workspace: local
            channel: incident-response
            role:
              name: LocalResponder
              policies:
                - Version: "2012-10-17"
                  Statement:
                    - Sid: LocalSessionMayDoAnything
                      Effect: Allow
                      Action: ["ssm-incidents:*", "ssm-contacts:*", "chatbot:*CustomAction*"]
                      Resource: "*"
            """))
        let local = ChannelConfiguration.local
        #expect(local.displayName == file.displayName && local.account == file.account && local.region == file.region)
        #expect(local.role.name == file.role.name && local.role.template == file.role.template)
        #expect(local.source == file.source && local.logging == file.logging && local.members == nil)
        var placed = local.role.policies
        for i in placed.indices {
            for j in placed[i].statements.indices { placed[i].statements[j].location = file.role.policies[i].statements[j].location }
        }
        #expect(placed == file.role.policies)
    }
}

@Suite struct CurrentTimeTests {
    /// `aws:CurrentTime` reads as Foundation's ISO 8601 style writes it, to the whole second.
    @Test(arguments: [0, 1_795_514_400.999, -1.5, 951_782_400, 253_402_300_799, 1_709_164_800.25, -12_219_292_800])
    func writtenAsTheISOStyleWritesIt(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        let style = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!)
        #expect(RequestContext.iso8601(date) == date.formatted(style))
    }

    /// Before the Gregorian reform the calendar is still Gregorian (proleptic),
    /// as ISO 8601 has it (Foundation's style switches to the Julian calendar there).
    @Test func theFirstInstantIsYearOneJanuaryFirst() {
        #expect(RequestContext.iso8601(Date(timeIntervalSince1970: -62_135_596_800)) == "0001-01-01T00:00:00Z")
    }
}
