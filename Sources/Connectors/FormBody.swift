import Text

/// An `application/x-www-form-urlencoded` body, as Slack sends slash
/// commands: `name=value` pairs joined by `&`, `+` for a space, `%XX` for a
/// byte. Names and values are read as UTF-8; a malformed escape is kept as
/// written rather than refused.
public struct FormBody: Sendable, Equatable {
    /// The pairs in the order sent.
    public var pairs: [(name: String, value: String)]

    public init(pairs: [(name: String, value: String)]) {
        self.pairs = pairs
    }

    public init(_ body: [UInt8]) {
        var pairs: [(name: String, value: String)] = []
        for part in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            if let eq = part.firstIndex(of: UInt8(ascii: "=")) {
                pairs.append((Self.decode(part[..<eq]), Self.decode(part[(eq + 1)...])))
            } else {
                pairs.append((Self.decode(part), ""))
            }
        }
        self.pairs = pairs
    }

    /// The first value of a name.
    public subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    public static func == (a: FormBody, b: FormBody) -> Bool {
        a.pairs.count == b.pairs.count && zip(a.pairs, b.pairs).allSatisfy { $0 == $1 }
    }

    /// Decodes one name or value.
    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        PercentEncoding.decode(bytes: bytes, plusIsSpace: true, lenient: true) ?? ""
    }
}
