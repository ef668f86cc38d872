import Backend
import Catalog
import Testing

@Suite("Conformance: response plans")
struct ResponsePlanConformance {
    @Test(arguments: BackendKind.allCases)
    func needsReplicationSet(kind: BackendKind) async throws {
        let h = try kind.make()
        try await h.expectError(.resourceNotFound, .createResponsePlan, [
            "incidentTemplate": .structure(["impact": .integer(3), "title": .string("x")]), "name": .string("db"),
        ])
    }

    @Test(arguments: BackendKind.allCases)
    func createGetUpdateDelete(kind: BackendKind) async throws {
        let h = try kind.make()
        _ = try await h.createReplicationSet()
        let chat: Value = .structure(["chatbotSns": .list([.string("arn:aws:sns:us-east-1:111122223333:chat")])])
        let arn = try await h.createPlan("db", extra: [
            "chatChannel": chat, "displayName": .string("Database"),
            "engagements": .list([.string("arn:aws:ssm-contacts:us-east-1:111122223333:contact/alice")]),
            "tags": .map(["team": .string("storage")]),
        ], template: ["summary": .string("The database is down"), "dedupeString": .string("db-down")])
        #expect(arn == "arn:aws:ssm-incidents::111122223333:response-plan/db")
        let plan = try await h.call(.getResponsePlan, ["arn": .string(arn)])
        #expect(plan.keys == ["arn", "chatChannel", "displayName", "engagements", "incidentTemplate", "name"])
        #expect(plan["incidentTemplate"]!.keys == ["dedupeString", "impact", "summary", "title"])
        #expect(plan["chatChannel"] == chat)
        #expect(try await h.call(.listTagsForResource, ["resourceArn": .string(arn)])["tags"] == .map(["team": .string("storage")]))

        try await h.expectError(.conflict, .createResponsePlan, [
            "incidentTemplate": .structure(["impact": .integer(3), "title": .string("x")]), "name": .string("db"),
        ])
        try await h.expectError(.resourceNotFound, .getResponsePlan,
                                ["arn": .string("arn:aws:ssm-incidents::111122223333:response-plan/none")])

        try await h.call(.updateResponsePlan, [
            "arn": .string(arn), "chatChannel": .structure(["empty": .structure([:])]), "displayName": .string("DB"),
            "incidentTemplateImpact": .integer(1), "incidentTemplateTags": .map(["sev": .string("1")]),
            "incidentTemplateTitle": .string("DB outage"),
        ])
        let updated = try await h.call(.getResponsePlan, ["arn": .string(arn)])
        #expect(updated["displayName"] == .string("DB"))
        #expect(updated["incidentTemplate"]!["impact"] == .integer(1))
        #expect(updated["incidentTemplate"]!["title"] == .string("DB outage"))
        #expect(updated["incidentTemplate"]!["incidentTags"] == .map(["sev": .string("1")]))
        #expect(updated["incidentTemplate"]!["summary"] == .string("The database is down"))
        try await h.expectError(.validation, .updateResponsePlan, ["arn": .string(arn), "incidentTemplateImpact": .integer(9)])
        try await h.expectError(.resourceNotFound, .updateResponsePlan,
                                ["arn": .string("arn:aws:ssm-incidents::111122223333:response-plan/none")])

        #expect(try await h.call(.deleteResponsePlan, ["arn": .string(arn)]) == .structure([:]))
        try await h.expectError(.resourceNotFound, .getResponsePlan, ["arn": .string(arn)])
        // Deleting what is not there succeeds, as the service answers.
        try await h.call(.deleteResponsePlan, ["arn": .string(arn)])
    }

    @Test(arguments: BackendKind.allCases)
    func listPages(kind: BackendKind) async throws {
        let h = try kind.make()
        _ = try await h.createReplicationSet()
        for name in ["c", "a", "e", "b", "d"] { try await h.createPlan(name) }
        var names: [String] = []
        var token: Value?
        repeat {
            var input: OrderedInput = ["maxResults": .integer(2)]
            input["nextToken"] = token
            let page = try await h.call(.listResponsePlans, input)
            names += page["responsePlanSummaries"]!.list!.map { $0["name"]!.string! }
            token = page["nextToken"]
            if token != nil { try await h.createPlan("a\(names.count)") } // lands before the cursor: not seen
        } while token != nil
        #expect(names == ["a", "b", "c", "d", "e"])
        try await h.expectError(.validation, .listResponsePlans, ["maxResults": .integer(101)])
        try await h.expectError(.validation, .listResponsePlans, ["nextToken": .string("garbage")])
    }
}
