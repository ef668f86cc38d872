import Syntax

/// The stable codes of the checker's diagnostics. Tools and tests match on
/// them; the messages may change, the codes do not.
public enum DiagnosticCode: String, Sendable, CaseIterable {
    // Names
    case unknownService = "unknown-service"
    case unknownOperation = "unknown-operation"
    case unknownOption = "unknown-option"
    case unexpectedArgument = "unexpected-argument"
    case duplicateOption = "duplicate-option"
    case conflictingFlags = "conflicting-flags"
    case missingRequired = "missing-required"
    // How many words an option takes
    case missingValue = "missing-value"
    case tooManyValues = "too-many-values"
    case flagTakesNoValue = "flag-takes-no-value"
    // Reading a value
    case invalidJSON = "invalid-json"
    case invalidShorthand = "invalid-shorthand"
    case duplicateKey = "duplicate-key"
    case nestingTooDeep = "nesting-too-deep"
    /// A command with more errors than `Diagnostic.limitPerCommand`.
    case tooManyErrors = "too-many-errors"
    case invalidYAML = "invalid-yaml"
    // Values against their shapes
    case wrongType = "wrong-type"
    case unknownMember = "unknown-member"
    case missingMember = "missing-member"
    case unionMembers = "union-members"
    case invalidInteger = "invalid-integer"
    case invalidNumber = "invalid-number"
    case invalidTimestamp = "invalid-timestamp"
    // Constraints of the model
    case valueOutOfRange = "value-out-of-range"
    case lengthOutOfRange = "length-out-of-range"
    case invalidEnum = "invalid-enum"
    case patternMismatch = "pattern-mismatch"
    // Files and references
    case fileNotAllowed = "file-not-allowed"
    case fileUnreadable = "file-unreadable"
    case fileNotText = "file-not-text"
    case unresolvedReference = "unresolved-reference"
    case referencesUnavailable = "references-unavailable"
    // Global options
    case invalidGlobalValue = "invalid-global-value"
    case conflictingOptions = "conflicting-options"
    case invalidQuery = "invalid-query"
    /// A warning: an option of the whole session, given to one command.
    case sessionOptionIgnored = "session-option-ignored"
}

extension Diagnostic {
    static func error(_ code: DiagnosticCode, _ message: String, at range: SourceRange, suggestion: String? = nil) -> Diagnostic {
        Diagnostic(.error, code: code.rawValue, message: message, range: range, suggestion: suggestion)
    }

    static func warning(_ code: DiagnosticCode, _ message: String, at range: SourceRange, suggestion: String? = nil) -> Diagnostic {
        Diagnostic(.warning, code: code.rawValue, message: message, range: range, suggestion: suggestion)
    }
}
