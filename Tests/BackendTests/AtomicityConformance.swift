import Backend
import Catalog
import Testing

@Suite("Conformance: atomicity, batches, reproducibility")
struct AtomicityConformance {
    @Test(arguments: BackendKind.allCases)
    func batchCommitsAndIsolatesFailures(kind: BackendKind) async throws {
        let h = try kind.make()
        let (_, arn) = try await h.incident()
        let context = h.alice
        let ids = try await h.backend.withBatch { batch in
            var ids: [String] = []
            for i in 0..<10 {
                let input: OrderedInput = ["eventData": .string("\(i)"), "eventTime": time(Double(i)),
                                           "eventType": .string("Custom Event"), "incidentRecordArn": .string(arn)]
                ids.append(try await batch.send(Request(.incidents(.createTimelineEvent), input: input),
                                                context: context)["eventId"]!.string!)
                // A failing command in the middle changes nothing and the batch goes on.
                do throws(ServiceError) {
                    _ = try await batch.send(Request(.incidents(.updateIncidentRecord),
                                                     input: ["arn": .string(arn), "impact": .integer(9)]), context: context)
                    Issue.record("impact 9 must be refused")
                } catch {
                    #expect(error.code == .validation)
                }
            }
            return ids
        }
        let listed = try await h.call(.listTimelineEvents, ["filters": .list([filter("eventType", "equals", strings("Custom Event"))]),
                                                              "incidentRecordArn": .string(arn), "sortOrder": .string("ASCENDING")])
        #expect(listed["eventSummaries"]!.list!.map { $0["eventId"]!.string! } == ids)
    }

    /// A batch's commands see what the batch's own earlier commands did
    /// (PostgreSQL's batch remembers what it read until it changes it).
    @Test(arguments: BackendKind.transactional)
    func aBatchSeesItsOwnChanges(kind: BackendKind) async throws {
        let h = try kind.make()
        let (_, arn) = try await h.incident()
        let (alice, _) = try await h.person("alice", stages: [("sms", 5), ("mail", 5)])
        let context = h.alice
        func event(_ batch: any IncidentBatch) async throws(ServiceError) -> Value {
            try await batch.send(Request(.incidents(.createTimelineEvent),
                                         input: ["eventData": .string("\"x\""), "eventTime": .timestamp(Harness.start),
                                                 "eventType": .string("Custom Event"), "incidentRecordArn": .string(arn)]),
                                 context: context)
        }
        let (before, after) = try await h.backend.withBatch { batch in
            _ = try await event(batch)  // nothing is due yet
            let engagement = try await batch.send(Request(.contacts(.startEngagement), input: [
                "ContactId": .string(alice), "Sender": .string("oncall-bot"), "Subject": .string("s"), "Content": .string("c")]),
                context: context)["EngagementArn"]!.string!
            func receipts() async throws(ServiceError) -> Int {
                let pages = try await batch.send(Request(.contacts(.listPagesByEngagement),
                                                         input: ["EngagementId": .string(engagement)]), context: context)
                let page = pages["Pages"]?.list?.first?["PageArn"]?.string ?? ""
                return try await batch.send(Request(.contacts(.listPageReceipts), input: ["PageId": .string(page)]),
                                            context: context)["Receipts"]?.list?.count ?? 0
            }
            let before = try await receipts()
            // The page's second stage falls due while the batch runs: its next command runs it.
            h.clock.advance(by: 6 * 60)
            _ = try await event(batch)
            return (before, try await receipts())
        }
        #expect(before > 0 && after > before, "the stage the batch's engagement made due ran in the batch: \(before) then \(after) receipts")
        // An incident the batch deletes is gone for its later commands.
        try await h.backend.withBatch { batch in
            _ = try await event(batch)
            _ = try await batch.send(Request(.incidents(.deleteIncidentRecord), input: ["arn": .string(arn)]),
                                     context: context)
            do throws(ServiceError) {
                _ = try await event(batch)
                Issue.record("an event of a deleted incident must be refused")
            } catch {
                #expect(error.code == .resourceNotFound, "\(error)")
            }
        }
    }

