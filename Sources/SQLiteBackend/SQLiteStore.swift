import Backend
import Catalog
import Foundation
import GRDB

/// The ``IncidentStore`` of the SQLite backend: one SQL statement per store
/// call, each prepared once per connection and cached. Lists walk indexes in
/// their sort order (keyset pagination), so a page costs the same however
/// long the list is.
///
/// Used only inside a transaction that ``SQLiteBackend`` opened.
struct SQLiteStore: IncidentStore {
    let db: Database
    /// The open transaction's lookups (see ``TransactionMemo``).
    let memo: TransactionMemo

    func statement(_ sql: String) throws -> Statement { try db.cachedStatement(sql: sql) }

    /// Every write of the store goes through here.
    func run(_ sql: String, _ arguments: StatementArguments) throws {
        memo.wrote(sql)
        try statement(sql).execute(arguments: arguments)
    }

    func insert(_ sql: String, _ arguments: StatementArguments) throws -> Int64 {
        try run(sql, arguments)
        return db.lastInsertedRowID
    }

    /// The first row `sql` finds, read by `read` straight from the statement (not copied).
    func one<T>(_ sql: String, _ arguments: StatementArguments, _ read: (Row) throws -> T) throws -> T? {
        let cursor = try Row.fetchCursor(statement(sql), arguments: arguments)
        return try cursor.next().map(read)
    }

    func each(_ sql: String, _ arguments: StatementArguments, _ body: (Row) throws -> Bool) throws {
        let cursor = try Row.fetchCursor(statement(sql), arguments: arguments)
        while let row = try cursor.next() {
            if try !body(row) { return }
        }
    }

    // MARK: Replication sets

    func replicationSet(account: String) throws -> ReplicationSetRecord? {
        try one("""
            SELECT account, arn, created_by, created_time, deletion_protected, last_modified_by, last_modified_time,
                status, regions FROM replication_set WHERE account = ?
            """, [account]) { row in
            ReplicationSetRecord(
                account: row[0], arn: row[1], createdBy: row[2], createdTime: row[3], deletionProtected: row[4],
                lastModifiedBy: row[5], lastModifiedTime: row[6], status: row[7],
                regions: try ReplicationSetRecord.decodeRegions(bytes(row[8])))
        }
    }

    func putReplicationSet(_ r: ReplicationSetRecord) throws {
        try run("""
            INSERT OR REPLACE INTO replication_set (account, arn, created_by, created_time, deletion_protected,
                last_modified_by, last_modified_time, status, regions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [r.account, r.arn, r.createdBy, r.createdTime, r.deletionProtected, r.lastModifiedBy,
                  r.lastModifiedTime, r.status, Data(r.encodedRegions)])
    }

    func deleteReplicationSet(account: String) throws {
        try run("DELETE FROM replication_set WHERE account = ?", [account])
    }

    // MARK: Response plans

    private func plan(_ row: Row) throws -> ResponsePlanRecord {
        // Columns in the order of `planColumns`.
        ResponsePlanRecord(
            account: row[1], arn: row[0], name: row[2], displayName: row[3],
            template: IncidentTemplateRecord(value: try decode(row[4]) ?? .structure([:])),
            chatChannel: try decode(row[5]), engagements: try decode(row[6])?.list?.compactMap(\.string),
            actions: try decode(row[7]), integrations: try decode(row[8]))
    }

    private func planArguments(_ p: ResponsePlanRecord) -> StatementArguments {
        [p.arn, p.account, p.name, p.displayName, encode(p.template.value), encode(p.chatChannel),
         encode(p.engagements.map { .list($0.map(Value.string)) }), encode(p.actions), encode(p.integrations)]
    }

    private static let planColumns =
        "arn, account, name, display_name, template, chat_channel, engagements, actions, integrations"

    func responsePlan(arn: String) throws -> ResponsePlanRecord? {
        try one("SELECT \(Self.planColumns) FROM response_plan WHERE arn = ?", [arn], plan)
    }

    func insertResponsePlan(_ p: ResponsePlanRecord) throws {
        try run("""
            INSERT INTO response_plan (arn, account, name, display_name, template, chat_channel, engagements,
                actions, integrations) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, planArguments(p))
    }

