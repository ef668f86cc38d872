import Backend
import Catalog
import Testing

@Suite("Conformance: incidents engage contacts; contacts on every backend alike")
struct IncidentEngagementConformance {
    @Test(arguments: BackendKind.allCases)
    func startIncidentEngagesPlanContacts(kind: BackendKind) async throws {
        let h = try kind.make()
        let alice = try await h.person("alice", stages: [("mail", 5)])
        let bob = try await h.createContact("bob")
        _ = try await h.createReplicationSet()
        let plan = try await h.createPlan("db", title: "Database down", impact: 2, extra: [
            "engagements": .list([.string(alice.contact), .string(bob), .string(h.contactArn("gone"))]),
        ], template: ["summary": .string("Primary unreachable")])
        let incident = try await h.startIncident(plan)

        let engagements = try await h.contacts(.listEngagements, ["IncidentId": .string(incident)])["Engagements"]!.list!
        // One engagement per contact that exists, in the plan's order (newest first: same instant, reverse insertion).
        #expect(engagements.map { $0["ContactArn"]!.string! } == [bob, alice.contact])
        let described = try await h.contacts(.describeEngagement, ["EngagementId": engagements[1]["EngagementArn"]!])
        #expect(described["Sender"] == .string("Incident Manager"))
        #expect(described["Subject"] == .string("Incident (impact 2): Database down"))
        #expect(described["Content"] == .string("Primary unreachable\nIncident record: \(incident)"))
        #expect(described["IncidentId"] == .string(incident))
        #expect(described["StartTime"] == time(0))
        // alice's page went out to her channel at once.
        let sent = try await h.driver.outbox(contactChannelArn: alice.channels[0])
        #expect(sent.last?.kind == .page)
        #expect(sent.last?.subject == "Incident (impact 2): Database down")
    }

    @Test(arguments: BackendKind.allCases)
    func failedStartEngagesNobody(kind: BackendKind) async throws {
        let h = try kind.make()
        let alice = try await h.createContact("alice")
        _ = try await h.createReplicationSet()
        let plan = try await h.createPlan("db", extra: ["engagements": .list([.string(alice)])])
        let item = RelatedItemConformance.item("OTHER", url: "https://x")
        try await h.expectError(.conflict, .startIncident, ["relatedItems": .list([item, item]), "responsePlanArn": .string(plan)])
        #expect(try await h.contacts(.listEngagements)["Engagements"] == .list([]))
    }

    /// A failed command leaves the store as it was, escalation state included.
    @Test(arguments: BackendKind.allCases)
    func failedContactsCommandsChangeNothing(kind: BackendKind) async throws {
        let h = try kind.make()
        let s = try await EngagementConformance.setUp(h)
        let engagement = try await h.startEngagement(s.team)
        // Fails after the plan check would have passed for earlier stages.
        try await h.expectContactsError(.validation, .updateContact, [
            "ContactId": .string(s.team), "Plan": plan([(1, [contactTarget(s.bob)]), (2, [])]),
        ])
        try await h.expectContactsError(.validation, .stopEngagement, ["EngagementId": .string(s.alice)])
        try await h.expectContactsError(.validation, .acceptPage, [
            "PageId": try await h.pages(engagement: engagement)[0]["PageArn"]!, "AcceptType": .string("READ"),
            "AcceptCode": .string("abcdef"), "AcceptCodeValidation": .string("ENFORCE"),
        ])
    }

    /// Every backend answers a contacts script the same, byte for byte.
    @Test func backendsAgree() async throws {
        var transcripts: [[Value]] = []
        for kind in BackendKind.allCases {
            let h = try kind.make()
            var out: [Value] = []
            let s = try await EngagementConformance.setUp(h)
            let engagement = try await h.startEngagement(s.team)
            try await h.advance(minutes: 7)
            let pages = try await h.pages(engagement: engagement)
            out.append(.list(pages))
            out.append(.list(try await h.receipts(page: pages[0]["PageArn"]!.string!)))
            try await h.advance(minutes: 30)
            out.append(try await h.contacts(.listEngagements))
            out.append(try await h.contacts(.listContacts))
            out.append(try await h.contacts(.listContactChannels, ["ContactId": .string(s.alice)]))
            out.append(.list(try await h.driver.outbox().map { .string("\($0.seq) \($0.kind.rawValue) \($0.code) \($0.time)") }))
            transcripts.append(out)
        }
        for t in transcripts.dropFirst() { #expect(t == transcripts[0]) }
    }
}
