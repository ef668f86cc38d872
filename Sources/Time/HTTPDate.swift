import Foundation

/// The HTTP date of RFC 7231 (the models' `rfc822`): `Tue, 24 Nov 2026 10:00:00 GMT`.
public enum HTTPDate {
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdayNames = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]

    /// `Tue, 24 Nov 2026 10:00:00 GMT`, to the second of the instant rounded
    /// to the millisecond (as the wire keeps instants).
    public static func string(_ date: Date) -> String {
        let f = UTCFields(date, rounding: .toMillisecond)
        var out = DigitWriter(capacity: 29)
        out.bytes.append(contentsOf: weekdayNames[((f.days % 7) + 7) % 7].utf8)
        out.text(", ")
        out.digits(f.day, width: 2)
        out.byte(UInt8(ascii: " "))
        out.bytes.append(contentsOf: monthNames[f.month - 1].utf8)
        out.byte(UInt8(ascii: " "))
        out.digits(f.year, width: 4)
        out.byte(UInt8(ascii: " "))
        out.clock(f.secondOfDay, separator: UInt8(ascii: ":"))
        out.text(" GMT")
        return out.string
    }

    /// Reads `Tue, 24 Nov 2026 10:00:00 GMT` (the weekday is not checked).
    /// Strictly (the wire): the zone `GMT` or `UTC`, a day of one or two
    /// digits, a year of four and two digits for each clock field. Leniently
    /// (a request's `Date` header under SigV4): any zone word and any number
    /// up to a million in each field; a wrong date then only fails to match the signature.
    public static func parse(_ text: String, strict: Bool = true) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, let d = Int(parts[1]), let m = monthNames.firstIndex(of: String(parts[2])), let y = Int(parts[3]) else {
            return nil
        }
        if strict {
            guard parts[5] == "GMT" || parts[5] == "UTC", parts[1].utf8.count <= 2, parts[3].utf8.count == 4 else { return nil }
        }
        let clock: [Int]
        if strict {
            let fields = parts[4].split(separator: ":")
            guard fields.count == 3, fields.allSatisfy({ $0.utf8.count == 2 }) else { return nil }
            clock = fields.compactMap { Int($0) }
        } else {
            clock = parts[4].split(separator: ":").compactMap { Int($0) }
        }
        // Lenient fields are bounded so that the arithmetic below cannot overflow.
        guard clock.count == 3, ([d, y] + clock).allSatisfy({ $0.magnitude <= 1_000_000 }) else { return nil }
        return Date(timeIntervalSince1970: Double(CivilDate.days(year: y, month: m + 1, day: d) * 86400 + clock[0] * 3600 + clock[1] * 60 + clock[2]))
    }
}
