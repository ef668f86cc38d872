import Foundation

/// The incident's timeline as an SVG picture: a time axis, the impact and the
/// status as bands, the events as marks in lanes by kind (the service's own,
/// custom events, notes), pages and acceptances as their own marks, and the
/// key moments as annotated lines. Every mark has its label on hover (an SVG
/// `<title>`) and the legend names each kind. Marks closer than a few pixels
/// are drawn as one group, with their count, so that a 3-day incident with
/// thousands of events stays readable and small.
///
/// Presentation attributes only (no `<style>`, no script): the picture can go
/// inside the review's HTML and into the browser channel's page under its
/// Content-Security-Policy alike.
public struct TimelinePicture {
    public var facts: ReviewFacts
    public var figures: ReviewFigures
    /// The width of the drawing, in SVG units (it scales to its box).
    public var width: Double = 960
    /// The `id` of the `<svg>` element.
    public var id: String?

    public init(facts: ReviewFacts, figures: ReviewFigures, width: Double = 960, id: String? = nil) {
        self.facts = facts
        self.figures = figures
        self.width = width
        self.id = id
    }

    /// Marks nearer than this (in SVG units) are one group.
    static let groupDistance = 7.0
    /// How many events a group's label lists by name.
    static let groupLabelLimit = 6

    static let left = 118.0
    static let right = 16.0

    enum Colors {
        static func impact(_ value: String) -> String {
            switch value {
            case "1": "#c92a2a"
            case "2": "#e8590c"
            case "3": "#f59f00"
            case "4": "#74b816"
            default: "#adb5bd"
            }
        }
        static func status(_ value: String) -> String { value == "RESOLVED" ? "#2b8a3e" : "#d9480f" }
        static func kind(_ kind: TimelineEntry.Kind) -> String {
            switch kind {
            case .trigger: "#232f3e"
            case .update: "#868e96"
            case .custom: "#ff9900"
            case .note: "#2e73b8"
            }
        }
        static let page = "#7048e8"
        static let accepted = "#2b8a3e"
        static let moment = "#495057"
        static let axis = "#8a96a3"
        static let text = "#343a40"
    }

    struct Lane {
        var title: String
        var y: Double
    }

    static let momentsY = 14.0
    static let impactY = 40.0
    static let statusY = 60.0
    static let lanes: [(TimelineEntry.Kind, String, Double)] = [
        (.trigger, "Incident Manager", 96), (.custom, "Custom events", 120), (.note, "Notes", 144),
    ]
    static let pagesY = 168.0
    static let axisY = 188.0
    static let legendY = 226.0
    static let height = 262.0

