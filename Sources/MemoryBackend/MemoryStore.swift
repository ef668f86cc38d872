import Backend

/// The ``IncidentStore`` of the memory backend. Every change writes its
/// inverse to an undo journal, so a failed command is rolled back exactly,
/// without copying the state.
///
/// Not thread-safe: ``MemoryBackend`` lets one command in at a time.
final class MemoryStore: IncidentStore {
    typealias Undo = (inout MemoryState) -> Void

    private(set) var state = MemoryState()
    private var journal: [Undo] = []

    /// Runs `body` as one command: when it throws, every change it made is
    /// undone, newest first; when it returns, the changes are final.
    func atomically<T>(_ body: (MemoryStore) throws -> T) throws(ServiceError) -> T {
        defer { journal.removeAll(keepingCapacity: true) }
        do {
            return try body(self)
        } catch {
            while let undo = journal.popLast() { undo(&state) }
            if let error = error as? ServiceError { throw error }
            throw ServiceError.store("The memory store failed: \(error).")
        }
    }

    /// Undo entries held: none between commands.
    var pendingUndos: Int { journal.count }

    /// Puts back a state kept earlier (a failed batch).
    func restore(_ saved: MemoryState) {
        state = saved
        journal.removeAll()
    }

    func change(_ apply: (inout MemoryState) -> Void, undo: @escaping Undo) {
        apply(&state)
        journal.append(undo)
    }

    /// Draws the next `seq` of a kind; the insert's undo puts the counter back.
    private func takeSeq(_ counter: WritableKeyPath<MemoryState.Sequences, Int64>) -> Int64 {
        let seq = state.nextSeq[keyPath: counter]
        state.nextSeq[keyPath: counter] = seq + 1
        return seq
    }

    // MARK: Replication sets

    func replicationSet(account: String) -> ReplicationSetRecord? { state.replicationSets[account] }

    func putReplicationSet(_ record: ReplicationSetRecord) {
        let old = state.replicationSets[record.account]
        change({ $0.replicationSets[record.account] = record }, undo: { $0.replicationSets[record.account] = old })
    }

    func deleteReplicationSet(account: String) {
        let old = state.replicationSets[account]
        change({ $0.replicationSets[account] = nil }, undo: { $0.replicationSets[account] = old })
    }

    // MARK: Response plans

    func responsePlan(arn: String) -> ResponsePlanRecord? { state.plans[arn] }

    func insertResponsePlan(_ record: ResponsePlanRecord) {
        change({
            $0.plans[record.arn] = record
            $0.planNames[record.account, default: SortedKeys()].insert(.init(name: record.name, arn: record.arn))
        }, undo: {
            $0.plans[record.arn] = nil
            $0.planNames[record.account]?.remove(.init(name: record.name, arn: record.arn))
        })
    }

    func updateResponsePlan(_ record: ResponsePlanRecord) {
        let old = state.plans[record.arn]
        change({ $0.plans[record.arn] = record }, undo: { $0.plans[record.arn] = old })
    }

    func deleteResponsePlan(arn: String) {
        guard let old = state.plans[arn] else { return }
        change({
            $0.plans[arn] = nil
            $0.planNames[old.account]?.remove(.init(name: old.name, arn: arn))
        }, undo: {
            $0.plans[arn] = old
            $0.planNames[old.account, default: SortedKeys()].insert(.init(name: old.name, arn: arn))
        })
    }

    func scanResponsePlans(account: String, afterName: String?, _ visit: (ResponsePlanRecord) throws -> Bool) throws {
        guard let keys = state.planNames[account] else { return }
        var i = afterName.map { keys.upperBound(MemoryState.PlanKey(name: $0, arn: "")) } ?? keys.startIndex
        while i < keys.endIndex {
            if let plan = state.plans[keys[i].arn], try !visit(plan) { return }
            i = keys.index(after: i)
        }
    }

    // MARK: Incident records

    func incident(arn: String) -> IncidentRecordRow? { state.incidents[arn] }

    func incidentSeq(arn: String) -> Int64? { state.incidents[arn]?.seq }

    func insertIncident(_ record: IncidentRecordRow) -> Int64 {
        var record = record
        record.seq = takeSeq(\.incident)
        let inserted = record
        change({
            $0.incidents[inserted.arn] = inserted
            $0.incidentArnBySeq[inserted.seq] = inserted.arn
            $0.incidentOrder[inserted.account, default: SortedKeys()].insert(inserted.listKey)
        }, undo: {
            $0.nextSeq.incident = inserted.seq
            $0.incidents[inserted.arn] = nil
            $0.incidentArnBySeq[inserted.seq] = nil
            $0.incidentOrder[inserted.account]?.remove(inserted.listKey)
        })
        return inserted.seq
    }

