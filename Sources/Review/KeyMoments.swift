import Foundation

/// The figures of a review, computed from its facts alone: the timeline in
/// order, the key moments (started → first engagement → first acceptance →
/// first mitigation note → resolved), the durations between them, and how
/// the status and impact changed over time.
public struct ReviewFigures: Sendable, Equatable {
    /// A moment of the response; `time` is nil when it did not happen.
    public struct Moment: Sendable, Equatable {
        public enum Name: String, Sendable, CaseIterable {
            case started, firstEngagement, firstAcceptance, firstMitigation, resolved

            /// How a review names it.
            public var title: String {
                switch self {
                case .started: "Started"
                case .firstEngagement: "First engagement"
                case .firstAcceptance: "First acceptance"
                case .firstMitigation: "First mitigation note"
                case .resolved: "Resolved"
                }
            }
        }
        public var name: Name
        public var time: Date?
        /// Who or what: the contact engaged, the responder who accepted, the note.
        public var detail: String?
    }

    /// One change of the status or the impact, the first one being the value the incident started with.
    public struct Change: Sendable, Equatable {
        public var time: Date
        public var value: String
        /// The value before; nil for the first.
        public var previous: String?
        public var by: String?
    }

    /// A stretch of time with one value (the status, the impact).
    public struct Band: Sendable, Equatable {
        public var from: Date
        public var to: Date
        public var value: String
    }

    /// The events in time order (the same time keeps the order they were read in).
    public var timeline: [TimelineEntry]
    /// The five moments, in that order.
    public var moments: [Moment]
    public var timeToEngage: TimeInterval?
    public var timeToAcknowledge: TimeInterval?
    public var timeToMitigate: TimeInterval?
    public var timeToResolve: TimeInterval?
    /// From the start to the resolution, or to `now` while it is open.
    public var duration: TimeInterval
    public var statusChanges: [Change]
    public var impactChanges: [Change]
    /// How many times a resolved incident was opened again.
    public var reopened: Int
    public var statusBands: [Band]
    public var impactBands: [Band]
    /// The time the picture covers.
    public var start: Date
    public var end: Date

    public func moment(_ name: Moment.Name) -> Moment {
        moments.first { $0.name == name } ?? Moment(name: name, time: nil, detail: nil)
    }
}

/// The pure step from facts to figures.
public enum KeyMoments {
    /// The words in a Note or custom event that make it the mitigation note.
    public static let mitigationWord = "mitigat"

    /// Whether `text` holds `mitigat` in any case (ASCII), without making a lowercased copy of every event.
    static func mentionsMitigation(_ text: String) -> Bool {
        let word = Array(mitigationWord.utf8)
        var matched = 0
        for byte in text.utf8 {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            if lower == word[matched] {
                matched += 1
                if matched == word.count { return true }
            } else {
                matched = lower == word[0] ? 1 : 0
            }
        }
        return false
    }

