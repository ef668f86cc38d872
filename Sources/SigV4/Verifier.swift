import Foundation
import Time

/// Checks SigV4 signatures against a set of known access keys, the way the AWS
/// front ends do: the `Authorization` header is read, the credential scope is
/// checked (date, region, service, terminator), the request must be within
/// five minutes of the server's clock, and the signature is recomputed and
/// compared in constant time.
public struct Verifier: Sendable {
    /// A key that may sign, and the user it stands for.
    public struct Key: Sendable, Hashable {
        public var credentials: Credentials
        /// The IAM user name that calls made with this key act as.
        public var user: String

        public init(credentials: Credentials, user: String) {
            self.credentials = credentials
            self.user = user
        }
    }

    /// Who signed a request.
    public struct Identity: Sendable, Hashable {
        public var accessKeyId: String
        public var user: String
        /// The service and region of the credential scope.
        public var service: String
        public var region: String
    }

    /// The Region the scope must name; `nil` accepts any well-formed Region
    /// (an emulator that serves every Region at one endpoint).
    public let region: String?
    /// Signing names the scope may name (`ssm-incidents`, `ssm-contacts`).
    public let services: Set<String>
    public let maxSkew: TimeInterval
    private let keys: [String: Key]
    private let cache = SigningKeyCache()

    public init(keys: [Key], region: String?, services: Set<String>, maxSkew: TimeInterval = 300) {
        var table: [String: Key] = [:]
        for key in keys { table[key.credentials.accessKeyId] = key }
        self.keys = table
        self.region = region
        self.services = services
        self.maxSkew = maxSkew
    }

    /// `us-east-1`, `eu-central-2`, `us-gov-west-1`: lower-case words and a number, joined by dashes.
    static func isRegionName(_ name: String) -> Bool {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, name.utf8.count <= 32, let last = parts.last, !last.isEmpty,
              last.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return parts.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isLowercase } }
    }

    /// Verifies one request.
    ///
    /// - Parameters:
    ///   - path: the path as received (percent-encoded), without the query.
    ///   - query: the query string as received.
    ///   - headers: every header as received.
    public func verify(method: String, path: String, query: String, headers: [(String, String)], body: [UInt8],
                       now: Date = Date()) throws(VerificationFailure) -> Identity {
        func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name }?.1
        }
        guard let authorization = header("authorization") else {
            throw VerificationFailure(.missingAuthenticationToken, "Missing Authentication Token")
        }
        let parsed = try AuthorizationHeader(authorization)

        // The time of the request, and the window around the server's clock.
        let stampText = header("x-amz-date")
        let date: Date
        let stamp: String
        if let stampText {
            guard let d = ISO8601.parseBasic(stampText) else {
                throw VerificationFailure(.incompleteSignature, "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\", not '\(stampText)'.")
            }
            date = d
            stamp = stampText
        } else if let httpDate = header("date"), let d = HTTPDate.parse(httpDate, strict: false) {
            date = d
            stamp = ISO8601.basicString(d)
        } else {
            throw VerificationFailure(.incompleteSignature, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=\(authorization.prefix(40))...")
        }
        let nowStamp = ISO8601.basicString(now)
        if date < now - maxSkew {
            throw VerificationFailure(.invalidSignature, "Signature expired: \(stamp) is now earlier than \(ISO8601.basicString(now - maxSkew)) (\(nowStamp) - \(Int(maxSkew / 60)) min.)")
        }
        if date > now + maxSkew {
            throw VerificationFailure(.invalidSignature, "Signature not yet current: \(stamp) is still later than \(ISO8601.basicString(now + maxSkew)) (\(nowStamp) + \(Int(maxSkew / 60)) min.)")
        }

        // The credential scope.
        let scope = parsed.scope
        if scope.date != stamp.prefix(8) {
            throw VerificationFailure(.invalidSignature, "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '\(scope.date)' != '\(stamp.prefix(8))', from '\(stamp)'.")
        }
        if let region, scope.region != region {
            throw VerificationFailure(.invalidSignature, "Credential should be scoped to a valid region, not '\(scope.region)'. This endpoint serves '\(region)'.")
        }
        if !Self.isRegionName(scope.region) {
            throw VerificationFailure(.invalidSignature, "Credential should be scoped to a valid region, not '\(scope.region.prefix(40))'.")
        }
        if !services.contains(scope.service) {
            throw VerificationFailure(.invalidSignature, "Credential should be scoped to correct service: '\(services.sorted().joined(separator: "' or '"))', not '\(scope.service)'.")
        }
        if scope.terminator != "aws4_request" {
            throw VerificationFailure(.invalidSignature, "Credential should be scoped with a valid terminator: 'aws4_request', not '\(scope.terminator)'.")
        }
        if !parsed.signedHeaders.contains("host") {
            throw VerificationFailure(.invalidSignature, "'Host' must be a 'SignedHeader' in the AWS Authorization.")
        }
        if stampText != nil && !parsed.signedHeaders.contains("x-amz-date") {
            throw VerificationFailure(.invalidSignature, "'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.")
        }

        // The key, and the session token that goes with it.
        guard let key = keys[parsed.accessKeyId] else {
            throw VerificationFailure(.unrecognizedClient, "The security token included in the request is invalid.")
        }
        if let expected = key.credentials.sessionToken {
            guard let token = header("x-amz-security-token"), Hex.constantTimeEquals(token, expected) else {
                throw VerificationFailure(.unrecognizedClient, "The security token included in the request is invalid.")
            }
        }

        // The payload: the declared hash (when sent) must be the body's.
        let bodyHash = body.isEmpty ? SigningKey.emptyPayloadHash : SigningKey.sha256Hex(body)
        if let declared = header("x-amz-content-sha256"), declared != bodyHash {
            throw VerificationFailure(.invalidSignature, "The provided 'x-amz-content-sha256' header does not match what was computed.")
        }

        let canonical = CanonicalRequest(method: method, path: path, query: query, headers: headers,
                                         signedHeaderNames: parsed.signedHeaders, payloadHash: bodyHash)
        let scopeText = "\(scope.date)/\(scope.region)/\(scope.service)/\(scope.terminator)"
        let stringToSign = "AWS4-HMAC-SHA256\n\(stamp)\n\(scopeText)\n\(SigningKey.sha256Hex(Array(canonical.text.utf8)))"
        let signingKey = cache.key(secret: key.credentials.secretAccessKey, accessKeyId: key.credentials.accessKeyId,
                                   date: scope.date, region: scope.region, service: scope.service)
        let expected = SigningKey.signature(key: signingKey, stringToSign: stringToSign)
        guard Hex.constantTimeEquals(expected, parsed.signature.lowercased()) else {
            throw VerificationFailure(.invalidSignature, "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.")
        }
        return Identity(accessKeyId: key.credentials.accessKeyId, user: key.user, service: scope.service, region: scope.region)
    }
}
