import Backend
import Catalog

extension MemoryState {
    /// Sums up every record in a fixed order, whatever order the dictionaries
    /// keep them in.
    func digest() -> String {
        var d = Digester()
        for (account, set) in replicationSets.sorted(by: { $0.key < $1.key }) {
            d.add(account); d.add(set.arn); d.add(set.createdBy); d.add(set.createdTime)
            d.add(set.deletionProtected ? 1 : 0); d.add(set.lastModifiedBy); d.add(set.lastModifiedTime)
            d.add(set.status); d.add(set.encodedRegions)
        }
        for (arn, plan) in plans.sorted(by: { $0.key < $1.key }) {
            d.add(arn); d.add(plan.name); d.add(plan.displayName); d.add(ValueCodec.encode(plan.template.value))
            d.add(plan.chatChannel.map(ValueCodec.encode)); d.add(plan.engagements?.joined(separator: "\n"))
            d.add(plan.actions.map(ValueCodec.encode)); d.add(plan.integrations.map(ValueCodec.encode))
        }
        for seq in incidentArnBySeq.keys.sorted() {
            guard let r = incidents[incidentArnBySeq[seq]!] else { continue }
            d.add(r.seq); d.add(r.arn); d.add(r.title); d.add(r.summary); d.add(r.status); d.add(r.impact)
            d.add(r.dedupeString); d.add(r.creationTime); d.add(r.resolvedTime); d.add(r.lastModifiedBy)
            d.add(r.lastModifiedTime); d.add(r.createdBy); d.add(r.invokedBy); d.add(r.source)
            d.add(r.chatChannel.map(ValueCodec.encode)); d.add(ValueCodec.encode(.list(r.notificationTargets)))
            if let timeline = timelines[seq] {
                for key in timeline.order {
                    let e = timeline.events[key.seq]!
                    d.add(e.seq); d.add(e.eventId); d.add(e.eventTime); d.add(e.eventType); d.add(e.eventData)
                    d.add(e.eventUpdatedTime); d.add(e.eventReferences.map { ValueCodec.encode(.list($0)) })
                }
            }
            for item in relatedItems[seq] ?? [] {
                d.add(item.seq); d.add(item.generatedId); d.add(item.title); d.add(ValueCodec.encode(item.identifier))
            }
        }
        for (arn, tags) in self.tags.sorted(by: { $0.key < $1.key }) where !tags.isEmpty {
            d.add(arn)
            for (key, value) in tags.sorted(by: { $0.key < $1.key }) { d.add(key); d.add(value) }
        }
        for (arn, list) in policies.sorted(by: { $0.key < $1.key }) {
            for p in list { d.add(arn); d.add(p.seq); d.add(p.policyId); d.add(p.document); d.add(p.region) }
        }
        for (key, record) in idempotency.sorted(by: { ($0.key.account, $0.key.operation, $0.key.token) < ($1.key.account, $1.key.operation, $1.key.token) }) {
            d.add(key.account); d.add(key.operation); d.add(key.token); d.add(record.fingerprint); d.add(record.response)
        }
        contactsDigest(&d)
        return d.hex
    }

    /// The ssm-contacts tables, in insertion order (which both backends keep).
    private func contactsDigest(_ d: inout Digester) {
        for c in contacts.values {
            d.add(c.arn); d.add(c.alias); d.add(c.displayName); d.add(c.type); d.add(ValueCodec.encode(c.plan.value))
            d.add(c.policy)
        }
        for c in channels.values {
            d.add(c.arn); d.add(c.contactArn); d.add(c.name); d.add(c.type); d.add(c.address)
            d.add(c.activated ? 1 : 0); d.add(c.activationCode)
        }
        for e in engagements.values {
            d.add(e.arn); d.add(e.contactArn); d.add(e.sender); d.add(e.subject); d.add(e.content)
            d.add(e.publicSubject); d.add(e.publicContent); d.add(e.incidentId); d.add(e.startTime); d.add(e.stopTime)
            d.add(e.nextStage); d.add(e.nextStageDue)
        }
        for p in pages.values {
            d.add(p.arn); d.add(p.engagementArn); d.add(p.contactArn); d.add(p.sentTime); d.add(p.deliveryTime)
            d.add(p.readTime); d.add(p.acceptCode); d.add(p.essential ? 1 : 0); d.add(Int64(p.resolution.count))
            d.add(p.nextStage); d.add(p.nextStageDue)
        }
        for r in receipts {
            d.add(r.seq); d.add(r.pageArn); d.add(r.contactChannelArn); d.add(r.type); d.add(r.info); d.add(r.time)
        }
        for r in rotations.values {
            d.add(r.arn); d.add(r.name); d.add(r.contactIds.joined(separator: "\n")); d.add(r.startTime)
            d.add(r.timeZoneId); d.add(ValueCodec.encode(r.recurrence))
        }
        for o in overrides.values {
            d.add(o.rotationArn); d.add(o.id); d.add(o.newContactIds.joined(separator: "\n")); d.add(o.startTime)
            d.add(o.endTime); d.add(o.createTime)
        }
        for m in outbox {
            d.add(m.seq); d.add(m.contactChannelArn); d.add(m.kind.rawValue); d.add(m.code); d.add(m.body); d.add(m.time)
        }
    }
}
