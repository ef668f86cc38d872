import Catalog

/// What IAM sees of a request: the action (`ssm-incidents:CreateTimelineEvent`)
/// and the resource it acts on, taken from the input member that names it.
///
/// The table below is data: one row an operation of both services. Operations
/// that act on no single resource (List*, Create* of a new set) use `*`; the
/// ones that create a named resource build its ARN from the name.
public enum OperationPermissions {
    /// Where a request's resource comes from.
    public enum ResourceSource: Sendable, Hashable {
        /// The member holds the resource's ARN.
        case member(String)
        /// The member holds a name; the ARN is the template with `{account}`,
        /// `{region}` and `{name}` filled in.
        case named(member: String, template: String)
        /// No single resource: `*`.
        case any
    }

    /// `service:Operation`; both services' IAM prefixes are their names.
    public static func action(for request: Request) -> String {
        "\(request.service.rawValue):\(request.operation)"
    }

    /// The resource ARN of a request (`*` when there is none, or when the member is missing).
    public static func resource(for request: Request, account: String, region: String) -> String {
        guard let source = table[request.service]?[request.operation] else { return "*" }
        switch source {
        case .any:
            return "*"
        case .member(let name):
            return request.input[name]?.string ?? "*"
        case .named(let member, let template):
            guard let name = request.input[member]?.string else { return "*" }
            return template.replacingOccurrences(of: "{account}", with: account)
                .replacingOccurrences(of: "{region}", with: region)
                .replacingOccurrences(of: "{name}", with: name)
        }
    }

    /// The channel's custom actions (aliases), named in IAM as the chat
    /// service (`chatbot`) names them: each alias command is one of these
    /// actions, on the alias's ARN (`*` for listing). Docs/permissions.md
    /// lists them.
    public enum CustomAction: String, Sendable, Hashable, CaseIterable {
        /// `@aws alias create NAME COMMAND`
        case create = "CreateCustomAction"
        /// `@aws alias update NAME COMMAND`
        case update = "UpdateCustomAction"
        /// `@aws alias delete NAME`
        case delete = "DeleteCustomAction"
        /// `@aws alias list`
        case list = "ListCustomActions"
        /// `@aws run NAME ...`; the command it expands to is authorised on its own.
        case invoke = "InvokeCustomAction"

        /// The IAM prefix of the chat service's actions.
        public static let prefix = "chatbot"

        /// `chatbot:CreateCustomAction`, ...
        public var action: String { "\(Self.prefix):\(rawValue)" }

        /// The alias's ARN, `arn:aws:chatbot::ACCOUNT:custom-action/NAME`
        /// (the chat service is global: no Region); `*` without a name.
        public static func resource(alias name: String?, account: String) -> String {
            name.map { "arn:aws:chatbot::\(account):custom-action/\($0)" } ?? "*"
        }
    }

