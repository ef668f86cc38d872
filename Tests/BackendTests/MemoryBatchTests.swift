import Backend
import Catalog
import Foundation
@testable import MemoryBackend
import Testing

/// A long batch keeps no undo entries for the commands that succeeded: a
/// failed batch puts back the state it started from instead, so memory does
/// not grow with a runbook.
@Suite struct MemoryBatchTests {
    @Test func aBatchForgetsTheUndoEntriesOfCommandsThatSucceeded() async throws {
        let h = try BackendKind.memory.make()
        let (_, arn) = try await h.incident()
        let backend = try #require(h.backend as? MemoryBackend)
        let context = h.alice
        try await backend.withBatch { batch in
            for i in 0..<100 {
                _ = try await batch.send(Request(.incidents(.createTimelineEvent), input: [
                    "eventData": .string("\(i)"), "eventTime": .timestamp(Harness.start), "eventType": .string("Custom Event"),
                    "incidentRecordArn": .string(arn)]), context: context)
                #expect(backend.store.pendingUndos == 0)
            }
        }
        #expect(backend.store.state.timelines.values.map(\.events.count).reduce(0, +) >= 100)
    }
}