    func updateIncident(_ record: IncidentRecordRow) {
        let old = state.incidents[record.arn]
        change({ $0.incidents[record.arn] = record }, undo: { $0.incidents[record.arn] = old })
    }

    func deleteIncident(seq: Int64) {
        guard let arn = state.incidentArnBySeq[seq], let old = state.incidents[arn] else { return }
        let timeline = state.timelines[seq]
        let items = state.relatedItems[seq]
        change({
            $0.incidents[arn] = nil
            $0.incidentArnBySeq[seq] = nil
            $0.incidentOrder[old.account]?.remove(old.listKey)
            $0.timelines[seq] = nil
            for eventSeq in timeline?.events.keys ?? [:].keys { $0.eventIncident[eventSeq] = nil }
            $0.relatedItems[seq] = nil
            for item in items ?? [] { $0.relatedItemIncident[item.seq] = nil }
        }, undo: {
            $0.incidents[arn] = old
            $0.incidentArnBySeq[seq] = arn
            $0.incidentOrder[old.account, default: SortedKeys()].insert(old.listKey)
            $0.timelines[seq] = timeline
            for eventSeq in timeline?.events.keys ?? [:].keys { $0.eventIncident[eventSeq] = seq }
            $0.relatedItems[seq] = items
            for item in items ?? [] { $0.relatedItemIncident[item.seq] = seq }
        })
    }

    func scanIncidents(account: String, before: IncidentListKey?, _ visit: (IncidentRecordRow) throws -> Bool) throws {
        guard let keys = state.incidentOrder[account] else { return }
        var i = before.map { keys.lowerBound($0) } ?? keys.endIndex
        while i > keys.startIndex {
            i = keys.index(before: i)
            let key = keys[i]
            guard let arn = state.incidentArnBySeq[key.seq], let incident = state.incidents[arn] else { continue }
            if try !visit(incident) { return }
        }
    }

    // MARK: Timeline events

    func timelineEvent(incidentSeq: Int64, eventId: String) -> TimelineEventRecord? {
        guard let timeline = state.timelines[incidentSeq], let seq = timeline.seqById[eventId] else { return nil }
        return timeline.events[seq]
    }

    func insertTimelineEvent(_ record: TimelineEventRecord) -> Int64 {
        var record = record
        record.seq = takeSeq(\.event)
        let inserted = record
        let incident = inserted.incidentSeq
        change({
            $0.timelines[incident, default: MemoryState.Timeline()].insert(inserted)
            $0.eventIncident[inserted.seq] = incident
        }, undo: {
            $0.nextSeq.event = inserted.seq
            $0.timelines[incident]?.remove(seq: inserted.seq)
            $0.eventIncident[inserted.seq] = nil
        })
        return inserted.seq
    }

    func updateTimelineEvent(_ record: TimelineEventRecord) {
        guard let old = state.timelines[record.incidentSeq]?.events[record.seq] else { return }
        let incident = record.incidentSeq
        change({
            $0.timelines[incident]?.remove(seq: old.seq)
            $0.timelines[incident]?.insert(record)
        }, undo: {
            $0.timelines[incident]?.remove(seq: record.seq)
            $0.timelines[incident]?.insert(old)
        })
    }

    func deleteTimelineEvent(seq: Int64) {
        guard let incident = state.eventIncident[seq], let old = state.timelines[incident]?.events[seq] else { return }
        change({
            $0.timelines[incident]?.remove(seq: seq)
            $0.eventIncident[seq] = nil
        }, undo: {
            $0.timelines[incident]?.insert(old)
            $0.eventIncident[seq] = incident
        })
    }

    func scanTimelineEvents(incidentSeq: Int64, descending: Bool, after: TimelineSortKey?,
                            _ visit: (TimelineEventRecord) throws -> Bool) throws {
        guard let timeline = state.timelines[incidentSeq] else { return }
        let order = timeline.order
        if descending {
            var i = after.map { order.lowerBound($0) } ?? order.endIndex
            while i > order.startIndex {
                i = order.index(before: i)
                if let event = timeline.events[order[i].seq], try !visit(event) { return }
            }
        } else {
            var i = after.map { order.upperBound($0) } ?? order.startIndex
            while i < order.endIndex {
                if let event = timeline.events[order[i].seq], try !visit(event) { return }
                i = order.index(after: i)
            }
        }
    }

    // MARK: Related items

