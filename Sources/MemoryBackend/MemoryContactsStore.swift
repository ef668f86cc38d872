import Backend
import OrderedCollections

/// The ``ContactsStore`` part of the memory store: ordered tables with the
/// same undo journal as the rest.
extension MemoryStore: ContactsStore {
    // MARK: Generic table changes

    /// Inserts or replaces a row in place, journaling the inverse.
    private func put<R>(_ table: WritableKeyPath<MemoryState, OrderedDictionary<String, R>>, _ key: String, _ row: R) {
        if let old = state[keyPath: table][key] {
            change({ $0[keyPath: table][key] = row }, undo: { $0[keyPath: table][key] = old })
        } else {
            change({ $0[keyPath: table][key] = row }, undo: { $0[keyPath: table].removeValue(forKey: key) })
        }
    }

    /// Removes a row, journaling its reinsertion at the same place.
    private func remove<R>(_ table: WritableKeyPath<MemoryState, OrderedDictionary<String, R>>, _ key: String) {
        guard let index = state[keyPath: table].index(forKey: key) else { return }
        let old = state[keyPath: table].values[index]
        change({ $0[keyPath: table].removeValue(forKey: key) },
               undo: { $0[keyPath: table].updateValue(old, forKey: key, insertingAt: index) })
    }

    // MARK: Contacts

    func contact(arn: String) -> ContactRecord? { state.contacts[arn] }
    func putContact(_ record: ContactRecord) { put(\.contacts, record.arn, record) }
    func deleteContact(arn: String) { remove(\.contacts, arn) }
    func contacts(account: String, region: String) -> [ContactRecord] {
        state.contacts.values.filter { $0.account == account && $0.region == region }
    }

    // MARK: Contact channels

    func contactChannel(arn: String) -> ContactChannelRecord? { state.channels[arn] }
    func putContactChannel(_ record: ContactChannelRecord) { put(\.channels, record.arn, record) }
    func deleteContactChannel(arn: String) { remove(\.channels, arn) }
    func contactChannels(contactArn: String) -> [ContactChannelRecord] {
        state.channels.values.filter { $0.contactArn == contactArn }
    }

    // MARK: Engagements and pages

    func engagement(arn: String) -> EngagementRecord? { state.engagements[arn] }
    func putEngagement(_ record: EngagementRecord) {
        let old = state.engagements[record.arn]?.nextStageDue
        put(\.engagements, record.arn, record)
        reindex(\.engagementsDue, record.arn, from: old, to: record.nextStageDue)
    }
    func engagements(account: String, region: String) -> [EngagementRecord] {
        state.engagements.values.filter { $0.account == account && $0.region == region }
    }
    func firstDueEngagement(atOrBefore time: Millis) -> EngagementRecord? {
        guard let first = state.engagementsDue.first, first.due <= time else { return nil }
        return state.engagements[first.arn]
    }

    func page(arn: String) -> PageRecord? { state.pages[arn] }
    func putPage(_ record: PageRecord) {
        let old = state.pages[record.arn]?.nextStageDue
        put(\.pages, record.arn, record)
        reindex(\.pagesDue, record.arn, from: old, to: record.nextStageDue)
    }
    func pages(engagementArn: String) -> [PageRecord] { state.pages.values.filter { $0.engagementArn == engagementArn } }
    func pages(contactArn: String) -> [PageRecord] { state.pages.values.filter { $0.contactArn == contactArn } }
    func firstDuePage(atOrBefore time: Millis) -> PageRecord? {
        guard let first = state.pagesDue.first, first.due <= time else { return nil }
        return state.pages[first.arn]
    }

    func nextDueTime() -> Millis? {
        switch (state.engagementsDue.first?.due, state.pagesDue.first?.due) {
        case (let e?, let p?): min(e, p)
        case (let e, let p): e ?? p
        }
    }

    /// Moves a record in a due index from its old due time to its new one, journaled.
    private func reindex(_ index: WritableKeyPath<MemoryState, SortedKeys<MemoryState.DueKey>>, _ arn: String,
                         from old: Millis?, to new: Millis?) {
        guard old != new else { return }
        let before = old.map { MemoryState.DueKey(due: $0, arn: arn) }
        let after = new.map { MemoryState.DueKey(due: $0, arn: arn) }
        change({
            if let before { $0[keyPath: index].remove(before) }
            if let after { $0[keyPath: index].insert(after) }
        }, undo: {
            if let after { $0[keyPath: index].remove(after) }
            if let before { $0[keyPath: index].insert(before) }
        })
    }

    func insertReceipt(_ record: ReceiptRecord) -> Int64 {
        var record = record
        record.seq = state.nextSeq.receipt
        let inserted = record
        change({
            $0.nextSeq.receipt = inserted.seq + 1
            $0.receipts.append(inserted)
        }, undo: {
            $0.nextSeq.receipt = inserted.seq
            $0.receipts.removeLast()
        })
        return inserted.seq
    }

    func receipts(pageArn: String) -> [ReceiptRecord] { state.receipts.filter { $0.pageArn == pageArn } }

    // MARK: Rotations

    func rotation(arn: String) -> RotationRecord? { state.rotations[arn] }
    func putRotation(_ record: RotationRecord) { put(\.rotations, record.arn, record) }
    func deleteRotation(arn: String) {
        for key in state.overrides.keys where state.overrides[key]!.rotationArn == arn { remove(\.overrides, key) }
        remove(\.rotations, arn)
    }
    func rotations(account: String, region: String) -> [RotationRecord] {
        state.rotations.values.filter { $0.account == account && $0.region == region }
    }

    func insertRotationOverride(_ record: RotationOverrideRecord) {
        put(\.overrides, Self.overrideKey(record.rotationArn, record.id), record)
    }
    func deleteRotationOverride(rotationArn: String, id: String) { remove(\.overrides, Self.overrideKey(rotationArn, id)) }
    func rotationOverrides(rotationArn: String) -> [RotationOverrideRecord] {
        state.overrides.values.filter { $0.rotationArn == rotationArn }
    }

    private static func overrideKey(_ rotationArn: String, _ id: String) -> String { rotationArn + "\u{0}" + id }

    // MARK: Outbox

    func appendOutbox(_ message: OutboxMessage) -> Int64 {
        var message = message
        message.seq = state.nextSeq.outbox
        let inserted = message
        change({
            $0.nextSeq.outbox = inserted.seq + 1
            $0.outbox.append(inserted)
        }, undo: {
            $0.nextSeq.outbox = inserted.seq
            $0.outbox.removeLast()
        })
        return inserted.seq
    }

    func lastOutboxSeq() -> Int64 { state.outbox.last?.seq ?? 0 }

    func relayedOutboxSeq() -> Int64 { state.relayedOutboxSeq }

    func setRelayedOutboxSeq(_ seq: Int64) {
        let old = state.relayedOutboxSeq
        change({ $0.relayedOutboxSeq = seq }, undo: { $0.relayedOutboxSeq = old })
    }

    func outbox(contactChannelArn: String?, afterSeq: Int64, limit: Int?) -> [OutboxMessage] {
        let after = state.outbox.lazy.filter { message in
            message.seq > afterSeq && (contactChannelArn.map { message.contactChannelArn == $0 } ?? true)
        }
        return Array(after.prefix(limit ?? Int.max))
    }
}
