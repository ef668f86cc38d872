import Crypto
import Foundation

/// The SigV4 key derivation: `HMAC("AWS4" + secret, date)`, then the region,
/// the service and `aws4_request`.
enum SigningKey {
    static func derive(secret: String, date: String, region: String, service: String) -> SymmetricKey {
        var key = SymmetricKey(data: Array(("AWS4" + secret).utf8))
        for part in [date, region, service, "aws4_request"] {
            key = SymmetricKey(data: Array(HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key)))
        }
        return key
    }

    static func signature(key: SymmetricKey, stringToSign: String) -> String {
        Hex.encode(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: key))
    }

    static func sha256Hex(_ bytes: some DataProtocol) -> String {
        Hex.encode(SHA256.hash(data: bytes))
    }

    static let emptyPayloadHash = sha256Hex([UInt8]())
}

/// Derived keys by scope, so that each key is derived once a day rather than per request.
final class SigningKeyCache: @unchecked Sendable {
    private let lock = NSLock()
    private var keys: [String: SymmetricKey] = [:]

    func key(secret: String, accessKeyId: String, date: String, region: String, service: String) -> SymmetricKey {
        let id = "\(accessKeyId)/\(date)/\(region)/\(service)"
        if let key = lock.withLock({ keys[id] }) { return key }
        let key = SigningKey.derive(secret: secret, date: date, region: region, service: service)
        lock.withLock {
            if keys.count > 1024 { keys.removeAll() }
            keys[id] = key
        }
        return key
    }
}
