import Foundation

/// Instants as whole milliseconds since 1970: what the stores keep, so that
/// sorting, page tokens and both backends agree exactly.
public typealias Millis = Int64

extension Date {
    /// This instant, rounded to the millisecond. Timestamps are range-checked
    /// where they are read (`InstantRange`); an instant beyond 64 bits of
    /// milliseconds is clamped to the nearest end, never trapped on.
    public var millis: Millis {
        let ms = (timeIntervalSince1970 * 1000).rounded()
        guard ms.isFinite else { return ms.isNaN ? 0 : (ms < 0 ? .min : .max) }
        return Millis(exactly: ms) ?? (ms < 0 ? .min : .max)
    }
    public init(millis: Millis) { self.init(timeIntervalSince1970: Double(millis) / 1000) }
}
