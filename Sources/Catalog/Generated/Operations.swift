// GENERATED FILE: do not edit by hand.
// Written by `python3 Scripts/generate-catalog.py (make catalog)` from botocore 1.43.11 (ssm-incidents 2018-05-10, ssm-contacts 2021-05-03).
// Change the generator or Scripts/catalog-summaries.json and run it again.

/// The 31 operations of ssm-incidents, by API name, in model order.
public enum IncidentsOperation: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case batchGetIncidentFindings = "BatchGetIncidentFindings"
    case createReplicationSet = "CreateReplicationSet"
    case createResponsePlan = "CreateResponsePlan"
    case createTimelineEvent = "CreateTimelineEvent"
    case deleteIncidentRecord = "DeleteIncidentRecord"
    case deleteReplicationSet = "DeleteReplicationSet"
    case deleteResourcePolicy = "DeleteResourcePolicy"
    case deleteResponsePlan = "DeleteResponsePlan"
    case deleteTimelineEvent = "DeleteTimelineEvent"
    case getIncidentRecord = "GetIncidentRecord"
    case getReplicationSet = "GetReplicationSet"
    case getResourcePolicies = "GetResourcePolicies"
    case getResponsePlan = "GetResponsePlan"
    case getTimelineEvent = "GetTimelineEvent"
    case listIncidentFindings = "ListIncidentFindings"
    case listIncidentRecords = "ListIncidentRecords"
    case listRelatedItems = "ListRelatedItems"
    case listReplicationSets = "ListReplicationSets"
    case listResponsePlans = "ListResponsePlans"
    case listTagsForResource = "ListTagsForResource"
    case listTimelineEvents = "ListTimelineEvents"
    case putResourcePolicy = "PutResourcePolicy"
    case startIncident = "StartIncident"
    case tagResource = "TagResource"
    case untagResource = "UntagResource"
    case updateDeletionProtection = "UpdateDeletionProtection"
    case updateIncidentRecord = "UpdateIncidentRecord"
    case updateRelatedItems = "UpdateRelatedItems"
    case updateReplicationSet = "UpdateReplicationSet"
    case updateResponsePlan = "UpdateResponsePlan"
    case updateTimelineEvent = "UpdateTimelineEvent"

    /// The API name, as a message or a log shows it.
    public var description: String { rawValue }
}

/// The 39 operations of ssm-contacts, by API name, in model order.
public enum ContactsOperation: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case acceptPage = "AcceptPage"
    case activateContactChannel = "ActivateContactChannel"
    case createContact = "CreateContact"
    case createContactChannel = "CreateContactChannel"
    case createRotation = "CreateRotation"
    case createRotationOverride = "CreateRotationOverride"
    case deactivateContactChannel = "DeactivateContactChannel"
    case deleteContact = "DeleteContact"
    case deleteContactChannel = "DeleteContactChannel"
    case deleteRotation = "DeleteRotation"
    case deleteRotationOverride = "DeleteRotationOverride"
    case describeEngagement = "DescribeEngagement"
    case describePage = "DescribePage"
    case getContact = "GetContact"
    case getContactChannel = "GetContactChannel"
    case getContactPolicy = "GetContactPolicy"
    case getRotation = "GetRotation"
    case getRotationOverride = "GetRotationOverride"
    case listContactChannels = "ListContactChannels"
    case listContacts = "ListContacts"
    case listEngagements = "ListEngagements"
    case listPageReceipts = "ListPageReceipts"
    case listPageResolutions = "ListPageResolutions"
    case listPagesByContact = "ListPagesByContact"
    case listPagesByEngagement = "ListPagesByEngagement"
    case listPreviewRotationShifts = "ListPreviewRotationShifts"
    case listRotationOverrides = "ListRotationOverrides"
    case listRotationShifts = "ListRotationShifts"
    case listRotations = "ListRotations"
    case listTagsForResource = "ListTagsForResource"
    case putContactPolicy = "PutContactPolicy"
    case sendActivationCode = "SendActivationCode"
    case startEngagement = "StartEngagement"
    case stopEngagement = "StopEngagement"
    case tagResource = "TagResource"
    case untagResource = "UntagResource"
    case updateContact = "UpdateContact"
    case updateContactChannel = "UpdateContactChannel"
    case updateRotation = "UpdateRotation"

    /// The API name, as a message or a log shows it.
    public var description: String { rawValue }
}

/// One operation of either service: what a `Request` and an `Operation` carry.
public enum OperationName: Sendable, Hashable, CustomStringConvertible {
    case incidents(IncidentsOperation)
    case contacts(ContactsOperation)

    /// The service the operation belongs to.
    public var service: ServiceName {
        switch self {
        case .incidents: .incidents
        case .contacts: .contacts
        }
    }

    /// The API name, `CreateTimelineEvent`.
    public var name: String {
        switch self {
        case .incidents(let operation): operation.rawValue
        case .contacts(let operation): operation.rawValue
        }
    }

    /// The API name, as a message or a log shows it.
    public var description: String { name }

    /// The operation of `service` with this API name, if it has one.
    public init?(service: ServiceName, name: String) {
        switch service {
        case .incidents:
            guard let operation = IncidentsOperation(rawValue: name) else { return nil }
            self = .incidents(operation)
        case .contacts:
            guard let operation = ContactsOperation(rawValue: name) else { return nil }
            self = .contacts(operation)
        }
    }

    /// Every operation of every service, service by service in model order.
    public static let allCases: [OperationName] =
        IncidentsOperation.allCases.map(OperationName.incidents) + ContactsOperation.allCases.map(OperationName.contacts)
}
