import Foundation

/// The review as one HTML file: its style inside, the picture as inline SVG,
/// nothing fetched from anywhere, readable offline and printable. Every value
/// from the store is escaped.
struct HTMLReview {
    let review: Review

    static let style = """
    body { font: 15px/1.45 system-ui, sans-serif; color: #1d1d1f; max-width: 1040px; margin: 24px auto; padding: 0 16px; }
    h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #dde1e6; padding-bottom: 4px; }
    .facts { color: #495057; margin: 0 0 8px; } .arn { font: 12px ui-monospace, monospace; color: #5f6b7a; overflow-wrap: anywhere; }
    table { border-collapse: collapse; width: 100%; font-size: 14px; } th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid #e9ecef; }
    th { background: #f4f5f7; } td.time { white-space: nowrap; font-family: ui-monospace, monospace; font-size: 13px; }
    td.text { white-space: pre-wrap; overflow-wrap: anywhere; } .none { color: #868e96; font-style: italic; }
    .picture { border: 1px solid #dde1e6; border-radius: 6px; padding: 6px; }
    .answer { border: 1px solid #ced4da; border-radius: 4px; min-height: 5em; margin: 4px 0 16px; }
    .prompt { color: #5f6b7a; margin: 0; }
    @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr, .picture, .answer { break-inside: avoid; } }
    """

    var text: String {
        let facts = review.facts, figures = review.figures
        let e = Escaping.markup
        var out = ""
        out.reserveCapacity(4096 + figures.timeline.count * 220)
        out += "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>Review: \(e(facts.title))</title>\n<style>\n\(Self.style)\n</style>\n</head>\n<body>\n"
        out += "<header>\n<h1>\(e(facts.title))</h1>\n"
        out += "<p class=\"facts\">\(e(facts.status)) · Impact \(facts.impact) · started \(Formatting.time(facts.created))"
        out += facts.createdBy.map { " by \(e($0))" } ?? ""
        out += " · \(e(review.durationLine))</p>\n<p class=\"arn\">\(e(facts.arn))</p>\n"
        if let summary = facts.summary, !summary.isEmpty { out += "<p>\(e(summary))</p>\n" }
        out += "</header>\n"

        out += "<h2>Key moments</h2>\n<table>\n<tr><th>Moment</th><th>Time</th><th>Since start</th><th>Since the moment before</th><th>Detail</th></tr>\n"
        for row in review.momentRows {
            if let time = row.time {
                out += "<tr><td>\(row.title)</td><td class=\"time\">\(Formatting.time(time))</td><td>\(row.sinceStart)</td>"
                out += "<td>\(row.sincePrevious)</td><td class=\"text\">\(e(row.detail))</td></tr>\n"
            } else {
                out += "<tr><td>\(row.title)</td><td class=\"none\" colspan=\"4\">\(row.detail)</td></tr>\n"
            }
        }
        out += "</table>\n<table>\n<tr>"
        for duration in review.durations { out += "<th>\(duration.name)</th>" }
        out += "</tr>\n<tr>"
        for duration in review.durations { out += "<td>\(duration.seconds.map(Formatting.duration) ?? "—")</td>" }
        out += "</tr>\n</table>\n"

        out += "<h2>Status and impact</h2>\n<table>\n<tr><th>Time</th><th>Change</th><th>By</th></tr>\n"
        for row in review.changeRows {
            out += "<tr><td class=\"time\">\(Formatting.time(row.time))</td><td>\(e(row.what))</td><td>\(e(row.by))</td></tr>\n"
        }
        out += "</table>\n"
        if let reopened = review.reopenedLine { out += "<p>\(reopened)</p>\n" }

        out += "<h2>Who was paged</h2>\n"
        if facts.engagements.isEmpty {
            out += "<p class=\"none\">No contact was engaged for this incident.</p>\n"
        } else {
            out += "<table>\n<tr><th>Sent</th><th>Contact</th><th>Through</th><th>Accepted</th></tr>\n"
            for engagement in facts.engagements {
                out += "<tr><td class=\"time\">\(Formatting.time(engagement.start))</td><td>\(e(engagement.contact)) engaged</td>"
                out += "<td>\(e(engagement.sender))</td><td>\(engagement.stop.map { "stopped \(Formatting.time($0))" } ?? "")</td></tr>\n"
                for page in engagement.pages {
                    out += "<tr><td class=\"time\">\(Formatting.time(page.sent))</td><td>\(e(page.contact))</td>"
                    out += "<td>\(e(Self.through(page)))</td><td>\(Self.acceptance(page))</td></tr>\n"
                }
            }
            out += "</table>\n"
        }

        out += "<h2>Related items and findings</h2>\n"
        if facts.relatedItems.isEmpty && facts.findings.isEmpty {
            out += "<p class=\"none\">No related items or findings.</p>\n"
        } else {
            out += "<ul>\n"
            for item in facts.relatedItems {
                out += "<li>\(e(item.title ?? item.type)) (\(e(item.type))): <span class=\"arn\">\(e(item.value))</span></li>\n"
            }
            for finding in facts.findings {
                out += "<li>\(e(finding.kind)) \(e(finding.resource ?? finding.id))"
                if let start = finding.start { out += ", \(Formatting.time(start))" }
                if let end = finding.end { out += " to \(Formatting.time(end))" }
                out += "</li>\n"
            }
            out += "</ul>\n"
        }

        out += "<h2>Timeline</h2>\n<div class=\"picture\">\n\(review.picture(id: "timeline-picture"))</div>\n"
        if figures.timeline.isEmpty {
            out += "<p class=\"none\">\(Review.noEvents)</p>\n"
        } else {
            out += "<table>\n<tr><th>Time</th><th>Type</th><th>Author</th><th>Event</th></tr>\n"
            // Appended piece by piece, the events read in place (a for-in loop
            // would copy each): this loop is most of a long incident's review.
            let timeline = figures.timeline
            for index in timeline.indices {
                out += "<tr><td class=\"time\">"
                out += Formatting.time(timeline[index].time)
                out += "</td><td>"
                out += e(timeline[index].type)
                out += "</td><td>"
                out += e(timeline[index].author ?? Review.unknownAuthor)
                out += "</td><td class=\"text\">"
                out += e(timeline[index].text)
                out += "</td></tr>\n"
            }
            out += "</table>\n"
        }

        out += "<h2>Notes</h2>\n"
        if !figures.timeline.contains(where: { $0.kind == .note }) {
            out += "<p class=\"none\">No chat message was pinned to the timeline.</p>\n"
        } else {
            out += "<ul>\n"
            let timeline = figures.timeline
            for index in timeline.indices where timeline[index].kind == .note {
                out += "<li><span class=\"arn\">\(Formatting.time(timeline[index].time))</span> \(e(timeline[index].text))</li>\n"
            }
            out += "</ul>\n"
        }

        out += "<h2>Questions for the team</h2>\n"
        for question in Review.questions {
            out += "<h3>\(e(question.title))</h3>\n<p class=\"prompt\">\(e(question.prompt))</p>\n<div class=\"answer\"></div>\n"
        }
        out += "</body>\n</html>\n"
        return out
    }

    /// `Orders escalation, stage 2`, or `directly`.
    static func through(_ page: Page) -> String {
        page.route ?? "directly"
    }

    static func acceptance(_ page: Page) -> String {
        guard let accepted = page.accepted else { return "not accepted" }
        return "\(Formatting.time(accepted)) (after \(Formatting.duration(accepted.timeIntervalSince(page.sent))))"
    }
}
