/// Reads JSON as Python's `json.loads` does, which is what the AWS CLI uses:
/// `NaN`, `Infinity` and `-Infinity` are numbers, a later duplicate key wins,
/// integers and floats stay apart (`1` is an integer, `1.0` a float), control
/// characters inside strings are refused, and white space is ` \t\n\r`.
///
/// Nesting is bounded (`maxDepth`); errors carry the UTF-8 offset they are at.
struct JSONReader {
    struct Failure: Error {
        var message: String
        var offset: Int
        var code: DiagnosticCode = .invalidJSON
    }

    static let maxDepth = 256

    private let bytes: UnsafeBufferPointer<UInt8>
    private var pos = 0
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The value of a whole text (white space around it allowed).
    static func read(_ text: String) -> Result<ValueNode, Failure> {
        var copy = text
        return copy.withUTF8 { buffer in
            var reader = JSONReader(buffer)
            do {
                reader.skipSpace()
                let value = try reader.value()
                reader.skipSpace()
                if reader.pos < buffer.count { throw reader.fail("extra data after the JSON value") }
                return .success(value)
            } catch let failure as Failure {
                return .failure(failure)
            } catch {
                return .failure(Failure(message: "\(error)", offset: 0))
            }
        }
    }

    private func fail(_ message: String, at offset: Int? = nil) -> Failure {
        Failure(message: message, offset: offset ?? pos)
    }

    private var current: UInt8? { pos < bytes.count ? bytes[pos] : nil }

