import Crypto
import Foundation

/// Slack's request signing: every request Slack sends carries
/// `X-Slack-Request-Timestamp` and `X-Slack-Signature: v0=HEX`, where HEX is
/// the HMAC-SHA256, keyed with the app's signing secret, of
/// `v0:TIMESTAMP:BODY` over the raw body. A request is genuine when the
/// signature matches (compared in constant time) and the timestamp is within
/// the window of now, which keeps an old request from being replayed.
public struct SlackSignature: Sendable {
    public static let timestampHeader = "X-Slack-Request-Timestamp"
    public static let signatureHeader = "X-Slack-Signature"
    /// Slack's advice: refuse requests more than five minutes away from now.
    public static let defaultWindow: TimeInterval = 300

    private let secret: [UInt8]
    public let window: TimeInterval

    public init(secret: String, window: TimeInterval = SlackSignature.defaultWindow) {
        self.secret = Array(secret.utf8)
        self.window = window
    }

    private var key: SymmetricKey { SymmetricKey(data: secret) }

    /// Why a request was refused.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case missingHeaders
        case malformedTimestamp(String)
        case stale(seconds: Int)
        case malformedSignature
        case mismatch

        public var description: String {
            switch self {
            case .missingHeaders: "the request has no \(SlackSignature.timestampHeader) or \(SlackSignature.signatureHeader) header"
            case .malformedTimestamp(let t): "the request timestamp \"\(t.prefix(40))\" is not a number of seconds"
            case .stale(let s): "the request timestamp is \(s) seconds away from now (at most \(Int(SlackSignature.defaultWindow)) allowed)"
            case .malformedSignature: "the signature is not v0= followed by 64 hexadecimal digits"
            case .mismatch: "the signature does not match the body and the signing secret"
            }
        }
    }

    /// Checks a request's headers against its raw body at time `now`.
    public func verify(timestamp: String?, signature: String?, body: [UInt8], now: Date = Date()) throws(Failure) {
        guard let timestamp, let signature else { throw .missingHeaders }
        guard !timestamp.isEmpty, timestamp.count <= 12, timestamp.allSatisfy({ $0.isASCII && $0.isNumber }),
              let seconds = Int64(timestamp) else { throw .malformedTimestamp(timestamp) }
        let skew = Int(now.timeIntervalSince1970.rounded()) - Int(seconds)
        guard abs(skew) <= Int(window) else { throw .stale(seconds: skew) }
        guard signature.hasPrefix("v0="), let mac = Self.bytes(hex: signature.dropFirst(3)), mac.count == 32 else {
            throw .malformedSignature
        }
        guard HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Self.baseString(timestamp, body), using: key) else {
            throw .mismatch
        }
    }

    /// The `X-Slack-Signature` value for a body sent at `timestamp` (tests, tools).
    public func sign(timestamp: String, body: [UInt8]) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Self.baseString(timestamp, body), using: key)
        return "v0=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    private static func baseString(_ timestamp: String, _ body: [UInt8]) -> [UInt8] {
        Array("v0:\(timestamp):".utf8) + body
    }

    private static func bytes(hex: Substring) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: c - 0x30
            case 0x61...0x66: c - 0x61 + 10
            case 0x41...0x46: c - 0x41 + 10
            default: nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count / 2)
        var i = 0
        while i < digits.count {
            guard let high = value(digits[i]), let low = value(digits[i + 1]) else { return nil }
            out.append(high << 4 | low)
            i += 2
        }
        return out
    }
}
