import Catalog
import OrderedCollections

/// TagResource, UntagResource, ListTagsForResource. Response plans,
/// replication sets and incident records take tags.
extension IncidentsCommand {
    static var maxTags: Int { 50 }

    func tagResource() throws -> Value {
        let arn = try input.requiredString("resourceArn")
        guard let tags = try input.stringMap("tags"), !tags.isEmpty else {
            throw ServiceError.validation("Missing required member tags.")
        }
        try requireTaggable(arn)
        try applyTags(tags, to: arn)
        return emptyOutput
    }

    func untagResource() throws -> Value {
        let arn = try input.requiredString("resourceArn")
        guard let keys = try input.stringList("tagKeys") else { throw ServiceError.validation("Missing required member tagKeys.") }
        try requireTaggable(arn)
        for key in keys {
            try checkTagKey(key)
            try store.removeTag(resourceArn: arn, key: key)
        }
        return emptyOutput
    }

    func listTagsForResource() throws -> Value {
        let arn = try input.requiredString("resourceArn")
        try requireTaggable(arn)
        var tags = OrderedDictionary<String, Value>()
        for (key, value) in try store.tags(resourceArn: arn) { tags[key] = .string(value) }
        return structure(("tags", .map(tags)))
    }

    // MARK: Helpers

    /// Adds or replaces tags; more than 50 on one resource is over the quota.
    func applyTags(_ tags: OrderedDictionary<String, String>, to arn: String) throws {
        for key in tags.keys { try checkTagKey(key) }
        let existing = Set(try store.tags(resourceArn: arn).map(\.key))
        let total = existing.union(tags.keys).count
        guard total <= Self.maxTags else {
            throw ServiceError(.serviceQuotaExceeded, "A resource can have at most \(Self.maxTags) tags; \(arn) would have \(total).",
                               resourceIdentifier: arn, quotaCode: "tags-per-resource", serviceCode: "ssm-incidents")
        }
        for (key, value) in tags { try store.setTag(resourceArn: arn, key: key, value: value) }
    }

    private func checkTagKey(_ key: String) throws {
        guard !key.lowercased().hasPrefix("aws:") else {
            throw ServiceError.validation("Tag key \(key) starts with aws:, which is reserved for AWS.")
        }
    }

    /// A resource that takes tags and exists, or `ResourceNotFoundException`.
    private func requireTaggable(_ arn: String) throws {
        let exists: Bool
        switch ARN(arn)?.resourceType {
        case "response-plan": exists = try store.responsePlan(arn: arn) != nil
        case "incident-record": exists = try store.incidentSeq(arn: arn) != nil
        case "replication-set":
            exists = try store.replicationSet(account: ARN(arn)!.account)?.arn == arn
        default:
            throw ServiceError.validation("\(arn) is not the ARN of a response plan, incident record or replication set.")
        }
        guard exists else {
            throw ServiceError(.resourceNotFound, "Resource \(arn) does not exist.", resourceIdentifier: arn)
        }
    }
}
