import Crypto
import Foundation
import HummingbirdBcrypt

/// Who may sign in to a channel, and the sessions of those who did.
///
/// With members, a member signs in with the password whose bcrypt hash the
/// channel file holds (`passwords:`). Without members, anyone picks a name,
/// but only on a server that listens on loopback. A session is a random
/// token in an HttpOnly, SameSite=Strict cookie, with a CSRF token of its
/// own that every state-changing request must carry. Attempts to sign in are
/// rate-limited per name and for the whole channel.
public actor SignIn {
    public struct Session: Sendable, Equatable {
        public let user: String
        public let csrf: String
        let expires: Double
    }

    public enum Refusal: Error, Equatable, CustomStringConvertible {
        case notMember
        case noPassword
        case wrongPassword
        case notLoopback
        case badName
        case tooManyAttempts(retryAfter: Int)

        public var description: String {
            switch self {
            case .notMember, .wrongPassword: "The name or the password is wrong."
            case .noPassword: "This member has no password yet: the channel's operator sets one with incident-chat channel passwd."
            case .notLoopback: "This channel has no members, so names are picked freely, which only a server on loopback allows."
            case .badName: "A name is 1 to 64 letters, digits, dots, dashes or underscores."
            case .tooManyAttempts(let seconds): "Too many attempts to sign in: try again in \(seconds) s."
            }
        }

        public var status: Int {
            if case .tooManyAttempts = self { return 429 }
            if case .badName = self { return 400 }
            return 403
        }
    }

    /// nil: no members, names are picked.
    public let members: [String]?
    let passwords: [String: String]
    let loopback: Bool
    public let lifetime: Double
    let maxSessions: Int
    private var sessions: [String: Session] = [:]
    private var perName = RateLimiter(burst: 5, perSecond: 1.0 / 12)
    private var overall = RateLimiter(burst: 30, perSecond: 2)
    private let clock: @Sendable () -> Double

    public init(members: [String]?, passwords: [String: String], loopback: Bool, lifetime: Double = 12 * 3600,
                maxSessions: Int = 10_000, clock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) {
        self.members = members
        self.passwords = passwords
        self.loopback = loopback
        self.lifetime = lifetime
        self.maxSessions = maxSessions
        self.clock = clock
    }

    /// Whether signing in takes a password.
    public nonisolated var needsPassword: Bool { members != nil }

    /// Signs in; the new session's token goes in the cookie.
    public func signIn(name: String, password: String) throws(Refusal) -> (token: String, session: Session) {
        let now = clock()
        guard Self.isValidName(name) else { throw .badName }
        guard overall.allow("", now: now) else { throw .tooManyAttempts(retryAfter: Int(overall.retryAfter("", now: now).rounded(.up))) }
        guard perName.allow(name, now: now) else {
            throw .tooManyAttempts(retryAfter: Int(perName.retryAfter(name, now: now).rounded(.up)))
        }
        if let members {
            guard members.contains(name) else {
                // The same work as a wrong password, so that timing does not tell members apart.
                _ = Bcrypt.verify(password, hash: Self.decoy)
                throw .notMember
            }
            guard let hash = passwords[name] else { throw .noPassword }
            guard Bcrypt.verify(password, hash: hash) else { throw .wrongPassword }
        } else {
            guard loopback else { throw .notLoopback }
        }
        expire(now: now)
        if sessions.count >= maxSessions, let oldest = sessions.min(by: { $0.value.expires < $1.value.expires })?.key {
            sessions.removeValue(forKey: oldest)
        }
        let token = Self.randomToken()
        let session = Session(user: name, csrf: Self.randomToken(), expires: now + lifetime)
        sessions[token] = session
        return (token, session)
    }

    /// The session of a cookie's token, while it lasts.
    public func session(_ token: String?) -> Session? {
        guard let token, let session = sessions[token] else { return nil }
        guard session.expires > clock() else {
            sessions.removeValue(forKey: token)
            return nil
        }
        return session
    }

    public func signOut(_ token: String) {
        sessions.removeValue(forKey: token)
    }

    private func expire(now: Double) {
        sessions = sessions.filter { $0.value.expires > now }
    }

    /// 32 random bytes, base64url.
    public static func randomToken() -> String {
        let key = SymmetricKey(size: .bits256)
        return key.withUnsafeBytes { Data($0) }.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Two secrets compared in time that does not depend on where they differ.
    public static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }

    public static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.utf8.count)
            && name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0) }
    }

    /// The hash of a password nobody has, checked for names that are not members.
    static let decoy = Bcrypt.hash(randomToken(), cost: passwordCost)

    /// The bcrypt cost of the hashes `incident-chat channel passwd` writes.
    public static let passwordCost: UInt8 = 10
}
