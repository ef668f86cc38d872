import Backend
import Catalog
import Foundation
import NIOCore
import PostgresNIO

/// The ``IncidentStore`` of the PostgreSQL backend: one statement per store
/// call, the same tables and columns as the SQLite store. Lists walk their
/// indexes in sort order a chunk at a time (keyset pagination: each chunk
/// starts strictly after the last row the visitor saw), so a page costs the
/// same however long the list is.
///
/// Used only inside a transaction that ``PostgresBackend`` opened, on the
/// pool thread that holds its connection.
struct PostgresStore: IncidentStore {
    let session: PostgresSession
    /// What a batch's commands remember between them (nil: one command's transaction).
    var memo: BatchMemo? = nil
    typealias Row = PostgresSession.Row
    typealias Bind = PostgresSession.Bind

    /// Rows a scan asks for at a time: small first (a page is usually small), then more.
    static let chunks = [32, 256, 2048]

    func run(_ sql: String, _ binds: [Bind]) throws {
        memo?.lookups.wrote(sql)
        try session.query(sql, binds)
    }

    func one(_ sql: String, _ binds: [Bind]) throws -> Row? { try session.one(sql, binds) }

    func all(_ sql: String, _ binds: [Bind]) throws -> [Row] { try session.query(sql, binds).map(Row.init) }

    /// Tells the fleet of `event` when the transaction commits (NOTIFY).
    func notify(_ channel: String, _ event: StoreEvent) throws {
        try run("SELECT pg_notify($1, $2)", [channel, PostgresListener.payload(event)])
    }

    func insert(_ sql: String, _ binds: [Bind]) throws -> Int64 {
        memo?.lookups.wrote(sql)
        guard let row = try one(sql + " RETURNING seq", binds) else { throw PostgresStoreError("an insert returned no seq") }
        return try row[0]
    }

    /// Visits rows a chunk at a time. `query(after, limit)` gives the statement
    /// for the rows after the last one seen (nil: from the start).
    func scan(_ query: (Row?, Int) throws -> (String, [Bind]), _ visit: (Row) throws -> Bool) throws {
        var last: Row?
        var round = 0
        while true {
            let limit = Self.chunks[min(round, Self.chunks.count - 1)]
            round += 1
            let (sql, binds) = try query(last, limit)
            let rows = try all(sql + " LIMIT \(limit)", binds)
            for row in rows {
                if try !visit(row) { return }
            }
            if rows.count < limit { return }
            last = rows.last
        }
    }

    // MARK: Replication sets

    func replicationSet(account: String) throws -> ReplicationSetRecord? {
        try one("""
            SELECT account, arn, created_by, created_time, deletion_protected, last_modified_by, last_modified_time,
                status, regions FROM replication_set WHERE account = $1
            """, [account]).map { row in
            ReplicationSetRecord(
                account: try row[0], arn: try row[1], createdBy: try row[2], createdTime: try row[3],
                deletionProtected: try row[4], lastModifiedBy: try row[5], lastModifiedTime: try row[6],
                status: try row[7], regions: try ReplicationSetRecord.decodeRegions(row.bytes(8)))
        }
    }

    func putReplicationSet(_ r: ReplicationSetRecord) throws {
        try run("""
            INSERT INTO replication_set (account, arn, created_by, created_time, deletion_protected,
                last_modified_by, last_modified_time, status, regions) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (account) DO UPDATE SET arn = EXCLUDED.arn, created_by = EXCLUDED.created_by,
                created_time = EXCLUDED.created_time, deletion_protected = EXCLUDED.deletion_protected,
                last_modified_by = EXCLUDED.last_modified_by, last_modified_time = EXCLUDED.last_modified_time,
                status = EXCLUDED.status, regions = EXCLUDED.regions
            """, [r.account, r.arn, r.createdBy, r.createdTime, r.deletionProtected, r.lastModifiedBy,
                  r.lastModifiedTime, r.status, bytes(r.encodedRegions)])
    }

    func deleteReplicationSet(account: String) throws {
        try run("DELETE FROM replication_set WHERE account = $1", [account])
    }

    // MARK: Response plans

    private func plan(_ row: Row) throws -> ResponsePlanRecord {
        ResponsePlanRecord(
            account: try row[1], arn: try row[0], name: try row[2], displayName: try row[3],
            template: IncidentTemplateRecord(value: try decode(row.optionalBytes(4)) ?? .structure([:])),
            chatChannel: try decode(row.optionalBytes(5)),
            engagements: try decode(row.optionalBytes(6))?.list?.compactMap(\.string),
            actions: try decode(row.optionalBytes(7)), integrations: try decode(row.optionalBytes(8)))
    }

