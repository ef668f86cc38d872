import Logging

/// One structured log line per request: id, method, path, operation, caller,
/// status, error name and duration, as swift-log metadata.
struct RequestLog {
    var requestID: String
    var method: String
    var path: String
    var operation: String?
    var user: String?
    var status = 0
    var error: String?
    var duration: Duration = .zero

    func emit(to logger: Logger) {
        let level: Logger.Level = status >= 500 ? .error : .info
        guard logger.logLevel <= level else { return }
        var metadata: Logger.Metadata = [
            "request_id": .string(requestID),
            "method": .string(method),
            "path": .string(String(path.prefix(200))),
            "status": .stringConvertible(status),
            "duration_ms": .string(String(format: duration)),
        ]
        if let operation { metadata["operation"] = .string(operation) }
        if let user { metadata["user"] = .string(user) }
        if let error { metadata["error"] = .string(error) }
        logger.log(level: level, "request", metadata: metadata)
    }
}

private extension String {
    /// Milliseconds with three decimals.
    init(format duration: Duration) {
        let (seconds, attoseconds) = duration.components
        let micros = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
        let millis = micros / 1000, fraction = micros % 1000
        let padded = String(fraction)
        self = "\(millis)." + String(repeating: "0", count: 3 - padded.count) + padded
    }
}
