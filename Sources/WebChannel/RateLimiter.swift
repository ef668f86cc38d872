import Foundation

/// A token bucket per key (a user, a name signing in): `burst` at once, then
/// `perSecond`. Keys whose bucket is full again are forgotten, so the table
/// stays as small as the set of keys that were busy lately.
public struct RateLimiter: Sendable {
    public let burst: Double
    public let perSecond: Double
    private var buckets: [String: (tokens: Double, at: Double)] = [:]
    /// At most this many keys are tracked; beyond it, full buckets are dropped first, then every bucket.
    public let maxKeys: Int

    public init(burst: Int, perSecond: Double, maxKeys: Int = 10_000) {
        self.burst = Double(burst)
        self.perSecond = perSecond
        self.maxKeys = maxKeys
    }

    /// Takes a token for `key` at `now` (seconds); false when none is left.
    public mutating func allow(_ key: String, now: Double) -> Bool {
        var (tokens, at) = buckets[key] ?? (burst, now)
        tokens = min(burst, tokens + max(0, now - at) * perSecond)
        guard tokens >= 1 else {
            buckets[key] = (tokens, now)
            return false
        }
        if buckets.count >= maxKeys, buckets[key] == nil { prune(now: now) }
        buckets[key] = (tokens - 1, now)
        return true
    }

    /// Seconds until `key` has a token again.
    public func retryAfter(_ key: String, now: Double) -> Double {
        guard let (tokens, at) = buckets[key] else { return 0 }
        let current = min(burst, tokens + max(0, now - at) * perSecond)
        return current >= 1 ? 0 : (1 - current) / perSecond
    }

    private mutating func prune(now: Double) {
        buckets = buckets.filter { min(burst, $0.value.tokens + (now - $0.value.at) * perSecond) < burst }
        if buckets.count >= maxKeys { buckets.removeAll() }
    }
}
