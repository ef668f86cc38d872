import Backend
import Catalog
import Foundation
import GRDB
import OrderedCollections

/// The ``ContactsStore`` part of the SQLite store (tables of schema version 2).
/// Upserts keep a row's `seq`, so lists keep their insertion order.
extension SQLiteStore: ContactsStore {
    private func strings(_ list: [String]) -> Data? { encode(.list(list.map(Value.string))) }
    private func strings(_ data: Data?) throws -> [String] { try decode(data)?.list?.compactMap(\.string) ?? [] }

    // MARK: Contacts

    private static let contactColumns = "arn, account, region, alias, display_name, type, plan, policy"

    private func contact(_ row: Row) throws -> ContactRecord {
        ContactRecord(arn: row[0], account: row[1], region: row[2], alias: row[3], displayName: row[4], type: row[5],
                      plan: PlanRecord(value: try decode(row[6]) ?? .structure([:])), policy: row[7])
    }

    func contact(arn: String) throws -> ContactRecord? {
        try one("SELECT \(Self.contactColumns) FROM contact WHERE arn = ?", [arn], contact)
    }

    func putContact(_ c: ContactRecord) throws {
        try run("""
            INSERT INTO contact (\(Self.contactColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(arn) DO UPDATE SET account = excluded.account, region = excluded.region, alias = excluded.alias,
                display_name = excluded.display_name, type = excluded.type, plan = excluded.plan, policy = excluded.policy
            """, [c.arn, c.account, c.region, c.alias, c.displayName, c.type, encode(c.plan.value), c.policy])
    }

    func deleteContact(arn: String) throws { try run("DELETE FROM contact WHERE arn = ?", [arn]) }

    func contacts(account: String, region: String) throws -> [ContactRecord] {
        try all("SELECT \(Self.contactColumns) FROM contact WHERE account = ? AND region = ? ORDER BY seq",
                [account, region], contact)
    }

    // MARK: Contact channels

    private static let channelColumns = "arn, contact_arn, name, type, address, activated, activation_code"

    private func channel(_ row: Row) -> ContactChannelRecord {
        ContactChannelRecord(arn: row[0], contactArn: row[1], name: row[2], type: row[3], address: row[4],
                             activated: row[5], activationCode: row[6])
    }

    func contactChannel(arn: String) throws -> ContactChannelRecord? {
        try one("SELECT \(Self.channelColumns) FROM contact_channel WHERE arn = ?", [arn], channel)
    }

    func putContactChannel(_ c: ContactChannelRecord) throws {
        try run("""
            INSERT INTO contact_channel (\(Self.channelColumns)) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(arn) DO UPDATE SET contact_arn = excluded.contact_arn, name = excluded.name, type = excluded.type,
                address = excluded.address, activated = excluded.activated, activation_code = excluded.activation_code
            """, [c.arn, c.contactArn, c.name, c.type, c.address, c.activated, c.activationCode])
    }

    func deleteContactChannel(arn: String) throws { try run("DELETE FROM contact_channel WHERE arn = ?", [arn]) }

    func contactChannels(contactArn: String) throws -> [ContactChannelRecord] {
        try all("SELECT \(Self.channelColumns) FROM contact_channel WHERE contact_arn = ? ORDER BY seq", [contactArn], channel)
    }

    // MARK: Engagements

    private static let engagementColumns = """
        arn, account, region, contact_arn, sender, subject, content, public_subject, public_content, incident_id,
        start_time, stop_time, next_stage, next_stage_due
        """

    private func engagement(_ row: Row) -> EngagementRecord {
        EngagementRecord(arn: row[0], account: row[1], region: row[2], contactArn: row[3], sender: row[4],
                         subject: row[5], content: row[6], publicSubject: row[7], publicContent: row[8],
                         incidentId: row[9], startTime: row[10], stopTime: row[11], nextStage: row[12],
                         nextStageDue: row[13])
    }

    func engagement(arn: String) throws -> EngagementRecord? {
        try one("SELECT \(Self.engagementColumns) FROM engagement WHERE arn = ?", [arn], engagement)
    }

    func putEngagement(_ e: EngagementRecord) throws {
        try run("""
            INSERT INTO engagement (\(Self.engagementColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(arn) DO UPDATE SET stop_time = excluded.stop_time, next_stage = excluded.next_stage,
                next_stage_due = excluded.next_stage_due
            """, [e.arn, e.account, e.region, e.contactArn, e.sender, e.subject, e.content, e.publicSubject,
                  e.publicContent, e.incidentId, e.startTime, e.stopTime, e.nextStage, e.nextStageDue])
    }

    func engagements(account: String, region: String) throws -> [EngagementRecord] {
        try all("SELECT \(Self.engagementColumns) FROM engagement WHERE account = ? AND region = ? ORDER BY seq",
                [account, region], engagement)
    }

