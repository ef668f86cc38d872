/// An error or warning about some input, with the range it points at.
///
/// Every diagnostic has a stable `code` (`unterminated-quote`, `unknown-option`, ...)
/// so that tools and tests can match on it, and may carry a suggestion: what
/// to type instead.
public struct Diagnostic: Sendable, Hashable, Error {
    /// How many diagnostics one command gathers before its reader stops
    /// looking: past this, more of them would tell the user nothing new, and
    /// each costs a location and a message (so a message that repeats a
    /// mistake thousands of times is answered as fast as one that makes it once).
    public static let limitPerCommand = 100

    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning, note
    }

    /// The codes of what leaves a statement open: more lines may close it.
    public static let unterminatedQuote = "unterminated-quote"
    public static let unclosedBracket = "unclosed-bracket"

    /// An unterminated quote or an unclosed bracket: the statement may go on on the next line.
    public var leavesStatementOpen: Bool { code == Self.unterminatedQuote || code == Self.unclosedBracket }

    public var severity: Severity
    public var code: String
    public var message: String
    public var range: SourceRange
    /// What to type instead, or how to fix it, when there is something to say.
    public var suggestion: String?

    public init(_ severity: Severity = .error, code: String, message: String, range: SourceRange, suggestion: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.range = range
        self.suggestion = suggestion
    }

    public static func error(_ code: String, _ message: String, at range: SourceRange, suggestion: String? = nil) -> Diagnostic {
        Diagnostic(.error, code: code, message: message, range: range, suggestion: suggestion)
    }

    public static func warning(_ code: String, _ message: String, at range: SourceRange, suggestion: String? = nil) -> Diagnostic {
        Diagnostic(.warning, code: code, message: message, range: range, suggestion: suggestion)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
