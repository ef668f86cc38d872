import Foundation

/// The keys seen most recently, at most `capacity` of them: what is older is
/// forgotten, so that memory stays bounded however many events arrive.
/// Slack retries an event within minutes, so the last 10,000 are plenty.
public final class RecentKeys: @unchecked Sendable {
    public let capacity: Int
    private let lock = NSLock()
    private var keys: Set<String> = []
    private var order: [String] = []
    /// Where the oldest key is in `order`, a ring once it is full.
    private var oldest = 0

    public init(capacity: Int = 10_000) {
        precondition(capacity > 0)
        self.capacity = capacity
    }

    /// Remembers `key`; false when it was already remembered.
    public func insert(_ key: String) -> Bool {
        lock.withLock {
            guard !keys.contains(key) else { return false }
            if order.count < capacity {
                order.append(key)
            } else {
                keys.remove(order[oldest])
                order[oldest] = key
                oldest = (oldest + 1) % capacity
            }
            keys.insert(key)
            return true
        }
    }

    public var count: Int { lock.withLock { keys.count } }
}
