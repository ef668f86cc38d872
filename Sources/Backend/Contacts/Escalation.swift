import Foundation

/// How an engagement reaches people, step by step in time.
///
/// - A PERSONAL contact gets a page at once; the page then runs the contact's
///   own plan: stage 0 at once, each next stage `DurationInMinutes` after the
///   one before, every stage sending the page to its contact channels (a SENT
///   receipt and an outbox message; an ERROR receipt for a channel that is not
///   activated).
/// - An ONCALL_SCHEDULE contact pages whoever is on call in its rotations at
///   that instant.
/// - An ESCALATION contact runs its plan the same way, each stage paging its
///   target contacts.
///
/// An accepted page stops its own stages; when the page is essential (paged
/// directly, or through a target with `IsEssential`), it also ends the
/// escalation of the whole engagement. StopEngagement ends everything.
struct Escalation {
    let store: any ContactsStore
    let ids: any IDGenerator
    /// Contacts read once per escalation run: no step changes a contact, and
    /// catching up many steps reads the same few plans over and over.
    private let contacts = ContactMemo()

    init(store: any ContactsStore, ids: any IDGenerator) {
        self.store = store
        self.ids = ids
    }

    private func contactRecord(_ arn: String) throws -> ContactRecord? {
        if let known = contacts.records[arn] { return known }
        let record = try store.contact(arn: arn)
        contacts.records[arn] = record
        return record
    }

    /// A six-digit code (activation codes, page accept codes), from the injected generator.
    func code() -> String {
        let u = ids.uuid().uuid
        let n = [u.0, u.1, u.2, u.3, u.4, u.5, u.6, u.7].reduce(UInt64(0)) { $0 << 8 | UInt64($1) } % 1_000_000
        let s = String(n)
        return String(repeating: "0", count: 6 - s.count) + s
    }

    /// Starts an engagement of `contact` at `time` and runs what is due at once.
    func start(contact: ContactRecord, sender: String, subject: String, content: String, publicSubject: String?,
               publicContent: String?, incidentId: String?, at time: Millis) throws -> String {
        let arn = ContactsARN.sibling(of: contact.arn, "engagement/\(contact.alias)/\(ids.uuidString())")
        var engagement = EngagementRecord(
            arn: arn, account: contact.account, region: contact.region, contactArn: contact.arn, sender: sender,
            subject: subject, content: content, publicSubject: publicSubject, publicContent: publicContent,
            incidentId: incidentId, startTime: time)
        switch contact.type {
        case "ESCALATION":
            engagement.nextStageDue = contact.plan.stages.isEmpty ? nil : time
            try store.putEngagement(engagement)
        case "ONCALL_SCHEDULE":
            try store.putEngagement(engagement)
            try pageSchedule(contact, engagement: engagement, path: [], essential: true, at: time)
        default:
            try store.putEngagement(engagement)
            try page(contact, engagement: engagement, path: [], essential: true, at: time)
        }
        try runDue(until: time, engagementArn: arn)
        return arn
    }

    /// Runs every step due at or before `time` in time order (of one engagement,
    /// or of all), each stamped with the instant it was due. Ties go to the
    /// engagement, then to the smaller ARN. Every step moves its record on (a
    /// later stage, or none), so the loop ends; the store's due indexes make
    /// each step one lookup.
    @discardableResult
    func runDue(until time: Millis, engagementArn: String? = nil) throws -> Int {
        var steps = 0
        while true {
            let nextEngagement: EngagementRecord?
            let nextPage: PageRecord?
            if let engagementArn {
                nextEngagement = try store.engagement(arn: engagementArn).flatMap { ($0.nextStageDue ?? .max) <= time ? $0 : nil }
                nextPage = try store.pages(engagementArn: engagementArn)
                    .filter { ($0.nextStageDue ?? .max) <= time }
                    .min { ($0.nextStageDue!, $0.arn) < ($1.nextStageDue!, $1.arn) }
            } else {
                nextEngagement = try store.firstDueEngagement(atOrBefore: time)
                nextPage = try store.firstDuePage(atOrBefore: time)
            }
            switch (nextEngagement, nextPage) {
            case (let e?, let p?) where e.nextStageDue! <= p.nextStageDue!: try runStage(of: e)
            case (_, let p?): try runStage(of: p)
            case (let e?, nil): try runStage(of: e)
            case (nil, nil): return steps
            }
            steps += 1
        }
    }