    func updateResponsePlan(_ p: ResponsePlanRecord) throws {
        try run("""
            INSERT OR REPLACE INTO response_plan (arn, account, name, display_name, template, chat_channel,
                engagements, actions, integrations) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, planArguments(p))
    }

    func deleteResponsePlan(arn: String) throws {
        try run("DELETE FROM response_plan WHERE arn = ?", [arn])
    }

    func scanResponsePlans(account: String, afterName: String?, _ visit: (ResponsePlanRecord) throws -> Bool) throws {
        try each("SELECT \(Self.planColumns) FROM response_plan WHERE account = ? AND name > ? ORDER BY name",
                 [account, afterName ?? ""]) { try visit(plan($0)) }
    }

    // MARK: Incident records

    private func incident(_ row: Row) throws -> IncidentRecordRow {
        // `seq`, then the columns in the order of `incidentColumns`.
        IncidentRecordRow(
            seq: row[0], account: row[2], arn: row[1], responsePlanArn: row[3], title: row[4], summary: row[5],
            status: row[6], impact: row[7], dedupeString: row[8], creationTime: row[9], resolvedTime: row[10],
            lastModifiedBy: row[11], lastModifiedTime: row[12], createdBy: row[13], invokedBy: row[14],
            sourceResourceArn: row[15], source: row[16], chatChannel: try decode(row[17]),
            notificationTargets: try decode(row[18])?.list ?? [], automationExecutions: try decode(row[19])?.list ?? [],
            triggerDetails: try decode(row[20]))
    }

    private func incidentArguments(_ r: IncidentRecordRow) -> StatementArguments {
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

    func incident(arn: String) throws -> IncidentRecordRow? {
        try one("SELECT seq, \(Self.incidentColumns) FROM incident WHERE arn = ?", [arn], incident)
    }

    func incidentSeq(arn: String) throws -> Int64? {
        try memo.incidentSeq(arn: arn) {
            try Int64.fetchOne(statement("SELECT seq FROM incident WHERE arn = ?"), arguments: [arn])
        }
    }

    func insertIncident(_ r: IncidentRecordRow) throws -> Int64 {
        try insert("INSERT INTO incident (\(Self.incidentColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   incidentArguments(r))
    }

    func updateIncident(_ r: IncidentRecordRow) throws {
        var arguments = incidentArguments(r)
        arguments += [r.seq]
        try run("UPDATE incident SET (\(Self.incidentColumns)) = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE seq = ?",
                arguments)
    }

    func deleteIncident(seq: Int64) throws {
        try run("DELETE FROM timeline_event WHERE incident = ?", [seq])
        try run("DELETE FROM related_item WHERE incident = ?", [seq])
        try run("DELETE FROM incident WHERE seq = ?", [seq])
    }

    func scanIncidents(account: String, before: IncidentListKey?, _ visit: (IncidentRecordRow) throws -> Bool) throws {
        if let before {
            try each("""
                SELECT seq, \(Self.incidentColumns) FROM incident WHERE account = ? AND (creation_time, seq) < (?, ?)
                ORDER BY creation_time DESC, seq DESC
                """, [account, before.creationTime, before.seq]) { try visit(incident($0)) }
        } else {
            try each("SELECT seq, \(Self.incidentColumns) FROM incident WHERE account = ? ORDER BY creation_time DESC, seq DESC",
                     [account]) { try visit(incident($0)) }
        }
    }

    // MARK: Timeline events

    private func event(_ row: Row) throws -> TimelineEventRecord {
        TimelineEventRecord(
            seq: row[0], incidentSeq: row[1], eventId: row[2], eventTime: row[3], eventType: row[4],
            eventData: row[5], eventUpdatedTime: row[6], eventReferences: try decode(row[7])?.list)
    }

    private static let eventColumns =
        "seq, incident, event_id, event_time, event_type, event_data, event_updated_time, event_references"

    func timelineEvent(incidentSeq: Int64, eventId: String) throws -> TimelineEventRecord? {
        try one("SELECT \(Self.eventColumns) FROM timeline_event WHERE incident = ? AND event_id = ?",
                [incidentSeq, eventId], event)
    }

    func insertTimelineEvent(_ e: TimelineEventRecord) throws -> Int64 {
        try insert("""
            INSERT INTO timeline_event (incident, event_id, event_time, event_type, event_data, event_updated_time,
                event_references) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [e.incidentSeq, e.eventId, e.eventTime, e.eventType, e.eventData, e.eventUpdatedTime,
                  encode(e.eventReferences.map(Value.list))])
    }

    func updateTimelineEvent(_ e: TimelineEventRecord) throws {
        try run("""
            UPDATE timeline_event SET event_time = ?, event_type = ?, event_data = ?, event_updated_time = ?,
                event_references = ? WHERE seq = ?
            """, [e.eventTime, e.eventType, e.eventData, e.eventUpdatedTime, encode(e.eventReferences.map(Value.list)), e.seq])
    }

    func deleteTimelineEvent(seq: Int64) throws {
        try run("DELETE FROM timeline_event WHERE seq = ?", [seq])
    }

