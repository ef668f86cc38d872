import Foundation

/// Seconds since 1970 as the services' JSON writes and reads them (`unixTimestamp`).
public enum EpochSeconds {
    /// Whole when the instant is whole, else with milliseconds: `1795514400`, `1795514400.25`.
    public static func value(_ date: Date) -> Double {
        (date.timeIntervalSince1970 * 1000).rounded() / 1000
    }

    /// The instant `seconds` after 1970 kept to the microsecond (as Python's
    /// `datetime.fromtimestamp` keeps it); nil when it is not in `InstantRange`.
    public static func microsecondDate(_ seconds: Double) -> Date? {
        guard InstantRange.contains(seconds: seconds) else { return nil }
        return Date(timeIntervalSince1970: (seconds * 1_000_000).rounded(.toNearestOrEven) / 1_000_000)
    }
}