    private mutating func skipSpace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x09, 0x0A, 0x0D: pos += 1
            default: return
            }
        }
    }

    private mutating func value() throws -> ValueNode {
        guard let c = current else { throw fail("expected a value, found the end") }
        switch c {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""):
            let start = pos
            let s = try string()
            return ValueNode(.string(s), start..<pos)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if c == UInt8(ascii: "-"), literal("-Infinity") { return ValueNode(.double(-.infinity), pos - 9..<pos) }
            return try number()
        case UInt8(ascii: "t") where literal("true"): return ValueNode(.boolean(true), pos - 4..<pos)
        case UInt8(ascii: "f") where literal("false"): return ValueNode(.boolean(false), pos - 5..<pos)
        case UInt8(ascii: "n") where literal("null"): return ValueNode(.null, pos - 4..<pos)
        case UInt8(ascii: "N") where literal("NaN"): return ValueNode(.double(.nan), pos - 3..<pos)
        case UInt8(ascii: "I") where literal("Infinity"): return ValueNode(.double(.infinity), pos - 8..<pos)
        default:
            throw fail("expected a value")
        }
    }

    /// Consumes `word` when it is next.
    private mutating func literal(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard pos + n <= bytes.count else { return false }
        let p = word.utf8Start
        for k in 0..<n where bytes[pos + k] != p[k] { return false }
        pos += n
        return true
    }

    private mutating func enter() throws {
        depth += 1
        if depth > Self.maxDepth {
            var failure = fail("the value nests deeper than \(Self.maxDepth) levels")
            failure.code = .nestingTooDeep
            throw failure
        }
    }

    private mutating func object() throws -> ValueNode {
        let start = pos
        try enter()
        pos += 1
        var entries: [ValueNode.Entry] = []
        var index: [String: Int] = [:]
        skipSpace()
        if current == UInt8(ascii: "}") {
            pos += 1
            depth -= 1
            return ValueNode(.object([]), start..<pos)
        }
        while true {
            skipSpace()
            guard current == UInt8(ascii: "\"") else { throw fail("expected a property name in double quotes") }
            let keyStart = pos
            let key = try string()
            let keySpan = keyStart..<pos
            skipSpace()
            guard current == UInt8(ascii: ":") else { throw fail("expected ':' after the property name") }
            pos += 1
            skipSpace()
            let v = try value()
            // As with Python's dict: a later duplicate replaces the value, keeping the place.
            if let at = index[key] {
                entries[at].value = v
            } else {
                index[key] = entries.count
                entries.append(ValueNode.Entry(key: key, keySpan: keySpan, value: v))
            }
            skipSpace()
            guard let c = current else { throw fail("expected ',' or '}', found the end") }
            pos += 1
            if c == UInt8(ascii: "}") { break }
            guard c == UInt8(ascii: ",") else { throw fail("expected ',' or '}'", at: pos - 1) }
        }
        depth -= 1
        return ValueNode(.object(entries), start..<pos)
    }

    private mutating func array() throws -> ValueNode {
        let start = pos
        try enter()
        pos += 1
        var items: [ValueNode] = []
        skipSpace()
        if current == UInt8(ascii: "]") {
            pos += 1
            depth -= 1
            return ValueNode(.list([]), start..<pos)
        }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            guard let c = current else { throw fail("expected ',' or ']', found the end") }
            pos += 1
            if c == UInt8(ascii: "]") { break }
            guard c == UInt8(ascii: ",") else { throw fail("expected ',' or ']'", at: pos - 1) }
        }
        depth -= 1
        return ValueNode(.list(items), start..<pos)
    }

    private mutating func number() throws -> ValueNode {
        let start = pos
        if current == UInt8(ascii: "-") { pos += 1 }
        guard let first = current, isDigit(first) else { throw fail("expected a value", at: start) }
        pos += 1
        if first != UInt8(ascii: "0") { while let c = current, isDigit(c) { pos += 1 } }
        var isFloat = false
        if current == UInt8(ascii: "."), pos + 1 < bytes.count, isDigit(bytes[pos + 1]) {
            isFloat = true
            pos += 1
            while let c = current, isDigit(c) { pos += 1 }
        }
        if let e = current, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            var p = pos + 1
            if p < bytes.count, bytes[p] == UInt8(ascii: "+") || bytes[p] == UInt8(ascii: "-") { p += 1 }
            if p < bytes.count, isDigit(bytes[p]) {
                isFloat = true
                pos = p
                while let c = current, isDigit(c) { pos += 1 }
            }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
        if isFloat {
            return ValueNode(.double(Double(text) ?? .nan), start..<pos)
        }
        if let i = Int64(text) { return ValueNode(.integer(i), start..<pos) }
        return ValueNode(.bigInteger(text), start..<pos)
    }

    @inline(__always) private func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// A string at `"`; the cursor ends after the closing quote.
    private mutating func string() throws -> String {
        let open = pos
        pos += 1
        // Fast path: no escapes.
        var p = pos
        while p < bytes.count {
            let c = bytes[p]
            if c == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[pos..<p]), as: UTF8.self)
                pos = p + 1
                return s
            }
            if c == UInt8(ascii: "\\") || c < 0x20 { break }
            p += 1
        }
        var out: [UInt8] = Array(bytes[pos..<p])
        pos = p
        while true {
            guard let c = current else { throw fail("unterminated string", at: open) }
            if c == UInt8(ascii: "\"") {
                pos += 1
                return String(decoding: out, as: UTF8.self)
            }
            if c < 0x20 { throw fail("a control character must be escaped inside a string") }
            if c != UInt8(ascii: "\\") {
                out.append(c)
                pos += 1
                continue
            }
            pos += 1
            guard let e = current else { throw fail("unterminated string", at: open) }
            pos += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar), literal("\\u") {
                    let save = pos
                    let low = try hex4()
                    if (0xDC00...0xDFFF).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        pos = save - 2
                    }
                }
                // A lone surrogate has no place in a Swift string: U+FFFD stands in.
                let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(s)).utf8))
            default:
                throw fail("invalid escape '\\\(Character(Unicode.Scalar(e)))'", at: pos - 2)
            }
        }
    }

    private mutating func hex4() throws -> UInt32 {
        guard pos + 4 <= bytes.count else { throw fail("invalid \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[pos]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw fail("invalid \\u escape")
            }
            v = v << 4 | d
            pos += 1
        }
        return v
    }
}
