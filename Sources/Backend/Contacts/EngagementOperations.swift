import Catalog
import Foundation

/// StartEngagement, StopEngagement, DescribeEngagement, ListEngagements.
/// How an engagement escalates is ``Escalation``'s business.
extension ContactsCommand {
    func startEngagement() throws -> Value {
        let contact = try contact(id: try input.requiredString("ContactId"))
        let arn = try escalation.start(
            contact: contact, sender: try input.requiredString("Sender"), subject: try input.requiredString("Subject"),
            content: try input.requiredString("Content"), publicSubject: try input.string("PublicSubject"),
            publicContent: try input.string("PublicContent"), incidentId: try input.string("IncidentId"), at: now)
        return structure(("EngagementArn", .string(arn)))
    }

    /// Stops the escalation and records a STOP receipt (with the reason) on every page.
    func stopEngagement() throws -> Value {
        var engagement = try engagement(id: try input.requiredString("EngagementId"))
        let reason = try input.string("Reason")
        if let stopped = engagement.stopTime {
            throw ContactsError.invalid("EngagementId", "Engagement \(engagement.arn) was already stopped at \(Date(millis: stopped)).")
        }
        try escalation.endEscalation(of: engagement)
        engagement = try store.engagement(arn: engagement.arn) ?? engagement
        engagement.stopTime = now
        try store.putEngagement(engagement)
        for page in try store.pages(engagementArn: engagement.arn) {
            _ = try store.insertReceipt(ReceiptRecord(pageArn: page.arn, contactChannelArn: nil, type: "STOP",
                                                      info: reason.flatMap { $0.isEmpty ? nil : $0 }, time: now))
        }
        return emptyOutput
    }

    func describeEngagement() throws -> Value {
        let e = try engagement(id: try input.requiredString("EngagementId"))
        return structure(
            ("ContactArn", .string(e.contactArn)),
            ("EngagementArn", .string(e.arn)),
            ("Sender", .string(e.sender)),
            ("Subject", .string(e.subject)),
            ("Content", .string(e.content)),
            ("PublicSubject", .text(e.publicSubject)),
            ("PublicContent", .text(e.publicContent)),
            ("IncidentId", .text(e.incidentId)),
            ("StartTime", .time(e.startTime)),
            ("StopTime", .time(e.stopTime)))
    }

    /// The engagements of the account and Region, newest first; `IncidentId`
    /// and `TimeRangeValue` (start times within the range, ends included) filter them.
    func listEngagements() throws -> Value {
        let size = try pageSize()
        let incidentId = try input.string("IncidentId")
        let range = try input.structure("TimeRangeValue")
        let from = range?["StartTime"]?.timestamp?.millis
        let to = range?["EndTime"]?.timestamp?.millis
        if let from, let to, to < from {
            throw ContactsError.invalid("TimeRangeValue", "TimeRangeValue.EndTime is before its StartTime.")
        }
        let all = try store.engagements(account: context.accountId, region: context.region)
        let keyed = all.enumerated()
            .filter { _, e in
                (incidentId.map { e.incidentId == $0 } ?? true) && (from.map { e.startTime >= $0 } ?? true)
                    && (to.map { e.startTime <= $0 } ?? true)
            }
            .map { (key: SortKey.descending($0.element.startTime) + SortKey.descending(Int64($0.offset)), engagement: $0.element) }
            .sorted { $0.key < $1.key }
        let page = try paginate(keyed, size: size, key: \.key)
        return structure(
            ("NextToken", page.nextToken),
            ("Engagements", .list(page.items.map { item in
                let e = item.engagement
                return structure(
                    ("EngagementArn", .string(e.arn)), ("ContactArn", .string(e.contactArn)),
                    ("Sender", .string(e.sender)), ("IncidentId", .text(e.incidentId)),
                    ("StartTime", .time(e.startTime)), ("StopTime", .time(e.stopTime)))
            })))
    }

    // MARK: Helpers

    func engagement(id: String) throws -> EngagementRecord {
        guard ContactsARN.resourceType(of: id) == "engagement" else {
            throw ContactsError.invalid("EngagementId", "EngagementId must be the ARN of an engagement (arn:aws:ssm-contacts:REGION:ACCOUNT:engagement/ALIAS/ID); got \(id).")
        }
        guard let engagement = try store.engagement(arn: id) else {
            throw ContactsError.notFound(.engagement, id, "Engagement \(id) does not exist.")
        }
        return engagement
    }
}