    /// The resource source of every operation, by service and API name.
    public static let table: [ServiceName: [String: ResourceSource]] = [
        .incidents: [
            "BatchGetIncidentFindings": .member("incidentRecordArn"),
            "CreateReplicationSet": .any,
            "CreateResponsePlan": .named(member: "name", template: "arn:aws:ssm-incidents::{account}:response-plan/{name}"),
            "CreateTimelineEvent": .member("incidentRecordArn"),
            "DeleteIncidentRecord": .member("arn"),
            "DeleteReplicationSet": .member("arn"),
            "DeleteResourcePolicy": .member("resourceArn"),
            "DeleteResponsePlan": .member("arn"),
            "DeleteTimelineEvent": .member("incidentRecordArn"),
            "GetIncidentRecord": .member("arn"),
            "GetReplicationSet": .member("arn"),
            "GetResourcePolicies": .member("resourceArn"),
            "GetResponsePlan": .member("arn"),
            "GetTimelineEvent": .member("incidentRecordArn"),
            "ListIncidentFindings": .member("incidentRecordArn"),
            "ListIncidentRecords": .any,
            "ListRelatedItems": .member("incidentRecordArn"),
            "ListReplicationSets": .any,
            "ListResponsePlans": .any,
            "ListTagsForResource": .member("resourceArn"),
            "ListTimelineEvents": .member("incidentRecordArn"),
            "PutResourcePolicy": .member("resourceArn"),
            "StartIncident": .member("responsePlanArn"),
            "TagResource": .member("resourceArn"),
            "UntagResource": .member("resourceArn"),
            "UpdateDeletionProtection": .member("arn"),
            "UpdateIncidentRecord": .member("arn"),
            "UpdateRelatedItems": .member("incidentRecordArn"),
            "UpdateReplicationSet": .member("arn"),
            "UpdateResponsePlan": .member("arn"),
            "UpdateTimelineEvent": .member("incidentRecordArn"),
        ],
        .contacts: [
            "AcceptPage": .member("PageId"),
            "ActivateContactChannel": .member("ContactChannelId"),
            "CreateContact": .named(member: "Alias", template: "arn:aws:ssm-contacts:{region}:{account}:contact/{name}"),
            "CreateContactChannel": .member("ContactId"),
            "CreateRotation": .named(member: "Name", template: "arn:aws:ssm-contacts:{region}:{account}:rotation/{name}"),
            "CreateRotationOverride": .member("RotationId"),
            "DeactivateContactChannel": .member("ContactChannelId"),
            "DeleteContact": .member("ContactId"),
            "DeleteContactChannel": .member("ContactChannelId"),
            "DeleteRotation": .member("RotationId"),
            "DeleteRotationOverride": .member("RotationId"),
            "DescribeEngagement": .member("EngagementId"),
            "DescribePage": .member("PageId"),
            "GetContact": .member("ContactId"),
            "GetContactChannel": .member("ContactChannelId"),
            "GetContactPolicy": .member("ContactArn"),
            "GetRotation": .member("RotationId"),
            "GetRotationOverride": .member("RotationId"),
            "ListContactChannels": .member("ContactId"),
            "ListContacts": .any,
            "ListEngagements": .any,
            "ListPageReceipts": .member("PageId"),
            "ListPageResolutions": .member("PageId"),
            "ListPagesByContact": .member("ContactId"),
            "ListPagesByEngagement": .member("EngagementId"),
            "ListPreviewRotationShifts": .any,
            "ListRotationOverrides": .member("RotationId"),
            "ListRotationShifts": .member("RotationId"),
            "ListRotations": .any,
            "ListTagsForResource": .member("ResourceARN"),
            "PutContactPolicy": .member("ContactArn"),
            "SendActivationCode": .member("ContactChannelId"),
            "StartEngagement": .member("ContactId"),
            "StopEngagement": .member("EngagementId"),
            "TagResource": .member("ResourceARN"),
            "UntagResource": .member("ResourceARN"),
            "UpdateContact": .member("ContactId"),
            "UpdateContactChannel": .member("ContactChannelId"),
            "UpdateRotation": .member("RotationId"),
        ],
    ]

    /// The request's tag keys and values, for `aws:RequestTag/KEY` and
    /// `aws:TagKeys`: a `tags` map (ssm-incidents), a `Tags` list of
    /// `{Key, Value}` (ssm-contacts), or the `tagKeys`/`TagKeys` being removed.
    public static func requestTags(of request: Request) -> (tags: [(String, String)], keys: [String])? {
        var tags: [(String, String)] = []
        var keys: [String] = []
        var found = false
        if let map = (request.input["tags"] ?? request.input["Tags"])?.members {
            found = true
            for (k, v) in map { tags.append((k, v.string ?? "")); keys.append(k) }
        } else if let list = request.input["Tags"]?.list {
            found = true
            for item in list {
                guard let k = item["Key"]?.string else { continue }
                tags.append((k, item["Value"]?.string ?? ""))
                keys.append(k)
            }
        }
        if let removed = (request.input["tagKeys"] ?? request.input["TagKeys"])?.list {
            found = true
            keys += removed.compactMap(\.string)
        }
        return found ? (tags, keys) : nil
    }
}
