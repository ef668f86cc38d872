import Channel
import Foundation
import Testing

@Suite struct NotificationTests {
    static let arn = "arn:aws:ssm-incidents::111122223333:incident-record/db/6cc4"

    static let samples: [IncidentNotification] = [
        .started(incidentArn: arn, title: "Database failover", impact: 1, summary: "Primary <db-1> & replica lag", time: now),
        .statusChanged(incidentArn: arn, title: "Database failover", from: "OPEN", to: "RESOLVED", time: now),
        .impactChanged(incidentArn: arn, title: "Database failover", from: 1, to: 3, time: now),
        .titleChanged(incidentArn: arn, from: "Database failover", to: "Database failover in us-east-1", time: now),
        .summaryChanged(incidentArn: arn, title: "Database failover", summary: "Replica promoted.\nWrites resumed at 10:12.", time: now),
        .timelineEventAdded(incidentArn: arn, title: "Database failover", eventType: "Custom Event", eventData: "\"Failover started\"", eventTime: now, time: now),
        .relatedItemAdded(incidentArn: arn, title: "Database failover", itemTitle: "Runbook", itemType: "OTHER", identifier: "https://wiki.example/runbooks/db", time: now),
        .contactPaged(incidentArn: arn, title: "Database failover", contact: "bob", channels: ["SMS", "EMAIL"], subject: "Stage 2: <db-1> down", time: now),
    ]

    @Test func everyKindHasASample() {
        #expect(Set(Self.samples.map(\.kind)) == Set(IncidentNotification.Kind.allCases))
    }

    @Test func payloads() throws {
        var slack = "", chime = "", terminal = ""
        for n in Self.samples {
            slack += "== \(n.kind.rawValue)\n" + NotificationFormatter.slackPayload(n).indented(by: 2) + "\n"
            chime += "== \(n.kind.rawValue)\n" + NotificationFormatter.chimePayload(n).indented(by: 2) + "\n"
            terminal += "== \(n.kind.rawValue)\n" + NotificationFormatter.terminal(n, channel: "slack:acme/#incident-response")
        }
        for (text, name) in [(slack, "notifications-slack.txt"), (chime, "notifications-chime.txt"), (terminal, "notifications-terminal.txt")] {
            if let problem = try Support.checkGolden(text, name) { Issue.record("\(problem)") }
        }
    }

    @Test func payloadsAreJSON() throws {
        for n in Self.samples {
            for payload in [NotificationFormatter.slackPayload(n), NotificationFormatter.chimePayload(n)] {
                let object = try JSONSerialization.jsonObject(with: Data(payload.compact.utf8)) as? [String: Any]
                #expect(object != nil)
            }
        }
        let chime = try JSONSerialization.jsonObject(with: Data(NotificationFormatter.chimePayload(Self.samples[0]).compact.utf8)) as? [String: Any]
        #expect((chime?["Content"] as? String)?.hasPrefix("/md **Incident started: Database failover**") == true)
        let slack = try JSONSerialization.jsonObject(with: Data(NotificationFormatter.slackPayload(Self.samples[0]).compact.utf8)) as? [String: Any]
        #expect((slack?["blocks"] as? [Any])?.count == 3)
    }

    @Test func slackEscapesItsControlCharacters() {
        let text = NotificationFormatter.slackPayload(Self.samples[0]).compact
        #expect(text.contains("Primary &lt;db-1&gt; &amp; replica lag"))
        #expect(!text.contains("<db-1>"))
    }

    @Test func terminalColorsOnlyWhenAsked() {
        #expect(!NotificationFormatter.terminal(Self.samples[0], channel: "c").contains("\u{1B}"))
        #expect(NotificationFormatter.terminal(Self.samples[0], channel: "c", colors: true).contains("\u{1B}[1m"))
    }
}
