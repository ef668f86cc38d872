import Foundation

/// Tells the time that the service stamps on what it records. Injected so that
/// a fixed clock makes every output reproducible.
///
/// (Named `WallClock` so as not to shadow the standard library's `Clock`.)
public protocol WallClock: Sendable {
    func now() -> Date
}

/// The system's clock.
public struct SystemWallClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that stands still until it is moved: every reading is the same
/// until `advance(by:)` or `set(_:)`.
public final class FixedWallClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ date: Date) { current = date }

    public func now() -> Date { lock.withLock { current } }
    public func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
    public func set(_ date: Date) { lock.withLock { current = date } }
}
