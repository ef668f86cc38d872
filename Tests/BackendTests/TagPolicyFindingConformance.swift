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
            try await h.call(.tagResource, ["resourceArn": .string(arn), "tags": .map(["b": .string("2"), "a": .string("1")])])
            try await h.call(.tagResource, ["resourceArn": .string(arn), "tags": .map(["b": .string("3")])])
            #expect(try await h.call(.listTagsForResource, ["resourceArn": .string(arn)])["tags"]
                    == .map(["a": .string("1"), "b": .string("3")]))
            try await h.call(.untagResource, ["resourceArn": .string(arn), "tagKeys": .list([.string("a"), .string("zz")])])
            #expect(try await h.call(.listTagsForResource, ["resourceArn": .string(arn)])["tags"] == .map(["b": .string("3")]))
        }
        let missing = "arn:aws:ssm-incidents::111122223333:response-plan/none"
        try await h.expectError(.resourceNotFound, .tagResource, ["resourceArn": .string(missing), "tags": .map(["a": .string("1")])])
        try await h.expectError(.resourceNotFound, .untagResource, ["resourceArn": .string(missing), "tagKeys": .list([.string("a")])])
        try await h.expectError(.resourceNotFound, .listTagsForResource, ["resourceArn": .string(missing)])
        try await h.expectError(.validation, .tagResource, ["resourceArn": .string(plan), "tags": .map(["aws:x": .string("1")])])
        var many = OrderedInput()
        for i in 0..<50 { many["k\(i)"] = .string("v") }
        try await h.expectError(.serviceQuotaExceeded, .tagResource, ["resourceArn": .string(plan), "tags": .map(many)])
    }

    @Test(arguments: BackendKind.allCases)
    func resourcePolicies(kind: BackendKind) async throws {
        let h = try kind.make()
        _ = try await h.createReplicationSet()
        let plan = try await h.createPlan()
        let document = #"{"Version":"2012-10-17","Statement":[]}"#
        let first = try await h.call(.putResourcePolicy, ["policy": .string(document), "resourceArn": .string(plan)])["policyId"]!
        let second = try await h.call(.putResourcePolicy, ["policy": .string(document), "resourceArn": .string(plan)])["policyId"]!
        #expect(first != second)
        let policies = try await h.call(.getResourcePolicies, ["resourceArn": .string(plan)])["resourcePolicies"]!.list!
        #expect(policies.map { $0["policyId"]! } == [first, second])
        #expect(policies[0] == .structure(["policyDocument": .string(document), "policyId": first,
                                           "ramResourceShareRegion": .string("us-east-1")]))
        let page = try await h.call(.getResourcePolicies, ["maxResults": .integer(1), "resourceArn": .string(plan)])
        #expect(page["resourcePolicies"]!.list!.count == 1)
        #expect(page["nextToken"] != nil)
        try await h.call(.deleteResourcePolicy, ["policyId": first, "resourceArn": .string(plan)])
        #expect(try await h.call(.getResourcePolicies, ["resourceArn": .string(plan)])["resourcePolicies"]!.list!.map { $0["policyId"]! } == [second])
        try await h.expectError(.resourceNotFound, .deleteResourcePolicy, ["policyId": first, "resourceArn": .string(plan)])
        try await h.expectError(.validation, .putResourcePolicy, ["policy": .string("not json"), "resourceArn": .string(plan)])
        let missing = "arn:aws:ssm-incidents::111122223333:response-plan/none"
        try await h.expectError(.resourceNotFound, .putResourcePolicy, ["policy": .string(document), "resourceArn": .string(missing)])
        try await h.expectError(.resourceNotFound, .getResourcePolicies, ["resourceArn": .string(missing)])
    }

    @Test(arguments: BackendKind.allCases)
    func findings(kind: BackendKind) async throws {
        let h = try kind.make()
        let (_, arn) = try await h.incident()
        let batch = try await h.call(.batchGetIncidentFindings, ["findingIds": .list([.string("f1")]), "incidentRecordArn": .string(arn)])
        #expect(batch.keys == ["errors", "findings"])
        #expect(batch["findings"] == .list([]))
        #expect(batch["errors"]!.list!.first?["findingId"] == .string("f1"))
        #expect(try await h.call(.listIncidentFindings, ["incidentRecordArn": .string(arn)]) == .structure(["findings": .list([])]))
        let missing = "arn:aws:ssm-incidents::111122223333:incident-record/db/none"
        try await h.expectError(.resourceNotFound, .listIncidentFindings, ["incidentRecordArn": .string(missing)])
        try await h.expectError(.resourceNotFound, .batchGetIncidentFindings, ["findingIds": .list([]), "incidentRecordArn": .string(missing)])
        try await h.expectError(.validation, .listIncidentFindings, ["incidentRecordArn": .string(arn), "maxResults": .integer(21)])
    }
}
