import Catalog

/// The ssm-contacts engine: every rule of the service's 39 operations, written
/// once over a ``ContactsStore`` so that all backends behave alike, beside
/// ``IncidentsService`` and in its style.
///
/// Time matters here: an engagement escalates stage by stage. The engine never
/// waits; it records when the next stage is due, and ``runDueSteps(until:store:)``
/// (driven by the backend's `tick()` after the clock moves) runs what is due.
public struct ContactsService: Sendable {
    public let clock: any WallClock
    public let ids: any IDGenerator

    public init(clock: any WallClock, ids: any IDGenerator) {
        self.clock = clock
        self.ids = ids
    }

    /// The API names of the operations the engine serves.
    public static let operations: [String] = [
        "AcceptPage", "ActivateContactChannel", "CreateContact", "CreateContactChannel", "CreateRotation",
        "CreateRotationOverride", "DeactivateContactChannel", "DeleteContact", "DeleteContactChannel",
        "DeleteRotation", "DeleteRotationOverride", "DescribeEngagement", "DescribePage", "GetContact",
        "GetContactChannel", "GetContactPolicy", "GetRotation", "GetRotationOverride", "ListContactChannels",
        "ListContacts", "ListEngagements", "ListPageReceipts", "ListPageResolutions", "ListPagesByContact",
        "ListPagesByEngagement", "ListPreviewRotationShifts", "ListRotationOverrides", "ListRotationShifts",
        "ListRotations", "ListTagsForResource", "PutContactPolicy", "SendActivationCode", "StartEngagement",
        "StopEngagement", "TagResource", "UntagResource", "UpdateContact", "UpdateContactChannel", "UpdateRotation",
    ]

    /// Runs one ssm-contacts operation. Throws ``ServiceError`` for the
    /// service's own errors, and whatever the store throws for its failures.
    public func execute<Store: ContactsStore>(_ request: Request, context: CallContext, store: Store) throws -> Value {
        let command = ContactsCommand(store: store, context: context, now: clock.now().millis, ids: ids,
                                      operation: request.operation, input: Input(request.input))
        return try command.run()
    }

    /// Runs, in time order, every escalation step due at or before `time`: the
    /// next stage of escalation plans and of pages. Each step is stamped with
    /// the instant it was due, so advancing the clock by an hour at once gives
    /// the same records as ticking every minute.
    ///
    /// - Returns: the number of steps run.
    @discardableResult
    public func runDueSteps<Store: ContactsStore>(until time: Millis, store: Store) throws -> Int {
        try Escalation(store: store, ids: ids).runDue(until: time)
    }

    /// Engages a contact for an incident (a response plan's `engagements`),
    /// inside the incident's own transaction. A contact that no longer exists
    /// is skipped: the incident still starts.
    ///
    /// - Returns: the engagement's ARN, or nil when the contact does not exist.
    @discardableResult
    public func engage<Store: ContactsStore>(contactArn: String, sender: String, subject: String, content: String,
                                             incidentId: String, at time: Millis, store: Store) throws -> String? {
        guard let contact = try store.contact(arn: contactArn) else { return nil }
        return try Escalation(store: store, ids: ids).start(
            contact: contact, sender: sender, subject: subject, content: content, publicSubject: nil,
            publicContent: nil, incidentId: incidentId, at: time)
    }
}

/// One command being executed: the store, the caller, the time and the input.
/// The operations are its methods, one file a resource.
struct ContactsCommand {
    let store: any ContactsStore
    let context: CallContext
    /// The time of the command: everything it stamps gets this instant.
    let now: Millis
    let ids: any IDGenerator
    let operation: String
    let input: Input

    var escalation: Escalation { Escalation(store: store, ids: ids) }

    func run() throws -> Value {
        switch operation {
        case "CreateContact": return try idempotent(createContact)
        case "GetContact": return try getContact()
        case "ListContacts": return try listContacts()
        case "UpdateContact": return try updateContact()
        case "DeleteContact": return try deleteContact()
        case "CreateContactChannel": return try idempotent(createContactChannel)
        case "GetContactChannel": return try getContactChannel()
        case "ListContactChannels": return try listContactChannels()
        case "UpdateContactChannel": return try updateContactChannel()
        case "DeleteContactChannel": return try deleteContactChannel()
        case "SendActivationCode": return try sendActivationCode()
        case "ActivateContactChannel": return try activateContactChannel()
        case "DeactivateContactChannel": return try deactivateContactChannel()
        case "StartEngagement": return try idempotent(startEngagement)
        case "StopEngagement": return try stopEngagement()
        case "DescribeEngagement": return try describeEngagement()
        case "ListEngagements": return try listEngagements()
        case "AcceptPage": return try acceptPage()
        case "DescribePage": return try describePage()
        case "ListPagesByContact": return try listPagesByContact()
        case "ListPagesByEngagement": return try listPagesByEngagement()
        case "ListPageReceipts": return try listPageReceipts()
        case "ListPageResolutions": return try listPageResolutions()
        case "CreateRotation": return try idempotent(createRotation)
        case "GetRotation": return try getRotation()
        case "ListRotations": return try listRotations()
        case "UpdateRotation": return try updateRotation()
        case "DeleteRotation": return try deleteRotation()
        case "ListRotationShifts": return try listRotationShifts()
        case "ListPreviewRotationShifts": return try listPreviewRotationShifts()
        case "CreateRotationOverride": return try idempotent(createRotationOverride)
        case "GetRotationOverride": return try getRotationOverride()
        case "ListRotationOverrides": return try listRotationOverrides()
        case "DeleteRotationOverride": return try deleteRotationOverride()
        case "PutContactPolicy": return try putContactPolicy()
        case "GetContactPolicy": return try getContactPolicy()
        case "TagResource": return try tagResource()
        case "UntagResource": return try untagResource()
        case "ListTagsForResource": return try listTagsForResource()
        default:
            throw ServiceError(.unknownOperation, "ssm-contacts has no operation named \(operation).")
        }
    }

    /// The hash of this query for its page tokens.
    var queryScope: Int64 {
        var scope = input.fingerprint(excluding: ["NextToken", "MaxResults"])
        for byte in operation.utf8 { scope = (scope &* 31) &+ Int64(byte) }
        return scope
    }
}