    private func planBinds(_ p: ResponsePlanRecord) -> [Bind] {
        [p.arn, p.account, p.name, p.displayName, encode(p.template.value), encode(p.chatChannel),
         encode(p.engagements.map { .list($0.map(Value.string)) }), encode(p.actions), encode(p.integrations)]
    }

    private static let planColumns =
        "arn, account, name, display_name, template, chat_channel, engagements, actions, integrations"

    func responsePlan(arn: String) throws -> ResponsePlanRecord? {
        try one("SELECT \(Self.planColumns) FROM response_plan WHERE arn = $1", [arn]).map(plan)
    }

    func insertResponsePlan(_ p: ResponsePlanRecord) throws {
        try run("INSERT INTO response_plan (\(Self.planColumns)) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", planBinds(p))
    }

    func updateResponsePlan(_ p: ResponsePlanRecord) throws {
        try run("""
            INSERT INTO response_plan (\(Self.planColumns)) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (arn) DO UPDATE SET account = EXCLUDED.account, name = EXCLUDED.name,
                display_name = EXCLUDED.display_name, template = EXCLUDED.template, chat_channel = EXCLUDED.chat_channel,
                engagements = EXCLUDED.engagements, actions = EXCLUDED.actions, integrations = EXCLUDED.integrations
            """, planBinds(p))
    }

    func deleteResponsePlan(arn: String) throws {
        try run("DELETE FROM response_plan WHERE arn = $1", [arn])
    }

    func scanResponsePlans(account: String, afterName: String?, _ visit: (ResponsePlanRecord) throws -> Bool) throws {
        try scan({ last, _ in
            let after: String = try last.map { try $0[2] } ?? afterName ?? ""
            return ("SELECT \(Self.planColumns) FROM response_plan WHERE account = $1 AND name > $2 ORDER BY name",
                    [account, after])
        }) { try visit(plan($0)) }
    }

    // MARK: Incident records

    private func incident(_ row: Row) throws -> IncidentRecordRow {
        IncidentRecordRow(
            seq: try row[0], account: try row[2], arn: try row[1], responsePlanArn: try row[3], title: try row[4],
            summary: try row[5], status: try row[6], impact: try row[7], dedupeString: try row[8],
            creationTime: try row[9], resolvedTime: try row[10], lastModifiedBy: try row[11],
            lastModifiedTime: try row[12], createdBy: try row[13], invokedBy: try row[14],
            sourceResourceArn: try row[15], source: try row[16], chatChannel: try decode(row.optionalBytes(17)),
            notificationTargets: try decode(row.optionalBytes(18))?.list ?? [],
            automationExecutions: try decode(row.optionalBytes(19))?.list ?? [],
            triggerDetails: try decode(row.optionalBytes(20)))
    }

    private func incidentBinds(_ r: IncidentRecordRow) -> [Bind] {
        [r.arn, r.account, r.responsePlanArn, r.title, r.summary, r.status, r.impact, r.dedupeString, r.creationTime,
         r.resolvedTime, r.lastModifiedBy, r.lastModifiedTime, r.createdBy, r.invokedBy, r.sourceResourceArn, r.source,
         encode(r.chatChannel), encode(.list(r.notificationTargets)), encode(.list(r.automationExecutions)),
         encode(r.triggerDetails)]
    }

    private static let incidentColumns = """
        arn, account, response_plan_arn, title, summary, status, impact, dedupe_string, creation_time, resolved_time,
        last_modified_by, last_modified_time, created_by, invoked_by, source_resource_arn, source, chat_channel,
        notification_targets, automation_executions, trigger_details
        """

    private static let incidentPlaceholders = (1...20).map { "$\($0)" }.joined(separator: ", ")

    func incident(arn: String) throws -> IncidentRecordRow? {
        try one("SELECT seq, \(Self.incidentColumns) FROM incident WHERE arn = $1", [arn]).map(incident)
    }

    func incidentSeq(arn: String) throws -> Int64? {
        let read = { () throws -> Int64? in try one("SELECT seq FROM incident WHERE arn = $1", [arn]).map { try $0[0] } }
        guard let memo else { return try read() }
        return try memo.lookups.incidentSeq(arn: arn, lookUp: read)
    }

    func insertIncident(_ r: IncidentRecordRow) throws -> Int64 {
        try insert("INSERT INTO incident (\(Self.incidentColumns)) VALUES (\(Self.incidentPlaceholders))", incidentBinds(r))
    }

    func updateIncident(_ r: IncidentRecordRow) throws {
        try run("UPDATE incident SET (\(Self.incidentColumns)) = (\(Self.incidentPlaceholders)) WHERE seq = $21",
                incidentBinds(r) + [r.seq])
    }

