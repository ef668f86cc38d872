import Backend
import Catalog
import Foundation
import Testing

@Suite("Conformance: ssm-contacts engagements, escalation and pages")
struct EngagementConformance {
    /// alice: email at once, her second address 5 minutes later; bob: one address.
    /// team: alice first, bob 10 minutes later.
    struct Setup {
        var alice: String
        var aliceChannels: [String]
        var bob: String
        var bobChannels: [String]
        var team: String
    }

    static func setUp(_ h: Harness, aliceEssential: Bool = true) async throws -> Setup {
        let (alice, aliceChannels) = try await h.person("alice", stages: [("a", 5), ("b", 10)])
        let (bob, bobChannels) = try await h.person("bob", stages: [("a", 0)])
        let team = try await h.createContact("team", type: "ESCALATION", plan: plan([
            (10, [contactTarget(alice, essential: aliceEssential)]), (5, [contactTarget(bob)]),
        ]))
        return Setup(alice: alice, aliceChannels: aliceChannels, bob: bob, bobChannels: bobChannels, team: team)
    }

    static func sent(_ receipts: [Value]) -> [String] {
        receipts.map { "\($0["ReceiptType"]!.string!)@\(Int($0["ReceiptTime"]!.timestamp!.timeIntervalSince(Harness.start) / 60))" }
    }

