/// Why an expression could not be compiled or evaluated.
public struct JMESPathError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The error kinds, named as the JMESPath compliance suite names them.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case syntax
        case invalidArity = "invalid-arity"
        case invalidType = "invalid-type"
        case invalidValue = "invalid-value"
        case unknownFunction = "unknown-function"
    }

    public let kind: Kind
    public let message: String
    /// For syntax errors: the 1-based column (in characters) of the offending token.
    public let column: Int?

    public init(_ kind: Kind, _ message: String, column: Int? = nil) {
        self.kind = kind
        self.message = message
        self.column = column
    }

    public var description: String {
        if let column { return "\(kind.rawValue) error at column \(column): \(message)" }
        return "\(kind.rawValue) error: \(message)"
    }
}
