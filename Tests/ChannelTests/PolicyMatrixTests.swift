import Catalog
import Channel
import Foundation
import Syntax
import Testing
import Time

/// One row of the evaluation matrix: a channel (role, guardrails, users), a
/// request, and the expected decision with a word of its reason.
struct PolicyCase: Sendable, CustomStringConvertible {
    var name: String
    var channel: String
    var action: String
    var resource: String = "*"
    var user: String? = "alice"
    var context: [String: String] = [:]
    var tagKeys: [String]? = nil
    var allowed: Bool
    /// A piece of `Decision.why` that must appear.
    var because: String = ""

    var description: String { name }
}

/// A channel whose role has one inline policy with these statements (JSON).
func role(_ statements: String..., version: String = "2012-10-17") -> String {
    """
    role:
      name: R
      policies:
        - {"Version": "\(version)", "Statement": [\(statements.joined(separator: ", "))]}
    """
}

/// An Allow statement for actions on resources, with an optional condition (JSON).
func allow(_ action: String, _ resource: String = "*", sid: String? = nil, condition: String? = nil, not: Bool = false, notResource: Bool = false) -> String {
    statement("Allow", action, resource, sid: sid, condition: condition, not: not, notResource: notResource)
}

func deny(_ action: String, _ resource: String = "*", sid: String? = nil, condition: String? = nil, not: Bool = false, notResource: Bool = false) -> String {
    statement("Deny", action, resource, sid: sid, condition: condition, not: not, notResource: notResource)
}

