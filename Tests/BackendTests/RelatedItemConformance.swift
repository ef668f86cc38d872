import Backend
import Catalog
import Testing

@Suite("Conformance: related items")
struct RelatedItemConformance {
    static func item(_ type: String, url: String, title: String? = nil) -> Value {
        var members: OrderedInput = ["identifier": .structure(["type": .string(type), "value": .structure(["url": .string(url)])])]
        if let title { members["title"] = .string(title) }
        return .structure(members)
    }

    @Test(arguments: BackendKind.allCases)
    func addListRemove(kind: BackendKind) async throws {
        let h = try kind.make()
        _ = try await h.createReplicationSet()
        let plan = try await h.createPlan()
        let runbook = Self.item("ATTACHMENT", url: "https://wiki/runbook", title: "Runbook")
        let arn = try await h.startIncident(plan, ["relatedItems": .list([runbook])])
        let dashboard = Self.item("OTHER", url: "https://grafana/db")
        try await h.call(.updateRelatedItems, ["incidentRecordArn": .string(arn),
                                                 "relatedItemsUpdate": .structure(["itemToAdd": dashboard])])
        let listed = try await h.call(.listRelatedItems, ["incidentRecordArn": .string(arn)])["relatedItems"]!.list!
        #expect(listed == [runbook, dashboard])
        try await h.expectError(.conflict, .updateRelatedItems, ["incidentRecordArn": .string(arn),
                                                                   "relatedItemsUpdate": .structure(["itemToAdd": dashboard])])
        let page = try await h.call(.listRelatedItems, ["incidentRecordArn": .string(arn), "maxResults": .integer(1)])
        #expect(page["relatedItems"]!.list! == [runbook])
        let next = try await h.call(.listRelatedItems, ["incidentRecordArn": .string(arn), "maxResults": .integer(1), "nextToken": page["nextToken"]!])
        #expect(next["relatedItems"]!.list! == [dashboard])
        #expect(next["nextToken"] == nil)

        try await h.call(.updateRelatedItems, ["incidentRecordArn": .string(arn),
                                                 "relatedItemsUpdate": .structure(["itemToRemove": runbook["identifier"]!])])
        #expect(try await h.call(.listRelatedItems, ["incidentRecordArn": .string(arn)])["relatedItems"]!.list! == [dashboard])
        try await h.expectError(.resourceNotFound, .updateRelatedItems, ["incidentRecordArn": .string(arn),
                                                                           "relatedItemsUpdate": .structure(["itemToRemove": runbook["identifier"]!])])
        try await h.expectError(.resourceNotFound, .updateRelatedItems, [
            "incidentRecordArn": .string("arn:aws:ssm-incidents::111122223333:incident-record/db/none"),
            "relatedItemsUpdate": .structure(["itemToAdd": dashboard]),
        ])
    }
}
