import Text

/// The path of a rest-json request URI (`/tags/{resourceArn}`, `/x/{key+}`),
/// to fill in (client) and to match against a request path (server).
public struct URITemplate: Sendable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case label(String)
        /// `{name+}`: one or more segments, slashes included.
        case greedy(String)
    }

    let segments: [Segment]
    /// A literal query that the URI carries (`?versions`), rarely used.
    public let literalQuery: String

    public init(_ requestURI: String) {
        let parts = requestURI.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        literalQuery = parts.count > 1 ? String(parts[1]) : ""
        segments = parts[0].split(separator: "/", omittingEmptySubsequences: true).map { part in
            if part.hasPrefix("{"), part.hasSuffix("}") {
                let name = part.dropFirst().dropLast()
                return name.hasSuffix("+") ? .greedy(String(name.dropLast())) : .label(String(name))
            }
            return .literal(String(part))
        }
    }

    /// Whether the template has no labels: its path can be matched by a table lookup.
    public var isLiteral: Bool { !segments.contains { if case .literal = $0 { false } else { true } } }

    /// The path with every label filled in, percent-encoded (greedy labels keep their slashes).
    public func path(labels: [String: String]) -> String? {
        var out = ""
        for segment in segments {
            out += "/"
            switch segment {
            case .literal(let text): out += text
            case .label(let name):
                guard let value = labels[name], !value.isEmpty else { return nil }
                out += PercentEncoding.encode(value)
            case .greedy(let name):
                guard let value = labels[name], !value.isEmpty else { return nil }
                out += PercentEncoding.encode(value, keepSlash: true)
            }
        }
        return out.isEmpty ? "/" : out
    }

    /// The decoded labels when `segments` (raw, still percent-encoded) match.
    func match(_ raw: [Substring]) -> [String: String]? {
        var labels: [String: String] = [:]
        var i = 0
        for (k, segment) in segments.enumerated() {
            switch segment {
            case .literal(let text):
                guard i < raw.count, raw[i] == text[...] else { return nil }
                i += 1
            case .label(let name):
                guard i < raw.count, let value = PercentEncoding.decode(raw[i]), !value.isEmpty else { return nil }
                labels[name] = value
                i += 1
            case .greedy(let name):
                // Greedy labels take what the segments after them leave.
                let rest = segments.count - k - 1
                guard raw.count - i > rest else { return nil }
                let taken = raw[i..<(raw.count - rest)]
                guard let value = PercentEncoding.decode(taken.joined(separator: "/")[...]) else { return nil }
                labels[name] = value
                i = raw.count - rest
            }
        }
        return i == raw.count ? labels : nil
    }
}
