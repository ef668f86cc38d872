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
///
/// ``following()`` makes one that reads the system's clock until it is first
/// moved; from then on it is simulated: it starts at that instant and moves
/// only when told (what `.advance` does to a session on the wall clock).
public final class FixedWallClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    /// nil while the clock follows the system's.
    private var current: Date?

    public init(_ date: Date) { current = date }

    private init() { current = nil }

    /// A clock on the system's time until it is first moved.
    public static func following() -> FixedWallClock { FixedWallClock() }

    /// Whether the clock still reads the system's time (it has not been moved).
    public var followsSystem: Bool { lock.withLock { current == nil } }

    public func now() -> Date { lock.withLock { current ?? Date() } }
    public func advance(by seconds: TimeInterval) { lock.withLock { current = (current ?? Date()) + seconds } }
    public func set(_ date: Date) { lock.withLock { current = date } }
}
