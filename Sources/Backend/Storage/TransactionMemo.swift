/// What one transaction has already looked up and is likely to look up
/// again: an incident's row number by ARN (every timeline or related-item
/// call asks for it) and the next time an escalation step is due (every
/// command's catch-up asks for it). One for every SQL store.
///
/// A store keeps one for the transaction it has open (SQLite: every
/// transaction; PostgreSQL: a batch's) and forgets it when a transaction
/// begins or ends and when a command rolls back to its savepoint. Inside such
/// a transaction (SQLite's immediate one holds the write lock; PostgreSQL's is
/// serializable) no other writer's changes are seen, so only the
/// transaction's own writes can make an answer stale; every write goes
/// through ``wrote(_:)``. Only found rows are kept, so an insert never makes
/// an answer stale.
public final class TransactionMemo: @unchecked Sendable {
    private var incidentSeqs: [String: Int64] = [:]
    /// `.some(nil)`: looked up, nothing is due.
    private var nextDue: Millis?? = .none
    /// The most incidents remembered; past it, lookups are not kept.
    static let incidentLimit = 10_000

    public init() {}

    public func incidentSeq(arn: String, lookUp: () throws -> Int64?) rethrows -> Int64? {
        if let known = incidentSeqs[arn] { return known }
        let seq = try lookUp()
        if let seq, incidentSeqs.count < Self.incidentLimit { incidentSeqs[arn] = seq }
        return seq
    }

    public func nextDueTime(lookUp: () throws -> Millis?) rethrows -> Millis? {
        if case .some(let known) = nextDue { return known }
        let due = try lookUp()
        nextDue = .some(due)
        return due
    }

    /// The store is about to run write `sql`. Due times live in the
    /// engagement and page tables: a write that names neither cannot make a
    /// step due sooner (a cascade only deletes, which at worst makes a
    /// catch-up find nothing). A deleted incident (or replication set, whose
    /// incidents go with it) takes its row number with it.
    public func wrote(_ sql: String) {
        if sql.contains("engagement") || sql.contains("page") { nextDue = .none }
        if sql.hasPrefix("DELETE FROM incident") || sql.hasPrefix("DELETE FROM replication_set") {
            incidentSeqs.removeAll(keepingCapacity: true)
        }
    }

    public func forget() {
        incidentSeqs.removeAll(keepingCapacity: true)
        nextDue = .none
    }
}