    @Test(arguments: BackendKind.transactional)
    func failedBatchChangesNothing(kind: BackendKind) async throws {
        let h = try kind.make()
        let (plan, arn) = try await h.incident()
        let before = try await h.digest()
        struct Abort: Error {}
        let context = h.alice
        await #expect(throws: Abort.self) {
            try await h.backend.withBatch { batch in
                _ = try await batch.send(Request(.incidents(.startIncident),
                                                 input: ["responsePlanArn": .string(plan)]), context: context)
                _ = try await batch.send(Request(.incidents(.updateIncidentRecord),
                                                 input: ["arn": .string(arn), "status": .string("RESOLVED")]), context: context)
                throw Abort()
            }
        }
        #expect(try await h.digest() == before)
        // The backend is usable afterwards.
        try await h.createEvent(arn, at: 1)
    }

    @Test(arguments: BackendKind.allCases)
    func failedCommandWithSideEffectsChangesNothing(kind: BackendKind) async throws {
        let h = try kind.make()
        _ = try await h.createReplicationSet()
        let plan = try await h.createPlan()
        // The incident is inserted, then the second related item conflicts: all of it is undone.
        let item = RelatedItemConformance.item("OTHER", url: "https://x")
        try await h.expectError(.conflict, .startIncident, ["relatedItems": .list([item, item]), "responsePlanArn": .string(plan)])
        #expect(try await h.call(.listIncidentRecords)["incidentRecordSummaries"] == .list([]))
    }

    /// A batch's commands share lookups (an incident's row, the next due step):
    /// an incident deleted inside the batch is gone for the commands after it.
    @Test(arguments: BackendKind.allCases)
    func batchForgetsAnIncidentItDeleted(kind: BackendKind) async throws {
        let h = try kind.make()
        let (plan, _) = try await h.incident()
        let context = h.alice
        try await h.backend.withBatch { batch in
            let arn = try await batch.send(Request(.incidents(.startIncident),
                                                   input: ["responsePlanArn": .string(plan), "title": .string("gone")]),
                                           context: context)["incidentRecordArn"]!.string!
            let event: OrderedInput = ["eventData": .string("\"x\""), "eventTime": time(1), "eventType": .string("Custom Event"),
                                       "incidentRecordArn": .string(arn)]
            _ = try await batch.send(Request(.incidents(.createTimelineEvent), input: event), context: context)
            _ = try await batch.send(Request(.incidents(.deleteIncidentRecord), input: ["arn": .string(arn)]),
                                     context: context)
            do throws(ServiceError) {
                _ = try await batch.send(Request(.incidents(.createTimelineEvent), input: event), context: context)
                Issue.record("an event on a deleted incident must be refused")
            } catch {
                #expect(error.code == .resourceNotFound)
            }
        }
        #expect(try await h.call(.listIncidentRecords)["incidentRecordSummaries"]!.list!.count == 1)
    }

    /// A step that a command of a batch makes due runs in a later command's
    /// catch-up of the same batch, though an earlier one found nothing due.
    @Test(arguments: BackendKind.allCases)
    func batchSeesStepsItMadeDue(kind: BackendKind) async throws {
        let h = try kind.make()
        let (alice, channels) = try await h.person("alice", stages: [("a", 5), ("b", 10)])
        let context = h.alice
        let clock = h.clock
        try await h.backend.withBatch { batch in
            let list = Request(.contacts(.listContacts), input: [:])
            _ = try await batch.send(list, context: context)
            _ = try await batch.send(Request(.contacts(.startEngagement), input: [
                "ContactId": .string(alice), "Sender": .string("oncall-bot"), "Subject": .string("Database down"),
                "Content": .string("Primary unreachable"),
            ]), context: context)
            clock.advance(by: 6 * 60)
            _ = try await batch.send(list, context: context)
        }
        // The outbox is read as it is, without catching up: the batch sent alice's second stage.
        #expect(try await h.driver.outbox(contactChannelArn: channels[1]).filter { $0.kind == .page }.count == 1)
    }

    /// Every backend answers a script the same, byte for byte, given the same clock and seed.
    @Test func backendsAgree() async throws {
        var transcripts: [[Value]] = []
        for kind in BackendKind.allCases {
            let h = try kind.make()
            var out: [Value] = []
            let (plan, arn) = try await h.incident()
            try await h.createEvent(arn, at: 3, extra: ["clientToken": .string("c")])
            h.clock.advance(by: 9)
            try await h.call(.updateIncidentRecord, ["arn": .string(arn), "status": .string("RESOLVED")])
            out.append(try await h.call(.getIncidentRecord, ["arn": .string(arn)]))
            out.append(try await h.call(.listTimelineEvents, ["incidentRecordArn": .string(arn), "maxResults": .integer(2)]))
            out.append(try await h.call(.listIncidentRecords))
            out.append(try await h.call(.getResponsePlan, ["arn": .string(plan)]))
            transcripts.append(out)
        }
        for t in transcripts.dropFirst() { #expect(t == transcripts[0]) }
    }
}