    func deleteIncident(seq: Int64) throws {
        try run("DELETE FROM timeline_event WHERE incident = $1", [seq])
        try run("DELETE FROM related_item WHERE incident = $1", [seq])
        try run("DELETE FROM incident WHERE seq = $1", [seq])
    }

    func scanIncidents(account: String, before: IncidentListKey?, _ visit: (IncidentRecordRow) throws -> Bool) throws {
        try scan({ last, _ in
            let key: (Int64, Int64)? = try last.map { (try $0[9], try $0[0]) } ?? before.map { ($0.creationTime, $0.seq) }
            let columns = "SELECT seq, \(Self.incidentColumns) FROM incident WHERE account = $1"
            guard let key else { return ("\(columns) ORDER BY creation_time DESC, seq DESC", [account]) }
            return ("\(columns) AND (creation_time, seq) < ($2, $3) ORDER BY creation_time DESC, seq DESC",
                    [account, key.0, key.1])
        }) { try visit(incident($0)) }
    }

    // MARK: Timeline events

    private func event(_ row: Row) throws -> TimelineEventRecord {
        TimelineEventRecord(
            seq: try row[0], incidentSeq: try row[1], eventId: try row[2], eventTime: try row[3], eventType: try row[4],
            eventData: try row[5], eventUpdatedTime: try row[6], eventReferences: try decode(row.optionalBytes(7))?.list)
    }

    private static let eventColumns =
        "seq, incident, event_id, event_time, event_type, event_data, event_updated_time, event_references"

    func timelineEvent(incidentSeq: Int64, eventId: String) throws -> TimelineEventRecord? {
        try one("SELECT \(Self.eventColumns) FROM timeline_event WHERE incident = $1 AND event_id = $2",
                [incidentSeq, eventId]).map(event)
    }

    func insertTimelineEvent(_ e: TimelineEventRecord) throws -> Int64 {
        try insert("""
            INSERT INTO timeline_event (incident, event_id, event_time, event_type, event_data, event_updated_time,
                event_references) VALUES ($1, $2, $3, $4, $5, $6, $7)
            """, [e.incidentSeq, e.eventId, e.eventTime, e.eventType, e.eventData, e.eventUpdatedTime,
                  encode(e.eventReferences.map(Value.list))])
    }

    func updateTimelineEvent(_ e: TimelineEventRecord) throws {
        try run("""
            UPDATE timeline_event SET event_time = $1, event_type = $2, event_data = $3, event_updated_time = $4,
                event_references = $5 WHERE seq = $6
            """, [e.eventTime, e.eventType, e.eventData, e.eventUpdatedTime, encode(e.eventReferences.map(Value.list)), e.seq])
    }

    func deleteTimelineEvent(seq: Int64) throws {
        try run("DELETE FROM timeline_event WHERE seq = $1", [seq])
    }

    func scanTimelineEvents(incidentSeq: Int64, descending: Bool, after: TimelineSortKey?,
                            _ visit: (TimelineEventRecord) throws -> Bool) throws {
        let select = "SELECT \(Self.eventColumns) FROM timeline_event WHERE incident = $1"
        let order = descending ? "ORDER BY event_time DESC, seq DESC" : "ORDER BY event_time, seq"
        try scan({ last, _ in
            let key: (Int64, Int64)? = try last.map { (try $0[3], try $0[0]) } ?? after.map { ($0.eventTime, $0.seq) }
            guard let key else { return ("\(select) \(order)", [incidentSeq]) }
            return ("\(select) AND (event_time, seq) \(descending ? "<" : ">") ($2, $3) \(order)", [incidentSeq, key.0, key.1])
        }) { try visit(event($0)) }
    }

    // MARK: Related items

    func insertRelatedItem(_ r: RelatedItemRecord) throws -> Int64 {
        try insert("INSERT INTO related_item (incident, generated_id, title, identifier) VALUES ($1, $2, $3, $4)",
                   [r.incidentSeq, r.generatedId, r.title, encode(r.identifier)])
    }

    func deleteRelatedItem(seq: Int64) throws {
        try run("DELETE FROM related_item WHERE seq = $1", [seq])
    }

    func scanRelatedItems(incidentSeq: Int64, afterSeq: Int64?, _ visit: (RelatedItemRecord) throws -> Bool) throws {
        try scan({ last, _ in
            let after: Int64 = try last.map { try $0[0] } ?? afterSeq ?? 0
            return ("""
                SELECT seq, incident, generated_id, title, identifier FROM related_item
                WHERE incident = $1 AND seq > $2 ORDER BY seq
                """, [incidentSeq, after])
        }) { row in
            try visit(RelatedItemRecord(seq: try row[0], incidentSeq: try row[1], generatedId: try row[2], title: try row[3],
                                        identifier: try decode(row.optionalBytes(4)) ?? .structure([:])))
        }
    }

