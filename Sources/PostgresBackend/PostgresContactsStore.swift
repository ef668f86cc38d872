import Backend
import Catalog
import Foundation
import NIOCore
import OrderedCollections
import PostgresNIO

/// The ``ContactsStore`` part of the PostgreSQL store, statement for statement
/// the SQLite store's: upserts keep a row's `seq` (and update the same
/// columns), so lists keep their insertion order.
extension PostgresStore: ContactsStore {
    private func strings(_ list: [String]) -> ByteBuffer? { encode(.list(list.map(Value.string))) }
    private func strings(_ bytes: [UInt8]?) throws -> [String] { try decode(bytes)?.list?.compactMap(\.string) ?? [] }

    // MARK: Contacts

    private static let contactColumns = "arn, account, region, alias, display_name, type, plan, policy"

    private func contact(_ row: Row) throws -> ContactRecord {
        ContactRecord(arn: try row[0], account: try row[1], region: try row[2], alias: try row[3], displayName: try row[4],
                      type: try row[5], plan: PlanRecord(value: try decode(row.optionalBytes(6)) ?? .structure([:])),
                      policy: try row[7])
    }

    func contact(arn: String) throws -> ContactRecord? {
        try one("SELECT \(Self.contactColumns) FROM contact WHERE arn = $1", [arn]).map(contact)
    }

    func putContact(_ c: ContactRecord) throws {
        try run("""
            INSERT INTO contact (\(Self.contactColumns)) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (arn) DO UPDATE SET account = EXCLUDED.account, region = EXCLUDED.region, alias = EXCLUDED.alias,
                display_name = EXCLUDED.display_name, type = EXCLUDED.type, plan = EXCLUDED.plan, policy = EXCLUDED.policy
            """, [c.arn, c.account, c.region, c.alias, c.displayName, c.type, encode(c.plan.value), c.policy])
    }

    func deleteContact(arn: String) throws { try run("DELETE FROM contact WHERE arn = $1", [arn]) }

    func contacts(account: String, region: String) throws -> [ContactRecord] {
        try all("SELECT \(Self.contactColumns) FROM contact WHERE account = $1 AND region = $2 ORDER BY seq",
                [account, region]).map(contact)
    }

    // MARK: Contact channels

    private static let channelColumns = "arn, contact_arn, name, type, address, activated, activation_code"

    private func channel(_ row: Row) throws -> ContactChannelRecord {
        ContactChannelRecord(arn: try row[0], contactArn: try row[1], name: try row[2], type: try row[3],
                             address: try row[4], activated: try row[5], activationCode: try row[6])
    }

    func contactChannel(arn: String) throws -> ContactChannelRecord? {
        try one("SELECT \(Self.channelColumns) FROM contact_channel WHERE arn = $1", [arn]).map(channel)
    }

    func putContactChannel(_ c: ContactChannelRecord) throws {
        try run("""
            INSERT INTO contact_channel (\(Self.channelColumns)) VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (arn) DO UPDATE SET contact_arn = EXCLUDED.contact_arn, name = EXCLUDED.name, type = EXCLUDED.type,
                address = EXCLUDED.address, activated = EXCLUDED.activated, activation_code = EXCLUDED.activation_code
            """, [c.arn, c.contactArn, c.name, c.type, c.address, c.activated, c.activationCode])
    }

    func deleteContactChannel(arn: String) throws { try run("DELETE FROM contact_channel WHERE arn = $1", [arn]) }

    func contactChannels(contactArn: String) throws -> [ContactChannelRecord] {
        try all("SELECT \(Self.channelColumns) FROM contact_channel WHERE contact_arn = $1 ORDER BY seq", [contactArn])
            .map(channel)
    }

    // MARK: Engagements

    private static let engagementColumns = """
        arn, account, region, contact_arn, sender, subject, content, public_subject, public_content, incident_id,
        start_time, stop_time, next_stage, next_stage_due
        """

    private func engagement(_ row: Row) throws -> EngagementRecord {
        EngagementRecord(arn: try row[0], account: try row[1], region: try row[2], contactArn: try row[3],
                         sender: try row[4], subject: try row[5], content: try row[6], publicSubject: try row[7],
                         publicContent: try row[8], incidentId: try row[9], startTime: try row[10],
                         stopTime: try row[11], nextStage: try row[12], nextStageDue: try row[13])
    }

    func engagement(arn: String) throws -> EngagementRecord? {
        try one("SELECT \(Self.engagementColumns) FROM engagement WHERE arn = $1", [arn]).map(engagement)
    }

    func putEngagement(_ e: EngagementRecord) throws {
        try run("""
            INSERT INTO engagement (\(Self.engagementColumns))
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            ON CONFLICT (arn) DO UPDATE SET stop_time = EXCLUDED.stop_time, next_stage = EXCLUDED.next_stage,
                next_stage_due = EXCLUDED.next_stage_due
            """, [e.arn, e.account, e.region, e.contactArn, e.sender, e.subject, e.content, e.publicSubject,
                  e.publicContent, e.incidentId, e.startTime, e.stopTime, e.nextStage, e.nextStageDue])
    }

