import Catalog

/// The ssm-incidents engine: every rule of the service's 31 operations,
/// written once over an ``IncidentStore`` so that all backends behave alike.
///
/// The engine is stateless; the clock and the identifier generator are
/// injected. A backend calls ``execute(_:context:store:)`` inside its
/// transaction for the command and undoes the transaction when it throws.
public struct IncidentsService: Sendable {
    public let clock: any WallClock
    public let ids: any IDGenerator

    public init(clock: any WallClock, ids: any IDGenerator) {
        self.clock = clock
        self.ids = ids
    }

    /// The API names of the operations the engine serves.
    public static let operations: [String] = [
        "BatchGetIncidentFindings", "CreateReplicationSet", "CreateResponsePlan", "CreateTimelineEvent",
        "DeleteIncidentRecord", "DeleteReplicationSet", "DeleteResourcePolicy", "DeleteResponsePlan",
        "DeleteTimelineEvent", "GetIncidentRecord", "GetReplicationSet", "GetResourcePolicies",
        "GetResponsePlan", "GetTimelineEvent", "ListIncidentFindings", "ListIncidentRecords",
        "ListRelatedItems", "ListReplicationSets", "ListResponsePlans", "ListTagsForResource",
        "ListTimelineEvents", "PutResourcePolicy", "StartIncident", "TagResource", "UntagResource",
        "UpdateDeletionProtection", "UpdateIncidentRecord", "UpdateRelatedItems", "UpdateReplicationSet",
        "UpdateResponsePlan", "UpdateTimelineEvent",
    ]

    /// Runs one ssm-incidents operation. Throws ``ServiceError`` for the
    /// service's own errors, and whatever the store throws for its failures.
    ///
    /// - Parameter engage: starts an engagement of a contact, in the same
    ///   transaction (StartIncident engages its plan's `engagements`); nil
    ///   when no contacts engine is at hand.
    public func execute<Store: IncidentStore>(_ request: Request, context: CallContext, store: Store,
                                              engage: ((IncidentEngagement) throws -> Void)? = nil) throws -> Value {
        var command = IncidentsCommand(store: store, context: context, now: clock.now().millis, ids: ids,
                                       operation: request.operation, input: Input(request.input))
        command.engage = engage
        return try command.run()
    }
}

/// One command being executed: the store, the caller, the time and the input.
/// The operations are its methods, one file a resource.
struct IncidentsCommand {
    let store: any IncidentStore
    let context: CallContext
    /// The time of the command: everything it stamps gets this instant.
    let now: Millis
    let ids: any IDGenerator
    let operation: String
    let input: Input
    /// Engages a contact for an incident (see ``IncidentsService/execute(_:context:store:engage:)``).
    var engage: ((IncidentEngagement) throws -> Void)?

    func run() throws -> Value {
        // The commands of a runbook's hot path come first.
        switch operation {
        case "CreateTimelineEvent": return try idempotent(createTimelineEvent)
        case "UpdateIncidentRecord": return try idempotent(updateIncidentRecord)
        case "GetIncidentRecord": return try getIncidentRecord()
        case "ListTimelineEvents": return try listTimelineEvents()
        case "CreateReplicationSet": return try idempotent(createReplicationSet)
        case "GetReplicationSet": return try getReplicationSet()
        case "ListReplicationSets": return try listReplicationSets()
        case "UpdateReplicationSet": return try idempotent(updateReplicationSet)
        case "UpdateDeletionProtection": return try idempotent(updateDeletionProtection)
        case "DeleteReplicationSet": return try deleteReplicationSet()
        case "CreateResponsePlan": return try idempotent(createResponsePlan)
        case "GetResponsePlan": return try getResponsePlan()
        case "ListResponsePlans": return try listResponsePlans()
        case "UpdateResponsePlan": return try idempotent(updateResponsePlan)
        case "DeleteResponsePlan": return try deleteResponsePlan()
        case "StartIncident": return try idempotent(startIncident)
        case "ListIncidentRecords": return try listIncidentRecords()
        case "DeleteIncidentRecord": return try deleteIncidentRecord()
        case "GetTimelineEvent": return try getTimelineEvent()
        case "UpdateTimelineEvent": return try idempotent(updateTimelineEvent)
        case "DeleteTimelineEvent": return try deleteTimelineEvent()
        case "UpdateRelatedItems": return try idempotent(updateRelatedItems)
        case "ListRelatedItems": return try listRelatedItems()
        case "TagResource": return try tagResource()
        case "UntagResource": return try untagResource()
        case "ListTagsForResource": return try listTagsForResource()
        case "PutResourcePolicy": return try putResourcePolicy()
        case "GetResourcePolicies": return try getResourcePolicies()
        case "DeleteResourcePolicy": return try deleteResourcePolicy()
        case "BatchGetIncidentFindings": return try batchGetIncidentFindings()
        case "ListIncidentFindings": return try listIncidentFindings()
        default:
            throw ServiceError(.unknownOperation, "ssm-incidents has no operation named \(operation).")
        }
    }

    /// The hash of this query for its page tokens.
    var queryScope: Int64 {
        var scope = input.fingerprint(excluding: ["nextToken", "maxResults"])
        for byte in operation.utf8 { scope = (scope &* 31) &+ Int64(byte) }
        return scope
    }
}
