/// The IAM resource of each operation: which input member names what the
/// request acts on, for policy evaluation (`Resource` in a statement).
///
/// Facts about the APIs, written by hand beside the generated catalog and
/// keyed by the operation enums: the switches are exhaustive, so a new
/// operation does not compile until it has a row.
public enum IAMResource: Sendable, Hashable {
    /// The member holds the resource's ARN.
    case member(String)
    /// The member holds a name; the ARN is the template with `{account}`,
    /// `{region}` and `{name}` filled in (the operations that create a named resource).
    case named(member: String, template: String)
    /// No single resource (List*, Create* of a new set): `*`.
    case any
}

extension OperationName {
    /// The IAM action, `ssm-incidents:CreateTimelineEvent`: both services'
    /// IAM prefixes are their names.
    public var iamAction: String { "\(service.rawValue):\(name)" }

    /// Where the IAM resource of a request for this operation comes from.
    public var iamResource: IAMResource {
        switch self {
        case .incidents(let operation): operation.iamResource
        case .contacts(let operation): operation.iamResource
        }
    }
}

extension IncidentsOperation {
    /// Where the IAM resource of a request for this operation comes from.
    public var iamResource: IAMResource {
        switch self {
        case .batchGetIncidentFindings: .member("incidentRecordArn")
        case .createReplicationSet: .any
        case .createResponsePlan: .named(member: "name", template: "arn:aws:ssm-incidents::{account}:response-plan/{name}")
        case .createTimelineEvent: .member("incidentRecordArn")
        case .deleteIncidentRecord: .member("arn")
        case .deleteReplicationSet: .member("arn")
        case .deleteResourcePolicy: .member("resourceArn")
        case .deleteResponsePlan: .member("arn")
        case .deleteTimelineEvent: .member("incidentRecordArn")
        case .getIncidentRecord: .member("arn")
        case .getReplicationSet: .member("arn")
        case .getResourcePolicies: .member("resourceArn")
        case .getResponsePlan: .member("arn")
        case .getTimelineEvent: .member("incidentRecordArn")
        case .listIncidentFindings: .member("incidentRecordArn")
        case .listIncidentRecords: .any
        case .listRelatedItems: .member("incidentRecordArn")
        case .listReplicationSets: .any
        case .listResponsePlans: .any
        case .listTagsForResource: .member("resourceArn")
        case .listTimelineEvents: .member("incidentRecordArn")
        case .putResourcePolicy: .member("resourceArn")
        case .startIncident: .member("responsePlanArn")
        case .tagResource: .member("resourceArn")
        case .untagResource: .member("resourceArn")
        case .updateDeletionProtection: .member("arn")
        case .updateIncidentRecord: .member("arn")
        case .updateRelatedItems: .member("incidentRecordArn")
        case .updateReplicationSet: .member("arn")
        case .updateResponsePlan: .member("arn")
        case .updateTimelineEvent: .member("incidentRecordArn")
        }
    }
}

extension ContactsOperation {
    /// Where the IAM resource of a request for this operation comes from.
    public var iamResource: IAMResource {
        switch self {
        case .acceptPage: .member("PageId")
        case .activateContactChannel: .member("ContactChannelId")
        case .createContact: .named(member: "Alias", template: "arn:aws:ssm-contacts:{region}:{account}:contact/{name}")
        case .createContactChannel: .member("ContactId")
        case .createRotation: .named(member: "Name", template: "arn:aws:ssm-contacts:{region}:{account}:rotation/{name}")
        case .createRotationOverride: .member("RotationId")
        case .deactivateContactChannel: .member("ContactChannelId")
        case .deleteContact: .member("ContactId")
        case .deleteContactChannel: .member("ContactChannelId")
        case .deleteRotation: .member("RotationId")
        case .deleteRotationOverride: .member("RotationId")
        case .describeEngagement: .member("EngagementId")
        case .describePage: .member("PageId")
        case .getContact: .member("ContactId")
        case .getContactChannel: .member("ContactChannelId")
        case .getContactPolicy: .member("ContactArn")
        case .getRotation: .member("RotationId")
        case .getRotationOverride: .member("RotationId")
        case .listContactChannels: .member("ContactId")
        case .listContacts: .any
        case .listEngagements: .any
        case .listPageReceipts: .member("PageId")
        case .listPageResolutions: .member("PageId")
        case .listPagesByContact: .member("ContactId")
        case .listPagesByEngagement: .member("EngagementId")
        case .listPreviewRotationShifts: .any
        case .listRotationOverrides: .member("RotationId")
        case .listRotationShifts: .member("RotationId")
        case .listRotations: .any
        case .listTagsForResource: .member("ResourceARN")
        case .putContactPolicy: .member("ContactArn")
        case .sendActivationCode: .member("ContactChannelId")
        case .startEngagement: .member("ContactId")
        case .stopEngagement: .member("EngagementId")
        case .tagResource: .member("ResourceARN")
        case .untagResource: .member("ResourceARN")
        case .updateContact: .member("ContactId")
        case .updateContactChannel: .member("ContactChannelId")
        case .updateRotation: .member("RotationId")
        }
    }
}