    func firstDueEngagement(atOrBefore time: Millis) throws -> EngagementRecord? {
        try one("""
            SELECT \(Self.engagementColumns) FROM engagement WHERE next_stage_due <= ?
            ORDER BY next_stage_due, arn LIMIT 1
            """, [time], engagement)
    }

    // MARK: Pages

    private static let pageColumns = """
        arn, engagement_arn, contact_arn, account, region, sent_time, delivery_time, read_time, accept_code, essential,
        resolution, next_stage, next_stage_due
        """

    private func page(_ row: Row) throws -> PageRecord {
        let steps = try decode(row[10])?.list ?? []
        return PageRecord(
            arn: row[0], engagementArn: row[1], contactArn: row[2], account: row[3], region: row[4], sentTime: row[5],
            deliveryTime: row[6], readTime: row[7], acceptCode: row[8], essential: row[9],
            resolution: steps.map { step in
                ResolutionStep(contactArn: step["ContactArn"]?.string ?? "", type: step["Type"]?.string ?? "",
                               stageIndex: step["StageIndex"]?.integer)
            },
            nextStage: row[11], nextStageDue: row[12])
    }

    private func resolution(_ steps: [ResolutionStep]) -> Data? {
        encode(.list(steps.map { step in
            var m: OrderedDictionary<String, Value> = ["ContactArn": .string(step.contactArn), "Type": .string(step.type)]
            if let index = step.stageIndex { m["StageIndex"] = .integer(index) }
            return .structure(m)
        }))
    }

    func page(arn: String) throws -> PageRecord? {
        try one("SELECT \(Self.pageColumns) FROM page WHERE arn = ?", [arn], page)
    }

    func putPage(_ p: PageRecord) throws {
        try run("""
            INSERT INTO page (\(Self.pageColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(arn) DO UPDATE SET delivery_time = excluded.delivery_time, read_time = excluded.read_time,
                next_stage = excluded.next_stage, next_stage_due = excluded.next_stage_due
            """, [p.arn, p.engagementArn, p.contactArn, p.account, p.region, p.sentTime, p.deliveryTime, p.readTime,
                  p.acceptCode, p.essential, resolution(p.resolution), p.nextStage, p.nextStageDue])
    }

    func pages(engagementArn: String) throws -> [PageRecord] {
        try all("SELECT \(Self.pageColumns) FROM page WHERE engagement_arn = ? ORDER BY seq", [engagementArn], page)
    }

    func pages(contactArn: String) throws -> [PageRecord] {
        try all("SELECT \(Self.pageColumns) FROM page WHERE contact_arn = ? ORDER BY seq", [contactArn], page)
    }

    func firstDuePage(atOrBefore time: Millis) throws -> PageRecord? {
        try one("""
            SELECT \(Self.pageColumns) FROM page WHERE next_stage_due <= ?
            ORDER BY next_stage_due, arn LIMIT 1
            """, [time], page)
    }

    /// Two probes of the partial due indexes (`engagement_due`, `page_due`),
    /// each reading its first entry.
    func nextDueTime() throws -> Millis? {
        try memo.nextDueTime { try Millis.fetchOne(db.cachedStatement(sql: """
            SELECT min(due) FROM (
                SELECT (SELECT next_stage_due FROM engagement WHERE next_stage_due IS NOT NULL
                        ORDER BY next_stage_due LIMIT 1) AS due
                UNION ALL
                SELECT (SELECT next_stage_due FROM page WHERE next_stage_due IS NOT NULL
                        ORDER BY next_stage_due LIMIT 1))
            """)) }
    }

    func insertReceipt(_ r: ReceiptRecord) throws -> Int64 {
        try insert("INSERT INTO page_receipt (page_arn, contact_channel_arn, type, info, time) VALUES (?, ?, ?, ?, ?)",
                   [r.pageArn, r.contactChannelArn, r.type, r.info, r.time])
    }

    func receipts(pageArn: String) throws -> [ReceiptRecord] {
        try all("SELECT seq, page_arn, contact_channel_arn, type, info, time FROM page_receipt WHERE page_arn = ? ORDER BY seq",
                [pageArn]) { row in
            ReceiptRecord(seq: row[0], pageArn: row[1], contactChannelArn: row[2], type: row[3], info: row[4], time: row[5])
        }
    }

    // MARK: Rotations

    private static let rotationColumns = "arn, account, region, name, contact_ids, start_time, time_zone_id, recurrence"

    private func rotation(_ row: Row) throws -> RotationRecord {
        RotationRecord(arn: row[0], account: row[1], region: row[2], name: row[3], contactIds: try strings(row[4]),
                       startTime: row[5], timeZoneId: row[6], recurrence: try decode(row[7]) ?? .structure([:]))
    }

