/// Percent-encoding as URIs and the AWS protocols use it (RFC 3986).
public enum PercentEncoding {
    /// Encodes every byte but the unreserved characters (`A-Z a-z 0-9 - _ . ~`),
    /// and `/` too when `keepSlash` is set (greedy labels, SigV4 paths).
    public static func encode(_ text: String, keepSlash: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            if isUnreserved(byte) || (keepSlash && byte == UInt8(ascii: "/")) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always)
    public static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
             UInt8(ascii: "."), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// Decodes `%XX` escapes (and `+` as a space when `plusIsSpace`). Strictly
    /// (the wire): `nil` for a broken escape or bytes that are not UTF-8.
    /// Leniently (`lenient`: SigV4's canonical request, form bodies): a broken
    /// escape is kept as written and bytes that are not UTF-8 become U+FFFD.
    public static func decode(_ text: Substring, plusIsSpace: Bool = false, lenient: Bool = false) -> String? {
        let utf8 = text.utf8
        if !utf8.contains(UInt8(ascii: "%")) && !(plusIsSpace && utf8.contains(UInt8(ascii: "+"))) {
            return String(text)
        }
        return decode(bytes: utf8, plusIsSpace: plusIsSpace, lenient: lenient)
    }

    /// `decode(_:plusIsSpace:lenient:)` of bytes (a form body's names and values).
    @inlinable
    public static func decode<Bytes: Collection<UInt8>>(bytes: Bytes, plusIsSpace: Bool = false, lenient: Bool = false) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i != bytes.endIndex {
            let byte = bytes[i]
            if byte == UInt8(ascii: "%") {
                let h = bytes.index(after: i)
                let l = h == bytes.endIndex ? h : bytes.index(after: h)
                if l != bytes.endIndex, let hi = hexValue(bytes[h]), let lo = hexValue(bytes[l]) {
                    out.append(hi << 4 | lo)
                    i = bytes.index(after: l)
                    continue
                }
                guard lenient else { return nil }
                out.append(byte)
            } else {
                out.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            }
            i = bytes.index(after: i)
        }
        return lenient ? String(decoding: out, as: UTF8.self) : String(validating: out, as: UTF8.self)
    }

    public static func decode(_ text: String, plusIsSpace: Bool = false) -> String? {
        decode(Substring(text), plusIsSpace: plusIsSpace)
    }

    @inline(__always)
    public static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The `key=value` pairs of a query string, decoded; `nil` when an escape is broken.
    public static func queryItems(_ query: String) -> [(name: String, value: String)]? {
        guard !query.isEmpty else { return [] }
        var items: [(name: String, value: String)] = []
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0], plusIsSpace: true) else { return nil }
            let value = parts.count > 1 ? decode(parts[1], plusIsSpace: true) : ""
            guard let value else { return nil }
            items.append((name, value))
        }
        return items
    }
}
