import Foundation
import Testing
@testable import Review
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The picture stays readable and small from five minutes to three days.
@Suite struct PictureTests {
    static let start = Date(timeIntervalSince1970: 1_795_514_400)

    static func facts(events count: Int, over seconds: TimeInterval) -> ReviewFacts {
        let events = (0..<count).map { i in
            TimelineEntry(id: "\(i)", time: start.addingTimeInterval(seconds * Double(i) / Double(max(count - 1, 1))),
                          type: i % 5 == 0 ? "Note" : "Custom Event", text: "step \(i) <of> \(count)")
        }
        return ReviewFacts(arn: "arn:x", title: "Long", status: "RESOLVED", impact: 2, created: start,
                           resolved: start.addingTimeInterval(seconds), events: events)
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func fiveThousandEventsOverThreeDaysAreGroupedAndTheHTMLStaysUnderThreeMegabytes() {
        let review = Review(facts: Self.facts(events: 5000, over: 3 * 86400), now: Self.start)
        let svg = review.picture()
        #expect(XMLParser(data: Data(svg.utf8)).parse())
        // Each lane has at most one mark per grouping distance of its width.
        let marks = Self.count("class=\"event", in: svg)
        #expect(marks > 20 && marks <= 2 * Int(960 / TimelinePicture.groupDistance) + 2, "\(marks) marks")
        #expect(Self.count(" group\"", in: svg) > 10)
        #expect(svg.utf8.count < 200_000, "\(svg.utf8.count) bytes of SVG")
        let html = review.rendered(.html)
        #expect(html.utf8.count <= 3_000_000, "\(html.utf8.count) bytes of HTML")
        #expect(Self.count("<tr><td class=\"time\">", in: html) >= 5000)
        // Ticks: the axis of three days is labelled by day.
        #expect(svg.contains(">11-25 00:00<") || svg.contains(">11-25 12:00<"))
    }

    @Test func aFiveMinuteIncidentHasAMarkForEachEvent() {
        let review = Review(facts: Self.facts(events: 6, over: 300), now: Self.start)
        let svg = review.picture()
        #expect(Self.count("<circle class=\"event", in: svg) == 6)
        #expect(Self.count(" group\"", in: svg) == 0)
        #expect(svg.contains(">10:01<") && svg.contains(">10:05<"))
    }

    @Test func marksCloserThanTheGroupingDistanceAreOneGroup() {
        #expect(TimelinePicture.groups([0, 1, 6.9, 7, 20, 30, 31]) == [0..<3, 3..<4, 4..<5, 5..<7])
        #expect(TimelinePicture.groups([]) == [])
    }
}
