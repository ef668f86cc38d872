/// How a timestamp is written on the wire.
public enum TimestampFormat: String, Sendable {
    /// `2026-11-24T10:00:00Z`
    case iso8601
    /// Seconds since 1970, possibly with a fraction.
    case unixTimestamp
    /// `Tue, 24 Nov 2026 10:00:00 GMT`
    case rfc822
}
