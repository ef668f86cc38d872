/// Which operations notify the incident's chat channel: after a successful
/// request, Incident Manager publishes to the SNS topics of the incident's
/// chat channel for these, and for no other (`ChannelGate` words them).
///
/// Facts about the APIs, written by hand beside the generated catalog and
/// keyed by the operation enums: the switches are exhaustive, so a new
/// operation does not compile until it says whether it notifies.
public enum ChannelNotice: Sendable, Hashable, CaseIterable {
    /// The incident started; the incident is the output's `incidentRecordArn`.
    case incidentStarted
    /// The record's status, impact, title or summary changed; the incident is the input's `arn`.
    case incidentUpdated
    /// A timeline event was added; the incident is the input's `incidentRecordArn`.
    case timelineEventAdded
    /// Related items were added; the incident is the input's `incidentRecordArn`.
    case relatedItemsAdded
}

extension OperationName {
    /// What a successful request for this operation tells the incident's chat channel, if anything.
    public var channelNotice: ChannelNotice? {
        switch self {
        case .incidents(let operation): operation.channelNotice
        case .contacts(let operation): operation.channelNotice
        }
    }
}

extension IncidentsOperation {
    /// What a successful request for this operation tells the incident's chat channel, if anything.
    public var channelNotice: ChannelNotice? {
        switch self {
        case .createTimelineEvent: .timelineEventAdded
        case .startIncident: .incidentStarted
        case .updateIncidentRecord: .incidentUpdated
        case .updateRelatedItems: .relatedItemsAdded
        case .batchGetIncidentFindings, .createReplicationSet, .createResponsePlan, .deleteIncidentRecord,
             .deleteReplicationSet, .deleteResourcePolicy, .deleteResponsePlan, .deleteTimelineEvent,
             .getIncidentRecord, .getReplicationSet, .getResourcePolicies, .getResponsePlan,
             .getTimelineEvent, .listIncidentFindings, .listIncidentRecords, .listRelatedItems,
             .listReplicationSets, .listResponsePlans, .listTagsForResource, .listTimelineEvents,
             .putResourcePolicy, .tagResource, .untagResource, .updateDeletionProtection,
             .updateReplicationSet, .updateResponsePlan, .updateTimelineEvent: nil
        }
    }
}

extension ContactsOperation {
    /// Pages reach the chat channel through the outbox (`contact-paged`), not
    /// through the operation that started the engagement: no operation notifies.
    public var channelNotice: ChannelNotice? {
        switch self {
        case .acceptPage, .activateContactChannel, .createContact, .createContactChannel, .createRotation,
             .createRotationOverride, .deactivateContactChannel, .deleteContact, .deleteContactChannel,
             .deleteRotation, .deleteRotationOverride, .describeEngagement, .describePage, .getContact,
             .getContactChannel, .getContactPolicy, .getRotation, .getRotationOverride, .listContactChannels,
             .listContacts, .listEngagements, .listPageReceipts, .listPageResolutions, .listPagesByContact,
             .listPagesByEngagement, .listPreviewRotationShifts, .listRotationOverrides, .listRotationShifts,
             .listRotations, .listTagsForResource, .putContactPolicy, .sendActivationCode, .startEngagement,
             .stopEngagement, .tagResource, .untagResource, .updateContact, .updateContactChannel,
             .updateRotation: nil
        }
    }
}
