import Catalog
import Foundation
import Time

/// The facts a policy's conditions can test: condition keys and their values.
///
/// Keys are compared without regard to case (`AWS:SourceAccount` is
/// `aws:SourceAccount`); values keep their case. A key holds one value or,
/// like `aws:TagKeys`, several.
public struct RequestContext: Sendable, Hashable {
    private var entries: [String: Entry] = [:]

    private struct Entry: Sendable, Hashable {
        var key: String
        var values: [String]
        var isMultiValued: Bool
    }

    public init() {}

    /// A context holding these single-valued keys.
    public init(_ values: [String: String]) {
        for (k, v) in values { self[k] = v }
    }

    /// The single value of a key (the first one of a multi-valued key).
    public subscript(key: String) -> String? {
        get { entries[key.lowercased()]?.values.first }
        set {
            if let newValue { entries[key.lowercased()] = Entry(key: key, values: [newValue], isMultiValued: false) }
            else { entries[key.lowercased()] = nil }
        }
    }

    /// Sets a multi-valued key (`aws:TagKeys`).
    public mutating func set(_ key: String, values: [String]) {
        entries[key.lowercased()] = Entry(key: key, values: values, isMultiValued: true)
    }

    /// All values of a key; nil when the request has no such key.
    public func values(of key: String) -> [String]? {
        entries[key.lowercased()]?.values
    }

    /// The keys as they were set, sorted, for explanations.
    public var keys: [String] { entries.values.map(\.key).sorted() }

    /// Adds every key of `other`, replacing keys of the same name.
    public mutating func merge(_ other: RequestContext) {
        for (k, v) in other.entries { entries[k] = v }
    }

    /// The condition keys this project knows, as the channel sets them for a
    /// command: who asks, in which account and region, at what time.
    public static let knownKeys = [
        "aws:CurrentTime", "aws:EpochTime", "aws:PrincipalAccount", "aws:PrincipalArn", "aws:RequestedRegion",
        "aws:ResourceTag/KEY", "aws:RequestTag/KEY", "aws:SourceAccount", "aws:SourceArn", "aws:TagKeys", "aws:username",
    ]

    /// The standard keys of a command run by `user` at `now`.
    public static func standard(account: String, region: String, user: String?, principalArn: String, now: Date) -> RequestContext {
        var c = RequestContext()
        c["aws:PrincipalAccount"] = account
        c["aws:SourceAccount"] = account
        c["aws:PrincipalArn"] = principalArn
        c["aws:RequestedRegion"] = region
        c["aws:CurrentTime"] = Self.iso8601(now)
        c["aws:EpochTime"] = String(Int64(now.timeIntervalSince1970.rounded(.down)))
        if let user { c["aws:username"] = user }
        return c
    }

    /// `2026-11-24T10:00:00Z`, as IAM writes times.
    public static func iso8601(_ date: Date) -> String {
        // Calendar arithmetic, not a format style: the style loads a time zone
        // (ICU) on first use, a twentieth of an `exec`.
        ISO8601.string(date, rounding: .downToSecond)
    }

    /// Fills in `${key}` policy variables (and `${key, 'default'}`, `${*}`,
    /// `${?}`, `${$}`). The result keeps the variables' values apart from the
    /// pattern text so that a `*` in a value is never a wildcard; nil when a
    /// variable has no value and no default (the text then matches nothing).
    func substitute(_ text: String) -> [Wildcard.Piece]? {
        guard text.contains("${") else { return [.pattern(text)] }
        var pieces: [Wildcard.Piece] = []
        var rest = Substring(text)
        while let open = rest.range(of: "${") {
            pieces.append(.pattern(String(rest[..<open.lowerBound])))
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                pieces.append(.pattern(String(rest[open.lowerBound...])))
                rest = ""
                break
            }
            let inside = rest[open.upperBound..<close]
            rest = rest[rest.index(after: close)...]
            switch inside {
            case "*", "?", "$":
                pieces.append(.literal(String(inside)))
                continue
            default: break
            }
            var name = inside.trimmingCharacters(in: .whitespaces)
            var fallback: String?
            if let comma = inside.firstIndex(of: ",") {
                name = inside[..<comma].trimmingCharacters(in: .whitespaces)
                var d = inside[inside.index(after: comma)...].trimmingCharacters(in: .whitespaces)
                if d.count >= 2 && d.hasPrefix("'") && d.hasSuffix("'") { d = String(d.dropFirst().dropLast()) }
                fallback = d
            }
            guard let value = self[name] ?? fallback else { return nil }
            pieces.append(.literal(value))
        }
        if !rest.isEmpty { pieces.append(.pattern(String(rest))) }
        return pieces
    }
}

extension Array where Element == Wildcard.Piece {
    /// The text once wildcards no longer matter.
    var plainText: String {
        map { switch $0 { case .pattern(let s), .literal(let s): s } }.joined()
    }
}
