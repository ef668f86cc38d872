import Backend
import Catalog
import Foundation
import Interpreter
import MemoryBackend
import Testing

/// Completion's live identifiers: read from the backend, and only through
/// list requests the caller may run.
@Suite("Live values for completion")
struct LiveValueSourceTests {
    @Test func identifiersComeFromAllowedListsOnly() async throws {
        let h = Harness()
        await h.setUp(plans: 2)
        let backend = h.session.backend
        var source = LiveValueSource(backend: backend, context: h.session.context)
        #expect(await source.values(.responsePlanArn, given: [:]).count == 2)
        // A caller whose role does not allow ListResponsePlans is offered none.
        source.allow = { $0.operation != .incidents(.listResponsePlans) }
        #expect(await source.values(.responsePlanArn, given: [:]).isEmpty)
        #expect(await source.values(.incidentRecordArn, given: [:]).isEmpty)  // allowed, but there are none
        source.limit = 1
        source.allow = { _ in true }
        #expect(await source.values(.responsePlanArn, given: [:]).count == 1)
    }
}
