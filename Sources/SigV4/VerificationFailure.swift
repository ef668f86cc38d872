/// Why a request's signature was refused, with the error name and message
/// the AWS front ends answer (all with HTTP 403).
public struct VerificationFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// No `Authorization` header at all.
        case missingAuthenticationToken = "MissingAuthenticationTokenException"
        /// An `Authorization` header that lacks a part or cannot be read.
        case incompleteSignature = "IncompleteSignatureException"
        /// A signature that does not match, a wrong scope, or a request outside the clock skew window.
        case invalidSignature = "InvalidSignatureException"
        /// An access key (or session token) that is not known.
        case unrecognizedClient = "UnrecognizedClientException"
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The error name on the wire.
    public var name: String { kind.rawValue }
    public var httpStatus: Int { 403 }
    public var description: String { "\(name): \(message)" }
}
