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

    /// Runs one ssm-incidents operation. Throws ``ServiceError`` for the
    /// service's own errors, and whatever the store throws for its failures.
    ///
    /// - Parameter engage: starts an engagement of a contact, in the same
    ///   transaction (StartIncident engages its plan's `engagements`); nil
    ///   when no contacts engine is at hand.
    public func execute<Store: IncidentStore>(_ request: Request, context: CallContext, store: Store,
                                              engage: ((IncidentEngagement) throws -> Void)? = nil) throws -> Value {
        guard case .incidents(let operation) = request.operation else {
            throw ServiceError(.unknownOperation, "ssm-incidents has no operation named \(request.operation).")
        }
        var command = IncidentsCommand(store: store, context: context, now: clock.now().millis, ids: ids,
                                       operation: operation, input: Input(request.input))
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
    let operation: IncidentsOperation
    let input: Input
    /// Engages a contact for an incident (see ``IncidentsService/execute(_:context:store:engage:)``).
    var engage: ((IncidentEngagement) throws -> Void)?

    func run() throws -> Value {
        // The commands of a runbook's hot path come first.
        switch operation {
        case .createTimelineEvent: return try idempotent(createTimelineEvent)
        case .updateIncidentRecord: return try idempotent(updateIncidentRecord)
        case .getIncidentRecord: return try getIncidentRecord()
        case .listTimelineEvents: return try listTimelineEvents()
        case .createReplicationSet: return try idempotent(createReplicationSet)
        case .getReplicationSet: return try getReplicationSet()
        case .listReplicationSets: return try listReplicationSets()
        case .updateReplicationSet: return try idempotent(updateReplicationSet)
        case .updateDeletionProtection: return try idempotent(updateDeletionProtection)
        case .deleteReplicationSet: return try deleteReplicationSet()
        case .createResponsePlan: return try idempotent(createResponsePlan)
        case .getResponsePlan: return try getResponsePlan()
        case .listResponsePlans: return try listResponsePlans()
        case .updateResponsePlan: return try idempotent(updateResponsePlan)
        case .deleteResponsePlan: return try deleteResponsePlan()
        case .startIncident: return try idempotent(startIncident)
        case .listIncidentRecords: return try listIncidentRecords()
        case .deleteIncidentRecord: return try deleteIncidentRecord()
        case .getTimelineEvent: return try getTimelineEvent()
        case .updateTimelineEvent: return try idempotent(updateTimelineEvent)
        case .deleteTimelineEvent: return try deleteTimelineEvent()
        case .updateRelatedItems: return try idempotent(updateRelatedItems)
        case .listRelatedItems: return try listRelatedItems()
        case .tagResource: return try tagResource()
        case .untagResource: return try untagResource()
        case .listTagsForResource: return try listTagsForResource()
        case .putResourcePolicy: return try putResourcePolicy()
        case .getResourcePolicies: return try getResourcePolicies()
        case .deleteResourcePolicy: return try deleteResourcePolicy()
        case .batchGetIncidentFindings: return try batchGetIncidentFindings()
        case .listIncidentFindings: return try listIncidentFindings()
        }
    }

    /// The hash of this query for its page tokens.
    var queryScope: Int64 {
        var scope = input.fingerprint(excluding: ["nextToken", "maxResults"])
        for byte in operation.rawValue.utf8 { scope = (scope &* 31) &+ Int64(byte) }
        return scope
    }
}