    /// The figures of `facts`; `now` ends an incident that is still open.
    public static func figures(for facts: ReviewFacts, now: Date) -> ReviewFigures {
        // The store lists them in order already; only a timeline out of order is sorted (stably).
        // By index: a for-in loop would copy every event.
        let events = facts.events
        var inOrder = true
        for index in events.indices.dropFirst() where events[index - 1].time > events[index].time {
            inOrder = false
            break
        }
        let timeline = inOrder ? facts.events : facts.events.enumerated()
            .sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
            .map(\.element)
        let started = facts.created

        let engagement = facts.engagements.min { ($0.start, $0.arn) < ($1.start, $1.arn) }
        let accepted = facts.pages.compactMap { page in page.accepted.map { (time: $0, page: page) } }
            .min { ($0.time, $0.page.arn) < ($1.time, $1.page.arn) }
        let mitigation = timeline.first { event in
            (event.kind == .note || event.kind == .custom) && mentionsMitigation(event.text)
        }

        // Status and impact over time, from the service's own update events.
        let updates = timeline.filter { $0.kind == .update }
        func changes(of attribute: String, initial: String) -> [ReviewFigures.Change] {
            var list = [ReviewFigures.Change(time: started, value: initial, previous: nil, by: facts.createdBy)]
            for event in updates {
                for change in event.changes where change.attribute == attribute {
                    list.append(ReviewFigures.Change(time: max(event.time, started), value: change.to, previous: change.from, by: event.author))
                }
            }
            return list
        }
        let firstStatus = updates.lazy.flatMap(\.changes).first { $0.attribute == "status" }?.from ?? "OPEN"
        let triggerImpact = timeline.first { $0.kind == .trigger }.flatMap { event -> String? in
            guard let open = event.text.range(of: "(impact "), let close = event.text[open.upperBound...].firstIndex(of: ")") else { return nil }
            return String(event.text[open.upperBound..<close])
        }
        let firstImpact = updates.lazy.flatMap(\.changes).first { $0.attribute == "impact" }?.from
            ?? triggerImpact ?? String(facts.impact)
        let statusChanges = changes(of: "status", initial: firstStatus)
        let impactChanges = changes(of: "impact", initial: firstImpact)
        let reopened = statusChanges.dropFirst().filter { $0.previous == "RESOLVED" && $0.value == "OPEN" }.count

        var resolved = facts.status == "RESOLVED" ? facts.resolved : nil
        if facts.status == "RESOLVED", resolved == nil {
            resolved = statusChanges.last { $0.value == "RESOLVED" }?.time
        }

        let moments: [ReviewFigures.Moment] = [
            .init(name: .started, time: started, detail: facts.createdBy.map { "by \($0)" }),
            .init(name: .firstEngagement, time: engagement?.start, detail: engagement?.contact),
            .init(name: .firstAcceptance, time: accepted?.time, detail: accepted?.page.contact),
            .init(name: .firstMitigation, time: mitigation?.time, detail: mitigation?.text),
            .init(name: .resolved, time: resolved, detail: nil),
        ]
        let last = resolved ?? now
        var start = started
        var end = last
        func cover(_ time: Date) {
            start = min(start, time)
            end = max(end, time)
        }
        if let first = timeline.first?.time, let final = timeline.last?.time {
            cover(first)
            cover(final)
        }
        facts.engagements.forEach { cover($0.start) }
        for page in facts.pages {
            cover(page.sent)
            page.accepted.map(cover)
        }
        if end.timeIntervalSince(start) < 60 { end = start.addingTimeInterval(60) }
        // A little room after the last moment, so that the final status shows as a band.
        end = end.addingTimeInterval((end.timeIntervalSince(start) * 0.03).rounded(.up))

        func bands(_ changes: [ReviewFigures.Change]) -> [ReviewFigures.Band] {
            var result: [ReviewFigures.Band] = []
            for (index, change) in changes.enumerated() {
                let to = index + 1 < changes.count ? changes[index + 1].time : end
                if let previous = result.last, previous.value == change.value {
                    result[result.count - 1].to = to
                } else if to > change.time || index + 1 == changes.count {
                    result.append(ReviewFigures.Band(from: change.time, to: to, value: change.value))
                }
            }
            return result
        }
        // Whole milliseconds, as the store keeps times.
        func between(_ a: Date, _ b: Date) -> TimeInterval { (b.timeIntervalSince(a) * 1000).rounded() / 1000 }
        func since(_ time: Date?) -> TimeInterval? { time.map { between(started, $0) } }
        return ReviewFigures(
            timeline: timeline, moments: moments,
            timeToEngage: since(engagement?.start), timeToAcknowledge: since(accepted?.time),
            timeToMitigate: since(mitigation?.time), timeToResolve: since(resolved),
            duration: between(started, last),
            statusChanges: statusChanges, impactChanges: impactChanges, reopened: reopened,
            statusBands: bands(statusChanges), impactBands: bands(impactChanges), start: start, end: end)
    }
}
