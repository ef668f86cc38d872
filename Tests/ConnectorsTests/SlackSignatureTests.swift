import Connectors
import Foundation
import Testing

@Suite("Slack request signatures")
struct SlackSignatureTests {
    let signer = SlackSignature(secret: "8f742231b10e8888abcd99yyyzzz85a5")
    let body = Array("token=x&team_id=T1&command=%2Faws&text=ssm-incidents+list-incident-records&user_name=alice".utf8)
    let now = Date(timeIntervalSince1970: 1_795_514_400)
    var timestamp: String { String(Int(now.timeIntervalSince1970)) }

    func verify(_ timestamp: String?, _ signature: String?, body: [UInt8]? = nil, at: Date? = nil) -> SlackSignature.Failure? {
        do {
            try signer.verify(timestamp: timestamp, signature: signature, body: body ?? self.body, now: at ?? now)
            return nil
        } catch {
            return error
        }
    }

    @Test func aGenuineRequestPasses() {
        let signature = signer.sign(timestamp: timestamp, body: body)
        #expect(signature.hasPrefix("v0=") && signature.count == 67)
        #expect(verify(timestamp, signature) == nil)
        // Upper-case hex digits are the same signature.
        #expect(verify(timestamp, "v0=" + signature.dropFirst(3).uppercased()) == nil)
        // Within the window on either side.
        #expect(verify(timestamp, signature, at: now.addingTimeInterval(299)) == nil)
        #expect(verify(timestamp, signature, at: now.addingTimeInterval(-299)) == nil)
    }

    /// The signature Slack's documentation works through, computed independently
    /// (HMAC-SHA256 of "v0:1531420618:" + body with the documented secret).
    @Test func slacksWorkedExample() {
        let secret = SlackSignature(secret: "8f742231b10e8888abcd99yyyzzz85a5")
        let body = Array(("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
            + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
            + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c").utf8)
        let at = Date(timeIntervalSince1970: 1_531_420_618)
        #expect(secret.sign(timestamp: "1531420618", body: body)
                == "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")
        #expect((try? secret.verify(timestamp: "1531420618",
                                    signature: "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
                                    body: body, now: at)) != nil)
    }

    @Test func forgedRequestsAreRefused() {
        let signature = signer.sign(timestamp: timestamp, body: body)
        // Another secret.
        let other = SlackSignature(secret: "not-the-secret").sign(timestamp: timestamp, body: body)
        #expect(verify(timestamp, other) == .mismatch)
        // The body changed after signing.
        #expect(verify(timestamp, signature, body: body + Array("&text=delete".utf8)) == .mismatch)
        // The timestamp changed after signing (an old signature with a fresh time).
        #expect(verify(String(Int(timestamp)! + 1), signature) == .mismatch)
        // One digit off.
        var flipped = Array(signature)
        flipped[10] = flipped[10] == "0" ? "1" : "0"
        #expect(verify(timestamp, String(flipped)) == .mismatch)
        // Not a signature at all.
        #expect(verify(timestamp, "v1=" + signature.dropFirst(3)) == .malformedSignature)
        #expect(verify(timestamp, "v0=abc") == .malformedSignature)
        #expect(verify(timestamp, "v0=" + String(repeating: "zz", count: 32)) == .malformedSignature)
        #expect(verify(timestamp, "") == .malformedSignature)
    }

    @Test func staleAndFutureRequestsAreRefused() {
        let signature = signer.sign(timestamp: timestamp, body: body)
        #expect(verify(timestamp, signature, at: now.addingTimeInterval(301)) == .stale(seconds: 301))
        #expect(verify(timestamp, signature, at: now.addingTimeInterval(-3600)) == .stale(seconds: -3600))
        // A replay a day later, even with its genuine signature.
        #expect(verify(timestamp, signature, at: now.addingTimeInterval(86_400)) == .stale(seconds: 86_400))
    }

    @Test func missingOrMalformedHeadersAreRefused() {
        let signature = signer.sign(timestamp: timestamp, body: body)
        #expect(verify(nil, signature) == .missingHeaders)
        #expect(verify(timestamp, nil) == .missingHeaders)
        #expect(verify(nil, nil) == .missingHeaders)
        #expect(verify("", signature) == .malformedTimestamp(""))
        #expect(verify("17955144OO", signature) == .malformedTimestamp("17955144OO"))
        #expect(verify("-1795514400", signature) == .malformedTimestamp("-1795514400"))
        #expect(verify(String(repeating: "9", count: 40), signature) == .malformedTimestamp(String(repeating: "9", count: 40)))
    }
}
