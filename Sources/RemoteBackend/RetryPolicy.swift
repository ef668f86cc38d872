/// When and how long to wait before trying a call again: throttling errors,
/// 5xx answers and failed connections are retried with exponential backoff
/// and full jitter (a random wait between zero and the capped backoff), as
/// the AWS SDKs' standard mode does.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration

    public init(maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(100), maxDelay: Duration = .seconds(20)) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// The AWS SDKs' standard mode: three attempts.
    public static let standard = RetryPolicy()
    /// One attempt, no retries.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// Error names the services use for throttling.
    static let throttlingCodes: Set<String> = [
        "ThrottlingException", "Throttling", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    ]

    /// Whether an answer with this status and error name is worth another try.
    public func isRetryable(status: Int, code: String) -> Bool {
        status >= 500 || status == 429 || Self.throttlingCodes.contains(code)
    }

    /// The wait before attempt `attempt + 1` (attempt counts from 1).
    public func delay(afterAttempt attempt: Int, random: Double = Double.random(in: 0..<1)) -> Duration {
        let exponent = min(attempt - 1, 30)
        let backoff = min(baseDelay * (1 << exponent), maxDelay)
        return backoff * random
    }
}
