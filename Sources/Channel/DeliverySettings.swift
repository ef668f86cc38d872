/// How notifications are sent to the channel's webhooks: attempts in all,
/// the wait before the first retry (doubled each time, with jitter, up to
/// `maxBackoff`), a time limit for each attempt, and where failed deliveries
/// are recorded. The channel file's `delivery:` section sets them.
public struct DeliverySettings: Sendable, Hashable {
    /// Attempts in all, the first included.
    public var attempts: Int
    /// Seconds before the first retry.
    public var backoff: Double
    /// The longest wait between two attempts, in seconds (a `Retry-After` longer than this is cut to it).
    public var maxBackoff: Double
    /// Seconds one attempt may take, connecting included.
    public var timeout: Double
    /// The JSON-lines file of failed deliveries, as written in the channel
    /// file; see `ChannelConfiguration.failedDeliveriesPath`.
    public var failures: String?

    public init(attempts: Int = 4, backoff: Double = 0.5, maxBackoff: Double = 8, timeout: Double = 10, failures: String? = nil) {
        self.attempts = attempts
        self.backoff = backoff
        self.maxBackoff = maxBackoff
        self.timeout = timeout
        self.failures = failures
    }

    /// The section's field names.
    public static let fields = ["attempts", "backoff", "max-backoff", "timeout", "failures"]
}

extension ChannelConfiguration {
    /// Where failed webhook deliveries are recorded: `delivery.failures`,
    /// resolved like the log, or `CHANNEL.webhook-failures.jsonl` in the
    /// command log's folder.
    public var failedDeliveriesPath: String {
        if let name = delivery.failures {
            var copy = self
            copy.log = name
            return copy.logPath
        }
        let log = logPath
        let folder = log.contains("/") ? String(log[...log.lastIndex(of: "/")!]) : ""
        return folder + "\(channel).webhook-failures.jsonl"
    }
}
