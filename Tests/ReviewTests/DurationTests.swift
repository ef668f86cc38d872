import Foundation
import Testing
@testable import Review

/// The figures of crafted timelines against values worked out by hand.
@Suite struct DurationTests {
    static let start = Date(timeIntervalSince1970: 1_795_514_400) // 2026-11-24T10:00:00Z
    static func at(_ minutes: Double) -> Date { start.addingTimeInterval(minutes * 60) }

    static func update(_ id: String, _ minutes: Double, _ changes: [(String, String, String)], by: String = "alice") -> TimelineEntry {
        TimelineEntry(id: id, time: at(minutes), type: "SSM Incident Record Update",
                      text: changes.map { "\($0.0) \($0.1) → \($0.2)" }.joined(separator: "; "), author: by,
                      changes: changes.map { AttributeChange(attribute: $0.0, from: $0.1, to: $0.2) })
    }

    static func trigger(impact: Int = 3) -> TimelineEntry {
        TimelineEntry(id: "t", time: start, type: "SSM Incident Trigger", text: "Incident started: DB (impact \(impact))", author: "alice")
    }

    @Test func eventsOutOfOrderAreSortedAndTheFirstMitigationNoteIsTheEarliest() {
        let facts = ReviewFacts(
            arn: "arn:aws:ssm-incidents::111122223333:incident-record/db/1", title: "DB", status: "RESOLVED", impact: 3,
            created: Self.start, resolved: Self.at(50), createdBy: "alice",
            events: [
                TimelineEntry(id: "c", time: Self.at(30), type: "Note", text: "Mitigated: failed over"),
                Self.update("u", 50, [("status", "OPEN", "RESOLVED")]),
                TimelineEntry(id: "b", time: Self.at(12), type: "Custom Event", text: "Mitigation started: traffic shifted"),
                Self.trigger(),
                TimelineEntry(id: "a", time: Self.at(5), type: "Custom Event", text: "Errors at 40%"),
            ])
        let figures = KeyMoments.figures(for: facts, now: Self.at(999))
        #expect(figures.timeline.map(\.id) == ["t", "a", "b", "c", "u"])
        #expect(figures.moment(.firstMitigation).time == Self.at(12))
        #expect(figures.timeToMitigate == TimeInterval(12 * 60))
        #expect(figures.timeToResolve == TimeInterval(50 * 60))
        #expect(figures.duration == TimeInterval(50 * 60))
        #expect(figures.timeToEngage == nil && figures.timeToAcknowledge == nil)
        #expect(figures.statusBands.map(\.value) == ["OPEN", "RESOLVED"])
        #expect(figures.statusBands.first?.to == Self.at(50))
    }

