/// Resources that exist in a store and that an option can name, for
/// completing their identifiers (incident ARNs, timeline event ids, ...).
public enum LiveResource: String, Sendable, Hashable, CaseIterable {
    case incidentRecordArn, responsePlanArn, timelineEventId, contactArn, taggableArn

    /// The resource an input member names, from the member and its operation.
    public static func named(by member: String, operation: String, service: ServiceName) -> LiveResource? {
        switch (service, member) {
        case (.incidents, "incidentRecordArn"): return .incidentRecordArn
        case (.incidents, "responsePlanArn"): return .responsePlanArn
        case (.incidents, "eventId"): return .timelineEventId
        case (.incidents, "resourceArn"): return .taggableArn
        case (.incidents, "arn"):
            return operation.hasSuffix("ResponsePlan") ? .responsePlanArn
                : operation.hasSuffix("IncidentRecord") ? .incidentRecordArn : nil
        case (.contacts, "ContactId"), (.contacts, "ContactArn"), (.contacts, "contactId"):
            return .contactArn
        default: return nil
        }
    }
}
