import Foundation
import JMESPath

/// The facts and figures as one JSON document, for other tools: times in
/// ISO 8601, durations in seconds.
struct JSONReview {
    let review: Review

    static let format = JSONFormat.indented(2)

    /// The document as text, written a member at a time and the timeline an
    /// event at a time: a long incident's document is never held whole.
    var text: String {
        var out = "{"
        for (index, (key, value)) in members.enumerated() {
            out += index == 0 ? "\n  " : ",\n  "
            out += JSONValue.string(key).serialized(Self.format)
            out += ": "
            switch value {
            case .value(let value):
                out += value.serialized(Self.format, level: 1)
            case .events(let events):
                if events.isEmpty { out += "[]"; continue }
                out += "["
                for (position, event) in events.enumerated() {
                    out += position == 0 ? "\n    " : ",\n    "
                    out += event.serialized(Self.format, level: 2)
                }
                out += "\n  ]"
            }
        }
        out += "\n}\n"
        return out
    }

    /// A member of the document: a value, or the timeline's events made one at a time.
    enum Member {
        case value(JSONValue)
        case events(LazyMapSequence<[TimelineEntry], JSONValue>)
    }

    private var members: [(String, Member)] {
        let facts = review.facts, figures = review.figures
        func t(_ date: Date?) -> JSONValue { date.map { .string(Formatting.time($0)) } ?? .null }
        func s(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        func seconds(_ value: TimeInterval?) -> JSONValue { value.map { .number(($0 * 1000).rounded() / 1000) } ?? .null }
        var incident = JSONObject()
        incident.set("arn", .string(facts.arn))
        incident.set("title", .string(facts.title))
        incident.set("status", .string(facts.status))
        incident.set("impact", .number(Double(facts.impact)))
        incident.set("summary", s(facts.summary))
        incident.set("createdBy", s(facts.createdBy))
        incident.set("creationTime", t(facts.created))
        incident.set("resolvedTime", t(facts.resolved))

        var durations = JSONObject()
        for duration in review.durations { durations.set(duration.key, seconds(duration.seconds)) }
        durations.set("total", seconds(figures.duration))

        func change(_ c: ReviewFigures.Change) -> JSONValue {
            ["time": t(c.time), "value": .string(c.value), "previous": s(c.previous), "by": s(c.by)]
        }
        let engagements: [JSONValue] = facts.engagements.map { engagement in
            let pages: [JSONValue] = engagement.pages.map { page in
                ["pageArn": .string(page.arn), "contactArn": .string(page.contactArn), "contact": .string(page.contact),
                 "sentTime": t(page.sent), "deliveryTime": t(page.delivered), "readTime": t(page.read),
                 "acceptedTime": t(page.accepted), "stage": page.stage.map { .number(Double($0)) } ?? .null, "through": s(page.via)]
            }
            return ["engagementArn": .string(engagement.arn), "contactArn": .string(engagement.contactArn),
                    "contact": .string(engagement.contact), "sender": .string(engagement.sender),
                    "startTime": t(engagement.start), "stopTime": t(engagement.stop), "pages": .array(pages)]
        }
        let timeline = figures.timeline.lazy.map { event -> JSONValue in
            ["eventId": .string(event.id), "eventTime": t(event.time), "eventType": .string(event.type),
             "author": s(event.author), "text": .string(event.text)]
        }
        return [
            ("incident", .value(.object(incident))),
            ("moments", .value(.array(figures.moments.map { moment in
                ["name": .string(moment.name.rawValue), "time": t(moment.time), "detail": s(moment.detail),
                 "sinceStart": seconds(moment.time.map { $0.timeIntervalSince(facts.created) })]
            }))),
            ("durations", .value(.object(durations))),
            ("statusChanges", .value(.array(figures.statusChanges.map(change)))),
            ("impactChanges", .value(.array(figures.impactChanges.map(change)))),
            ("reopened", .value(.number(Double(figures.reopened)))),
            ("engagements", .value(.array(engagements))),
            ("relatedItems", .value(.array(facts.relatedItems.map { ["title": s($0.title), "type": .string($0.type), "value": .string($0.value)] }))),
            ("findings", .value(.array(facts.findings.map {
                ["id": .string($0.id), "kind": .string($0.kind), "resource": s($0.resource), "startTime": t($0.start), "endTime": t($0.end)]
            }))),
            ("timeline", .events(timeline)),
            ("notes", .value(.array(figures.timeline.filter { $0.kind == .note }.map { ["eventTime": t($0.time), "text": .string($0.text)] }))),
            ("questions", .value(.array(Review.questions.map { ["question": .string($0.title), "prompt": .string($0.prompt), "answer": ""] }))),
        ]
    }
}