    // MARK: Tags

    func tags(resourceArn: String) throws -> [(key: String, value: String)] {
        try all("SELECT key, value FROM tag WHERE resource_arn = $1 ORDER BY key", [resourceArn]).map { row in
            (key: try row[0], value: try row[1])
        }
    }

    func setTag(resourceArn: String, key: String, value: String) throws {
        try run("""
            INSERT INTO tag (resource_arn, key, value) VALUES ($1, $2, $3)
            ON CONFLICT (resource_arn, key) DO UPDATE SET value = EXCLUDED.value
            """, [resourceArn, key, value])
    }

    func removeTag(resourceArn: String, key: String) throws {
        try run("DELETE FROM tag WHERE resource_arn = $1 AND key = $2", [resourceArn, key])
    }

    func removeAllTags(resourceArn: String) throws {
        try run("DELETE FROM tag WHERE resource_arn = $1", [resourceArn])
    }

    // MARK: Resource policies

    func insertResourcePolicy(_ p: ResourcePolicyRecord) throws -> Int64 {
        try insert("INSERT INTO resource_policy (resource_arn, policy_id, document, region) VALUES ($1, $2, $3, $4)",
                   [p.resourceArn, p.policyId, p.document, p.region])
    }

    func deleteResourcePolicy(seq: Int64) throws {
        try run("DELETE FROM resource_policy WHERE seq = $1", [seq])
    }

    func scanResourcePolicies(resourceArn: String, afterSeq: Int64?, _ visit: (ResourcePolicyRecord) throws -> Bool) throws {
        try scan({ last, _ in
            let after: Int64 = try last.map { try $0[0] } ?? afterSeq ?? 0
            return ("""
                SELECT seq, resource_arn, policy_id, document, region FROM resource_policy
                WHERE resource_arn = $1 AND seq > $2 ORDER BY seq
                """, [resourceArn, after])
        }) { row in
            try visit(ResourcePolicyRecord(seq: try row[0], resourceArn: try row[1], policyId: try row[2],
                                           document: try row[3], region: try row[4]))
        }
    }

    // MARK: Idempotency

    func idempotency(account: String, operation: String, token: String) throws -> IdempotencyRecord? {
        try one("SELECT fingerprint, response FROM idempotency WHERE account = $1 AND operation = $2 AND token = $3",
                [account, operation, token]).map { row in
            IdempotencyRecord(account: account, operation: operation, token: token, fingerprint: try row[0],
                              response: try row.bytes(1))
        }
    }

    func putIdempotency(_ r: IdempotencyRecord) throws {
        try run("""
            INSERT INTO idempotency (account, operation, token, fingerprint, response) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (account, operation, token) DO UPDATE SET fingerprint = EXCLUDED.fingerprint,
                response = EXCLUDED.response
            """, [r.account, r.operation, r.token, r.fingerprint, bytes(r.response)])
    }

    func deleteIdempotency(account: String) throws {
        try run("DELETE FROM idempotency WHERE account = $1", [account])
    }

    // MARK: Values kept whole

    func bytes(_ value: [UInt8]) -> ByteBuffer { ByteBuffer(bytes: value) }

    func encode(_ value: Value?) -> ByteBuffer? { value.map { ByteBuffer(bytes: ValueCodec.encode($0)) } }

    func decode(_ bytes: [UInt8]?) throws -> Value? {
        try bytes.map { try ValueCodec.decode($0) }
    }
}

/// A store call that could not be carried out (a bug, not a user error).
/// What the commands of a batch remember between them: their lookups
/// (a batch is one serializable transaction, which sees no other
/// transaction's writes; see ``TransactionMemo``) and their savepoints. A
/// command that fails forgets the lookups (its writes were undone).
final class BatchMemo: @unchecked Sendable {
    let lookups = TransactionMemo()

    func forget() { lookups.forget() }

    /// The batch's savepoints: one a command, nested, kept while its commands
    /// succeed, and let go of together when `depth` are kept (releasing the
    /// outermost releases the ones inside it).
    let savepoints = Savepoints()

    final class Savepoints {
        static let depth = 32
        private var next = 0
        /// The kept ones, outermost first.
        private var chain: [String] = []

        /// The name of a new one, for a command about to run.
        func open() -> String {
            next += 1
            chain.append("c\(next)")
            return chain[chain.count - 1]
        }

        /// The command succeeded: the savepoint to release now (the outermost, and with it all), if it is time.
        func kept() -> String? {
            guard chain.count >= Self.depth else { return nil }
            defer { chain = [] }
            return chain[0]
        }

        /// The command failed and its savepoint was rolled back to and released.
        func undone() { chain.removeLast() }
    }
}

struct PostgresStoreError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
