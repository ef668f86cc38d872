import Catalog
import OrderedCollections

/// CreateResponsePlan, GetResponsePlan, ListResponsePlans, UpdateResponsePlan,
/// DeleteResponsePlan.
extension IncidentsCommand {
    func createResponsePlan() throws -> Value {
        let name = try input.requiredString("name")
        let templateInput = try input.requiredStructure("incidentTemplate")
        try requireReplicationSet()
        let arn = ARN.incidents(context, "response-plan/\(name)")
        if try store.responsePlan(arn: arn) != nil {
            throw ServiceError.conflict(.responsePlan, arn, "A response plan named \(name) already exists (\(arn)).")
        }
        let template = IncidentTemplateRecord(value: .structure(templateInput))
        try checkImpact(template.impact)
        try store.insertResponsePlan(ResponsePlanRecord(
            account: context.accountId, arn: arn, name: name, displayName: try input.string("displayName"),
            template: template, chatChannel: input["chatChannel"], engagements: try input.stringList("engagements"),
            actions: input["actions"], integrations: input["integrations"]))
        if let tags = try input.stringMap("tags") { try applyTags(tags, to: arn) }
        return structure(("arn", .string(arn)))
    }

    func getResponsePlan() throws -> Value {
        let plan = try responsePlan(arn: try input.requiredString("arn"))
        return structure(
            ("actions", plan.actions),
            ("arn", .string(plan.arn)),
            ("chatChannel", plan.chatChannel),
            ("displayName", .text(plan.displayName)),
            ("engagements", plan.engagements.map { .list($0.map(Value.string)) }),
            ("incidentTemplate", plan.template.value),
            ("integrations", plan.integrations),
            ("name", .string(plan.name)))
    }

    func listResponsePlans() throws -> Value {
        let limit = try input.pageSize(limit: 100)
        let after = try input.string("nextToken").map { try PageToken.read($0, scope: queryScope, count: 1)[0] }
        let page = try Page<ResponsePlanRecord>(limit: limit) { visit in
            try store.scanResponsePlans(account: context.accountId, afterName: after, visit)
        }
        let summaries = page.items.map { plan in
            structure(("arn", .string(plan.arn)), ("displayName", .text(plan.displayName)), ("name", .string(plan.name)))
        }
        return structure(
            ("nextToken", page.hasMore ? .string(PageToken.make(scope: queryScope, [page.items.last!.name])) : nil),
            ("responsePlanSummaries", .list(summaries)))
    }

    func updateResponsePlan() throws -> Value {
        var plan = try responsePlan(arn: try input.requiredString("arn"))
        if let displayName = try input.string("displayName") { plan.displayName = displayName }
        if let chatChannel = input["chatChannel"] { plan.chatChannel = chatChannel }
        if let engagements = try input.stringList("engagements") { plan.engagements = engagements }
        if let actions = input["actions"] { plan.actions = actions }
        if let integrations = input["integrations"] { plan.integrations = integrations }
        if let title = try input.string("incidentTemplateTitle") { plan.template.title = title }
        if let impact = try input.integer("incidentTemplateImpact") {
            try checkImpact(impact)
            plan.template.impact = impact
        }
        if let summary = try input.string("incidentTemplateSummary") { plan.template.summary = summary }
        if let dedupe = try input.string("incidentTemplateDedupeString") { plan.template.dedupeString = dedupe }
        if let targets = try input.list("incidentTemplateNotificationTargets") {
            plan.template.notificationTargets = targets
        }
        if let tags = try input.stringMap("incidentTemplateTags") {
            plan.template.incidentTags = tags.isEmpty ? nil : tags
        }
        try store.updateResponsePlan(plan)
        return emptyOutput
    }

    /// Deleting a plan that does not exist succeeds: the service answers the same.
    func deleteResponsePlan() throws -> Value {
        let arn = try input.requiredString("arn")
        if try store.responsePlan(arn: arn) != nil { try removeResponsePlan(arn: arn) }
        return emptyOutput
    }

    // MARK: Helpers

    /// Deletes a plan with its tags and resource policies. Its incidents stay.
    func removeResponsePlan(arn: String) throws {
        var policies: [Int64] = []
        try store.scanResourcePolicies(resourceArn: arn, afterSeq: nil) { policies.append($0.seq); return true }
        for seq in policies { try store.deleteResourcePolicy(seq: seq) }
        try store.removeAllTags(resourceArn: arn)
        try store.deleteResponsePlan(arn: arn)
    }

    func responsePlan(arn: String) throws -> ResponsePlanRecord {
        guard let plan = try store.responsePlan(arn: arn) else {
            throw ServiceError.notFound(.responsePlan, arn, "Response plan \(arn) does not exist.")
        }
        return plan
    }

    func checkImpact(_ impact: Int64) throws {
        guard (1...5).contains(impact) else {
            throw ServiceError.validation("impact must be between 1 (critical) and 5 (no impact); got \(impact).")
        }
    }
}