    func insertRelatedItem(_ record: RelatedItemRecord) -> Int64 {
        var record = record
        record.seq = takeSeq(\.relatedItem)
        let inserted = record
        change({
            $0.relatedItems[inserted.incidentSeq, default: []].append(inserted)
            $0.relatedItemIncident[inserted.seq] = inserted.incidentSeq
        }, undo: {
            $0.nextSeq.relatedItem = inserted.seq
            $0.relatedItems[inserted.incidentSeq]?.removeAll { $0.seq == inserted.seq }
            $0.relatedItemIncident[inserted.seq] = nil
        })
        return inserted.seq
    }

    func deleteRelatedItem(seq: Int64) {
        guard let incident = state.relatedItemIncident[seq], let items = state.relatedItems[incident] else { return }
        change({
            $0.relatedItems[incident]?.removeAll { $0.seq == seq }
            $0.relatedItemIncident[seq] = nil
        }, undo: {
            $0.relatedItems[incident] = items
            $0.relatedItemIncident[seq] = incident
        })
    }

    func scanRelatedItems(incidentSeq: Int64, afterSeq: Int64?, _ visit: (RelatedItemRecord) throws -> Bool) throws {
        for item in state.relatedItems[incidentSeq] ?? [] where item.seq > (afterSeq ?? 0) {
            if try !visit(item) { return }
        }
    }

    // MARK: Tags

    func tags(resourceArn: String) -> [(key: String, value: String)] {
        (state.tags[resourceArn] ?? [:]).sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
    }

    func setTag(resourceArn: String, key: String, value: String) {
        let old = state.tags[resourceArn]?[key]
        change({ $0.tags[resourceArn, default: [:]][key] = value }, undo: { $0.tags[resourceArn, default: [:]][key] = old })
    }

    func removeTag(resourceArn: String, key: String) {
        guard let old = state.tags[resourceArn]?[key] else { return }
        change({ $0.tags[resourceArn]?[key] = nil }, undo: { $0.tags[resourceArn, default: [:]][key] = old })
    }

    func removeAllTags(resourceArn: String) {
        guard let old = state.tags[resourceArn] else { return }
        change({ $0.tags[resourceArn] = nil }, undo: { $0.tags[resourceArn] = old })
    }

    // MARK: Resource policies

    func insertResourcePolicy(_ record: ResourcePolicyRecord) -> Int64 {
        var record = record
        record.seq = takeSeq(\.policy)
        let inserted = record
        change({
            $0.policies[inserted.resourceArn, default: []].append(inserted)
            $0.policyResource[inserted.seq] = inserted.resourceArn
        }, undo: {
            $0.nextSeq.policy = inserted.seq
            $0.policies[inserted.resourceArn]?.removeAll { $0.seq == inserted.seq }
            $0.policyResource[inserted.seq] = nil
        })
        return inserted.seq
    }

    func deleteResourcePolicy(seq: Int64) {
        guard let arn = state.policyResource[seq], let old = state.policies[arn] else { return }
        change({
            $0.policies[arn]?.removeAll { $0.seq == seq }
            $0.policyResource[seq] = nil
        }, undo: {
            $0.policies[arn] = old
            $0.policyResource[seq] = arn
        })
    }

    func scanResourcePolicies(resourceArn: String, afterSeq: Int64?, _ visit: (ResourcePolicyRecord) throws -> Bool) throws {
        for policy in state.policies[resourceArn] ?? [] where policy.seq > (afterSeq ?? 0) {
            if try !visit(policy) { return }
        }
    }

    // MARK: Idempotency

    func idempotency(account: String, operation: String, token: String) -> IdempotencyRecord? {
        state.idempotency[.init(account: account, operation: operation, token: token)]
    }

    func putIdempotency(_ record: IdempotencyRecord) {
        let key = MemoryState.IdempotencyKey(account: record.account, operation: record.operation, token: record.token)
        let old = state.idempotency[key]
        change({ $0.idempotency[key] = record }, undo: { $0.idempotency[key] = old })
    }

    func deleteIdempotency(account: String) {
        let old = state.idempotency.filter { $0.key.account == account }
        guard !old.isEmpty else { return }
        change({ state in for key in old.keys { state.idempotency[key] = nil } },
               undo: { state in for (key, value) in old { state.idempotency[key] = value } })
    }
}

extension MemoryState.Timeline {
    mutating func insert(_ event: TimelineEventRecord) {
        events[event.seq] = event
        seqById[event.eventId] = event.seq
        order.insert(event.sortKey)
    }

    mutating func remove(seq: Int64) {
        guard let event = events.removeValue(forKey: seq) else { return }
        seqById[event.eventId] = nil
        order.remove(event.sortKey)
    }
}
