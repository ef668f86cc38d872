/// The storage the ssm-incidents engine runs on: typed records in, typed
/// records out, no service rules. The engine (``IncidentsService``) holds every
/// rule once; each backend only says how records are kept.
///
/// The engine calls a store inside the backend's transaction for one command,
/// so a store never has to be atomic on its own. Methods throw only for
/// failures of the storage itself; the backend maps those to ``ServiceError``.
///
/// Scans visit records in the store's sort order, starting strictly after the
/// given key, until the visitor returns `false`.
public protocol IncidentStore {
    // MARK: Replication sets (one per account)
    func replicationSet(account: String) throws -> ReplicationSetRecord?
    /// Inserts or replaces the account's replication set.
    func putReplicationSet(_ record: ReplicationSetRecord) throws
    func deleteReplicationSet(account: String) throws

    // MARK: Response plans
    func responsePlan(arn: String) throws -> ResponsePlanRecord?
    func insertResponsePlan(_ record: ResponsePlanRecord) throws
    func updateResponsePlan(_ record: ResponsePlanRecord) throws
    func deleteResponsePlan(arn: String) throws
    /// The account's plans by name, ascending.
    func scanResponsePlans(account: String, afterName: String?,
                           _ visit: (ResponsePlanRecord) throws -> Bool) throws

    // MARK: Incident records
    func incident(arn: String) throws -> IncidentRecordRow?
    /// The incident's `seq` alone: the fast path for commands that only need to
    /// know that the incident exists.
    func incidentSeq(arn: String) throws -> Int64?
    /// Inserts and returns the `seq` assigned.
    func insertIncident(_ record: IncidentRecordRow) throws -> Int64
    func updateIncident(_ record: IncidentRecordRow) throws
    /// Deletes the incident with its timeline events and related items.
    func deleteIncident(seq: Int64) throws
    /// The account's incidents, newest first, strictly before `before`.
    func scanIncidents(account: String, before: IncidentListKey?,
                       _ visit: (IncidentRecordRow) throws -> Bool) throws

    // MARK: Timeline events
    func timelineEvent(incidentSeq: Int64, eventId: String) throws -> TimelineEventRecord?
    /// Inserts and returns the `seq` assigned.
    func insertTimelineEvent(_ record: TimelineEventRecord) throws -> Int64
    func updateTimelineEvent(_ record: TimelineEventRecord) throws
    func deleteTimelineEvent(seq: Int64) throws
    /// The incident's events in (eventTime, seq) order, ascending or descending.
    func scanTimelineEvents(incidentSeq: Int64, descending: Bool, after: TimelineSortKey?,
                            _ visit: (TimelineEventRecord) throws -> Bool) throws

    // MARK: Related items
    func insertRelatedItem(_ record: RelatedItemRecord) throws -> Int64
    func deleteRelatedItem(seq: Int64) throws
    /// The incident's items in the order they were added.
    func scanRelatedItems(incidentSeq: Int64, afterSeq: Int64?,
                          _ visit: (RelatedItemRecord) throws -> Bool) throws

    // MARK: Tags
    /// The resource's tags, sorted by key.
    func tags(resourceArn: String) throws -> [(key: String, value: String)]
    func setTag(resourceArn: String, key: String, value: String) throws
    func removeTag(resourceArn: String, key: String) throws
    func removeAllTags(resourceArn: String) throws

    // MARK: Resource policies
    func insertResourcePolicy(_ record: ResourcePolicyRecord) throws -> Int64
    func deleteResourcePolicy(seq: Int64) throws
    /// The resource's policies in the order they were put.
    func scanResourcePolicies(resourceArn: String, afterSeq: Int64?,
                              _ visit: (ResourcePolicyRecord) throws -> Bool) throws

    // MARK: Idempotency
    func idempotency(account: String, operation: String, token: String) throws -> IdempotencyRecord?
    func putIdempotency(_ record: IdempotencyRecord) throws
    func deleteIdempotency(account: String) throws
}