    /// Runs the due stage of an escalation plan: pages its target contacts.
    private func runStage(of engagement: EngagementRecord) throws {
        var engagement = engagement
        let time = engagement.nextStageDue!
        let index = Int(engagement.nextStage)
        guard let contact = try contactRecord(engagement.contactArn), index < contact.plan.stages.count else {
            engagement.nextStageDue = nil
            try store.putEngagement(engagement)
            return
        }
        let stage = contact.plan.stages[index]
        let step = ResolutionStep(contactArn: contact.arn, type: contact.type, stageIndex: Int64(index))
        for case .contact(let targetArn, let essential) in stage.targets {
            guard let target = try contactRecord(targetArn) else { continue }
            if target.type == "ONCALL_SCHEDULE" {
                try pageSchedule(target, engagement: engagement, path: [step], essential: essential, at: time)
            } else {
                try page(target, engagement: engagement, path: [step], essential: essential, at: time)
            }
        }
        // The pages above only start (their first stage runs when runDue next
        // looks), so nothing accepted them yet: the engagement is as read.
        engagement.nextStage = Int64(index + 1)
        engagement.nextStageDue = index + 1 < contact.plan.stages.count ? time + stage.durationInMinutes * 60_000 : nil
        try store.putEngagement(engagement)
    }

    /// Runs the due step of a page: its next stage, which sends the page to
    /// the stage's contact channels, or a retry of that stage.
    ///
    /// A channel target with `RetryIntervalInMinutes` whose send failed (an
    /// ERROR receipt: the channel is not activated) is sent again every that
    /// many minutes while the page is open, within its stage: a retry falls
    /// strictly before the next stage starts (for the last stage, before its
    /// `DurationInMinutes` ends), so a stage of 0 minutes never retries. Stage
    /// `i` of a page starts at its sent time plus the durations before it, so
    /// the record needs nothing beyond its next stage and when it is due.
    private func runStage(of page: PageRecord) throws {
        var page = page
        let time = page.nextStageDue!
        let index = Int(page.nextStage)
        guard let contact = try contactRecord(page.contactArn), index < contact.plan.stages.count,
              let engagement = try store.engagement(arn: page.engagementArn) else {
            page.nextStageDue = nil
            try store.putPage(page)
            return
        }
        let stages = contact.plan.stages
        let stage = stages[index]
        let start = page.sentTime + stages[..<index].reduce(0) { $0 + $1.durationInMinutes * 60_000 }
        let end = start + stage.durationInMinutes * 60_000
        let retrying = time > start
        let retries = stage.targets.contains { if case .channel(_, let r?) = $0 { r > 0 } else { false } }
        // The last outcome on each channel, for retries: (receipt type, time).
        var outcome: [String: (type: String, time: Millis)] = [:]
        if retries {
            for receipt in try store.receipts(pageArn: page.arn) {
                if let channel = receipt.contactChannelArn { outcome[channel] = (receipt.type, receipt.time) }
            }
        }
        for case .channel(let channelArn, let retry) in stage.targets {
            if retrying {
                // A retry sends again only where the last send failed and its interval is up.
                guard let retry, retry > 0, let last = outcome[channelArn], last.type == "ERROR",
                      last.time + retry * 60_000 <= time else { continue }
            }
            guard let channel = try store.contactChannel(arn: channelArn) else { continue }
            guard channel.activated else {
                _ = try store.insertReceipt(ReceiptRecord(
                    pageArn: page.arn, contactChannelArn: channel.arn, type: "ERROR",
                    info: "Channel \(channel.name) is not activated; nothing was sent.", time: time))
                outcome[channelArn] = ("ERROR", time)
                continue
            }
            _ = try store.insertReceipt(ReceiptRecord(
                pageArn: page.arn, contactChannelArn: channel.arn, type: "SENT",
                info: "Sent by \(channel.type) to \(channel.address).", time: time))
            outcome[channelArn] = ("SENT", time)
            _ = try store.appendOutbox(OutboxMessage(
                account: page.account, contactChannelArn: channel.arn, contactArn: contact.arn,
                channelType: channel.type, address: channel.address, kind: .page, code: page.acceptCode,
                pageArn: page.arn, subject: engagement.subject,
                body: "\(engagement.content)\n(from \(engagement.sender); accept with code \(page.acceptCode))",
                time: time))
        }
        var nextRetry: Millis?
        if retries {
            for case .channel(let channelArn, let retry?) in stage.targets where retry > 0 {
                guard let last = outcome[channelArn], last.type == "ERROR" else { continue }
                let due = last.time + retry * 60_000
                if due < end { nextRetry = min(nextRetry ?? due, due) }
            }
        }
        if let nextRetry {
            page.nextStage = Int64(index)
            page.nextStageDue = nextRetry
        } else {
            page.nextStage = Int64(index + 1)
            page.nextStageDue = index + 1 < stages.count ? end : nil
        }
        try store.putPage(page)
    }

