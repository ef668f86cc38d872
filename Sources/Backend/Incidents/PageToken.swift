import Foundation

/// Opaque `nextToken`s for keyset pagination: a token carries the sort key of
/// the last item returned, so the next page starts right after it however many
/// items were added or removed meanwhile. It also carries a hash of the query,
/// so a token cannot be replayed against a different query.
enum PageToken {
    static func make(scope: Int64, _ key: [String]) -> String {
        let text = (["p1", String(UInt64(bitPattern: scope), radix: 36)] + key).joined(separator: "\u{1F}")
        // base64url without padding
        let base64 = Data(text.utf8).base64EncodedString().utf8
        return String(decoding: base64.lazy.filter { $0 != UInt8(ascii: "=") }.map { byte in
            byte == UInt8(ascii: "+") ? UInt8(ascii: "-") : byte == UInt8(ascii: "/") ? UInt8(ascii: "_") : byte
        }, as: UTF8.self)
    }

    /// The key inside `token`, or a `ValidationException` when the token is not
    /// one of ours or belongs to another query.
    static func read(_ token: String, scope: Int64, count: Int) throws -> [String] {
        var b64 = String(decoding: token.utf8.map { byte in
            byte == UInt8(ascii: "-") ? UInt8(ascii: "+") : byte == UInt8(ascii: "_") ? UInt8(ascii: "/") : byte
        }, as: UTF8.self)
        while b64.utf8.count % 4 != 0 { b64 += "=" }
        guard let data = Data(base64Encoded: b64), let text = String(data: data, encoding: .utf8) else {
            throw invalid()
        }
        let parts = text.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == count + 2, parts[0] == "p1",
              parts[1] == String(UInt64(bitPattern: scope), radix: 36) else { throw invalid() }
        return Array(parts[2...])
    }

    static func readInts(_ token: String, scope: Int64, count: Int) throws -> [Int64] {
        try read(token, scope: scope, count: count).map { part in
            guard let n = Int64(part) else { throw invalid() }
            return n
        }
    }

    private static func invalid() -> ServiceError {
        .validation("The nextToken is not valid: pass the token of the previous page of the same request, unchanged.")
    }
}
