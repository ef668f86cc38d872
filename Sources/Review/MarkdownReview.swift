import Foundation

/// The review in Markdown, for a wiki or a pull request: every value from the
/// store escaped, so that nothing in an event becomes a link, a heading or markup.
struct MarkdownReview {
    let review: Review

    var text: String {
        let facts = review.facts, figures = review.figures
        let e = Escaping.markdown
        var out = ""
        out.reserveCapacity(2048 + figures.timeline.count * 120)
        out += "# Review: \(e(facts.title))\n\n"
        out += "\(e(facts.status)) · Impact \(facts.impact) · started \(Formatting.time(facts.created))"
        out += facts.createdBy.map { " by \(e($0))" } ?? ""
        out += " · \(e(review.durationLine))\n\n`\(facts.arn.replacingOccurrences(of: "`", with: "'"))`\n\n"
        if let summary = facts.summary, !summary.isEmpty { out += "\(e(summary))\n\n" }

        out += "## Key moments\n\n| Moment | Time | Since start | Since the moment before | Detail |\n|---|---|---|---|---|\n"
        for row in review.momentRows {
            out += "| \(row.title) | \(row.time.map(Formatting.time) ?? "—") | \(row.sinceStart) | \(row.sincePrevious) | \(e(row.detail)) |\n"
        }
        out += "\n"
        for duration in review.durations {
            out += "- \(duration.name): \(duration.seconds.map(Formatting.duration) ?? "—")\n"
        }

        out += "\n## Status and impact\n\n| Time | Change | By |\n|---|---|---|\n"
        for row in review.changeRows {
            out += "| \(Formatting.time(row.time)) | \(e(row.what)) | \(e(row.by)) |\n"
        }
        if let reopened = review.reopenedLine { out += "\n\(reopened)\n" }
        out += "\n## Who was paged\n\n"
        if facts.engagements.isEmpty {
            out += "No contact was engaged for this incident.\n"
        } else {
            out += "| Sent | Contact | Through | Accepted |\n|---|---|---|---|\n"
            for engagement in facts.engagements {
                out += "| \(Formatting.time(engagement.start)) | \(e(engagement.contact)) engaged | \(e(engagement.sender)) | "
                out += "\(engagement.stop.map { "stopped \(Formatting.time($0))" } ?? "") |\n"
                for page in engagement.pages {
                    out += "| \(Formatting.time(page.sent)) | \(e(page.contact)) | \(e(HTMLReview.through(page))) | \(HTMLReview.acceptance(page)) |\n"
                }
            }
        }

        out += "\n## Related items and findings\n\n"
        if facts.relatedItems.isEmpty && facts.findings.isEmpty { out += "No related items or findings.\n" }
        for item in facts.relatedItems {
            out += "- \(e(item.title ?? item.type)) (\(e(item.type))): \(e(item.value))\n"
        }
        for finding in facts.findings {
            out += "- \(e(finding.kind)) \(e(finding.resource ?? finding.id))"
            if let start = finding.start { out += ", \(Formatting.time(start))" }
            if let end = finding.end { out += " to \(Formatting.time(end))" }
            out += "\n"
        }

        out += "\n## Timeline\n\n"
        if figures.timeline.isEmpty {
            out += Review.noEvents + "\n"
        } else {
            out += "| Time | Type | Author | Event |\n|---|---|---|---|\n"
            for event in figures.timeline {
                out += "| \(Formatting.time(event.time)) | \(e(event.type)) | \(e(event.author ?? Review.unknownAuthor)) | \(e(event.text)) |\n"
            }
        }

        out += "\n## Notes\n\n"
        let notes = figures.timeline.filter { $0.kind == .note }
        if notes.isEmpty { out += "No chat message was pinned to the timeline.\n" }
        for note in notes { out += "- \(Formatting.time(note.time)) \(e(note.text))\n" }

        out += "\n## Questions for the team\n"
        for question in Review.questions {
            out += "\n### \(question.title)\n\n_\(question.prompt)_\n\nAnswer:\n\n"
        }
        return out
    }
}