    @Test func resolvedReopenedAndResolvedAgainCountsFromTheLastResolution() {
        let facts = ReviewFacts(
            arn: "arn:x", title: "DB", status: "RESOLVED", impact: 2, created: Self.start, resolved: Self.at(90),
            events: [
                Self.trigger(impact: 1),
                Self.update("r1", 30, [("status", "OPEN", "RESOLVED")]),
                Self.update("o", 45, [("status", "RESOLVED", "OPEN"), ("impact", "1", "2")], by: "bob"),
                Self.update("r2", 90, [("status", "OPEN", "RESOLVED")]),
            ])
        let figures = KeyMoments.figures(for: facts, now: Self.at(500))
        #expect(figures.timeToResolve == TimeInterval(90 * 60))
        #expect(figures.reopened == 1)
        #expect(figures.statusChanges.map(\.value) == ["OPEN", "RESOLVED", "OPEN", "RESOLVED"])
        #expect(figures.statusChanges[2].by == "bob")
        #expect(figures.impactChanges.map(\.value) == ["1", "2"])
        #expect(figures.statusBands.map { ($0.value, $0.from, $0.to) }.map { "\($0.0) \($0.1.timeIntervalSince(Self.start) / 60)-\($0.2.timeIntervalSince(Self.start) / 60)" }
                == ["OPEN 0.0-30.0", "RESOLVED 30.0-45.0", "OPEN 45.0-90.0", "RESOLVED 90.0-92.7"])
    }

    @Test func reopenedAndStillOpenIsNotResolvedAndRunsToNow() {
        let facts = ReviewFacts(
            arn: "arn:x", title: "DB", status: "OPEN", impact: 3, created: Self.start, resolved: nil,
            events: [Self.trigger(), Self.update("r", 20, [("status", "OPEN", "RESOLVED")]), Self.update("o", 25, [("status", "RESOLVED", "OPEN")])])
        let figures = KeyMoments.figures(for: facts, now: Self.at(60))
        #expect(figures.timeToResolve == nil)
        #expect(figures.moment(.resolved).time == nil)
        #expect(figures.duration == TimeInterval(60 * 60))
        #expect(figures.reopened == 1)
        // The picture runs 3% past now (60m → 108s), so that the last band shows.
        #expect(figures.end == Self.at(60).addingTimeInterval(108))
    }

    @Test func anEngagementNeverAcceptedHasATimeToEngageButNoneToAcknowledge() {
        let page = Page(arn: "arn:p1", contactArn: "arn:c:alice", contact: "Alice", sent: Self.at(1), stage: 0, via: "DBA escalation")
        let second = Page(arn: "arn:p2", contactArn: "arn:c:bob", contact: "Bob", sent: Self.at(6), stage: 1, via: "DBA escalation")
        let facts = ReviewFacts(
            arn: "arn:x", title: "DB", status: "OPEN", impact: 1, created: Self.start,
            events: [Self.trigger(impact: 1)],
            engagements: [Engagement(arn: "arn:e", contactArn: "arn:c:dba", contact: "DBA escalation", sender: "Incident Manager",
                                     start: Self.at(0.5), pages: [second, page])])
        let figures = KeyMoments.figures(for: facts, now: Self.at(10))
        #expect(figures.timeToEngage == TimeInterval(30))
        #expect(figures.moment(.firstEngagement).detail == "DBA escalation")
        #expect(figures.timeToAcknowledge == nil)
        #expect(figures.moment(.firstAcceptance).time == nil)
        #expect(facts.pages.map(\.contact) == ["Alice", "Bob"])
        let text = Review(facts: facts, now: Self.at(10)).rendered(.markdown)
        #expect(text.contains("| First acceptance | — | — | — | no page was accepted |"))
        #expect(text.contains("| 2026-11-24T10:06:00Z | Bob | DBA escalation, stage 2 | not accepted |"))
    }

    @Test func theFirstAcceptanceIsTheEarliestAcceptedPageWhoeverSentIt() {
        let late = Page(arn: "arn:p1", contactArn: "arn:c:a", contact: "Alice", sent: Self.at(1), read: Self.at(9))
        let early = Page(arn: "arn:p2", contactArn: "arn:c:b", contact: "Bob", sent: Self.at(6), delivered: Self.at(7), read: Self.at(8))
        let facts = ReviewFacts(arn: "arn:x", title: "DB", status: "OPEN", impact: 1, created: Self.start,
                                engagements: [Engagement(arn: "arn:e", contactArn: "arn:c", contact: "DBA", sender: "me", start: Self.at(1),
                                                         pages: [late, early])])
        let figures = KeyMoments.figures(for: facts, now: Self.at(10))
        #expect(figures.timeToAcknowledge == TimeInterval(7 * 60))
        #expect(figures.moment(.firstAcceptance).detail == "Bob")
    }

    @Test func durationsAreWrittenAsAResponderSaysThem() {
        #expect(Formatting.duration(45) == "45s")
        #expect(Formatting.duration(240) == "4m")
        #expect(Formatting.duration(245) == "4m 05s")
        #expect(Formatting.duration(3900) == "1h 05m")
        #expect(Formatting.duration(2 * 86400 + 3 * 3600 + 59) == "2d 3h")
    }
}