    func scanTimelineEvents(incidentSeq: Int64, descending: Bool, after: TimelineSortKey?,
                            _ visit: (TimelineEventRecord) throws -> Bool) throws {
        let columns = Self.eventColumns
        switch (descending, after) {
        case (false, nil):
            try each("SELECT \(columns) FROM timeline_event WHERE incident = ? ORDER BY event_time, seq",
                     [incidentSeq]) { try visit(event($0)) }
        case (false, let key?):
            try each("""
                SELECT \(columns) FROM timeline_event WHERE incident = ? AND (event_time, seq) > (?, ?)
                ORDER BY event_time, seq
                """, [incidentSeq, key.eventTime, key.seq]) { try visit(event($0)) }
        case (true, nil):
            try each("SELECT \(columns) FROM timeline_event WHERE incident = ? ORDER BY event_time DESC, seq DESC",
                     [incidentSeq]) { try visit(event($0)) }
        case (true, let key?):
            try each("""
                SELECT \(columns) FROM timeline_event WHERE incident = ? AND (event_time, seq) < (?, ?)
                ORDER BY event_time DESC, seq DESC
                """, [incidentSeq, key.eventTime, key.seq]) { try visit(event($0)) }
        }
    }

    // MARK: Related items

    func insertRelatedItem(_ r: RelatedItemRecord) throws -> Int64 {
        try insert("INSERT INTO related_item (incident, generated_id, title, identifier) VALUES (?, ?, ?, ?)",
                   [r.incidentSeq, r.generatedId, r.title, encode(r.identifier)])
    }

    func deleteRelatedItem(seq: Int64) throws {
        try run("DELETE FROM related_item WHERE seq = ?", [seq])
    }

    func scanRelatedItems(incidentSeq: Int64, afterSeq: Int64?, _ visit: (RelatedItemRecord) throws -> Bool) throws {
        try each("""
            SELECT seq, incident, generated_id, title, identifier FROM related_item
            WHERE incident = ? AND seq > ? ORDER BY seq
            """, [incidentSeq, afterSeq ?? 0]) { row in
            try visit(RelatedItemRecord(seq: row[0], incidentSeq: row[1], generatedId: row[2], title: row[3],
                                        identifier: try decode(row[4]) ?? .structure([:])))
        }
    }

    // MARK: Tags

    func tags(resourceArn: String) throws -> [(key: String, value: String)] {
        var out: [(key: String, value: String)] = []
        try each("SELECT key, value FROM tag WHERE resource_arn = ? ORDER BY key", [resourceArn]) { row in
            out.append((key: row[0], value: row[1]))
            return true
        }
        return out
    }

    func setTag(resourceArn: String, key: String, value: String) throws {
        try run("INSERT OR REPLACE INTO tag (resource_arn, key, value) VALUES (?, ?, ?)", [resourceArn, key, value])
    }

    func removeTag(resourceArn: String, key: String) throws {
        try run("DELETE FROM tag WHERE resource_arn = ? AND key = ?", [resourceArn, key])
    }

    func removeAllTags(resourceArn: String) throws {
        try run("DELETE FROM tag WHERE resource_arn = ?", [resourceArn])
    }

    // MARK: Resource policies

    func insertResourcePolicy(_ p: ResourcePolicyRecord) throws -> Int64 {
        try insert("INSERT INTO resource_policy (resource_arn, policy_id, document, region) VALUES (?, ?, ?, ?)",
                   [p.resourceArn, p.policyId, p.document, p.region])
    }

    func deleteResourcePolicy(seq: Int64) throws {
        try run("DELETE FROM resource_policy WHERE seq = ?", [seq])
    }

    func scanResourcePolicies(resourceArn: String, afterSeq: Int64?, _ visit: (ResourcePolicyRecord) throws -> Bool) throws {
        try each("""
            SELECT seq, resource_arn, policy_id, document, region FROM resource_policy
            WHERE resource_arn = ? AND seq > ? ORDER BY seq
            """, [resourceArn, afterSeq ?? 0]) { row in
            try visit(ResourcePolicyRecord(seq: row[0], resourceArn: row[1], policyId: row[2], document: row[3], region: row[4]))
        }
    }

    // MARK: Idempotency

    func idempotency(account: String, operation: String, token: String) throws -> IdempotencyRecord? {
        try one("SELECT fingerprint, response FROM idempotency WHERE account = ? AND operation = ? AND token = ?",
                [account, operation, token]) { row in
            IdempotencyRecord(account: account, operation: operation, token: token, fingerprint: row[0],
                              response: bytes(row[1]))
        }
    }

    func putIdempotency(_ r: IdempotencyRecord) throws {
        try run("""
            INSERT OR REPLACE INTO idempotency (account, operation, token, fingerprint, response) VALUES (?, ?, ?, ?, ?)
            """, [r.account, r.operation, r.token, r.fingerprint, Data(r.response)])
    }

    func deleteIdempotency(account: String) throws {
        try run("DELETE FROM idempotency WHERE account = ?", [account])
    }

    // MARK: Values kept whole

    func encode(_ value: Value?) -> Data? { value.map { Data(ValueCodec.encode($0)) } }

    func decode(_ data: Data?) throws -> Value? {
        try data.map { try ValueCodec.decode([UInt8]($0)) }
    }

    func bytes(_ data: Data) -> [UInt8] { [UInt8](data) }
}
