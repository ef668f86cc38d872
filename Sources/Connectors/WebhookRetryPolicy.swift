import Channel
import RemoteBackend

/// When a webhook request is tried again: an answer of 429 or 5xx, or no
/// answer at all (connection failure, time limit), is retried after a
/// jittered exponential backoff (the remote backend's `RetryPolicy`), or
/// after the server's `Retry-After` when that is longer (up to the longest
/// backoff); any other 4xx is final (a revoked or mistyped webhook does not
/// improve with retries); 2xx is delivered.
public struct WebhookRetryPolicy: Sendable {
    public var backoff: RetryPolicy
    /// The time limit of one attempt.
    public var attemptTimeout: Duration

    public init(backoff: RetryPolicy, attemptTimeout: Duration) {
        self.backoff = backoff
        self.attemptTimeout = attemptTimeout
    }

    /// The channel file's `delivery:` settings.
    public init(_ settings: DeliverySettings) {
        self.init(backoff: RetryPolicy(maxAttempts: settings.attempts, baseDelay: .seconds(settings.backoff),
                                       maxDelay: .seconds(settings.maxBackoff)),
                  attemptTimeout: .seconds(settings.timeout))
    }

    public var maxAttempts: Int { backoff.maxAttempts }

    /// What to do after an attempt.
    public enum Step: Sendable, Equatable {
        case delivered
        case retry(after: Duration)
        case giveUp
    }

    /// The step after attempt `attempt` (from 1), which got `status`
    /// (nil: no answer) and possibly a `Retry-After`.
    public func step(afterAttempt attempt: Int, status: Int?, retryAfter: Duration? = nil,
                     random: Double = Double.random(in: 0..<1)) -> Step {
        if let status, (200..<300).contains(status) { return .delivered }
        let retryable = status.map { backoff.isRetryable(status: $0, code: "") } ?? true
        guard retryable, attempt < backoff.maxAttempts else { return .giveUp }
        let wait = backoff.delay(afterAttempt: attempt, random: random)
        let asked = retryAfter.map { min($0, backoff.maxDelay) } ?? .zero
        return .retry(after: max(wait, asked))
    }
}
