import Foundation

/// The review on a terminal: the summary, then the timeline drawn with text,
/// one line per event and the gaps between events to scale (a `│` line per
/// unit of time, long gaps cut short and labelled), the key moments among
/// them. Colour unless told otherwise (`NO_COLOR` is the caller's to read).
struct TextReview {
    let review: Review
    let colors: Bool

    /// The most spacer lines one gap gets; a longer gap says how long it was.
    static let maxGapLines = 8
    /// About how many spacer lines the whole timeline gets.
    static let scaleLines = 30.0

    func paint(_ text: String, _ code: String) -> String { colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    func color(_ kind: TimelineEntry.Kind) -> String {
        switch kind {
        case .trigger: "1"
        case .update: "2"
        case .custom: "33"
        case .note: "34"
        }
    }

    var text: String {
        let facts = review.facts, figures = review.figures
        let e = Escaping.terminal
        var out = ""
        out.reserveCapacity(1024 + figures.timeline.count * 90)
        out += paint(e(facts.title), "1") + "\n"
        let status = facts.status == "RESOLVED" ? paint(facts.status, "32") : paint(e(facts.status), "31")
        out += "\(status) · Impact \(facts.impact) · started \(Formatting.time(facts.created))"
        out += facts.createdBy.map { " by \(e($0))" } ?? ""
        out += " · \(review.durationLine)\n\(e(facts.arn))\n"
        if let summary = facts.summary, !summary.isEmpty { out += e(summary) + "\n" }

        out += "\n" + paint("Key moments", "1") + "\n"
        for row in review.momentRows {
            let name = row.title.padding(toLength: 22, withPad: " ", startingAt: 0)
            if let time = row.time {
                let since = time == facts.created && row.sincePrevious == "—" ? "" : "+" + row.sinceStart
                let step = row.sincePrevious == "—" ? "" : "(\(row.sincePrevious) after the one before)"
                out += "  \(name)\(Formatting.time(time))  \(since.padding(toLength: 9, withPad: " ", startingAt: 0))"
                out += step + (row.detail.isEmpty ? "" : "  " + Formatting.shortened(e(row.detail), to: 60)) + "\n"
            } else {
                out += "  \(name)" + paint(row.detail, "2") + "\n"
            }
        }
        out += "  " + review.durations.map { "\($0.name): \($0.seconds.map(Formatting.duration) ?? "—")" }.joined(separator: " · ") + "\n"
        if let reopened = review.reopenedLine { out += "  \(reopened)\n" }

        if !facts.engagements.isEmpty {
            out += "\n" + paint("Who was paged", "1") + "\n"
            for engagement in facts.engagements {
                out += "  \(Formatting.time(engagement.start))  \(e(engagement.contact)) engaged (from \(e(engagement.sender)))\n"
                for page in engagement.pages {
                    out += "  \(Formatting.time(page.sent))    paged \(e(page.contact)) \(page.via == nil ? "directly" : "through " + e(HTMLReview.through(page))): "
                    out += (page.accepted == nil ? paint("not accepted", "31") : paint("accepted " + HTMLReview.acceptance(page), "32")) + "\n"
                }
            }
        }
        if !facts.relatedItems.isEmpty || !facts.findings.isEmpty {
            out += "\n" + paint("Related items and findings", "1") + "\n"
            for item in facts.relatedItems { out += "  \(e(item.title ?? item.type)) (\(e(item.type))): \(e(item.value))\n" }
            for finding in facts.findings { out += "  \(e(finding.kind)) \(e(finding.resource ?? finding.id))\n" }
        }

        out += "\n" + paint("Timeline", "1") + "\n"
        if figures.timeline.isEmpty {
            out += "  " + Review.noEvents + "\n"
            return out
        }
        // Key moments go in among the events, at their time.
        var marks: [(time: Date, line: String, event: Bool)] = figures.timeline.map { event in
            let author = event.author.map { " (\(e($0)))" } ?? ""
            return (event.time, paint("●", color(event.kind)) + " " + e(event.type).padding(toLength: 28, withPad: " ", startingAt: 0)
                        + e(event.text) + author, true)
        }
        for moment in figures.moments where moment.name != .started && moment.name != .firstMitigation {
            guard let time = moment.time else { continue }
            marks.append((time, paint("▶ " + moment.name.title + (moment.detail.map { ": " + e($0) } ?? ""), "35"), false))
        }
        marks = marks.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
        let span = max(figures.end.timeIntervalSince(figures.start), 1)
        let unit = max(span / Self.scaleLines, 1)
        var last: Date?
        var lastDay: String?
        for mark in marks {
            if let last {
                let gap = mark.time.timeIntervalSince(last)
                let lines = Int((gap / unit).rounded())
                if lines > 0 {
                    // A line per unit, the last one saying how long the gap was; a long gap is cut short.
                    for _ in 0..<(min(lines, Self.maxGapLines) - 1) { out += "          " + paint("│", "2") + "\n" }
                    out += "          " + paint((lines > Self.maxGapLines ? "┊ " : "│ ") + Formatting.duration(gap), "2") + "\n"
                }
            }
            let day = String(Formatting.time(mark.time).prefix(10))
            if day != lastDay {
                if lastDay != nil || String(Formatting.time(figures.start).prefix(10)) != String(Formatting.time(figures.end).prefix(10)) {
                    out += paint(day, "1") + "\n"
                }
                lastDay = day
            }
            out += "\(Formatting.clock(mark.time))  \(mark.line)\n"
            last = mark.time
        }
        out += "\n(\(figures.timeline.count) event\(figures.timeline.count == 1 ? "" : "s"); one │ is about \(Formatting.duration(unit)), times in UTC)\n"
        return out
    }
}
