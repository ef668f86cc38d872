import Foundation
import Time

/// Signs requests with AWS Signature Version 4, as botocore's `SigV4Auth`
/// does for services other than S3: every header but `user-agent`, `expect`,
/// `transfer-encoding` and `x-amzn-trace-id` is signed, `host` always.
public struct Signer: Sendable {
    public var credentials: Credentials
    public var region: String
    /// The signing name of the service, `ssm-incidents`.
    public var service: String
    /// Also send `x-amz-content-sha256` (S3 needs it; other services accept it).
    public var addsContentSHA256: Bool

    public init(credentials: Credentials, region: String, service: String, addsContentSHA256: Bool = false) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.addsContentSHA256 = addsContentSHA256
    }

    static let unsignedHeaders: Set<String> = ["expect", "transfer-encoding", "user-agent", "x-amzn-trace-id"]

    /// The headers to add to a request so that it is signed: `X-Amz-Date`,
    /// `X-Amz-Security-Token` with a session token, `x-amz-content-sha256`
    /// when asked for, and `Authorization`.
    ///
    /// - Parameters:
    ///   - path: the path as it will be sent (percent-encoded).
    ///   - query: the query string as it will be sent.
    ///   - headers: the request's headers; must include `Host` (or give `host`).
    public func sign(method: String, path: String, query: String, headers: [(String, String)], body: [UInt8],
                     host: String? = nil, date: Date = Date()) -> [(String, String)] {
        let stamp = ISO8601.basicString(date)
        let day = ISO8601.basicDay(date)
        let payloadHash = body.isEmpty ? SigningKey.emptyPayloadHash : SigningKey.sha256Hex(body)
        var added: [(String, String)] = [("X-Amz-Date", stamp)]
        if let token = credentials.sessionToken { added.append(("X-Amz-Security-Token", token)) }
        if addsContentSHA256 { added.append(("x-amz-content-sha256", payloadHash)) }
        let replaced = Set(added.map { $0.0.lowercased() } + ["authorization"])
        var all = headers.filter { !replaced.contains($0.0.lowercased()) } + added
        if !all.contains(where: { $0.0.lowercased() == "host" }), let host { all.append(("host", host)) }
        let names = all.map { $0.0.lowercased() }.filter { !Self.unsignedHeaders.contains($0) }
        let canonical = CanonicalRequest(method: method, path: path, query: query, headers: all,
                                         signedHeaderNames: names, payloadHash: payloadHash)
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = "AWS4-HMAC-SHA256\n\(stamp)\n\(scope)\n\(SigningKey.sha256Hex(Array(canonical.text.utf8)))"
        let key = SigningKey.derive(secret: credentials.secretAccessKey, date: day, region: region, service: service)
        let signature = SigningKey.signature(key: key, stringToSign: stringToSign)
        added.append(("Authorization",
                      "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyId)/\(scope), SignedHeaders=\(canonical.signedHeaders), Signature=\(signature)"))
        return added
    }
}