    func engagements(account: String, region: String) throws -> [EngagementRecord] {
        try all("SELECT \(Self.engagementColumns) FROM engagement WHERE account = $1 AND region = $2 ORDER BY seq",
                [account, region]).map(engagement)
    }

    func firstDueEngagement(atOrBefore time: Millis) throws -> EngagementRecord? {
        try one("""
            SELECT \(Self.engagementColumns) FROM engagement WHERE next_stage_due <= $1
            ORDER BY next_stage_due, arn LIMIT 1
            """, [time]).map(engagement)
    }

    // MARK: Pages

    private static let pageColumns = """
        arn, engagement_arn, contact_arn, account, region, sent_time, delivery_time, read_time, accept_code, essential,
        resolution, next_stage, next_stage_due
        """

    private func page(_ row: Row) throws -> PageRecord {
        let steps = try decode(row.optionalBytes(10))?.list ?? []
        return PageRecord(
            arn: try row[0], engagementArn: try row[1], contactArn: try row[2], account: try row[3], region: try row[4],
            sentTime: try row[5], deliveryTime: try row[6], readTime: try row[7], acceptCode: try row[8],
            essential: try row[9],
            resolution: steps.map { step in
                ResolutionStep(contactArn: step["ContactArn"]?.string ?? "", type: step["Type"]?.string ?? "",
                               stageIndex: step["StageIndex"]?.integer)
            },
            nextStage: try row[11], nextStageDue: try row[12])
    }

    private func resolution(_ steps: [ResolutionStep]) -> ByteBuffer? {
        encode(.list(steps.map { step in
            var m: OrderedDictionary<String, Value> = ["ContactArn": .string(step.contactArn), "Type": .string(step.type)]
            if let index = step.stageIndex { m["StageIndex"] = .integer(index) }
            return .structure(m)
        }))
    }

    func page(arn: String) throws -> PageRecord? {
        try one("SELECT \(Self.pageColumns) FROM page WHERE arn = $1", [arn]).map(page)
    }

    func putPage(_ p: PageRecord) throws {
        try run("""
            INSERT INTO page (\(Self.pageColumns)) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            ON CONFLICT (arn) DO UPDATE SET delivery_time = EXCLUDED.delivery_time, read_time = EXCLUDED.read_time,
                next_stage = EXCLUDED.next_stage, next_stage_due = EXCLUDED.next_stage_due
            """, [p.arn, p.engagementArn, p.contactArn, p.account, p.region, p.sentTime, p.deliveryTime, p.readTime,
                  p.acceptCode, p.essential, resolution(p.resolution), p.nextStage, p.nextStageDue])
    }

    func pages(engagementArn: String) throws -> [PageRecord] {
        try all("SELECT \(Self.pageColumns) FROM page WHERE engagement_arn = $1 ORDER BY seq", [engagementArn]).map(page)
    }

    func pages(contactArn: String) throws -> [PageRecord] {
        try all("SELECT \(Self.pageColumns) FROM page WHERE contact_arn = $1 ORDER BY seq", [contactArn]).map(page)
    }

    func firstDuePage(atOrBefore time: Millis) throws -> PageRecord? {
        try one("""
            SELECT \(Self.pageColumns) FROM page WHERE next_stage_due <= $1
            ORDER BY next_stage_due, arn LIMIT 1
            """, [time]).map(page)
    }

    /// Two probes of the partial due indexes (`engagement_due`, `page_due`), each reading its first entry.
    func nextDueTime() throws -> Millis? {
        let read = { () throws -> Millis? in
            try one("""
                SELECT LEAST(
                    (SELECT next_stage_due FROM engagement WHERE next_stage_due IS NOT NULL ORDER BY next_stage_due LIMIT 1),
                    (SELECT next_stage_due FROM page WHERE next_stage_due IS NOT NULL ORDER BY next_stage_due LIMIT 1))
                """, []).flatMap { try $0[0] as Millis? }
        }
        guard let memo else { return try read() }
        return try memo.lookups.nextDueTime(lookUp: read)
    }

    func insertReceipt(_ r: ReceiptRecord) throws -> Int64 {
        try insert("INSERT INTO page_receipt (page_arn, contact_channel_arn, type, info, time) VALUES ($1, $2, $3, $4, $5)",
                   [r.pageArn, r.contactChannelArn, r.type, r.info, r.time])
    }

    func receipts(pageArn: String) throws -> [ReceiptRecord] {
        try all("SELECT seq, page_arn, contact_channel_arn, type, info, time FROM page_receipt WHERE page_arn = $1 ORDER BY seq",
                [pageArn]).map { row in
            ReceiptRecord(seq: try row[0], pageArn: try row[1], contactChannelArn: try row[2], type: try row[3],
                          info: try row[4], time: try row[5])
        }
    }

    // MARK: Rotations

    private static let rotationColumns = "arn, account, region, name, contact_ids, start_time, time_zone_id, recurrence"

