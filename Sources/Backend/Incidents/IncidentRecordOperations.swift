import JSON
import Catalog
import OrderedCollections

/// StartIncident, GetIncidentRecord, ListIncidentRecords, UpdateIncidentRecord,
/// DeleteIncidentRecord.
extension IncidentsCommand {
    /// The source of incidents started by hand (the API or a chat command).
    static var customSource: String { "aws.ssm-incidents.custom" }

    func startIncident() throws -> Value {
        let planArn = try input.requiredString("responsePlanArn")
        let plan = try responsePlan(arn: planArn)
        try requireReplicationSet()
        let template = plan.template
        let impact = try input.integer("impact") ?? template.impact
        try checkImpact(impact)
        let title = try input.string("title") ?? template.title
        let trigger = try input.structure("triggerDetails")
        let source = trigger?["source"]?.string ?? Self.customSource
        let arn = ARN.incidents(context, "incident-record/\(plan.name)/\(ids.uuidString())")
        let dedupe = template.dedupeString.flatMap { $0.isEmpty ? nil : $0 } ?? ids.uuidString()
        var incident = IncidentRecordRow(
            account: context.accountId, arn: arn, responsePlanArn: plan.arn, title: title,
            summary: template.summary, status: "OPEN", impact: impact, dedupeString: dedupe,
            creationTime: now, resolvedTime: nil, lastModifiedBy: context.principalArn, lastModifiedTime: now,
            createdBy: context.principalArn, invokedBy: Self.servicePrincipal(of: source),
            sourceResourceArn: trigger?["triggerArn"]?.string, source: source, chatChannel: plan.chatChannel,
            notificationTargets: template.notificationTargets ?? [], automationExecutions: [],
            triggerDetails: trigger.map { .structure($0) })
        incident.seq = try store.insertIncident(incident)
        if let tags = template.incidentTags { try applyTags(tags, to: arn) }
        for item in try input.list("relatedItems") ?? [] {
            try addRelatedItem(item, to: incident)
        }
        let data = JSON.object([
            ("title", .string(title)), ("impact", .integer(impact)), ("source", .string(source)),
            ("createdBy", .string(context.principalArn)), ("responsePlanArn", .string(plan.arn)),
        ])
        try recordSystemEvent(incident, type: SystemEventType.trigger, data: data.compact)
        if let engage {
            for contactArn in plan.engagements ?? [] {
                try engage(IncidentEngagement(incident: incident, contactArn: contactArn))
            }
        }
        return structure(("incidentRecordArn", .string(arn)))
    }

    func getIncidentRecord() throws -> Value {
        structure(("incidentRecord", incidentValue(try incident(arn: try input.requiredString("arn")))))
    }

    func listIncidentRecords() throws -> Value {
        let limit = try input.pageSize(limit: 100)
        let filters = try ListFilter.parse(input, keys: [
            "status": .string, "impact": .integer, "creationTime": .time, "resolvedTime": .time, "createdBy": .string,
        ])
        var before: IncidentListKey?
        if let token = try input.string("nextToken") {
            let key = try PageToken.readInts(token, scope: queryScope, count: 2)
            before = IncidentListKey(creationTime: key[0], seq: key[1])
        }
        let page = try Page<IncidentRecordRow>(limit: limit, include: { incident in
            filters.allSatisfy { filter in
                switch filter.key {
                case "status": filter.matches(string: incident.status)
                case "impact": filter.matches(integer: incident.impact)
                case "creationTime": filter.matches(time: incident.creationTime)
                case "resolvedTime": filter.matches(time: incident.resolvedTime)
                default: filter.matches(string: incident.createdBy)
                }
            }
        }) { visit in try store.scanIncidents(account: context.accountId, before: before, visit) }
        let summaries = page.items.map { incident in
            structure(
                ("arn", .string(incident.arn)),
                ("creationTime", .time(incident.creationTime)),
                ("impact", .integer(incident.impact)),
                ("incidentRecordSource", sourceValue(incident)),
                ("resolvedTime", .time(incident.resolvedTime)),
                ("status", .string(incident.status)),
                ("title", .string(incident.title)))
        }
        var token: Value?
        if page.hasMore, let last = page.items.last {
            token = .string(PageToken.make(scope: queryScope, [String(last.creationTime), String(last.seq)]))
        }
        return structure(("incidentRecordSummaries", .list(summaries)), ("nextToken", token))
    }

