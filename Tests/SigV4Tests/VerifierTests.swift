import Foundation
import Testing
@testable import SigV4

@Suite("SigV4: verifier")
struct VerifierTests {
    static let now = Date(timeIntervalSince1970: 1795514400)
    static let alice = Credentials(accessKeyId: "AKIDALICE", secretAccessKey: "alice-secret")
    static let temporary = Credentials(accessKeyId: "ASIATEMP", secretAccessKey: "temp-secret", sessionToken: "token-1")
    let verifier = Verifier(keys: [.init(credentials: alice, user: "alice"), .init(credentials: temporary, user: "temp")],
                            region: "us-east-1", services: ["ssm-incidents", "ssm-contacts"])

    struct Signed {
        var method = "POST"
        var path = "/createTimelineEvent"
        var query = ""
        var headers: [(String, String)]
        var body: [UInt8]
    }

    func signed(_ credentials: Credentials = alice, region: String = "us-east-1", service: String = "ssm-incidents",
                at date: Date = now, body: String = #"{"eventData":"x"}"#) -> Signed {
        let headers = [("Host", "127.0.0.1:4590"), ("Content-Type", "application/json")]
        let signer = Signer(credentials: credentials, region: region, service: service)
        let added = signer.sign(method: "POST", path: "/createTimelineEvent", query: "", headers: headers,
                                body: Array(body.utf8), date: date)
        return Signed(headers: headers + added, body: Array(body.utf8))
    }

    func verify(_ s: Signed, now: Date = now) throws(VerificationFailure) -> Verifier.Identity {
        try verifier.verify(method: s.method, path: s.path, query: s.query, headers: s.headers, body: s.body, now: now)
    }

    func failure(_ s: Signed, now: Date = now) -> VerificationFailure? {
        do { _ = try verify(s, now: now); return nil } catch { return error }
    }

    @Test func acceptsItsOwnSignature() throws {
        let identity = try verify(signed())
        #expect(identity == Verifier.Identity(accessKeyId: "AKIDALICE", user: "alice", service: "ssm-incidents", region: "us-east-1"))
        #expect(try verify(signed(service: "ssm-contacts")).service == "ssm-contacts")
    }

    @Test func missingAuthorization() {
        var s = signed()
        s.headers.removeAll { $0.0 == "Authorization" }
        #expect(failure(s)?.kind == .missingAuthenticationToken)
        #expect(failure(s)?.message == "Missing Authentication Token")
    }

    @Test func malformedAuthorization() {
        for bad in ["Bearer abc", "AWS4-HMAC-SHA256 Credential=AKIDALICE/20261124/us-east-1/ssm-incidents/aws4_request",
                    "AWS4-HMAC-SHA256 Credential=AKIDALICE/x, SignedHeaders=host, Signature=00", "AWS4-HMAC-SHA256"] {
            var s = signed()
            s.headers.removeAll { $0.0 == "Authorization" }
            s.headers.append(("Authorization", bad))
            #expect(failure(s)?.kind == .incompleteSignature, "\(bad)")
        }
    }

    @Test func tamperedRequestsAreRefused() {
        var body = signed()
        body.body = Array(#"{"eventData":"y"}"#.utf8)
        #expect(failure(body)?.kind == .invalidSignature)
        var path = signed()
        path.path = "/updateTimelineEvent"
        #expect(failure(path)?.kind == .invalidSignature)
        var header = signed()
        header.headers[1] = ("Content-Type", "application/x-amz-json-1.1")
        #expect(failure(header)?.kind == .invalidSignature)
        var signature = signed()
        let index = signature.headers.firstIndex { $0.0 == "Authorization" }!
        var text = signature.headers[index].1
        text = String(text.dropLast()) + (text.hasSuffix("0") ? "1" : "0")
        signature.headers[index].1 = text
        #expect(failure(signature)?.kind == .invalidSignature)
        #expect(failure(signature)?.message.hasPrefix("The request signature we calculated does not match") == true)
    }

    @Test func wrongSecretOrUnknownKey() {
        #expect(failure(signed(Credentials(accessKeyId: "AKIDALICE", secretAccessKey: "guess")))?.kind == .invalidSignature)
        #expect(failure(signed(Credentials(accessKeyId: "AKIDMALLORY", secretAccessKey: "x")))?.kind == .unrecognizedClient)
    }

    @Test func sessionTokens() throws {
        #expect(try verify(signed(Self.temporary)).user == "temp")
        var withoutToken = signed(Self.temporary)
        withoutToken.headers.removeAll { $0.0 == "X-Amz-Security-Token" }
        #expect(failure(withoutToken)?.kind != nil)
        let wrong = signed(Credentials(accessKeyId: "ASIATEMP", secretAccessKey: "temp-secret", sessionToken: "token-2"))
        #expect(failure(wrong)?.kind == .unrecognizedClient)
    }

    @Test func clockSkewWindow() throws {
        _ = try verify(signed(at: Self.now - 299))
        _ = try verify(signed(at: Self.now + 299))
        #expect(failure(signed(at: Self.now - 301))?.message.hasPrefix("Signature expired") == true)
        #expect(failure(signed(at: Self.now + 301))?.message.hasPrefix("Signature not yet current") == true)
    }

    @Test func credentialScope() {
        #expect(failure(signed(region: "eu-west-1"))?.kind == .invalidSignature)
        #expect(failure(signed(service: "s3"))?.kind == .invalidSignature)
    }

    @Test func anyRegionWhenNoneIsConfigured() throws {
        let open = Verifier(keys: [.init(credentials: Self.alice, user: "alice")], region: nil, services: ["ssm-incidents"])
        let s = signed(region: "eu-west-1")
        let identity = try open.verify(method: s.method, path: s.path, query: s.query, headers: s.headers, body: s.body, now: Self.now)
        #expect(identity.region == "eu-west-1")
        let bad = signed(region: "Mars")
        #expect(throws: VerificationFailure.self) {
            try open.verify(method: bad.method, path: bad.path, query: bad.query, headers: bad.headers, body: bad.body, now: Self.now)
        }
    }
}
