import Catalog
import Foundation

/// Timestamps in the three wire formats, written and read without formatters
/// (they are on the hot path of every timeline event).
public enum Timestamps {
    /// `2026-11-24T10:00:00Z`, with milliseconds when the time has them.
    public static func iso8601(_ date: Date) -> String {
        let (days, millis) = split(date)
        let (y, m, d) = CivilDate.date(fromDays: days)
        let secs = millis / 1000
        var text = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secs / 3600, 2)):\(pad(secs / 60 % 60, 2)):\(pad(secs % 60, 2))"
        if millis % 1000 != 0 { text += ".\(pad(millis % 1000, 3))" }
        return text + "Z"
    }

    /// `Tue, 24 Nov 2026 10:00:00 GMT`
    public static func rfc822(_ date: Date) -> String {
        let (days, millis) = split(date)
        let (y, m, d) = CivilDate.date(fromDays: days)
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][Int(((days % 7) + 7) % 7)]
        let month = monthNames[m - 1]
        let secs = millis / 1000
        return "\(weekday), \(pad(d, 2)) \(month) \(pad(y, 4)) \(pad(secs / 3600, 2)):\(pad(secs / 60 % 60, 2)):\(pad(secs % 60, 2)) GMT"
    }

    /// Seconds since 1970 as a JSON number: whole when it is whole, else with milliseconds.
    public static func epochSeconds(_ date: Date) -> Double {
        (date.timeIntervalSince1970 * 1000).rounded() / 1000
    }

    /// Reads ISO 8601 date-times: `2026-11-24T10:00:00Z`, a fraction, an offset (`+02:00`).
    public static func parseISO8601(_ text: String) -> Date? {
        let b = Array(text.utf8)
        var i = 0
        func number(_ count: Int) -> Int? {
            guard i + count <= b.count else { return nil }
            var n = 0
            for k in 0..<count {
                let c = b[i + k]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                n = n * 10 + Int(c - 0x30)
            }
            i += count
            return n
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let y = number(4), expect(UInt8(ascii: "-")), let mo = number(2), expect(UInt8(ascii: "-")), let d = number(2),
              i < b.count, b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") else { return nil }
        i += 1
        guard let h = number(2), expect(UInt8(ascii: ":")), let mi = number(2), expect(UInt8(ascii: ":")), let s = number(2) else { return nil }
        var fraction = 0.0
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            var scale = 0.1
            let start = i
            while i < b.count, b[i] >= 0x30 && b[i] <= 0x39 {
                fraction += Double(b[i] - 0x30) * scale
                scale /= 10
                i += 1
            }
            if i == start { return nil }
        }
        var offset = 0
        guard i < b.count else { return nil }
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
            i += 1
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            guard let oh = number(2) else { return nil }
            _ = expect(UInt8(ascii: ":"))
            guard let om = number(2) else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        guard i == b.count, (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61 else { return nil }
        let days = CivilDate.days(year: y, month: mo, day: d)
        let seconds = Double(days * 86400 + h * 3600 + mi * 60 + s - offset) + fraction
        return Date(timeIntervalSince1970: seconds)
    }

    /// Reads `Tue, 24 Nov 2026 10:00:00 GMT`.
    public static func parseRFC822(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT" || parts[5] == "UTC",
              parts[1].utf8.count <= 2, parts[3].utf8.count == 4,
              let d = Int(parts[1]), let m = monthNames.firstIndex(of: String(parts[2])), let y = Int(parts[3]) else { return nil }
        let clock = parts[4].split(separator: ":")
        guard clock.count == 3, clock.allSatisfy({ $0.utf8.count == 2 }),
              let h = Int(clock[0]), let mi = Int(clock[1]), let s = Int(clock[2]) else { return nil }
        return Date(timeIntervalSince1970: Double(CivilDate.days(year: y, month: m + 1, day: d) * 86400 + h * 3600 + mi * 60 + s))
    }

    /// Any of the formats a string may carry: ISO 8601, RFC 822, or epoch seconds.
    public static func parse(_ text: String) -> Date? {
        (parseISO8601(text) ?? parseRFC822(text) ?? Double(text).flatMap { Date(checkedEpochSeconds: $0) })
            .flatMap { InstantRange.contains($0) ? $0 : nil }
    }

    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func split(_ date: Date) -> (days: Int, millis: Int) {
        let total = Int(date.millis)
        let days = total >= 0 ? total / 86_400_000 : -(-(total + 1) / 86_400_000) - 1
        return (days, total - days * 86_400_000)
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