    func updateIncidentRecord() throws -> Value {
        var incident = try incident(arn: try input.requiredString("arn"))
        var changes: [(String, String, String)] = []
        if let title = try input.string("title"), title != incident.title {
            changes.append(("title", incident.title, title))
            incident.title = title
        }
        if let summary = try input.string("summary") { incident.summary = summary }
        if let impact = try input.integer("impact") {
            try checkImpact(impact)
            if impact != incident.impact { changes.append(("impact", String(incident.impact), String(impact))) }
            incident.impact = impact
        }
        if let status = try input.string("status") {
            guard status == "OPEN" || status == "RESOLVED" else {
                throw ServiceError.validation("status must be OPEN or RESOLVED; got \(status).")
            }
            if status != incident.status {
                changes.append(("status", incident.status, status))
                incident.status = status
                incident.resolvedTime = status == "RESOLVED" ? now : nil
            }
        }
        if let chatChannel = input["chatChannel"] { incident.chatChannel = chatChannel }
        if let targets = try input.list("notificationTargets") { incident.notificationTargets = targets }
        incident.lastModifiedBy = context.principalArn
        incident.lastModifiedTime = now
        try store.updateIncident(incident)
        if !changes.isEmpty {
            let attributes = changes.map { name, old, new in
                JSON.object([("attributeName", .string(name)), ("previousValue", .string(old)), ("newValue", .string(new))])
            }
            let data = JSON.object([("modifiedBy", .string(context.principalArn)), ("modifiedAttributes", .array(attributes))])
            try recordSystemEvent(incident, type: SystemEventType.recordUpdate, data: data.compact)
        }
        return emptyOutput
    }

    /// Deleting an incident that does not exist succeeds, as the service answers.
    func deleteIncidentRecord() throws -> Value {
        let arn = try input.requiredString("arn")
        if let seq = try store.incidentSeq(arn: arn) {
            try store.deleteIncident(seq: seq)
            try store.removeAllTags(resourceArn: arn)
        }
        return emptyOutput
    }

    // MARK: Helpers

    func incident(arn: String) throws -> IncidentRecordRow {
        guard let incident = try store.incident(arn: arn) else { throw incidentNotFound(arn) }
        return incident
    }

    func incidentSeq(arn: String) throws -> Int64 {
        guard let seq = try store.incidentSeq(arn: arn) else { throw incidentNotFound(arn) }
        return seq
    }

    func incidentNotFound(_ arn: String) -> ServiceError {
        .notFound(.incidentRecord, arn, "Incident record \(arn) does not exist.")
    }

    /// The `IncidentRecord` shape, members in model order.
    func incidentValue(_ r: IncidentRecordRow) -> Value {
        structure(
            ("arn", .string(r.arn)),
            ("automationExecutions", .list(r.automationExecutions)),
            ("chatChannel", r.chatChannel),
            ("creationTime", .time(r.creationTime)),
            ("dedupeString", .string(r.dedupeString)),
            ("impact", .integer(r.impact)),
            ("incidentRecordSource", sourceValue(r)),
            ("lastModifiedBy", .string(r.lastModifiedBy)),
            ("lastModifiedTime", .time(r.lastModifiedTime)),
            ("notificationTargets", .list(r.notificationTargets)),
            ("resolvedTime", .time(r.resolvedTime)),
            ("status", .string(r.status)),
            ("summary", .text(r.summary)),
            ("title", .string(r.title)))
    }

    func sourceValue(_ r: IncidentRecordRow) -> Value {
        structure(
            ("createdBy", .string(r.createdBy)),
            ("invokedBy", .text(r.invokedBy)),
            ("resourceArn", .text(r.sourceResourceArn)),
            ("source", .string(r.source)))
    }

    /// The service principal behind a trigger source (`aws.cloudwatch` is
    /// `cloudwatch.amazonaws.com`); none for incidents started by hand.
    static func servicePrincipal(of source: String) -> String? {
        guard source != customSource, source.hasPrefix("aws."), source.count > 4 else { return nil }
        return "\(source.dropFirst(4)).amazonaws.com"
    }
}
