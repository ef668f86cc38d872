import Backend
import Catalog
import Testing

@Suite("Conformance: tags, resource policies, findings, unknown operations")
struct TagPolicyFindingConformance {
    @Test(arguments: BackendKind.allCases)
    func tags(kind: BackendKind) async throws {
        let h = try kind.make()
        let set = try await h.createReplicationSet()
        let plan = try await h.createPlan()
        let incident = try await h.startIncident(plan)
        for arn in [set, plan, incident] {
            try await h.call("TagResource", ["resourceArn": .string(arn), "tags": .map(["b": .string("2"), "a": .string("1")])])
            try await h.call("TagResource", ["resourceArn": .string(arn), "tags": .map(["b": .string("3")])])
            #expect(try await h.call("ListTagsForResource", ["resourceArn": .string(arn)])["tags"]
                    == .map(["a": .string("1"), "b": .string("3")]))
            try await h.call("UntagResource", ["resourceArn": .string(arn), "tagKeys": .list([.string("a"), .string("zz")])])
            #expect(try await h.call("ListTagsForResource", ["resourceArn": .string(arn)])["tags"] == .map(["b": .string("3")]))
        }
        let missing = "arn:aws:ssm-incidents::111122223333:response-plan/none"
        try await h.expectError(.resourceNotFound, "TagResource", ["resourceArn": .string(missing), "tags": .map(["a": .string("1")])])
        try await h.expectError(.resourceNotFound, "UntagResource", ["resourceArn": .string(missing), "tagKeys": .list([.string("a")])])
        try await h.expectError(.resourceNotFound, "ListTagsForResource", ["resourceArn": .string(missing)])
        try await h.expectError(.validation, "TagResource", ["resourceArn": .string(plan), "tags": .map(["aws:x": .string("1")])])
        var many = OrderedInput()
        for i in 0..<50 { many["k\(i)"] = .string("v") }
        try await h.expectError(.serviceQuotaExceeded, "TagResource", ["resourceArn": .string(plan), "tags": .map(many)])
    }

    @Test(arguments: BackendKind.allCases)
    func resourcePolicies(kind: BackendKind) async throws {
        let h = try kind.make()
        _ = try await h.createReplicationSet()
        let plan = try await h.createPlan()
        let document = #"{"Version":"2012-10-17","Statement":[]}"#
        let first = try await h.call("PutResourcePolicy", ["policy": .string(document), "resourceArn": .string(plan)])["policyId"]!
        let second = try await h.call("PutResourcePolicy", ["policy": .string(document), "resourceArn": .string(plan)])["policyId"]!
        #expect(first != second)
        let policies = try await h.call("GetResourcePolicies", ["resourceArn": .string(plan)])["resourcePolicies"]!.list!
        #expect(policies.map { $0["policyId"]! } == [first, second])
        #expect(policies[0] == .structure(["policyDocument": .string(document), "policyId": first,
                                           "ramResourceShareRegion": .string("us-east-1")]))
        let page = try await h.call("GetResourcePolicies", ["maxResults": .integer(1), "resourceArn": .string(plan)])
        #expect(page["resourcePolicies"]!.list!.count == 1)
        #expect(page["nextToken"] != nil)
        try await h.call("DeleteResourcePolicy", ["policyId": first, "resourceArn": .string(plan)])
        #expect(try await h.call("GetResourcePolicies", ["resourceArn": .string(plan)])["resourcePolicies"]!.list!.map { $0["policyId"]! } == [second])
        try await h.expectError(.resourceNotFound, "DeleteResourcePolicy", ["policyId": first, "resourceArn": .string(plan)])
        try await h.expectError(.validation, "PutResourcePolicy", ["policy": .string("not json"), "resourceArn": .string(plan)])
        let missing = "arn:aws:ssm-incidents::111122223333:response-plan/none"
        try await h.expectError(.resourceNotFound, "PutResourcePolicy", ["policy": .string(document), "resourceArn": .string(missing)])
        try await h.expectError(.resourceNotFound, "GetResourcePolicies", ["resourceArn": .string(missing)])
    }

    @Test(arguments: BackendKind.allCases)
    func findings(kind: BackendKind) async throws {
        let h = try kind.make()
        let (_, arn) = try await h.incident()
        let batch = try await h.call("BatchGetIncidentFindings", ["findingIds": .list([.string("f1")]), "incidentRecordArn": .string(arn)])
        #expect(batch.keys == ["errors", "findings"])
        #expect(batch["findings"] == .list([]))
        #expect(batch["errors"]!.list!.first?["findingId"] == .string("f1"))
        #expect(try await h.call("ListIncidentFindings", ["incidentRecordArn": .string(arn)]) == .structure(["findings": .list([])]))
        let missing = "arn:aws:ssm-incidents::111122223333:incident-record/db/none"
        try await h.expectError(.resourceNotFound, "ListIncidentFindings", ["incidentRecordArn": .string(missing)])
        try await h.expectError(.resourceNotFound, "BatchGetIncidentFindings", ["findingIds": .list([]), "incidentRecordArn": .string(missing)])
        try await h.expectError(.validation, "ListIncidentFindings", ["incidentRecordArn": .string(arn), "maxResults": .integer(21)])
    }

    @Test(arguments: BackendKind.allCases)
    func unknownOperations(kind: BackendKind) async throws {
        let h = try kind.make()
        try await h.expectError(.unknownOperation, "LaunchRocket")
        try await h.expectError(.unknownOperation, "LaunchRocket", service: .contacts)
    }
}
