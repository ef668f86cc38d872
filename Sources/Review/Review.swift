import Foundation

/// The formats a review is written in.
public enum ReviewFormat: String, Sendable, CaseIterable {
    /// One self-contained page (its style inside, the picture as inline SVG; nothing fetched).
    case html
    /// For a wiki or a pull request.
    case markdown
    /// The facts and figures, for other tools.
    case json
    /// A summary and a timeline drawn with text, for a terminal.
    case text
}

/// A post-incident review of one incident: its facts, the figures computed
/// from them, and the same content written in each format.
public struct Review: Sendable {
    public let facts: ReviewFacts
    public let figures: ReviewFigures

    /// `now` ends an incident that is still open (the session's clock).
    public init(facts: ReviewFacts, now: Date) {
        self.facts = facts
        self.figures = KeyMoments.figures(for: facts, now: now)
    }

    /// The review in `format`; `colors` for the text format on a terminal.
    public func rendered(_ format: ReviewFormat, colors: Bool = false) -> String {
        switch format {
        case .html: HTMLReview(review: self).text
        case .markdown: MarkdownReview(review: self).text
        case .json: JSONReview(review: self).text
        case .text: TextReview(review: self, colors: colors).text
        }
    }

    /// The picture of the timeline.
    public func picture(id: String? = nil) -> String {
        TimelinePicture(facts: facts, figures: figures, id: id).svg
    }

    /// The questions the team answers, in the review's words.
    public static let questions: [(title: String, prompt: String)] = [
        ("What happened?", "Tell the story in a few sentences: what broke, who noticed it, and who was affected."),
        ("How was it detected?", "An alarm, a customer, a colleague? Could we have known sooner, and what would have told us?"),
        ("What slowed the response?", "Paging, access, tools, missing runbooks, unclear ownership: where did time go?"),
        ("What went well?", "What helped us respond, and should be kept?"),
        ("What will we change?", "The changes we commit to, each with an owner and a date."),
    ]

    /// The durations a review reports, with their names.
    var durations: [(name: String, key: String, seconds: TimeInterval?)] {
        [("Time to engage", "timeToEngage", figures.timeToEngage),
         ("Time to acknowledge", "timeToAcknowledge", figures.timeToAcknowledge),
         ("Time to mitigate", "timeToMitigate", figures.timeToMitigate),
         ("Time to resolve", "timeToResolve", figures.timeToResolve)]
    }

    /// `Resolved after 35m` or `Open for 2h 10m so far`.
    var durationLine: String {
        facts.status == "RESOLVED" && figures.timeToResolve != nil
            ? "Resolved after \(Formatting.duration(figures.duration))"
            : "Open for \(Formatting.duration(figures.duration)) so far"
    }

    /// A key moment as the formats list it: its time, how long after the
    /// start and after the moment before, and its detail (or why it is missing).
    struct MomentRow {
        var title: String
        var time: Date?
        var sinceStart: String
        var sincePrevious: String
        var detail: String
    }

    var momentRows: [MomentRow] {
        var previous: Date?
        return figures.moments.map { moment in
            guard let time = moment.time else {
                return MomentRow(title: moment.name.title, time: nil, sinceStart: "—", sincePrevious: "—", detail: Self.missing(moment.name))
            }
            defer { previous = time }
            return MomentRow(title: moment.name.title, time: time,
                             sinceStart: Formatting.duration(time.timeIntervalSince(facts.created)),
                             sincePrevious: previous.map { Formatting.duration(time.timeIntervalSince($0)) } ?? "—",
                             detail: moment.detail ?? "")
        }
    }

    /// The status and impact changes in time order, each as words (`Status OPEN → RESOLVED`).
    var changeRows: [(time: Date, what: String, by: String)] {
        (figures.statusChanges.map { ($0, "Status") } + figures.impactChanges.map { ($0, "Impact") })
            .sorted { ($0.0.time, $0.0.previous != nil ? 1 : 0) < ($1.0.time, $1.0.previous != nil ? 1 : 0) }
            .map { change, attribute in
                (change.time, change.previous.map { "\(attribute) \($0) → \(change.value)" } ?? "\(attribute) \(change.value) at the start",
                 change.by ?? Self.unknownAuthor)
            }
    }

    /// `Reopened 2 times after being resolved.`, when it was.
    var reopenedLine: String? {
        figures.reopened == 0 ? nil : "Reopened \(figures.reopened) time\(figures.reopened == 1 ? "" : "s") after being resolved."
    }

    /// What a moment that did not happen says.
    static func missing(_ name: ReviewFigures.Moment.Name) -> String {
        switch name {
        case .started: "—"
        case .firstEngagement: "no contact was engaged"
        case .firstAcceptance: "no page was accepted"
        case .firstMitigation: "no note mentions mitigation"
        case .resolved: "not resolved"
        }
    }

    static let noEvents = "No timeline events are recorded for this incident."
    static let unknownAuthor = "—"
}
