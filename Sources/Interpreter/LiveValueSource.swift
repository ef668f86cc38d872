import Backend
import Catalog

/// Reads what exists in a backend, for completion: incident and response
/// plan ARNs, an incident's timeline event ids, contact ARNs.
public struct LiveValueSource: Sendable {
    public let backend: any IncidentBackend
    public let context: CallContext
    /// How many identifiers to offer at most.
    public var limit = 100
    /// Whether the caller may run a list request; nil: every one (the local terminal).
    public var allow: (@Sendable (Request) -> Bool)?

    public init(backend: any IncidentBackend, context: CallContext) {
        self.backend = backend
        self.context = context
    }

    /// `given` holds the options typed so far (name without dashes → value).
    public func values(_ kind: LiveResource, given: [String: String]) async -> [String] {
        let limit = Value.integer(Int64(self.limit))
        let query: (request: Request, list: String, field: String)
        switch kind {
        case .incidentRecordArn:
            query = (Request(.incidents(.listIncidentRecords), input: ["maxResults": limit]), "incidentRecordSummaries", "arn")
        case .responsePlanArn, .taggableArn:
            query = (Request(.incidents(.listResponsePlans), input: ["maxResults": limit]), "responsePlanSummaries", "arn")
        case .timelineEventId:
            guard let incident = given["incident-record-arn"], !incident.isEmpty else { return [] }
            query = (Request(.incidents(.listTimelineEvents),
                             input: ["incidentRecordArn": .string(incident), "maxResults": limit]), "eventSummaries", "eventId")
        case .contactArn:
            query = (Request(.contacts(.listContacts), input: ["MaxResults": limit]), "Contacts", "ContactArn")
        }
        if let allow, !allow(query.request) { return [] }
        guard let response = try? await backend.send(query.request, context: context) else { return [] }
        return response[query.list]?.list?.compactMap { $0[query.field]?.string } ?? []
    }
}
