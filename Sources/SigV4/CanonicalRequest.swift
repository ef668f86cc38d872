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
        return encode(normalized, keepSlash: true)
    }

    static func canonicalQuery(_ query: String) -> String {
        guard !query.isEmpty else { return "" }
        var pairs: [(String, String)] = []
        for item in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = decode(parts[0]), value = parts.count > 1 ? decode(parts[1]) : ""
            pairs.append((encode(key, keepSlash: false), encode(value, keepSlash: false)))
        }
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        return pairs.map { $0.0 + "=" + $0.1 }.joined(separator: "&")
    }

    /// `' '.join(value.split())`: trims and collapses whitespace runs.
    static func collapse(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    static func encode(_ text: String, keepSlash: Bool) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                 UInt8(ascii: "."), UInt8(ascii: "~"):
                out.append(byte)
            case UInt8(ascii: "/") where keepSlash:
                out.append(byte)
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Percent-decoding that keeps a broken escape as it is (the signature will not match).
    static func decode(_ text: Substring) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count, let h = hexValue(bytes[i + 1]), let l = hexValue(bytes[i + 2]) {
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
