import Foundation

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
