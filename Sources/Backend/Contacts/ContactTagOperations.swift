import Catalog
import OrderedCollections

/// TagResource, UntagResource, ListTagsForResource. Contacts and rotations take tags.
extension ContactsCommand {
    static var maxTags: Int { 50 }

    func tagResource() throws -> Value {
        let arn = try input.requiredString("ResourceARN")
        let tags = try readTags(try input.list("Tags") ?? [])
        try requireTaggable(arn)
        try applyTags(tags, to: arn)
        return emptyOutput
    }

    func untagResource() throws -> Value {
        let arn = try input.requiredString("ResourceARN")
        let keys = try input.stringList("TagKeys") ?? []
        try requireTaggable(arn)
        for key in keys { try store.removeTag(resourceArn: arn, key: key) }
        return emptyOutput
    }

    func listTagsForResource() throws -> Value {
        let arn = try input.requiredString("ResourceARN")
        try requireTaggable(arn)
        let tags = try store.tags(resourceArn: arn).map { tag in
            structure(("Key", .string(tag.key)), ("Value", .string(tag.value)))
        }
        return structure(("Tags", .list(tags)))
    }

    // MARK: Helpers

    /// A `Tags` list as key-value pairs; a key given twice is refused.
    func readTags(_ list: [Value]) throws -> OrderedDictionary<String, String> {
        var tags = OrderedDictionary<String, String>()
        for tag in list {
            guard let key = tag["Key"]?.string, let value = tag["Value"]?.string else {
                throw ContactsError.invalid("Tags", "Every tag needs a Key and a Value.")
            }
            guard !key.lowercased().hasPrefix("aws:") else {
                throw ContactsError.invalid("Tags", "Tag key \(key) starts with aws:, which is reserved for AWS.")
            }
            guard tags.updateValue(value, forKey: key) == nil else {
                throw ContactsError.invalid("Tags", "Tag key \(key) is given twice.")
            }
        }
        return tags
    }

    /// Adds or replaces tags; more than 50 on one resource is over the quota.
    func applyTags(_ tags: OrderedDictionary<String, String>, to arn: String) throws {
        let existing = Set(try store.tags(resourceArn: arn).map(\.key))
        let total = existing.union(tags.keys).count
        guard total <= Self.maxTags else {
            throw ContactsError.quota("A resource can have at most \(Self.maxTags) tags; \(arn) would have \(total).",
                                      code: "tags-per-resource", resource: .resource, id: arn)
        }
        for (key, value) in tags { try store.setTag(resourceArn: arn, key: key, value: value) }
    }

    private func requireTaggable(_ arn: String) throws {
        let exists: Bool
        switch ContactsARN.resourceType(of: arn) {
        case "contact": exists = try store.contact(arn: arn) != nil
        case "rotation": exists = try store.rotation(arn: arn) != nil
        default:
            throw ContactsError.invalid("ResourceARN", "\(arn) is not the ARN of a contact or a rotation, the ssm-contacts resources that take tags.")
        }
        guard exists else { throw ContactsError.notFound(.resource, arn, "Resource \(arn) does not exist.") }
    }
}
