import Catalog

/// Routes a request to the engine of its service. Backends hold one and call
/// it inside their transaction.
public struct ServiceEngine: Sendable {
    public let incidents: IncidentsService
    public let contacts: ContactsService
    /// The clock both engines stamp with (backends read it to run due escalation steps).
    public let clock: any WallClock

    public init(clock: any WallClock = SystemWallClock(), ids: any IDGenerator = RandomIDGenerator()) {
        self.clock = clock
        incidents = IncidentsService(clock: clock, ids: ids)
        contacts = ContactsService(clock: clock, ids: ids)
    }

    public func execute<Store: ContactsStore>(_ request: Request, context: CallContext, store: Store) throws -> Value {
        switch request.service {
        case .incidents:
            let contacts = self.contacts
            return try incidents.execute(request, context: context, store: store) { order in
                try contacts.engage(contactArn: order.contactArn, sender: order.sender, subject: order.subject,
                                    content: order.content, incidentId: order.incidentId, at: order.time, store: store)
            }
        case .contacts:
            do {
                return try contacts.execute(request, context: context, store: store)
            } catch let error as ServiceError {
                throw error.asContactsError()
            }
        }
    }

    /// Runs the escalation steps due at or before `time` (see
    /// ``ContactsService/runDueSteps(until:store:)``); call it inside a transaction.
    @discardableResult
    public func runDueSteps<Store: ContactsStore>(until time: Millis, store: Store) throws -> Int {
        try contacts.runDueSteps(until: time, store: store)
    }
}