    @Test(arguments: BackendKind.allCases)
    func escalatesStageByStage(kind: BackendKind) async throws {
        let h = try kind.make()
        let s = try await Self.setUp(h)
        let outboxBefore = try await h.driver.outbox().count
        let engagement = try await h.startEngagement(s.team, extra: ["IncidentId": .string("incident-1")])
        #expect(engagement.hasPrefix("arn:aws:ssm-contacts:us-east-1:111122223333:engagement/team/"))

        // Minute 0: stage 0 of the plan pages alice, whose own stage 0 emails her first address.
        var pages = try await h.pages(engagement: engagement)
        #expect(pages.map { $0["ContactArn"]! } == [.string(s.alice)])
        #expect(pages[0].keys == ["PageArn", "EngagementArn", "ContactArn", "Sender", "IncidentId", "SentTime"])
        #expect(pages[0]["Sender"] == .string("oncall-bot"))
        #expect(pages[0]["IncidentId"] == .string("incident-1"))
        let alicePage = pages[0]["PageArn"]!.string!
        #expect(alicePage.hasPrefix("arn:aws:ssm-contacts:us-east-1:111122223333:page/alice/"))
        var receipts = try await h.receipts(page: alicePage)
        #expect(Self.sent(receipts) == ["SENT@0"])
        #expect(receipts[0]["ContactChannelArn"] == .string(s.aliceChannels[0]))
        let messages = try await h.driver.outbox().dropFirst(outboxBefore)
        #expect(messages.map(\.contactChannelArn) == [s.aliceChannels[0]])
        #expect(messages.first?.kind == .page && messages.first?.pageArn == alicePage)

        // Minute 5: alice's second stage.
        var sentNow = try await h.advance(minutes: 4)
        #expect(sentNow.isEmpty)
        sentNow = try await h.advance(minutes: 1)
        #expect(sentNow.map(\.contactChannelArn) == [s.aliceChannels[1]])
        receipts = try await h.receipts(page: alicePage)
        #expect(Self.sent(receipts) == ["SENT@0", "SENT@5"])

        // Minute 10: the plan's stage 1 pages bob.
        #expect(try await h.advance(minutes: 4.5).isEmpty)
        sentNow = try await h.advance(minutes: 0.5)
        #expect(sentNow.map(\.contactChannelArn) == [s.bobChannels[0]])
        pages = try await h.pages(engagement: engagement)
        #expect(pages.map { $0["ContactArn"]! } == [.string(s.alice), .string(s.bob)])
        #expect(pages[1]["SentTime"] == time(600))

        // The last stage has run: nothing more, ever.
        #expect(try await h.advance(minutes: 120).isEmpty)
        #expect(try await h.pages(engagement: engagement).count == 2)

        // How bob was reached: the escalation plan's stage 1, then bob.
        let resolutions = try await h.contacts(.listPageResolutions, ["PageId": pages[1]["PageArn"]!])
        #expect(resolutions == .structure(["PageResolutions": .list([
            .structure(["ContactArn": .string(s.team), "Type": .string("ESCALATION"), "StageIndex": .integer(1)]),
            .structure(["ContactArn": .string(s.bob), "Type": .string("PERSONAL")]),
        ])]))
        let byContact = try await h.contacts(.listPagesByContact, ["ContactId": .string(s.bob)])["Pages"]!.list!
        #expect(byContact.map { $0["PageArn"]! } == [pages[1]["PageArn"]!])
    }

    /// One jump of the clock runs the same steps, stamped with the times they were due.
    @Test(arguments: BackendKind.allCases)
    func oneJumpEqualsManyTicks(kind: BackendKind) async throws {
        let h = try kind.make()
        let s = try await Self.setUp(h)
        let engagement = try await h.startEngagement(s.team)
        let sent = try await h.driver.advance(to: Harness.start + 3600)
        #expect(sent.map(\.contactChannelArn) == [s.aliceChannels[1], s.bobChannels[0]])
        #expect(sent.map { ($0.time - Harness.start.millis) / 60_000 } == [5, 10])
        #expect(h.clock.now() == Harness.start + 3600)
        let pages = try await h.pages(engagement: engagement)
        #expect(pages.map { $0["SentTime"]! } == [time(0), time(600)])
    }

    @Test(arguments: BackendKind.allCases)
    func acceptedPageEndsEscalation(kind: BackendKind) async throws {
        let h = try kind.make()
        let s = try await Self.setUp(h)
        let engagement = try await h.startEngagement(s.team)
        try await h.advance(minutes: 3)
        let page = try await h.pages(engagement: engagement)[0]["PageArn"]!.string!
        let code = try #require(try await h.driver.outbox(contactChannelArn: s.aliceChannels[0]).last).code
        let wrong = code == "000000" ? "111111" : "000000"
        try await h.expectContactsError(.validation, .acceptPage, [
            "PageId": .string(page), "AcceptType": .string("READ"), "AcceptCode": .string(wrong),
            "AcceptCodeValidation": .string("ENFORCE"),
        ])
        try await h.expectContactsError(.validation, .acceptPage, [
            "PageId": .string(page), "ContactChannelId": .string(s.bobChannels[0]), "AcceptType": .string("READ"),
            "AcceptCode": .string(code),
        ])
        try await h.contacts(.acceptPage, [
            "PageId": .string(page), "ContactChannelId": .string(s.aliceChannels[0]), "AcceptType": .string("READ"),
            "Note": .string("on it"), "AcceptCode": .string(code), "AcceptCodeValidation": .string("ENFORCE"),
        ])
        let receipts = try await h.receipts(page: page)
        #expect(Self.sent(receipts) == ["SENT@0", "READ@3"])
        #expect(receipts[1] == .structure([
            "ContactChannelArn": .string(s.aliceChannels[0]), "ReceiptType": .string("READ"),
            "ReceiptInfo": .string("on it"), "ReceiptTime": time(180),
        ]))
        let described = try await h.contacts(.describePage, ["PageId": .string(page)])
        #expect(described.keys == ["PageArn", "EngagementArn", "ContactArn", "Sender", "Subject", "Content", "SentTime",
                                   "ReadTime", "DeliveryTime"])
        #expect(described["ReadTime"] == time(180))
        #expect(described["DeliveryTime"] == time(180))
        #expect(described["Subject"] == .string("Database down"))
        // Neither alice's second address nor bob hears of it.
        #expect(try await h.advance(minutes: 60).isEmpty)
        #expect(try await h.pages(engagement: engagement).count == 1)
        // The engagement itself goes on until it is stopped.
        #expect(try await h.contacts(.describeEngagement, ["EngagementId": .string(engagement)])["StopTime"] == nil)
    }

    @Test(arguments: BackendKind.allCases)
    func acceptingNonEssentialPageKeepsEscalating(kind: BackendKind) async throws {
        let h = try kind.make()
        let s = try await Self.setUp(h, aliceEssential: false)
        let engagement = try await h.startEngagement(s.team)
        let page = try await h.pages(engagement: engagement)[0]["PageArn"]!
        try await h.contacts(.acceptPage, ["PageId": page, "AcceptType": .string("DELIVERED"), "AcceptCode": .string("123456")])
        let sent = try await h.advance(minutes: 30)
        // alice's own stages stop; the plan still reaches bob.
        #expect(sent.map(\.contactChannelArn) == [s.bobChannels[0]])
        let described = try await h.contacts(.describePage, ["PageId": page])
        #expect(described["DeliveryTime"] == time(0))
        #expect(described["ReadTime"] == nil)
    }

    @Test(arguments: BackendKind.allCases)
    func stopEngagement(kind: BackendKind) async throws {
        let h = try kind.make()
        let s = try await Self.setUp(h)
        let engagement = try await h.startEngagement(s.team, extra: [
            "PublicSubject": .string("Outage"), "PublicContent": .string("We are on it"),
        ])
        try await h.advance(minutes: 2)
        try await h.contacts(.stopEngagement, ["EngagementId": .string(engagement), "Reason": .string("resolved")])
        let page = try await h.pages(engagement: engagement)[0]["PageArn"]!.string!
        #expect(Self.sent(try await h.receipts(page: page)) == ["SENT@0", "STOP@2"])
        #expect(try await h.receipts(page: page)[1]["ReceiptInfo"] == .string("resolved"))
        #expect(try await h.advance(minutes: 60).isEmpty)
        let described = try await h.contacts(.describeEngagement, ["EngagementId": .string(engagement)])
        #expect(described == .structure([
            "ContactArn": .string(s.team), "EngagementArn": .string(engagement), "Sender": .string("oncall-bot"),
            "Subject": .string("Database down"), "Content": .string("Primary unreachable"),
            "PublicSubject": .string("Outage"), "PublicContent": .string("We are on it"),
            "StartTime": time(0), "StopTime": time(120),
        ]))
        try await h.expectContactsError(.validation, .stopEngagement, ["EngagementId": .string(engagement)])
    }

    @Test(arguments: BackendKind.allCases)
    func personalContactAndUnactivatedChannel(kind: BackendKind) async throws {
        let h = try kind.make()
        let carol = try await h.createContact("carol")
        let pending = try await h.createChannel(carol, "pending", activate: false)
        try await h.contacts(.updateContact, ["ContactId": .string(carol), "Plan": plan([(0, [channelTarget(pending)])])])
        let outbox = try await h.driver.outbox().count
        let engagement = try await h.startEngagement(carol)
        let pages = try await h.pages(engagement: engagement)
        #expect(pages.count == 1)
        let receipts = try await h.receipts(page: pages[0]["PageArn"]!.string!)
        #expect(receipts.map { $0["ReceiptType"]! } == [.string("ERROR")])
        #expect(try await h.driver.outbox().count == outbox)
        #expect(try await h.contacts(.listPageResolutions, ["PageId": pages[0]["PageArn"]!])["PageResolutions"]
                == .list([.structure(["ContactArn": .string(carol), "Type": .string("PERSONAL")])]))
    }

    @Test(arguments: BackendKind.allCases)
    func listEngagements(kind: BackendKind) async throws {
        let h = try kind.make()
        let alice = try await h.createContact("alice")
        let first = try await h.startEngagement(alice, extra: ["IncidentId": .string("i-1")])
        h.clock.advance(by: 600)
        let second = try await h.startEngagement(alice, extra: ["IncidentId": .string("i-2")])
        h.clock.advance(by: 600)
        let third = try await h.startEngagement(alice)
        let all = try await h.contacts(.listEngagements)["Engagements"]!.list!
        #expect(all.map { $0["EngagementArn"]!.string! } == [third, second, first])
        #expect(all[0].keys == ["EngagementArn", "ContactArn", "Sender", "StartTime"])
        let byIncident = try await h.contacts(.listEngagements, ["IncidentId": .string("i-2")])["Engagements"]!.list!
        #expect(byIncident.map { $0["EngagementArn"]!.string! } == [second])
        let ranged = try await h.contacts(.listEngagements, ["TimeRangeValue": .structure(["StartTime": time(300), "EndTime": time(1200)])])
        #expect(ranged["Engagements"]!.list!.map { $0["EngagementArn"]!.string! } == [third, second])
        let paged = try await h.contacts(.listEngagements, ["MaxResults": .integer(2)])
        #expect(paged["Engagements"]!.list!.count == 2)
        let rest = try await h.contacts(.listEngagements, ["MaxResults": .integer(2), "NextToken": paged["NextToken"]!])
        #expect(rest["Engagements"]!.list!.map { $0["EngagementArn"]!.string! } == [first])
        try await h.expectContactsError(.validation, .listEngagements,
                                        ["TimeRangeValue": .structure(["StartTime": time(300), "EndTime": time(0)])])
        let pagesOfAlice = try await h.contacts(.listPagesByContact, ["ContactId": .string(alice)])["Pages"]!.list!
        #expect(pagesOfAlice.map { $0["EngagementArn"]!.string! } == [third, second, first])
    }

    @Test(arguments: BackendKind.allCases)
    func idempotentStart(kind: BackendKind) async throws {
        let h = try kind.make()
        let alice = try await h.createContact("alice")
        let a = try await h.startEngagement(alice, extra: ["IdempotencyToken": .string("once")])
        let b = try await h.startEngagement(alice, extra: ["IdempotencyToken": .string("once")])
        #expect(a == b)
        #expect(try await h.contacts(.listEngagements)["Engagements"]!.list!.count == 1)
    }

    @Test(arguments: BackendKind.allCases)
    func missingThings(kind: BackendKind) async throws {
        let h = try kind.make()
        let nobody = h.contactArn("nobody")
        let engagement = "arn:aws:ssm-contacts:us-east-1:111122223333:engagement/nobody/00000000-0000-4000-8000-000000000000"
        let page = "arn:aws:ssm-contacts:us-east-1:111122223333:page/nobody/00000000-0000-4000-8000-000000000000"
        try await h.expectContactsError(.resourceNotFound, .startEngagement, [
            "ContactId": .string(nobody), "Sender": .string("s"), "Subject": .string("s"), "Content": .string("c"),
        ])
        try await h.expectContactsError(.resourceNotFound, .stopEngagement, ["EngagementId": .string(engagement)])
        try await h.expectContactsError(.resourceNotFound, .describeEngagement, ["EngagementId": .string(engagement)])
        try await h.expectContactsError(.resourceNotFound, .listPagesByEngagement, ["EngagementId": .string(engagement)])
        try await h.expectContactsError(.resourceNotFound, .listPagesByContact, ["ContactId": .string(nobody)])
        try await h.expectContactsError(.resourceNotFound, .describePage, ["PageId": .string(page)])
        try await h.expectContactsError(.resourceNotFound, .listPageReceipts, ["PageId": .string(page)])
        try await h.expectContactsError(.resourceNotFound, .listPageResolutions, ["PageId": .string(page)])
        try await h.expectContactsError(.resourceNotFound, .acceptPage, [
            "PageId": .string(page), "AcceptType": .string("READ"), "AcceptCode": .string("123456"),
        ])
        try await h.expectContactsError(.validation, .describePage, ["PageId": .string(engagement)])
    }
}