func statement(_ effect: String, _ action: String, _ resource: String, sid: String?, condition: String?, not: Bool, notResource: Bool) -> String {
    var parts: [String] = []
    if let sid { parts.append("\"Sid\": \"\(sid)\"") }
    parts.append("\"Effect\": \"\(effect)\"")
    parts.append("\"\(not ? "NotAction" : "Action")\": \(action.hasPrefix("[") ? action : "\"\(action)\"")")
    parts.append("\"\(notResource ? "NotResource" : "Resource")\": \(resource.hasPrefix("[") ? resource : "\"\(resource)\"")")
    if let condition { parts.append("\"Condition\": \(condition)") }
    return "{" + parts.joined(separator: ", ") + "}"
}

/// Allows GetIncidentRecord when a condition holds.
func when(_ condition: String) -> String {
    role(allow("ssm-incidents:GetIncidentRecord", condition: condition))
}

let now = ISO8601.parse("2026-11-24T10:00:00Z")!
let epochNow = Int(now.timeIntervalSince1970)
let rec = "arn:aws:ssm-incidents::111122223333:incident-record/db/6cc4"
let get = "ssm-incidents:GetIncidentRecord"

let policyCases: [PolicyCase] = [
    // Action
    PolicyCase(name: "exact action allows", channel: role(allow(get, sid: "Read")), action: get, allowed: true, because: "\"Read\""),
    PolicyCase(name: "another action is implicitly denied", channel: role(allow(get)), action: "ssm-incidents:UpdateIncidentRecord", allowed: false, because: "no statement of role R"),
    PolicyCase(name: "Get* allows GetTimelineEvent", channel: role(allow("ssm-incidents:Get*")), action: "ssm-incidents:GetTimelineEvent", allowed: true),
    PolicyCase(name: "Get* does not allow List", channel: role(allow("ssm-incidents:Get*")), action: "ssm-incidents:ListIncidentRecords", allowed: false),
    PolicyCase(name: "service wildcard", channel: role(allow("ssm-incidents:*")), action: "ssm-incidents:DeleteResponsePlan", allowed: true),
    PolicyCase(name: "service wildcard stays in its service", channel: role(allow("ssm-incidents:*")), action: "ssm-contacts:GetContact", allowed: false),
    PolicyCase(name: "* allows everything", channel: role(allow("*")), action: "ssm-contacts:StartEngagement", allowed: true),
    PolicyCase(name: "actions ignore case", channel: role(allow("SSM-Incidents:getincidentRECORD")), action: get, allowed: true),
    PolicyCase(name: "? matches one character", channel: role(allow("ssm-incidents:?etIncidentRecord")), action: get, allowed: true),
    PolicyCase(name: "? matches exactly one", channel: role(allow("ssm-incidents:G?IncidentRecord")), action: get, allowed: false),
    PolicyCase(name: "action list", channel: role(allow("[\"ssm-incidents:ListIncidentRecords\", \"ssm-incidents:GetIncidentRecord\"]")), action: get, allowed: true),
    PolicyCase(name: "NotAction allows the rest", channel: role(allow("ssm-incidents:Delete*", not: true)), action: get, allowed: true),
    PolicyCase(name: "NotAction leaves its actions out", channel: role(allow("ssm-incidents:Delete*", not: true)), action: "ssm-incidents:DeleteTimelineEvent", allowed: false),
    PolicyCase(name: "Deny NotAction denies all but reads", channel: role(allow("*"), deny("ssm-incidents:Get*", sid: "OnlyReads", not: true)),
               action: "ssm-incidents:UpdateIncidentRecord", allowed: false, because: "\"OnlyReads\""),
    PolicyCase(name: "Deny NotAction lets reads through", channel: role(allow("*"), deny("ssm-incidents:Get*", not: true)), action: get, allowed: true),

    // Resource
    PolicyCase(name: "exact resource", channel: role(allow(get, rec)), action: get, resource: rec, allowed: true),
    PolicyCase(name: "another resource", channel: role(allow(get, rec)), action: get, resource: rec + "x", allowed: false),
    PolicyCase(name: "resource wildcard", channel: role(allow(get, "arn:aws:ssm-incidents::111122223333:incident-record/*")), action: get, resource: rec, allowed: true),
    PolicyCase(name: "resources are case-sensitive", channel: role(allow(get, "arn:aws:ssm-incidents::111122223333:Incident-Record/*")), action: get, resource: rec, allowed: false),
    PolicyCase(name: "wildcard account segment", channel: role(allow(get, "arn:aws:ssm-incidents::*:incident-record/db/*")), action: get, resource: rec, allowed: true),
    PolicyCase(name: "? in a resource", channel: role(allow(get, "arn:aws:ssm-incidents::111122223333:incident-record/db/6cc?")), action: get, resource: rec, allowed: true),
    PolicyCase(name: "? never matches a colon", channel: role(allow("sns:Publish", "arn:aws:sns:us-east-1:111122223333?t")),
               action: "sns:Publish", resource: "arn:aws:sns:us-east-1:111122223333:t", allowed: false),
    PolicyCase(name: "* inside a segment stays in it", channel: role(allow("sns:Publish", "arn:aws:sns:us-*-1:111122223333:t")),
               action: "sns:Publish", resource: "arn:aws:sns:us-east:x-1:111122223333:t", allowed: false),
    PolicyCase(name: "* ending a segment runs past colons", channel: role(allow("sns:Publish", "arn:aws:sns:*")),
               action: "sns:Publish", resource: "arn:aws:sns:us-east-1:111122223333:t", allowed: true),
    PolicyCase(name: "NotResource allows other resources", channel: role(allow("*", "arn:aws:ssm-incidents::111122223333:incident-record/prod/*", notResource: true)),
               action: get, resource: rec, allowed: true),
    PolicyCase(name: "NotResource leaves its resources out", channel: role(allow("*", "arn:aws:ssm-incidents::111122223333:incident-record/db/*", notResource: true)),
               action: get, resource: rec, allowed: false),
    PolicyCase(name: "Deny NotResource guards all but one plan", channel: role(allow("*"), deny("*", "arn:aws:ssm-incidents::111122223333:incident-record/web/*", notResource: true)),
               action: get, resource: rec, allowed: false, because: "explicitly denied"),
    PolicyCase(name: "policy variable in a resource", channel: role(allow(get, "arn:aws:ssm-incidents::111122223333:incident-record/${aws:username}/*")),
               action: get, resource: "arn:aws:ssm-incidents::111122223333:incident-record/alice/1", allowed: true),
    PolicyCase(name: "policy variable for another user", channel: role(allow(get, "arn:aws:ssm-incidents::111122223333:incident-record/${aws:username}/*")),
               action: get, resource: "arn:aws:ssm-incidents::111122223333:incident-record/bob/1", allowed: false),
    PolicyCase(name: "no variables in version 2008-10-17", channel: role(allow(get, "arn:aws:ssm-incidents::111122223333:incident-record/${aws:username}/*"), version: "2008-10-17"),
               action: get, resource: "arn:aws:ssm-incidents::111122223333:incident-record/alice/1", allowed: false),

    // Deny over allow
    PolicyCase(name: "deny wins over allow", channel: role(allow("*"), deny("ssm-incidents:DeleteTimelineEvent", sid: "KeepHistory")),
               action: "ssm-incidents:DeleteTimelineEvent", allowed: false, because: "\"KeepHistory\""),
    PolicyCase(name: "deny of another action leaves the allow", channel: role(allow("*"), deny("ssm-incidents:DeleteTimelineEvent")), action: get, allowed: true),
    PolicyCase(name: "deny in a second document wins", channel: """
        role:
          name: R
          template: incident-manager
          policies:
            - {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "ssm-incidents:UpdateIncidentRecord", "Resource": "*"}}
        """, action: "ssm-incidents:UpdateIncidentRecord", allowed: false, because: "role R policy 1"),
    PolicyCase(name: "deny whose condition fails does nothing", channel: role(allow("*"), deny(get, condition: #"{"StringEquals": {"aws:username": "bob"}}"#)),
               action: get, allowed: true),

    // The built-in template
    PolicyCase(name: "template allows the seed's commands", channel: "", action: "ssm-incidents:UpdateTimelineEvent", allowed: true, because: "IncidentManagerChatCommands"),
    PolicyCase(name: "template allows paging", channel: "", action: "ssm-contacts:StartEngagement", allowed: true, because: "IncidentManagerPaging"),
    PolicyCase(name: "template keeps plans read-only", channel: "", action: "ssm-incidents:UpdateResponsePlan", allowed: false),
    PolicyCase(name: "template keeps contact channels private", channel: "", action: "ssm-contacts:ListContactChannels", allowed: false),

    // Guardrails
    PolicyCase(name: "guardrail bounds the role", channel: role(allow("*")) + "\nguardrails:\n  - {\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"ssm-incidents:Get*\", \"ssm-incidents:List*\"], \"Resource\": \"*\"}]}",
               action: "ssm-incidents:UpdateIncidentRecord", allowed: false, because: "no guardrail"),
    PolicyCase(name: "inside role and guardrail", channel: role(allow("*")) + "\nguardrails:\n  - {\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"ssm-incidents:Get*\"], \"Resource\": \"*\"}]}",
               action: get, allowed: true, because: "within statement 1 of guardrail 1"),
    PolicyCase(name: "guardrail deny wins", channel: role(allow("*")) + "\nguardrails:\n  - {\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}, {\"Sid\": \"NoDeletes\", \"Effect\": \"Deny\", \"Action\": \"*:Delete*\", \"Resource\": \"*\"}]}",
               action: "ssm-incidents:DeleteTimelineEvent", allowed: false, because: "a guardrail"),
    PolicyCase(name: "a guardrail grants nothing by itself", channel: role(allow(get)) + "\nguardrails:\n  - {\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}}",
               action: "ssm-incidents:ListIncidentRecords", allowed: false, because: "no statement of role R"),
    PolicyCase(name: "several guardrails together", channel: role(allow("*")) + "\nguardrails:\n  - {\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"ssm-incidents:Get*\", \"Resource\": \"*\"}}\n  - {\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"ssm-contacts:*\", \"Resource\": \"*\"}}",
               action: "ssm-contacts:ListContacts", allowed: true, because: "guardrail 2"),

    // User roles and members
    PolicyCase(name: "a user's role replaces the channel's", channel: "users:\n  alice:\n    role:\n      policies:\n        - {\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"ssm-incidents:List*\", \"Resource\": \"*\"}}",
               action: get, allowed: false, because: "role alice-role"),
    PolicyCase(name: "a user's role allows its own", channel: "users:\n  alice:\n    role:\n      policies:\n        - {\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"ssm-incidents:List*\", \"Resource\": \"*\"}}",
               action: "ssm-incidents:ListTimelineEvents", allowed: true, because: "alice-role"),
    PolicyCase(name: "others keep the channel's role", channel: "users:\n  alice:\n    role:\n      policies: []",
               action: get, user: "bob", allowed: true, because: "IncidentChatRole"),
    PolicyCase(name: "a user's role meets the guardrails too", channel: "users:\n  alice:\n    role:\n      policies:\n        - {\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}}\nguardrails:\n  - {\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"ssm-incidents:Get*\", \"Resource\": \"*\"}}",
               action: "ssm-incidents:DeleteIncidentRecord", allowed: false, because: "no guardrail"),
    PolicyCase(name: "members only", channel: "members: [alice]", action: get, user: "bob", allowed: false, because: "bob is not a member"),
    PolicyCase(name: "a member", channel: "members: [alice]", action: get, allowed: true),
    PolicyCase(name: "members and no user", channel: "members: [alice]", action: get, user: nil, allowed: false, because: "no user was given"),
    PolicyCase(name: "Chime takes no commands", channel: "platform: chime", action: get, allowed: false, because: "aren't supported on Amazon Chime"),

    // String conditions
    PolicyCase(name: "StringEquals holds", channel: when(#"{"StringEquals": {"aws:username": "alice"}}"#), action: get, allowed: true),
    PolicyCase(name: "StringEquals fails", channel: when(#"{"StringEquals": {"aws:username": "alice"}}"#), action: get, user: "bob", allowed: false),
    PolicyCase(name: "StringEquals is case-sensitive", channel: when(#"{"StringEquals": {"aws:username": "Alice"}}"#), action: get, allowed: false),
    PolicyCase(name: "condition keys ignore case", channel: when(#"{"StringEquals": {"AWS:UserName": "alice"}}"#), action: get, allowed: true),
    PolicyCase(name: "values are ORed", channel: when(#"{"StringEquals": {"aws:username": ["bob", "alice"]}}"#), action: get, allowed: true),
    PolicyCase(name: "StringNotEquals holds", channel: when(#"{"StringNotEquals": {"aws:username": "alice"}}"#), action: get, user: "bob", allowed: true),
    PolicyCase(name: "negated values are NORed", channel: when(#"{"StringNotEquals": {"aws:username": ["bob", "alice"]}}"#), action: get, allowed: false),
    PolicyCase(name: "StringNotEquals holds for a missing key", channel: when(#"{"StringNotEquals": {"aws:ResourceTag/team": "db"}}"#), action: get, allowed: true),
    PolicyCase(name: "StringEquals fails for a missing key", channel: when(#"{"StringEquals": {"aws:ResourceTag/team": "db"}}"#), action: get, allowed: false),
    PolicyCase(name: "StringEqualsIgnoreCase", channel: when(#"{"StringEqualsIgnoreCase": {"aws:username": "ALICE"}}"#), action: get, allowed: true),
    PolicyCase(name: "StringNotEqualsIgnoreCase", channel: when(#"{"StringNotEqualsIgnoreCase": {"aws:username": "ALICE"}}"#), action: get, allowed: false),
    PolicyCase(name: "StringLike", channel: when(#"{"StringLike": {"aws:username": "a*e"}}"#), action: get, allowed: true),
    PolicyCase(name: "StringLike is case-sensitive", channel: when(#"{"StringLike": {"aws:username": "A*"}}"#), action: get, allowed: false),
    PolicyCase(name: "StringNotLike", channel: when(#"{"StringNotLike": {"aws:username": "a?ice"}}"#), action: get, allowed: false),
    PolicyCase(name: "variable in a condition value", channel: when(#"{"StringEquals": {"aws:ResourceTag/owner": "${aws:username}"}}"#),
               action: get, context: ["aws:ResourceTag/owner": "alice"], allowed: true),
    PolicyCase(name: "StringEqualsIfExists: missing key", channel: when(#"{"StringEqualsIfExists": {"aws:ResourceTag/team": "db"}}"#), action: get, allowed: true),
    PolicyCase(name: "StringEqualsIfExists: present and different", channel: when(#"{"StringEqualsIfExists": {"aws:ResourceTag/team": "db"}}"#),
               action: get, context: ["aws:ResourceTag/team": "web"], allowed: false),
    PolicyCase(name: "resource tag matches", channel: when(#"{"StringEquals": {"aws:ResourceTag/team": "db"}}"#), action: get, context: ["aws:ResourceTag/Team": "db"], allowed: true),

    // ARN conditions
    PolicyCase(name: "ArnLike", channel: when(#"{"ArnLike": {"aws:PrincipalArn": "arn:aws:sts::111122223333:assumed-role/IncidentChatRole/*"}}"#).replacingOccurrences(of: "name: R", with: "name: IncidentChatRole"),
               action: get, allowed: true),
    PolicyCase(name: "ArnEquals", channel: when(#"{"ArnEquals": {"aws:PrincipalArn": "arn:aws:sts::111122223333:assumed-role/R/alice"}}"#), action: get, allowed: true),
    PolicyCase(name: "ArnNotEquals", channel: when(#"{"ArnNotEquals": {"aws:PrincipalArn": "arn:aws:sts::111122223333:assumed-role/R/alice"}}"#), action: get, allowed: false),
    PolicyCase(name: "ArnNotLike", channel: when(#"{"ArnNotLike": {"aws:PrincipalArn": "arn:aws:sts::*:assumed-role/Other/*"}}"#), action: get, allowed: true),
    PolicyCase(name: "ArnLike rejects what is no ARN", channel: when(#"{"ArnLike": {"aws:SourceArn": "*"}}"#), action: get, context: ["aws:SourceArn": "not-an-arn"], allowed: false),

    // Bool and Null
    PolicyCase(name: "Bool holds", channel: when(#"{"Bool": {"aws:SecureTransport": "true"}}"#), action: get, context: ["aws:SecureTransport": "TRUE"], allowed: true),
    PolicyCase(name: "Bool takes YAML's true", channel: role(allow(get)).replacingOccurrences(of: "\"Resource\": \"*\"}", with: "\"Resource\": \"*\", \"Condition\": {\"Bool\": {\"aws:SecureTransport\": true}}}"),
               action: get, context: ["aws:SecureTransport": "true"], allowed: true),
    PolicyCase(name: "Bool fails for a missing key", channel: when(#"{"Bool": {"aws:SecureTransport": "true"}}"#), action: get, allowed: false),
    PolicyCase(name: "BoolIfExists holds for a missing key", channel: when(#"{"BoolIfExists": {"aws:SecureTransport": "true"}}"#), action: get, allowed: true),
    PolicyCase(name: "Null true: key absent", channel: when(#"{"Null": {"aws:ResourceTag/team": "true"}}"#), action: get, allowed: true),
    PolicyCase(name: "Null false: key absent", channel: when(#"{"Null": {"aws:ResourceTag/team": "false"}}"#), action: get, allowed: false),
    PolicyCase(name: "Null false: key present", channel: when(#"{"Null": {"aws:ResourceTag/team": "false"}}"#), action: get, context: ["aws:ResourceTag/team": "db"], allowed: true),

    // Numeric conditions (aws:EpochTime is the fixed clock)
    PolicyCase(name: "NumericLessThan", channel: when(#"{"NumericLessThan": {"aws:EpochTime": "1800000000"}}"#), action: get, allowed: true),
    PolicyCase(name: "NumericGreaterThan", channel: when(#"{"NumericGreaterThan": {"aws:EpochTime": "1800000000"}}"#), action: get, allowed: false),
    PolicyCase(name: "NumericEquals", channel: when(#"{"NumericEquals": {"aws:EpochTime": "\#(epochNow)"}}"#), action: get, allowed: true),
    PolicyCase(name: "NumericNotEquals", channel: when(#"{"NumericNotEquals": {"aws:EpochTime": "\#(epochNow)"}}"#), action: get, allowed: false),
    PolicyCase(name: "NumericLessThanEquals at the bound", channel: when(#"{"NumericLessThanEquals": {"aws:EpochTime": "\#(epochNow)"}}"#), action: get, allowed: true),
    PolicyCase(name: "NumericGreaterThanEquals at the bound", channel: when(#"{"NumericGreaterThanEquals": {"aws:EpochTime": "\#(epochNow)"}}"#), action: get, allowed: true),
    PolicyCase(name: "Numeric on text never matches", channel: when(#"{"NumericEquals": {"aws:username": "1"}}"#), action: get, allowed: false),
    PolicyCase(name: "NumericLessThanIfExists, missing", channel: when(#"{"NumericLessThanIfExists": {"ssm-incidents:impact": "3"}}"#), action: get, allowed: true),

    // Date conditions (aws:CurrentTime is 2026-11-24T10:00:00Z)
    PolicyCase(name: "DateLessThan", channel: when(#"{"DateLessThan": {"aws:CurrentTime": "2027-01-01T00:00:00Z"}}"#), action: get, allowed: true),
    PolicyCase(name: "DateGreaterThan", channel: when(#"{"DateGreaterThan": {"aws:CurrentTime": "2027-01-01T00:00:00Z"}}"#), action: get, allowed: false),
    PolicyCase(name: "DateEquals", channel: when(#"{"DateEquals": {"aws:CurrentTime": "2026-11-24T10:00:00Z"}}"#), action: get, allowed: true),
    PolicyCase(name: "DateNotEquals", channel: when(#"{"DateNotEquals": {"aws:CurrentTime": "2026-11-24T10:00:00Z"}}"#), action: get, allowed: false),
    PolicyCase(name: "DateLessThanEquals at the bound", channel: when(#"{"DateLessThanEquals": {"aws:CurrentTime": "2026-11-24T10:00:00Z"}}"#), action: get, allowed: true),
    PolicyCase(name: "DateGreaterThanEquals, epoch seconds", channel: when(#"{"DateGreaterThanEquals": {"aws:CurrentTime": "1700000000"}}"#), action: get, allowed: true),
    PolicyCase(name: "DateGreaterThan, a date alone", channel: when(#"{"DateGreaterThan": {"aws:CurrentTime": "2026-11-25"}}"#), action: get, allowed: false),
    PolicyCase(name: "conditions are ANDed", channel: when(#"{"StringEquals": {"aws:username": "alice"}, "DateLessThan": {"aws:CurrentTime": "2020-01-01T00:00:00Z"}}"#), action: get, allowed: false),

    // Set operators over aws:TagKeys
    PolicyCase(name: "ForAnyValue: one matches", channel: when(#"{"ForAnyValue:StringEquals": {"aws:TagKeys": ["env"]}}"#), action: get, tagKeys: ["env", "team"], allowed: true),
    PolicyCase(name: "ForAnyValue: none matches", channel: when(#"{"ForAnyValue:StringEquals": {"aws:TagKeys": ["env"]}}"#), action: get, tagKeys: ["team"], allowed: false),
    PolicyCase(name: "ForAnyValue: missing key", channel: when(#"{"ForAnyValue:StringEquals": {"aws:TagKeys": ["env"]}}"#), action: get, allowed: false),
    PolicyCase(name: "ForAllValues: all match", channel: when(#"{"ForAllValues:StringEquals": {"aws:TagKeys": ["env", "team"]}}"#), action: get, tagKeys: ["env"], allowed: true),
    PolicyCase(name: "ForAllValues: one does not", channel: when(#"{"ForAllValues:StringEquals": {"aws:TagKeys": ["env", "team"]}}"#), action: get, tagKeys: ["env", "owner"], allowed: false),
    PolicyCase(name: "ForAllValues: missing key holds", channel: when(#"{"ForAllValues:StringEquals": {"aws:TagKeys": ["env"]}}"#), action: get, allowed: true),
    PolicyCase(name: "ForAllValues:StringLike", channel: when(#"{"ForAllValues:StringLike": {"aws:TagKeys": ["team-*"]}}"#), action: get, tagKeys: ["team-a", "team-b"], allowed: true),
    PolicyCase(name: "ForAnyValue:StringNotEquals", channel: when(#"{"ForAnyValue:StringNotEquals": {"aws:TagKeys": ["env"]}}"#), action: get, tagKeys: ["env", "x"], allowed: true),
    PolicyCase(name: "deny when any tag key is reserved", channel: role(allow("*"), deny("*", sid: "NoOwnerTag", condition: #"{"ForAnyValue:StringEquals": {"aws:TagKeys": ["owner"]}}"#)),
               action: "ssm-incidents:TagResource", tagKeys: ["env", "owner"], allowed: false, because: "NoOwnerTag"),

    // IP address
    PolicyCase(name: "IpAddress", channel: when(#"{"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}"#), action: get, context: ["aws:SourceIp": "10.1.2.3"], allowed: true),
    PolicyCase(name: "NotIpAddress", channel: when(#"{"NotIpAddress": {"aws:SourceIp": "10.0.0.0/8"}}"#), action: get, context: ["aws:SourceIp": "10.1.2.3"], allowed: false),
]

@Suite struct PolicyMatrixTests {
    @Test("the matrix has at least 60 cases") func size() {
        #expect(policyCases.count >= 60)
    }

    @Test(arguments: policyCases) func decide(_ c: PolicyCase) throws {
        let configuration = try ChannelConfiguration.parse(SourceFile(name: "channel.yaml", text: c.channel))
        let authorizer = ChannelAuthorizer(configuration)
        var context = authorizer.context(user: c.user, now: now)
        for (k, v) in c.context { context[k] = v }
        if let keys = c.tagKeys { context.set("aws:TagKeys", values: keys) }
        let decision = authorizer.authorize(action: c.action, resource: c.resource, user: c.user, context: context)
        #expect(decision.isAllowed == c.allowed, "\(decision.explanation)")
        if !c.because.isEmpty {
            #expect(decision.why.contains(c.because), "\(decision.why)")
        }
        #expect((decision.message == nil) == c.allowed)
    }
}