    /// The picture.
    public var svg: String {
        let span = max(figures.end.timeIntervalSince(figures.start), 1)
        let plot = width - Self.left - Self.right
        let start = figures.start
        func x(_ date: Date) -> Double { Self.left + date.timeIntervalSince(start) / span * plot }
        func n(_ value: Double) -> String {
            let rounded = (value * 10).rounded() / 10
            return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        }
        let total = facts.totalEvents ?? figures.timeline.count
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\""
        if let id { out += " id=\"\(Escaping.markup(id))\"" }
        out += " class=\"timeline-picture\" viewBox=\"0 0 \(n(width)) \(n(Self.height))\" width=\"100%\" role=\"img\""
        out += " aria-label=\"Timeline: \(total) event\(total == 1 ? "" : "s")\""
        out += " font-family=\"system-ui, sans-serif\" font-size=\"11\">\n"
        out += "<title>\(Escaping.markup("Timeline of \(facts.title): \(total) event\(total == 1 ? "" : "s"), \(Formatting.time(figures.start)) to \(Formatting.time(figures.end))"))</title>\n"

        // Row titles.
        let rows: [(String, Double)] = [("Impact", Self.impactY + 10), ("Status", Self.statusY + 10)]
            + Self.lanes.map { ($0.1, $0.2 + 4) } + [("Pages", Self.pagesY + 4)]
        for (title, y) in rows {
            out += "<text x=\"8\" y=\"\(n(y))\" fill=\"\(Colors.text)\">\(title)</text>\n"
        }

        // Impact and status bands.
        func band(_ bands: [ReviewFigures.Band], y: Double, color: (String) -> String, label: (String) -> String) {
            for b in bands {
                let x0 = x(b.from), x1 = max(x(b.to), x0 + 1)
                out += "<rect class=\"band\" x=\"\(n(x0))\" y=\"\(n(y))\" width=\"\(n(x1 - x0))\" height=\"14\" fill=\"\(color(b.value))\">"
                out += "<title>\(Escaping.markup("\(label(b.value)), \(Formatting.time(b.from)) to \(Formatting.time(b.to)) (\(Formatting.duration(b.to.timeIntervalSince(b.from))))"))</title></rect>\n"
                if x1 - x0 > 60 {
                    out += "<text x=\"\(n(x0 + 4))\" y=\"\(n(y + 11))\" fill=\"#fff\" font-size=\"10\">\(Escaping.markup(label(b.value)))</text>\n"
                }
            }
        }
        band(figures.impactBands, y: Self.impactY, color: Colors.impact, label: { "Impact \($0)" })
        band(figures.statusBands, y: Self.statusY, color: Colors.status, label: { $0 })

        // Lane guides and the axis with its ticks.
        for y in Self.lanes.map(\.2) + [Self.pagesY] {
            out += "<line x1=\"\(n(Self.left))\" y1=\"\(n(y))\" x2=\"\(n(width - Self.right))\" y2=\"\(n(y))\" stroke=\"#e9ecef\"/>\n"
        }
        out += "<line class=\"axis\" x1=\"\(n(Self.left))\" y1=\"\(n(Self.axisY))\" x2=\"\(n(width - Self.right))\" y2=\"\(n(Self.axisY))\" stroke=\"\(Colors.axis)\"/>\n"
        let step = Self.tickStep(span: span)
        var tick = (start.timeIntervalSince1970 / step).rounded(.up) * step
        let long = span > 20 * 3600
        while tick <= figures.end.timeIntervalSince1970 {
            let date = Date(timeIntervalSince1970: tick)
            let tx = x(date)
            out += "<line x1=\"\(n(tx))\" y1=\"\(n(Self.axisY))\" x2=\"\(n(tx))\" y2=\"\(n(Self.axisY + 4))\" stroke=\"\(Colors.axis)\"/>"
            let label = long ? String(Formatting.day(date).dropFirst(5)) : String(Formatting.clock(date).prefix(step < 60 ? 8 : 5))
            let tickAnchor = tx > width - Self.right - 28 ? "end" : "middle"
            out += "<text x=\"\(n(tx))\" y=\"\(n(Self.axisY + 16))\" text-anchor=\"\(tickAnchor)\" fill=\"\(Colors.text)\" font-size=\"10\">\(label)</text>\n"
            tick += step
        }
        out += "<text x=\"8\" y=\"\(n(Self.axisY + 16))\" fill=\"\(Colors.text)\" font-size=\"10\">UTC</text>\n"

        // Key moments: a line across the rows, the name above.
        var labelEnds: [Double] = [-1000, -1000]
        for moment in figures.moments {
            guard let time = moment.time else { continue }
            let mx = x(time)
            let title = moment.name.title
            let row = labelEnds[0] < mx ? 0 : (labelEnds[1] < mx ? 1 : 0)
            let ly = Self.momentsY + Double(row) * 12
            let textWidth = Double(title.count) * 6
            labelEnds[row] = mx + textWidth + 4
            var label = "\(title): \(Formatting.time(time))"
            if moment.name != .started { label += " (+\(Formatting.duration(time.timeIntervalSince(facts.created))))" }
            if let detail = moment.detail { label += " · " + Formatting.shortened(detail, to: 120) }
            out += "<g class=\"moment\"><title>\(Escaping.markup(label))</title>"
            out += "<line x1=\"\(n(mx))\" y1=\"\(n(ly + 3))\" x2=\"\(n(mx))\" y2=\"\(n(Self.axisY))\" stroke=\"\(Colors.moment)\" stroke-dasharray=\"3 3\"/>"
            let anchor = mx + textWidth > width ? "end" : "start"
            out += "<text x=\"\(n(anchor == "end" ? mx - 2 : mx + 2))\" y=\"\(n(ly))\" text-anchor=\"\(anchor)\" fill=\"\(Colors.moment)\" font-size=\"10\">\(title)</text></g>\n"
        }

        // Events, a lane for each kind, grouped where they would overlap.
        for (kind, _, y) in Self.lanes {
            let timeline = figures.timeline
            // Marks point into the timeline (by index) rather than copying its events.
            var marks: [(x: Double, event: Int)] = []
            for index in timeline.indices {
                let eventKind = timeline[index].kind
                if eventKind == kind || (kind == .trigger && eventKind == .update) { marks.append((x(timeline[index].time), index)) }
            }
            let groups = Self.groups(marks.map { $0.x })
            for (index, group) in groups.enumerated() {
                let members = marks[group]
                let first = members.first!, lastMark = members.last!
                if members.count == 1 {
                    let event = timeline[first.event]
                    out += "<circle class=\"event \(event.kind.rawValue)\" cx=\"\(n(first.x))\" cy=\"\(n(y))\" r=\"5\" fill=\"\(Colors.kind(event.kind))\" stroke=\"#fff\">"
                    out += "<title>\(Escaping.markup(Self.label(event)))</title></circle>\n"
                    continue
                }
                // A group: a bar from its first mark to its last, darker the more it holds.
                var label = "\(members.count) events, \(Formatting.time(timeline[first.event].time)) to \(Formatting.time(timeline[lastMark.event].time))"
                for mark in members.prefix(Self.groupLabelLimit) { label += "\n" + Self.label(timeline[mark.event]) }
                if members.count > Self.groupLabelLimit { label += "\n… and \(members.count - Self.groupLabelLimit) more" }
                let color = Colors.kind(members.contains { timeline[$0.event].kind == .trigger } ? .trigger : timeline[first.event].kind)
                let opacity = min(0.45 + log2(Double(members.count)) * 0.1, 1)
                let x0 = first.x - 5, barWidth = max(lastMark.x - first.x + 10, 10)
                out += "<rect class=\"event \(kind.rawValue) group\" x=\"\(n(x0))\" y=\"\(n(y - 5))\" width=\"\(n(barWidth))\" height=\"10\" rx=\"5\" fill=\"\(color)\" fill-opacity=\"\(n(opacity))\">"
                out += "<title>\(Escaping.markup(label))</title></rect>"
                // The count, where it has room.
                let before = index > 0 ? marks[groups[index - 1].upperBound - 1].x : -1000
                let after = index + 1 < groups.count ? marks[groups[index + 1].lowerBound].x : 10_000
                if first.x - before >= 24 && after - lastMark.x >= 24 {
                    out += "<text x=\"\((n((first.x + lastMark.x) / 2)))\" y=\"\(n(y - 7))\" text-anchor=\"middle\" fill=\"\(Colors.text)\" font-size=\"9\">\(members.count)</text>"
                }
                out += "\n"
            }
        }

        // Pages (triangles) and acceptances (diamonds).
        var pageMarks: [(x: Double, label: String, accepted: Bool)] = []
        for page in facts.pages {
            var label = "Paged \(page.contact) at \(Formatting.time(page.sent))"
            if let route = page.route { label += " through \(route)" }
            pageMarks.append((x(page.sent), label, false))
            if let accepted = page.accepted {
                pageMarks.append((x(accepted), "\(page.contact) accepted at \(Formatting.time(accepted)) (+\(Formatting.duration(accepted.timeIntervalSince(page.sent))) after the page)", true))
            }
        }
        for accepted in [false, true] {
            let marks = pageMarks.filter { $0.accepted == accepted }.sorted { $0.x < $1.x }
            for group in Self.groups(marks.map(\.x)) {
                let members = marks[group]
                let cx = (members.first!.x + members.last!.x) / 2, y = Self.pagesY
                var label = members.prefix(Self.groupLabelLimit).map(\.label).joined(separator: "\n")
                if members.count > Self.groupLabelLimit { label += "\n… and \(members.count - Self.groupLabelLimit) more" }
                let shape = accepted
                    ? "M\(n(cx)) \(n(y - 6))L\(n(cx + 6)) \(n(y))L\(n(cx)) \(n(y + 6))L\(n(cx - 6)) \(n(y))Z"
                    : "M\(n(cx)) \(n(y - 6))L\(n(cx + 6)) \(n(y + 5))L\(n(cx - 6)) \(n(y + 5))Z"
                out += "<path class=\"\(accepted ? "accepted" : "page")\" d=\"\(shape)\" fill=\"\(accepted ? Colors.accepted : Colors.page)\" stroke=\"#fff\">"
                out += "<title>\(Escaping.markup(label))</title></path>"
                if members.count > 1 {
                    out += "<text x=\"\(n(cx))\" y=\"\(n(y - 8))\" text-anchor=\"middle\" fill=\"\(Colors.text)\" font-size=\"9\">\(members.count)</text>"
                }
                out += "\n"
            }
        }
        if figures.timeline.isEmpty && facts.pages.isEmpty {
            out += "<text x=\"\(n(Self.left + plot / 2))\" y=\"\(n(Self.lanes[1].2 + 4))\" text-anchor=\"middle\" fill=\"\(Colors.text)\">No timeline events</text>\n"
        }

        // The legend.
        let marksRow: [(String, String, String)] = [
            ("circle", Colors.kind(.trigger), "Started"), ("circle", Colors.kind(.update), "Record update"),
            ("circle", Colors.kind(.custom), "Custom event"), ("circle", Colors.kind(.note), "Note"),
            ("page", Colors.page, "Page sent"), ("accepted", Colors.accepted, "Page accepted"),
            ("line", Colors.moment, "Key moment"),
        ]
        let bandsRow: [(String, String, String)] = [("rect", Colors.status("OPEN"), "Open"), ("rect", Colors.status("RESOLVED"), "Resolved")]
            + ["1", "2", "3", "4", "5"].map { ("rect", Colors.impact($0), "Impact \($0)") }
        out += "<g class=\"legend\">"
        var lx = 8.0
        var y = Self.legendY
        for (index, (shape, color, label)) in (marksRow + bandsRow).enumerated() {
            if index == marksRow.count {
                lx = 8
                y += 18
            }
            switch shape {
            case "circle": out += "<circle cx=\"\(n(lx + 5))\" cy=\"\(n(y))\" r=\"5\" fill=\"\(color)\"/>"
            case "page": out += "<path d=\"M\(n(lx + 5)) \(n(y - 5))L\(n(lx + 10)) \(n(y + 4))L\(n(lx)) \(n(y + 4))Z\" fill=\"\(color)\"/>"
            case "accepted": out += "<path d=\"M\(n(lx + 5)) \(n(y - 5))L\(n(lx + 10)) \(n(y))L\(n(lx + 5)) \(n(y + 5))L\(n(lx)) \(n(y))Z\" fill=\"\(color)\"/>"
            case "line": out += "<line x1=\"\(n(lx + 5))\" y1=\"\(n(y - 6))\" x2=\"\(n(lx + 5))\" y2=\"\(n(y + 6))\" stroke=\"\(color)\" stroke-dasharray=\"3 3\"/>"
            default: out += "<rect x=\"\(n(lx))\" y=\"\(n(y - 5))\" width=\"10\" height=\"10\" fill=\"\(color)\"/>"
            }
            out += "<text x=\"\(n(lx + 14))\" y=\"\(n(y + 4))\" fill=\"\(Colors.text)\" font-size=\"10\">\(label)</text>"
            lx += 14 + Double(label.count) * 6 + 14
        }
        out += "</g>\n</svg>\n"
        return out
    }

    /// An event's hover label.
    static func label(_ event: TimelineEntry) -> String {
        var label = "\(Formatting.time(event.time)) · \(event.type)"
        if let author = event.author { label += " · \(author)" }
        return label + "\n" + Formatting.shortened(event.text, to: 300)
    }

    /// Runs of marks (sorted by position) that lie within `groupDistance` of the run's first.
    static func groups(_ positions: [Double]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var begin = 0
        for index in positions.indices.dropFirst() where positions[index] - positions[begin] >= groupDistance {
            result.append(begin..<index)
            begin = index
        }
        if !positions.isEmpty { result.append(begin..<positions.count) }
        return result
    }

    /// A tick interval that puts at most about eight ticks on the axis.
    static func tickStep(span: TimeInterval) -> TimeInterval {
        let steps: [TimeInterval] = [10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172_800, 604_800]
        return steps.first { span / $0 <= 8 } ?? 604_800
    }
}
