import Catalog
import Foundation
import OrderedCollections

/// Typed access to a request's members. The checker has already validated
/// them against the model, so a wrong type here means a caller bypassed it:
/// that is a `ValidationException`, never a crash.
struct Input {
    let members: OrderedDictionary<String, Value>

    init(_ members: OrderedDictionary<String, Value>) { self.members = members }

    subscript(name: String) -> Value? { members[name] }

    func string(_ name: String) throws -> String? {
        guard let v = members[name] else { return nil }
        guard case .string(let s) = v else { throw mistyped(name, "a string") }
        return s
    }

    func requiredString(_ name: String) throws -> String {
        guard let s = try string(name) else { throw missing(name) }
        return s
    }

    func integer(_ name: String) throws -> Int64? {
        guard let v = members[name] else { return nil }
        guard case .integer(let i) = v else { throw mistyped(name, "an integer") }
        return i
    }

    func boolean(_ name: String) throws -> Bool? {
        guard let v = members[name] else { return nil }
        guard case .boolean(let b) = v else { throw mistyped(name, "a boolean") }
        return b
    }

    func timestamp(_ name: String) throws -> Millis? {
        guard let v = members[name] else { return nil }
        guard case .timestamp(let t) = v else { throw mistyped(name, "a timestamp") }
        return t.millis
    }

    func requiredTimestamp(_ name: String) throws -> Millis {
        guard let t = try timestamp(name) else { throw missing(name) }
        return t
    }

    func list(_ name: String) throws -> [Value]? {
        guard let v = members[name] else { return nil }
        guard case .list(let l) = v else { throw mistyped(name, "a list") }
        return l
    }

    func stringList(_ name: String) throws -> [String]? {
        try list(name)?.map { item in
            guard case .string(let s) = item else { throw mistyped(name, "a list of strings") }
            return s
        }
    }

    /// A structure member (or a map member) as its members.
    func structure(_ name: String) throws -> OrderedDictionary<String, Value>? {
        guard let v = members[name] else { return nil }
        guard let m = v.members else { throw mistyped(name, "a structure") }
        return m
    }

    func requiredStructure(_ name: String) throws -> OrderedDictionary<String, Value> {
        guard let m = try structure(name) else { throw missing(name) }
        return m
    }

    /// A string-to-string map (tags).
    func stringMap(_ name: String) throws -> OrderedDictionary<String, String>? {
        guard let m = try structure(name) else { return nil }
        var out = OrderedDictionary<String, String>()
        for (k, v) in m {
            guard case .string(let s) = v else { throw mistyped(name, "a map of strings") }
            out[k] = s
        }
        return out
    }

    /// The page size: the model's limit when absent, refused outside `1...limit`.
    func pageSize(limit: Int) throws -> Int {
        guard let n = try integer("maxResults") else { return limit }
        guard n >= 1, n <= Int64(limit) else {
            throw ServiceError.validation("maxResults must be between 1 and \(limit); got \(n).")
        }
        return Int(n)
    }

    /// A hash of every member except those named: what identifies "the same
    /// request" for idempotency and "the same query" for page tokens.
    func fingerprint(excluding excluded: Set<String>) -> Int64 {
        var rest = members
        for name in excluded { rest.removeValue(forKey: name) }
        return Digester.hash64(ValueCodec.encode(.structure(rest)))
    }

    private func mistyped(_ name: String, _ expected: String) -> ServiceError {
        .validation("Member \(name) must be \(expected).")
    }

    private func missing(_ name: String) -> ServiceError {
        .validation("Missing required member \(name).")
    }
}
