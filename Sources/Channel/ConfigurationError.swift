import Syntax

/// A channel file that cannot be used: unreadable, not YAML, a field of the
/// wrong type or value, a malformed policy document. It names the file, the
/// line and the field; the command line exits with 253 (`exitCode`).
///
/// A bad configuration is never read as "allow": loading stops at the first error.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The file (or a `file://` policy it names) cannot be read.
        case unreadableFile = "unreadable-file"
        /// Not YAML (or, for a `.json` policy file, not JSON).
        case syntax
        case unknownField = "unknown-field"
        case wrongType = "wrong-type"
        case invalidValue = "invalid-value"
        /// A policy document that breaks IAM's grammar.
        case invalidPolicy = "invalid-policy"
        /// A document nested deeper, or standing for more values once its aliases
        /// are expanded, than a channel file may (`YAMLBounds`).
        case tooLarge = "too-large"
    }

    public var kind: Kind
    /// The dotted path of the field, `role.policies[0].Statement[1].Effect`.
    public var field: String
    public var diagnostic: Diagnostic
    /// The file the diagnostic points into (the channel file or a policy file).
    public var file: SourceFile

    public init(_ kind: Kind, field: String, message: String, range: SourceRange, in file: SourceFile, suggestion: String? = nil) {
        self.kind = kind
        self.field = field
        self.file = file
        let text = field.isEmpty ? message : "\(field): \(message)"
        self.diagnostic = .error("channel-" + kind.rawValue, text, at: range, suggestion: suggestion)
    }

    /// The AWS CLI's exit code for a configuration error.
    public var exitCode: Int32 { 253 }

    /// `FILE:LINE:COLUMN: error: FIELD: MESSAGE`, the source line and a caret.
    public func rendered(colors: Bool = false) -> String {
        DiagnosticRenderer(colors: colors).render(diagnostic, in: file)
    }

    public var description: String { rendered() }
}
