import Text

/// The canonical form of a request that SigV4 signs, built the way botocore
/// builds it for services other than S3:
///
/// - the path as sent, with `.`/`..` segments and doubled slashes removed,
///   then percent-encoded again (so `%3A` becomes `%253A`);
/// - the query parameters decoded, re-encoded strictly (RFC 3986) and sorted;
/// - the signed headers in lower case, sorted, values with runs of
///   whitespace collapsed, repeated headers joined with commas;
/// - the SHA-256 of the payload.
public struct CanonicalRequest: Sendable {
    public let text: String
    public let signedHeaders: String

    /// - Parameters:
    ///   - headers: every header of the request (name, value), any case.
    ///   - signedHeaderNames: the lower-case names to sign, in any order.
    public init(method: String, path: String, query: String, headers: [(String, String)],
                signedHeaderNames: [String], payloadHash: String) {
        let names = Array(Set(signedHeaderNames.map { $0.lowercased() })).sorted()
        var canonicalHeaders = ""
        for name in names {
            let values = headers.filter { $0.0.lowercased() == name }.map { Self.collapse($0.1) }
            canonicalHeaders += name + ":" + values.joined(separator: ",") + "\n"
        }
        signedHeaders = names.joined(separator: ";")
        text = [method.uppercased(), Self.canonicalPath(path), Self.canonicalQuery(query),
                canonicalHeaders, signedHeaders, payloadHash].joined(separator: "\n")
    }

    /// botocore's `_normalize_url_path`: remove dot segments and empty segments, then quote.
    static func canonicalPath(_ path: String) -> String {
        guard !path.isEmpty else { return "/" }
        var output: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." { if !output.isEmpty { output.removeLast() }; continue }
            output.append(segment)
        }
        var normalized = (path.hasPrefix("/") ? "/" : "") + output.joined(separator: "/")
        if path.hasSuffix("/") && !output.isEmpty { normalized += "/" }
        return PercentEncoding.encode(normalized, keepSlash: true)
    }

    static func canonicalQuery(_ query: String) -> String {
        guard !query.isEmpty else { return "" }
        var pairs: [(String, String)] = []
        for item in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            // A broken escape is kept as it is (the signature will not match).
            let key = decodeKeepingBroken(parts[0]), value = parts.count > 1 ? decodeKeepingBroken(parts[1]) : ""
            pairs.append((PercentEncoding.encode(key), PercentEncoding.encode(value)))
        }
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        return pairs.map { $0.0 + "=" + $0.1 }.joined(separator: "&")
    }

    /// `' '.join(value.split())`: trims and collapses whitespace runs.
    static func collapse(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    private static func decodeKeepingBroken(_ text: Substring) -> String {
        PercentEncoding.decode(text, lenient: true) ?? String(text)
    }
}
