import Foundation

/// Dates of the proleptic Gregorian calendar as days counted from 1970-01-01,
/// and back (Howard Hinnant's algorithms): the arithmetic under every
/// timestamp format the models use, written once for the checker, the wire,
/// the renderer and the rotation schedules.
public enum CivilDate {
    /// Days from 1970-01-01 to a date; negative before it.
    public static func days(year y0: Int, month m: Int, day d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` days after 1970-01-01.
    public static func date(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// How many days a month has (28 to 31).
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `2026-11-24T10:00:00Z`: the instant in UTC to the whole second (earlier
    /// fractions dropped), as policies' `aws:CurrentTime` and notifications write it.
    public static func iso8601Seconds(_ date: Date) -> String {
        let (days, second) = split(seconds: Int(InstantRange.clampedSeconds(date).rounded(.down)))
        let (y, m, d) = self.date(fromDays: days)
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(second / 3600, 2)):\(pad(second / 60 % 60, 2)):\(pad(second % 60, 2))Z"
    }

    /// Splits seconds since 1970 into whole days and the second of that day
    /// (0..<86,400), rounding towards the past for instants before 1970.
    public static func split(seconds: Int) -> (days: Int, secondOfDay: Int) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return (days, seconds - days * 86_400)
    }
}

/// The instants a timestamp may name: from 0001-01-01T00:00:00Z up to, not
/// including, 10000-01-01, the years Python's `datetime` (and so the AWS CLI)
/// can hold. A timestamp is checked against this range where it is read (the
/// checker, the wire, a session's clock), so no later arithmetic on it
/// (milliseconds in 64 bits, calendar fields) can overflow.
public enum InstantRange {
    /// Seconds since 1970 of the first instant taken.
    public static let lowerSeconds: Double = -62_135_596_800
    /// Seconds since 1970 of the first instant no longer taken.
    public static let upperSeconds: Double = 253_402_300_800
    /// How a refusal reads: "between 0001-01-01 and 9999-12-31".
    public static let description = "between 0001-01-01 and 9999-12-31"

    public static func contains(seconds: Double) -> Bool {
        seconds >= lowerSeconds && seconds < upperSeconds
    }

    public static func contains(_ date: Date) -> Bool { contains(seconds: date.timeIntervalSince1970) }

    /// Seconds since 1970 of `date`, brought into the range (NaN becomes 0):
    /// for writers that turn an instant into calendar fields, so that an
    /// instant made by arithmetic past an end prints as that end instead of trapping.
    public static func clampedSeconds(_ date: Date) -> Double {
        let t = date.timeIntervalSince1970
        if t.isNaN { return 0 }
        return Swift.min(Swift.max(t, lowerSeconds), upperSeconds - 0.001)
    }
}

extension Date {
    /// The instant `seconds` after 1970, or nil when it is not finite or not in `InstantRange`.
    public init?(checkedEpochSeconds seconds: Double) {
        guard InstantRange.contains(seconds: seconds) else { return nil }
        self.init(timeIntervalSince1970: seconds)
    }
}
