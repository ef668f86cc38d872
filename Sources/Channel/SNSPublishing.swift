import JSON
import Catalog

/// Whether Incident Manager may publish to a channel's SNS topic: the topic's
/// access policy must let the service principal `ssm-incidents.amazonaws.com`
/// `SNS:Publish` on the topic's ARN, with `aws:SourceAccount` (the seed
/// writes `AWS:SourceAccount`; keys ignore case) set to the channel's account.
public enum SNSPublishing {
    public static let servicePrincipal = "ssm-incidents.amazonaws.com"
    public static let action = "SNS:Publish"
    public static let seedSid = "IncidentManagerSNSPublishingPermissions"

    /// The statement of the seed's "Configuring SNS permissions", for a topic and an account.
    public static func seedStatement(topicArn: String, account: String) -> Statement {
        Statement(sid: seedSid, effect: .allow, principal: Principals(services: [servicePrincipal]),
                  actions: .action([Wildcard(action, flavor: .action)]), resources: .resource([topicArn]),
                  conditions: [Condition(ConditionOperator(.stringEquals, ifExists: true), key: "AWS:SourceAccount", values: [account])])
    }

    /// The same statement as JSON, as it goes into the topic policy's `Statement` array.
    public static func seedStatementJSON(topicArn: String, account: String) -> String {
        JSON.object([
            ("Sid", .string(seedSid)),
            ("Effect", .string("Allow")),
            ("Principal", .object([("Service", .string(servicePrincipal))])),
            ("Action", .string(action)),
            ("Resource", .string(topicArn)),
            ("Condition", .object([("StringEqualsIfExists", .object([("AWS:SourceAccount", .string(account))]))])),
        ]).indented(by: 2)
    }

    /// The verdict for one topic.
    public enum Permission: Sendable, Hashable {
        case allowed(StatementReference)
        case denied(reason: String)

        public var isAllowed: Bool { if case .allowed = self { true } else { false } }
    }

    /// Decides whether the service may publish to `topic` for `account`.
    /// `incidentArn`, when given, is the request's `aws:SourceArn`.
    public static func permission(for topic: Topic, account: String, incidentArn: String? = nil) -> Permission {
        guard let policy = topic.policy else {
            return .denied(reason: "the topic has no access policy, and SNS's default policy lets no service publish")
        }
        var context = RequestContext()
        context["aws:SourceAccount"] = account
        if let incidentArn { context["aws:SourceArn"] = incidentArn }
        switch PolicyEvaluator.evaluate([policy], action: action, resource: topic.arn, context: context, caller: .service(servicePrincipal)) {
        case .allowed(let reference): return .allowed(reference)
        case .explicitDeny(let reference): return .denied(reason: "\(reference) denies it")
        case .implicitDeny: return .denied(reason: "no statement of its access policy lets \(servicePrincipal) \(action) on the topic for account \(account)")
        }
    }

    /// Whether the service may publish to `topic` for `account`.
    public static func canPublish(_ topic: Topic, account: String) -> Bool {
        permission(for: topic, account: account).isAllowed
    }

    /// What the user reads when a topic drops notifications: why, and exactly
    /// which statement to add to the topic's policy.
    public static func warning(topic: Topic, account: String, reason: String) -> String {
        """
        warning: Incident Manager cannot publish to SNS topic \(topic.arn): \(reason); its notifications are dropped.
        Add this statement to the topic's access policy (its "Statement" array):
        \(seedStatementJSON(topicArn: topic.arn, account: account))
        """
    }
}
