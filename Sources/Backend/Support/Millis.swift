import Foundation

/// Instants as whole milliseconds since 1970: what the stores keep, so that
/// sorting, page tokens and both backends agree exactly.
public typealias Millis = Int64

extension Date {
    /// This instant, rounded to the millisecond.
    public var millis: Millis { Millis((timeIntervalSince1970 * 1000).rounded()) }
    public init(millis: Millis) { self.init(timeIntervalSince1970: Double(millis) / 1000) }
}
