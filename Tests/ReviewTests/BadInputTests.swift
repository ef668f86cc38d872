import Backend
import Catalog
import Foundation
import JMESPath
import MemoryBackend
import Testing
@testable import Review
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Markup in the store comes out as text in every format; an unknown incident
/// is the service's error; an incident without events still has a review.
@Suite struct BadInputTests {
    static let start = Date(timeIntervalSince1970: 1_795_514_400)
    static let hostile = "<script>alert(1)</script><img src=x onerror=alert(2)> </svg><svg onload=alert(3)> [link](javascript:alert(4)) **bold** | pipe \u{1B}[31mred\u{1B}[0m & \"q\" 'a'\nsecond line"

    static var hostileFacts: ReviewFacts {
        ReviewFacts(arn: "arn:aws:ssm-incidents::111122223333:incident-record/x/1", title: "Title <b>bold</b> [x](y)", status: "OPEN", impact: 2,
                    summary: "# heading <i>", created: start, createdBy: "mallory<script>",
                    events: [TimelineEntry(id: "e", time: start.addingTimeInterval(60), type: "Custom Event", text: hostile, author: "<u>eve</u>"),
                             TimelineEntry(id: "n", time: start.addingTimeInterval(120), type: "Note", text: hostile)],
                    relatedItems: [RelatedItem(title: "<a href=x>dash</a>", type: "OTHER", value: "javascript:alert(5)")])
    }

    @Test func htmlAndTheSVGShowMarkupAsText() throws {
        let review = Review(facts: Self.hostileFacts, now: Self.start.addingTimeInterval(600))
        let html = review.rendered(.html)
        for raw in ["<script>", "<img", "<svg onload", "<b>bold", "<u>eve", "<a href=x>", "<i>", "\u{1B}"] {
            #expect(!html.contains(raw), "\(raw) in the html")
        }
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;/svg&gt;&lt;svg onload=alert(3)&gt;"))
        // The picture is well-formed XML whose text holds the event's characters.
        let svg = review.picture()
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "the picture is not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
        #expect(svg.components(separatedBy: "<svg").count == 2 && svg.components(separatedBy: "</svg>").count == 2)
    }

    @Test func markupEscapingKeepsEveryOtherCharacterAsItIs() {
        #expect(Escaping.markup("café ☕ <b>\"x\" & 'y'</b>\n\tz") == "café ☕ &lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;\n\tz")
        #expect(Escaping.markup("bell\u{7}del\u{7F}") == "bell\\u{7}del\\u{7f}")
        #expect(Escaping.markup("plain – text") == "plain – text")
    }

    @Test func markdownEscapesWhatMarkdownWouldRead() {
        let markdown = Review(facts: Self.hostileFacts, now: Self.start.addingTimeInterval(600)).rendered(.markdown)
        for raw in ["<script>", "[link](", "**bold**", "<b>", " | pipe", "\u{1B}"] {
            #expect(!markdown.contains(raw), "\(raw) in the markdown")
        }
        #expect(markdown.contains("\\[link\\](javascript:alert(4)) \\*\\*bold\\*\\* \\| pipe"))
        #expect(markdown.contains("# Review: Title &lt;b&gt;bold&lt;/b&gt; \\[x\\](y)"))
        // A table row stays one row: the event's line break is a space.
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| 2026-11-24T10:01:00Z | Custom Event |") }
        #expect(rows.count == 1 && rows[0].hasSuffix("second line |"))
        #expect(Escaping.markdown("# not a heading").hasPrefix("\\#") && Escaping.markdown("1. item") == "1. item")
    }

    @Test func jsonKeepsTheTextAsItIsAndTheTerminalShowsControlCharacters() throws {
        let review = Review(facts: Self.hostileFacts, now: Self.start.addingTimeInterval(600))
        let json = try JSONValue(parsing: review.rendered(.json))
        #expect(json["timeline"]?.array?.first?["text"]?.string == Self.hostile)
        let text = review.rendered(.text, colors: false)
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("\\u{1b}[31mred"))
        #expect(text.contains("alert(1)</script>"))
    }

    @Test func anIncidentWithoutEventsHasAReviewThatSaysSo() throws {
        let facts = ReviewFacts(arn: "arn:x", title: "Quiet", status: "OPEN", impact: 5, created: Self.start)
        let review = Review(facts: facts, now: Self.start.addingTimeInterval(300))
        #expect(review.rendered(.html).contains(Review.noEvents))
        #expect(review.rendered(.markdown).contains(Review.noEvents))
        #expect(review.rendered(.text).contains(Review.noEvents))
        let json = try JSONValue(parsing: review.rendered(.json))
        #expect(json["timeline"]?.array?.isEmpty == true)
        #expect(json["durations"]?["total"]?.number == 300)
        let svg = review.picture()
        #expect(XMLParser(data: Data(svg.utf8)).parse())
        #expect(svg.contains("No timeline events") && !svg.contains("class=\"event"))
    }

    @Test func anUnknownIncidentIsResourceNotFound() async {
        let backend = MemoryBackend(clock: FixedWallClock(Self.start), ids: SeededIDGenerator(seed: 1))
        let reader = Support.reader(backend)
        await #expect(throws: ServiceError.self) { _ = try await reader.facts(of: "arn:aws:ssm-incidents::111122223333:incident-record/x/missing") }
        do {
            _ = try await reader.facts(of: "arn:aws:ssm-incidents::111122223333:incident-record/x/missing")
        } catch {
            #expect(error.name == "ResourceNotFoundException")
        }
    }
}

/// An event's data as the review shows it.
@Suite struct EventDataTests {
    @Test func aJSONStringIsItsValueAndAnythingElseIsAsItIs() {
        #expect(ReviewReader.text(ofEventData: "\"Failover started\"") == "Failover started")
        #expect(ReviewReader.text(ofEventData: "\"say \\\"hi\\\"\\nnow\"") == "say \"hi\"\nnow")
        #expect(ReviewReader.text(ofEventData: "{\"a\": 1}") == "{\"a\": 1}")
        #expect(ReviewReader.text(ofEventData: "plain words") == "plain words")
        #expect(ReviewReader.text(ofEventData: "\"") == "\"")
        #expect(ReviewReader.text(ofEventData: "\"\"") == "")
    }

    @Test func theServicesOwnEventsAreDescribedInWords() {
        let update = ReviewReader.entry(id: "u", time: Date(timeIntervalSince1970: 0), type: "SSM Incident Record Update",
                                        data: #"{"modifiedBy":"arn:aws:iam::111122223333:user/bob","modifiedAttributes":[{"attributeName":"status","previousValue":"OPEN","newValue":"RESOLVED"}]}"#)
        #expect(update.text == "status OPEN → RESOLVED" && update.author == "bob")
        #expect(update.changes == [AttributeChange(attribute: "status", from: "OPEN", to: "RESOLVED")])
        let trigger = ReviewReader.entry(id: "t", time: Date(timeIntervalSince1970: 0), type: "SSM Incident Trigger",
                                         data: #"{"title":"DB","impact":2,"createdBy":"arn:aws:iam::111122223333:user/alice"}"#)
        #expect(trigger.text == "Incident started: DB (impact 2)" && trigger.author == "alice")
    }
}
