import Catalog
import Foundation

/// PutResourcePolicy, GetResourcePolicies, DeleteResourcePolicy: the policies
/// that share a response plan with other accounts.
extension IncidentsCommand {
    func putResourcePolicy() throws -> Value {
        let arn = try input.requiredString("resourceArn")
        let document = try input.requiredString("policy")
        _ = try responsePlan(arn: arn)
        guard let data = document.data(using: .utf8),
              (try? JSONSerialization.jsonObject(with: data)) is [String: Any] else {
            throw ServiceError.validation("The policy is not a JSON policy document (a JSON object).")
        }
        let policyId = ids.uuid().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        _ = try store.insertResourcePolicy(ResourcePolicyRecord(
            resourceArn: arn, policyId: policyId, document: document, region: context.region))
        return structure(("policyId", .string(policyId)))
    }

    func getResourcePolicies() throws -> Value {
        let arn = try input.requiredString("resourceArn")
        let limit = try input.pageSize(limit: 100)
        let after = try input.string("nextToken").map { try PageToken.readInts($0, scope: queryScope, count: 1)[0] }
        _ = try responsePlan(arn: arn)
        let page = try Page<ResourcePolicyRecord>(limit: limit) { visit in
            try store.scanResourcePolicies(resourceArn: arn, afterSeq: after, visit)
        }
        let policies = page.items.map { policy in
            structure(("policyDocument", .string(policy.document)), ("policyId", .string(policy.policyId)),
                      ("ramResourceShareRegion", .string(policy.region)))
        }
        return structure(
            ("nextToken", page.hasMore ? .string(PageToken.make(scope: queryScope, [String(page.items.last!.seq)])) : nil),
            ("resourcePolicies", .list(policies)))
    }

    func deleteResourcePolicy() throws -> Value {
        let arn = try input.requiredString("resourceArn")
        let policyId = try input.requiredString("policyId")
        _ = try responsePlan(arn: arn)
        var found: Int64?
        try store.scanResourcePolicies(resourceArn: arn, afterSeq: nil) { policy in
            if policy.policyId == policyId { found = policy.seq; return false }
            return true
        }
        guard let found else {
            throw ServiceError.notFound(.resourcePolicy, policyId, "Response plan \(arn) has no resource policy \(policyId).")
        }
        try store.deleteResourcePolicy(seq: found)
        return emptyOutput
    }
}