    private func rotation(_ row: Row) throws -> RotationRecord {
        RotationRecord(arn: try row[0], account: try row[1], region: try row[2], name: try row[3],
                       contactIds: try strings(row.optionalBytes(4)), startTime: try row[5], timeZoneId: try row[6],
                       recurrence: try decode(row.optionalBytes(7)) ?? .structure([:]))
    }

    func rotation(arn: String) throws -> RotationRecord? {
        try one("SELECT \(Self.rotationColumns) FROM rotation WHERE arn = $1", [arn]).map(rotation)
    }

    func putRotation(_ r: RotationRecord) throws {
        try run("""
            INSERT INTO rotation (\(Self.rotationColumns)) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (arn) DO UPDATE SET name = EXCLUDED.name, contact_ids = EXCLUDED.contact_ids,
                start_time = EXCLUDED.start_time, time_zone_id = EXCLUDED.time_zone_id, recurrence = EXCLUDED.recurrence
            """, [r.arn, r.account, r.region, r.name, strings(r.contactIds), r.startTime, r.timeZoneId, encode(r.recurrence)])
    }

    func deleteRotation(arn: String) throws {
        try run("DELETE FROM rotation_override WHERE rotation_arn = $1", [arn])
        try run("DELETE FROM rotation WHERE arn = $1", [arn])
    }

    func rotations(account: String, region: String) throws -> [RotationRecord] {
        try all("SELECT \(Self.rotationColumns) FROM rotation WHERE account = $1 AND region = $2 ORDER BY seq",
                [account, region]).map(rotation)
    }

    func insertRotationOverride(_ o: RotationOverrideRecord) throws {
        try run("""
            INSERT INTO rotation_override (rotation_arn, id, new_contact_ids, start_time, end_time, create_time)
            VALUES ($1, $2, $3, $4, $5, $6)
            """, [o.rotationArn, o.id, strings(o.newContactIds), o.startTime, o.endTime, o.createTime])
    }

    func deleteRotationOverride(rotationArn: String, id: String) throws {
        try run("DELETE FROM rotation_override WHERE rotation_arn = $1 AND id = $2", [rotationArn, id])
    }

    func rotationOverrides(rotationArn: String) throws -> [RotationOverrideRecord] {
        try all("""
            SELECT rotation_arn, id, new_contact_ids, start_time, end_time, create_time FROM rotation_override
            WHERE rotation_arn = $1 ORDER BY seq
            """, [rotationArn]).map { row in
            RotationOverrideRecord(rotationArn: try row[0], id: try row[1], newContactIds: try strings(row.optionalBytes(2)),
                                   startTime: try row[3], endTime: try row[4], createTime: try row[5])
        }
    }

    // MARK: Outbox

    /// Appenders take a transaction-scoped lock first, so that `seq` follows
    /// commit order (a relay that moved its mark past a `seq` never sees a
    /// smaller one commit later), as SQLite's single writer gives.
    func appendOutbox(_ m: OutboxMessage) throws -> Int64 {
        try run("SELECT pg_advisory_xact_lock($1)", [Self.outboxLock])
        return try insert("""
            INSERT INTO outbox (account, contact_channel_arn, contact_arn, channel_type, address, kind, code, page_arn,
                subject, body, time) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """, [m.account, m.contactChannelArn, m.contactArn, m.channelType, m.address, m.kind.rawValue, m.code,
                  m.pageArn, m.subject, m.body, m.time])
    }

    static let outboxLock: Int64 = 0x1C_C4A7_0002

    func relayedOutboxSeq() throws -> Int64 {
        try one("SELECT seq FROM outbox_relay WHERE id = 1", []).map { try $0[0] } ?? 0
    }

    func setRelayedOutboxSeq(_ seq: Int64) throws {
        try run("INSERT INTO outbox_relay (id, seq) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq", [seq])
    }

    func lastOutboxSeq() throws -> Int64 {
        try one("SELECT COALESCE(MAX(seq), 0)::bigint FROM outbox", []).map { try $0[0] } ?? 0
    }

    func outbox(contactChannelArn: String?, afterSeq: Int64, limit: Int?) throws -> [OutboxMessage] {
        let columns = "seq, account, contact_channel_arn, contact_arn, channel_type, address, kind, code, page_arn, subject, body, time"
        let read = { (row: Row) throws -> OutboxMessage in
            OutboxMessage(seq: try row[0], account: try row[1], contactChannelArn: try row[2], contactArn: try row[3],
                          channelType: try row[4], address: try row[5],
                          kind: OutboxMessage.Kind(rawValue: try row[6]) ?? .page, code: try row[7], pageArn: try row[8],
                          subject: try row[9], body: try row[10], time: try row[11])
        }
        let cap = limit.map { " LIMIT \($0)" } ?? ""
        if let contactChannelArn {
            return try all("SELECT \(columns) FROM outbox WHERE contact_channel_arn = $1 AND seq > $2 ORDER BY seq" + cap,
                           [contactChannelArn, afterSeq]).map(read)
        }
        return try all("SELECT \(columns) FROM outbox WHERE seq > $1 ORDER BY seq" + cap, [afterSeq]).map(read)
    }
}
