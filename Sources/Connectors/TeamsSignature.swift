import Crypto
import Foundation

/// Microsoft Teams' outgoing-webhook signing: every request carries
/// `Authorization: HMAC <base64>`, the HMAC-SHA256 of the raw body keyed
/// with the base64-decoded security token Teams showed when the webhook was
/// created. Compared in constant time.
public struct TeamsSignature: Sendable {
    public static let header = "Authorization"
    private let key: [UInt8]

    /// Nil when the secret is not base64 (Teams' tokens always are).
    public init?(secret: String) {
        guard let data = Data(base64Encoded: secret.trimmingCharacters(in: .whitespacesAndNewlines)), !data.isEmpty else { return nil }
        key = Array(data)
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case missing
        case malformed
        case mismatch

        public var description: String {
            switch self {
            case .missing: "the request has no Authorization: HMAC header"
            case .malformed: "the Authorization header is not HMAC followed by a base64 SHA-256 code"
            case .mismatch: "the HMAC does not match the body and the shared secret"
            }
        }
    }

    public func verify(authorization: String?, body: [UInt8]) throws(Failure) {
        guard let authorization else { throw .missing }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "hmac",
              let mac = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)), mac.count == 32 else {
            throw .malformed
        }
        guard HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: body, using: SymmetricKey(data: key)) else {
            throw .mismatch
        }
    }

    /// The `Authorization` value for a body (tests, tools).
    public func sign(_ body: [UInt8]) -> String {
        "HMAC " + Data(HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: key))).base64EncodedString()
    }
}
