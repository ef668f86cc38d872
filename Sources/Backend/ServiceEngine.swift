import Catalog

/// Routes a request to the engine of its service. Backends hold one and call
/// it inside their transaction; ssm-contacts will get its engine here too.
public struct ServiceEngine: Sendable {
    public let incidents: IncidentsService

    public init(clock: any WallClock = SystemWallClock(), ids: any IDGenerator = RandomIDGenerator()) {
        incidents = IncidentsService(clock: clock, ids: ids)
    }

    public func execute<Store: IncidentStore>(_ request: Request, context: CallContext, store: Store) throws -> Value {
        switch request.service {
        case .incidents:
            return try incidents.execute(request, context: context, store: store)
        case .contacts:
            throw ServiceError(.unknownOperation, "ssm-contacts is not served by this backend yet (\(request.operation)).")
        }
    }
}
