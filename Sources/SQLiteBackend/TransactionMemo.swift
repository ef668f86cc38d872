import Backend

/// What one transaction has already looked up and is likely to look up again:
/// an incident's row number by ARN (every timeline or related-item call asks
/// for it) and the next time an escalation step is due (every command's
/// catch-up asks for it).
///
/// The backend keeps one for the transaction it has open and forgets it when
/// a transaction begins or ends and when a command rolls back to its
/// savepoint. Inside an immediate transaction no other process can write, so
/// only this transaction's own writes can make an answer stale: every write
/// forgets the next due time, deleting an incident forgets its row number.
/// Only found rows are kept, so an insert never has to forget anything.
final class TransactionMemo {
    private(set) var incidentSeqs: [String: Int64] = [:]
    /// `.some(nil)`: looked up, nothing is due.
    private(set) var nextDue: Millis?? = .none

    func incidentSeq(arn: String, lookUp: () throws -> Int64?) rethrows -> Int64? {
        if let known = incidentSeqs[arn] { return known }
        let seq = try lookUp()
        if let seq, incidentSeqs.count < 4096 { incidentSeqs[arn] = seq }
        return seq
    }

    func nextDueTime(lookUp: () throws -> Millis?) rethrows -> Millis? {
        if case .some(let known) = nextDue { return known }
        let due = try lookUp()
        nextDue = .some(due)
        return due
    }

    /// The store wrote: a step may have become due sooner, or stopped being due.
    func wrote() { nextDue = .none }

    func deletedIncident() { incidentSeqs.removeAll(keepingCapacity: true) }

    func forget() {
        incidentSeqs.removeAll(keepingCapacity: true)
        nextDue = .none
    }
}