    /// Pages whoever is on call in the schedule's rotations at `time`.
    private func pageSchedule(_ schedule: ContactRecord, engagement: EngagementRecord, path: [ResolutionStep],
                              essential: Bool, at time: Millis) throws {
        var onCall: [String] = []
        for rotationArn in schedule.plan.rotationIds {
            guard let rotation = try store.rotation(arn: rotationArn) else { continue }
            let overrides = try store.rotationOverrides(rotationArn: rotationArn)
            for id in try RotationSchedule(rotation: rotation, overrides: overrides).onCall(at: time)
            where !onCall.contains(id) {
                onCall.append(id)
            }
        }
        let step = ResolutionStep(contactArn: schedule.arn, type: schedule.type, stageIndex: nil)
        for id in onCall {
            guard let person = try contactRecord(id) else { continue }
            try page(person, engagement: engagement, path: path + [step], essential: essential, at: time)
        }
    }

    /// Creates a page for a PERSONAL contact; its first stage runs when `runDue` next looks.
    private func page(_ contact: ContactRecord, engagement: EngagementRecord, path: [ResolutionStep],
                      essential: Bool, at time: Millis) throws {
        let arn = ContactsARN.sibling(of: contact.arn, "page/\(contact.alias)/\(ids.uuidString())")
        let step = ResolutionStep(contactArn: contact.arn, type: contact.type, stageIndex: nil)
        try store.putPage(PageRecord(
            arn: arn, engagementArn: engagement.arn, contactArn: contact.arn, account: engagement.account,
            region: engagement.region, sentTime: time, acceptCode: code(), essential: essential,
            resolution: path + [step], nextStage: 0, nextStageDue: contact.plan.stages.isEmpty ? nil : time))
    }

    /// Ends the escalation of an engagement and of all its pages (accepted or stopped).
    func endEscalation(of engagement: EngagementRecord) throws {
        var engagement = engagement
        if engagement.nextStageDue != nil {
            engagement.nextStageDue = nil
            try store.putEngagement(engagement)
        }
        for var page in try store.pages(engagementArn: engagement.arn) where page.nextStageDue != nil {
            page.nextStageDue = nil
            try store.putPage(page)
        }
    }
}

/// The contacts one ``Escalation`` has read (a class, so that the struct's copies share it).
private final class ContactMemo {
    var records: [String: ContactRecord?] = [:]
}
