import Foundation
import Time
import Wire

/// Times and durations as every format of the review writes them.
public enum Formatting {
    /// `2026-11-24T10:00:00Z`.
    public static func time(_ date: Date) -> String {
        ISO8601.string(date, fraction: .millisecondsWhenNotZero, rounding: .toMillisecond)
    }

    /// `10:04:00`, UTC.
    public static func clock(_ date: Date) -> String {
        let text = time(date)
        guard let t = text.firstIndex(of: "T") else { return text }
        return String(text[text.index(after: t)...].prefix(8))
    }

    /// `2026-11-24 10:04`, UTC.
    public static func day(_ date: Date) -> String {
        let text = time(date)
        return String(text.prefix(10)) + " " + String(clock(date).prefix(5))
    }

    /// `45s`, `4m`, `1h 05m`, `2d 3h`: a duration as a responder says it.
    public static func duration(_ seconds: TimeInterval) -> String {
        let negative = seconds < 0
        let total = Int(abs(seconds).rounded())
        let d = total / 86400, h = total / 3600 % 24, m = total / 60 % 60, s = total % 60
        let text: String
        if d > 0 {
            text = h > 0 ? "\(d)d \(h)h" : "\(d)d"
        } else if h > 0 {
            text = "\(h)h \(m < 10 ? "0" : "")\(m)m"
        } else if m > 0 {
            text = s > 0 ? "\(m)m \(s < 10 ? "0" : "")\(s)s" : "\(m)m"
        } else {
            text = "\(s)s"
        }
        return negative ? "−" + text : text
    }

    /// At most `limit` characters, with `…` when cut.
    public static func shortened(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
