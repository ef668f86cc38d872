/// How a statement ended, and the AWS CLI v2 exit code that says so.
public enum Status: Int32, Sendable, Comparable {
    case ok = 0
    /// The command is invalid: it did not parse or check.
    case invalid = 252
    /// The configuration is invalid (a channel file, a store).
    case configuration = 253
    /// The service returned an error.
    case serviceError = 254
    /// Anything else.
    case failure = 255
    /// Ctrl-C.
    case interrupted = 130

    public var exitCode: Int32 { rawValue }

    /// The worse of two outcomes, for a runbook's final status.
    public static func < (a: Status, b: Status) -> Bool { a.severity < b.severity }

    private var severity: Int {
        switch self {
        case .ok: 0
        case .serviceError: 1
        case .invalid: 2
        case .configuration: 3
        case .failure: 4
        case .interrupted: 5
        }
    }
}
