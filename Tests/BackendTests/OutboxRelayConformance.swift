import Backend
import Catalog
import Foundation
import Testing

/// What delivery relays take from the outbox: every message once, whichever
/// relay asks, with its engagement; and what they record on the page.
@Suite("Conformance: the outbox relay")
struct OutboxRelayConformance {
    @Test(arguments: BackendKind.transactional)
    func eachMessageIsTakenOnceWithItsEngagement(kind: BackendKind) async throws {
        let h = try kind.make()
        let relay = h.backend as! any OutboxRelaying
        let (alice, channels) = try await h.person("alice", stages: [("sms", 0), ("mail", 5)])
        // The activation codes of the two channels.
        let codes = try await relay.claimOutbox(limit: 10)
        #expect(codes.map(\.message.kind) == [.activationCode, .activationCode])
        #expect(codes.allSatisfy { $0.engagementArn == nil })
        #expect(try await relay.claimOutbox(limit: 10).isEmpty)

        let engagement = try await h.startEngagement(alice, extra: ["IncidentId": .string("arn:aws:ssm-incidents::111122223333:incident-record/db/1")])
        try await h.advance(minutes: 5)
        // Two pages (stage 0 and 5), taken one at a time by two relays on the same store.
        let first = try await relay.claimOutbox(limit: 1)
        let other = try h.reopen?() as? any OutboxRelaying ?? relay
        let second = try await other.claimOutbox(limit: 5)
        #expect(first.count == 1 && second.count == 1)
        #expect(try await relay.claimOutbox(limit: 5).isEmpty)
        for (item, channel) in zip(first + second, channels) {
            #expect(item.message.kind == .page)
            #expect(item.message.contactChannelArn == channel)
            #expect(item.engagementArn == engagement)
            #expect(item.incidentId == "arn:aws:ssm-incidents::111122223333:incident-record/db/1")
            #expect(item.sender == "oncall-bot")
        }
    }

    @Test(arguments: BackendKind.transactional)
    func deliveriesAreReceiptsOnThePage(kind: BackendKind) async throws {
        let h = try kind.make()
        let relay = h.backend as! any OutboxRelaying
        let (alice, _) = try await h.person("alice", stages: [("sms", 0)])
        _ = try await relay.claimOutbox(limit: 10)
        let engagement = try await h.startEngagement(alice)
        let page = try #require(try await relay.claimOutbox(limit: 10).first?.message)
        h.clock.advance(by: 2)
        try await relay.recordDelivery(of: page, delivered: true, info: "Delivered by webhook to pager.example.com.")
        try await relay.recordDelivery(of: page, delivered: false, info: "Not delivered by sendmail after 4 attempts: exit 75")
        let pageArn = try #require(try await h.pages(engagement: engagement).first?["PageArn"]?.string)
        let receipts = try await h.receipts(page: pageArn)
        #expect(receipts.map { $0["ReceiptType"]?.string } == ["SENT", "DELIVERED", "ERROR"])
        #expect(receipts[2]["ReceiptInfo"]?.string == "Not delivered by sendmail after 4 attempts: exit 75")
        // The first delivery is the page's delivery time.
        let described = try await h.contacts(.describePage, ["PageId": .string(pageArn)])
        #expect(described["DeliveryTime"]?.timestamp == Harness.start + 2)
        // An activation code has no page: nothing to record, nothing fails.
        let (bob, _) = try await h.person("bob", stages: [("sms", 0)])
        _ = bob
        let code = try #require(try await h.driver.outbox().last { $0.kind == .activationCode })
        let before = try await h.digest()
        try await relay.recordDelivery(of: code, delivered: true, info: "x")
        #expect(try await h.digest() == before)
    }
}
