import Backend
import Catalog
import Foundation
import Testing

/// A channel target's `RetryIntervalInMinutes`: a send that failed is tried
/// again at that interval while the page is open, within its stage.
@Suite("Conformance: page retries")
struct PageRetryConformance {
    static func retryTarget(_ arn: String, minutes: Int64) -> Value {
        .structure(["ChannelTargetInfo": .structure(["ContactChannelId": .string(arn), "RetryIntervalInMinutes": .integer(minutes)])])
    }

    /// carol: a channel she never activated, retried every 3 minutes in a
    /// 10-minute stage, then a second stage on a channel that works.
    static func setUp(_ h: Harness) async throws -> (carol: String, pending: String, working: String) {
        let carol = try await h.createContact("carol")
        let pending = try await h.createChannel(carol, "pending", activate: false)
        let working = try await h.createChannel(carol, "working")
        try await h.contacts(.updateContact, ["ContactId": .string(carol), "Plan": plan([
            (10, [retryTarget(pending, minutes: 3), channelTarget(working)]), (0, [channelTarget(working)]),
        ])])
        return (carol, pending, working)
    }

    static func receipts(_ h: Harness, _ engagement: String) async throws -> [String] {
        let page = try await h.pages(engagement: engagement)[0]["PageArn"]!.string!
        return EngagementConformance.sent(try await h.receipts(page: page))
    }

    @Test(arguments: BackendKind.allCases)
    func failedSendIsRetriedWithinItsStage(kind: BackendKind) async throws {
        let h = try kind.make()
        let s = try await Self.setUp(h)
        let engagement = try await h.startEngagement(s.carol)
        #expect(try await Self.receipts(h, engagement) == ["ERROR@0", "SENT@0"])
        // Minutes 3, 6 and 9 retry the pending channel only; 12 would be in the next stage.
        let sent = try await h.advance(minutes: 9)
        #expect(sent.isEmpty)
        #expect(try await Self.receipts(h, engagement) == ["ERROR@0", "SENT@0", "ERROR@3", "ERROR@6", "ERROR@9"])
        // Minute 10: the second stage, on the working channel; no more retries.
        #expect(try await h.advance(minutes: 20).map(\.contactChannelArn) == [s.working])
        #expect(try await Self.receipts(h, engagement) == ["ERROR@0", "SENT@0", "ERROR@3", "ERROR@6", "ERROR@9", "SENT@10"])
    }

    @Test(arguments: BackendKind.allCases)
    func retrySendsOnceTheChannelIsActivated(kind: BackendKind) async throws {
        let h = try kind.make()
        let s = try await Self.setUp(h)
        let engagement = try await h.startEngagement(s.carol)
        try await h.advance(minutes: 4)
        let code = try #require(try await h.driver.outbox(contactChannelArn: s.pending).last).code
        try await h.contacts(.activateContactChannel, ["ContactChannelId": .string(s.pending), "ActivationCode": .string(code)])
        // Minute 6: the retry reaches her; minute 9 has nothing left to retry.
        #expect(try await h.advance(minutes: 2).map(\.contactChannelArn) == [s.pending])
        try await h.advance(minutes: 4.5)
        #expect(try await Self.receipts(h, engagement) == ["ERROR@0", "SENT@0", "ERROR@3", "SENT@6", "SENT@10"])
    }

    @Test(arguments: BackendKind.allCases)
    func acceptedPageIsNotRetried(kind: BackendKind) async throws {
        let h = try kind.make()
        let s = try await Self.setUp(h)
        let engagement = try await h.startEngagement(s.carol)
        let page = try await h.pages(engagement: engagement)[0]["PageArn"]!.string!
        let code = try #require(try await h.driver.outbox(contactChannelArn: s.working).last).code
        try await h.advance(minutes: 1)
        try await h.contacts(.acceptPage, ["PageId": .string(page), "AcceptType": .string("READ"), "AcceptCode": .string(code)])
        try await h.advance(minutes: 30)
        #expect(try await Self.receipts(h, engagement) == ["ERROR@0", "SENT@0", "READ@1"])
    }
}
