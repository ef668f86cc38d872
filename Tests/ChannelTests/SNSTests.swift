import Channel
import Foundation
import Syntax
import Testing

@Suite struct SNSTests {
    static let topicArn = "arn:aws:sns:us-east-1:111122223333:incident-updates"
    static let incident = "arn:aws:ssm-incidents::111122223333:incident-record/db/6cc4"

    /// A channel with one topic whose policy has these statements (JSON).
    func channel(_ statements: String, account: String = "111122223333") throws -> ChannelConfiguration {
        try ChannelConfiguration.parse(SourceFile(name: "c.yaml", text: """
            account: "\(account)"
            topics:
              - arn: \(Self.topicArn)
                policy: {"Version": "2012-10-17", "Statement": [\(statements)]}
            """))
    }

    /// The seed's statement, verbatim but for the topic ARN.
    static let seed = """
        {
         "Sid": "IncidentManagerSNSPublishingPermissions",
         "Effect": "Allow",
         "Principal": {
           "Service": "ssm-incidents.amazonaws.com"
         },
         "Action": "SNS:Publish",
         "Resource": "\(topicArn)",
         "Condition": {
           "StringEqualsIfExists": {
             "AWS:SourceAccount": "111122223333"
            }
          }
        }
        """

    @Test func theSeedStatementAllowsPublishing() throws {
        let c = try channel(Self.seed)
        #expect(SNSPublishing.canPublish(c.topics[0], account: "111122223333"))
    }

    @Test func anotherAccountIsRefused() throws {
        let c = try channel(Self.seed, account: "444455556666")
        #expect(!SNSPublishing.canPublish(c.topics[0], account: "444455556666"))
    }

    @Test func anotherTopicIsRefused() throws {
        let c = try channel(Self.seed.replacingOccurrences(of: "incident-updates\"", with: "other\""))
        #expect(!SNSPublishing.canPublish(c.topics[0], account: "111122223333"))
    }

    @Test func anotherServiceIsRefused() throws {
        let c = try channel(Self.seed.replacingOccurrences(of: "ssm-incidents.amazonaws.com", with: "events.amazonaws.com"))
        #expect(!SNSPublishing.canPublish(c.topics[0], account: "111122223333"))
    }

    @Test func aWildcardPrincipalAndActionAllow() throws {
        let c = try channel(#"{"Effect": "Allow", "Principal": "*", "Action": "sns:*", "Resource": "arn:aws:sns:*:111122223333:*"}"#)
        #expect(SNSPublishing.canPublish(c.topics[0], account: "111122223333"))
    }

    @Test func aDenyWins() throws {
        let c = try channel(Self.seed + #", {"Sid": "Quiet", "Effect": "Deny", "Principal": {"Service": ["ssm-incidents.amazonaws.com"]}, "Action": "SNS:*", "Resource": "*"}"#)
        let p = SNSPublishing.permission(for: c.topics[0], account: "111122223333")
        #expect(p == .denied(reason: "statement \"Quiet\" (2 of access policy of topic \(Self.topicArn), c.yaml:17:4) denies it"))
    }

    @Test func deliveredAndDropped() throws {
        let c = try ChannelConfiguration.parse(SourceFile(name: "c.yaml", text: """
            workspace: acme
            topics:
              - arn: \(Self.topicArn)
                policy: {"Version": "2012-10-17", "Statement": [\(Self.seed)]}
              - arn: arn:aws:sns:us-east-1:111122223333:forgotten
                policy: {"Version": "2012-10-17", "Statement": []}
              - arn: arn:aws:sns:us-east-1:111122223333:no-policy
            webhooks:
              - {kind: slack, url: "https://hooks.slack.example/T/B/X"}
              - {kind: chime, url: "https://hooks.chime.example/incomingwebhooks/1"}
            """))
        let n = IncidentNotification.started(incidentArn: Self.incident, title: "Database failover", impact: 1, time: now)
        let result = NotificationPublisher(c).publish(n)
        #expect(result.deliveries.map(\.topicArn) == [Self.topicArn])
        #expect(result.deliveries[0].webhookMessages.map(\.kind) == [.slack, .chime])
        #expect(result.warnings.map(\.topicArn) == ["arn:aws:sns:us-east-1:111122223333:forgotten", "arn:aws:sns:us-east-1:111122223333:no-policy"])
        let text = result.warnings.map(\.message).joined(separator: "\n\n") + "\n"
        if let problem = try Support.checkGolden(text, "sns-warnings.txt") { Issue.record("\(problem)") }
        // The statement the warning asks for is the one that lets it through.
        let fixed = try ChannelConfiguration.parse(SourceFile(name: "c.yaml", text: """
            topics:
              - arn: arn:aws:sns:us-east-1:111122223333:forgotten
                policy: {"Version": "2012-10-17", "Statement": [\(SNSPublishing.seedStatementJSON(topicArn: "arn:aws:sns:us-east-1:111122223333:forgotten", account: "111122223333"))]}
            """))
        #expect(NotificationPublisher(fixed).publish(n).warnings.isEmpty)
    }

    @Test func onlyTheIncidentsTopics() throws {
        let c = try channel(Self.seed)
        let n = IncidentNotification.started(incidentArn: Self.incident, title: "x", impact: 3, time: now)
        #expect(NotificationPublisher(c).publish(n, topics: ["arn:aws:sns:us-east-1:111122223333:elsewhere"]).deliveries.isEmpty)
        #expect(NotificationPublisher(c).publish(n, topics: [Self.topicArn]).deliveries.count == 1)
    }
}