    func rotation(arn: String) throws -> RotationRecord? {
        try one("SELECT \(Self.rotationColumns) FROM rotation WHERE arn = ?", [arn], rotation)
    }

    func putRotation(_ r: RotationRecord) throws {
        try run("""
            INSERT INTO rotation (\(Self.rotationColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(arn) DO UPDATE SET name = excluded.name, contact_ids = excluded.contact_ids,
                start_time = excluded.start_time, time_zone_id = excluded.time_zone_id, recurrence = excluded.recurrence
            """, [r.arn, r.account, r.region, r.name, strings(r.contactIds), r.startTime, r.timeZoneId, encode(r.recurrence)])
    }

    func deleteRotation(arn: String) throws {
        try run("DELETE FROM rotation_override WHERE rotation_arn = ?", [arn])
        try run("DELETE FROM rotation WHERE arn = ?", [arn])
    }

    func rotations(account: String, region: String) throws -> [RotationRecord] {
        try all("SELECT \(Self.rotationColumns) FROM rotation WHERE account = ? AND region = ? ORDER BY seq",
                [account, region], rotation)
    }

    func insertRotationOverride(_ o: RotationOverrideRecord) throws {
        try run("""
            INSERT INTO rotation_override (rotation_arn, id, new_contact_ids, start_time, end_time, create_time)
            VALUES (?, ?, ?, ?, ?, ?)
            """, [o.rotationArn, o.id, strings(o.newContactIds), o.startTime, o.endTime, o.createTime])
    }

    func deleteRotationOverride(rotationArn: String, id: String) throws {
        try run("DELETE FROM rotation_override WHERE rotation_arn = ? AND id = ?", [rotationArn, id])
    }

    func rotationOverrides(rotationArn: String) throws -> [RotationOverrideRecord] {
        try all("""
            SELECT rotation_arn, id, new_contact_ids, start_time, end_time, create_time FROM rotation_override
            WHERE rotation_arn = ? ORDER BY seq
            """, [rotationArn]) { row in
            RotationOverrideRecord(rotationArn: row[0], id: row[1], newContactIds: try strings(row[2]),
                                   startTime: row[3], endTime: row[4], createTime: row[5])
        }
    }

    // MARK: Outbox

    func appendOutbox(_ m: OutboxMessage) throws -> Int64 {
        try insert("""
            INSERT INTO outbox (account, contact_channel_arn, contact_arn, channel_type, address, kind, code, page_arn,
                subject, body, time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [m.account, m.contactChannelArn, m.contactArn, m.channelType, m.address, m.kind.rawValue, m.code,
                  m.pageArn, m.subject, m.body, m.time])
    }

    func lastOutboxSeq() throws -> Int64 {
        try Int64.fetchOne(statement("SELECT COALESCE(MAX(seq), 0) FROM outbox")) ?? 0
    }

    func relayedOutboxSeq() throws -> Int64 {
        try Int64.fetchOne(statement("SELECT seq FROM outbox_relay WHERE id = 1")) ?? 0
    }

    func setRelayedOutboxSeq(_ seq: Int64) throws {
        try run("INSERT INTO outbox_relay (id, seq) VALUES (1, ?) ON CONFLICT DO UPDATE SET seq = excluded.seq", [seq])
    }

    func outbox(contactChannelArn: String?, afterSeq: Int64, limit: Int?) throws -> [OutboxMessage] {
        let columns = "seq, account, contact_channel_arn, contact_arn, channel_type, address, kind, code, page_arn, subject, body, time"
        let read = { (row: Row) in
            OutboxMessage(seq: row[0], account: row[1], contactChannelArn: row[2], contactArn: row[3],
                          channelType: row[4], address: row[5], kind: OutboxMessage.Kind(rawValue: row[6]) ?? .page,
                          code: row[7], pageArn: row[8], subject: row[9], body: row[10], time: row[11])
        }
        let cap = limit.map { " LIMIT \($0)" } ?? ""
        if let contactChannelArn {
            return try all("SELECT \(columns) FROM outbox WHERE contact_channel_arn = ? AND seq > ? ORDER BY seq" + cap,
                           [contactChannelArn, afterSeq], read)
        }
        return try all("SELECT \(columns) FROM outbox WHERE seq > ? ORDER BY seq" + cap, [afterSeq], read)
    }

    // MARK: Helpers

    private func all<T>(_ sql: String, _ arguments: StatementArguments, _ read: (Row) throws -> T) throws -> [T] {
        var out: [T] = []
        try each(sql, arguments) { row in
            out.append(try read(row))
            return true
        }
        return out
    }
}
