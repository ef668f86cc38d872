import Backend
import Foundation
import Testing
@testable import Review

/// The review of every incident of every example runbook, in the three
/// file formats and the terminal's text, under the example's fixed clock.
@Suite struct GoldenTests {
    static let formats: [(ReviewFormat, String)] = [(.html, "html"), (.markdown, "md"), (.json, "json"), (.text, "txt")]

    @Test(arguments: Support.exampleNames)
    func exampleReviews(_ name: String) async throws {
        let (_, backend, clock) = try await Support.runExample(name)
        let incidents = try await Support.incidents(backend)
        #expect(!incidents.isEmpty, "\(name) starts no incident")
        for (index, arn) in incidents.enumerated() {
            let facts = try await Support.reader(backend).facts(of: arn)
            let review = Review(facts: facts, now: clock.now())
            for (format, suffix) in Self.formats {
                let file = "\(name)-\(index + 1).\(suffix)"
                let difference = try Support.checkGolden(review.rendered(format), file)
                #expect(difference == nil, "\(difference ?? "")")
            }
        }
    }

    /// The paging example: who was paged, through which stage, and who accepted.
    @Test func thePagingExampleNamesTheStagesAndTheAcceptance() async throws {
        let (_, backend, clock) = try await Support.runExample("oncall-paging")
        let arn = try #require(try await Support.incidents(backend).first)
        let facts = try await Support.reader(backend).facts(of: arn)
        let pages = facts.pages
        #expect(pages.map(\.contact) == ["Alice the DBA", "Bob the DBA"])
        #expect(pages.map(\.stage) == [0, 1])
        #expect(pages.map(\.via) == ["DBA escalation", "DBA escalation"])
        #expect(pages[0].accepted == nil && pages[1].read != nil)
        let figures = KeyMoments.figures(for: facts, now: clock.now())
        #expect(figures.moment(.firstAcceptance).detail == "Bob the DBA")
        // Bob was paged 5 minutes after the start and accepted after the 1m + 5m advances.
        #expect(figures.timeToEngage == TimeInterval(0))
        #expect(figures.timeToAcknowledge == TimeInterval(6 * 60))
    }
}
