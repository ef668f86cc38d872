/// Which JSON a reader accepts. One reader serves every caller; where the
/// callers' JSON differs, the difference is a field here.
public struct JSONDialect: Sendable, Hashable {
    /// Arrays and objects nested deeper than this are refused rather than risk the stack.
    public var maxDepth: Int
    /// `NaN`, `Infinity` and `-Infinity` are numbers (Python's `json.loads`).
    public var nonFiniteNumbers: Bool
    /// Invalid UTF-8 and lone surrogate escapes are errors; otherwise they read as U+FFFD.
    public var strictUnicode: Bool

    public init(maxDepth: Int, nonFiniteNumbers: Bool, strictUnicode: Bool) {
        self.maxDepth = maxDepth
        self.nonFiniteNumbers = nonFiniteNumbers
        self.strictUnicode = strictUnicode
    }

    /// RFC 8259 as the services read request bodies: nothing more, no invalid UTF-8, no lone surrogates.
    public static let wire = JSONDialect(maxDepth: 64, nonFiniteNumbers: false, strictUnicode: true)
    /// What the AWS CLI reads with Python's `json.loads`: `NaN` and `Infinity` too.
    public static let python = JSONDialect(maxDepth: 256, nonFiniteNumbers: true, strictUnicode: false)
    /// JMESPath literals and documents (jmespath.py reads them with `json.loads` too, but without
    /// the non-finite numbers, which JMESPath has no type for).
    public static let jmespath = JSONDialect(maxDepth: 512, nonFiniteNumbers: false, strictUnicode: false)
}

/// Why a text is not JSON, and where (a byte offset into the UTF-8 text).
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Not JSON.
        case syntax
        /// Nested deeper than the dialect allows.
        case tooDeep
        /// Invalid UTF-8 or a lone surrogate (strict dialects only).
        case unicode
    }

    public var kind: Kind
    public var message: String
    public var offset: Int

    public init(_ kind: Kind, _ message: String, at offset: Int) {
        self.kind = kind
        self.message = message
        self.offset = offset
    }

    public var description: String { "\(message) at byte \(offset)" }
}

/// A number as written: exact integers apart from the rest.
public enum JSONNumber: Sendable, Equatable {
    case integer(Int64)
    /// An integer beyond 64 bits, as written.
    case bigInteger(String)
    case double(Double)
}

/// What a reader builds: the reader calls it for each value with the value's
/// span (UTF-8 offsets), so that one reader builds plain values, located values
/// for diagnostics, or whatever tree a caller keeps.
public protocol JSONBuilder {
    associatedtype Value
    associatedtype Array
    associatedtype Object

    mutating func null(at span: Range<Int>) -> Value
    mutating func bool(_ value: Bool, at span: Range<Int>) -> Value
    mutating func number(_ value: JSONNumber, at span: Range<Int>) -> Value
    mutating func string(_ value: String, at span: Range<Int>) -> Value

    mutating func makeArray() -> Array
    mutating func append(_ element: Value, to array: inout Array)
    mutating func finish(_ array: Array, at span: Range<Int>) -> Value

    mutating func makeObject() -> Object
    /// A member, in the order read; duplicates are the builder's to decide.
    mutating func add(_ key: String, at keySpan: Range<Int>, _ value: Value, to object: inout Object)
    mutating func finish(_ object: Object, at span: Range<Int>) -> Value
}

/// A recursive-descent JSON reader walking UTF-8 bytes with a cursor.
public struct JSONReader<Builder: JSONBuilder> {
    @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
    @usableFromInline let dialect: JSONDialect
    @usableFromInline var pos = 0
    @usableFromInline var depth = 0

    @inlinable init(_ bytes: UnsafeBufferPointer<UInt8>, _ dialect: JSONDialect) {
        self.bytes = bytes
        self.dialect = dialect
    }

    /// Reads one whole document: white space may surround the value, nothing else may follow.
    @inlinable public static func read(_ bytes: UnsafeBufferPointer<UInt8>, dialect: JSONDialect,
                            into builder: inout Builder) throws(JSONError) -> Builder.Value {
        var reader = JSONReader(bytes, dialect)
        reader.skipSpace()
        let value = try reader.value(&builder)
        reader.skipSpace()
        if reader.pos < bytes.count { throw reader.fail("extra data after the JSON value") }
        return value
    }

    /// Reads one document from any bytes.
    @inlinable public static func read(_ data: some Collection<UInt8>, dialect: JSONDialect,
                            into builder: inout Builder) throws(JSONError) -> Builder.Value {
        let result: Result<Builder.Value, JSONError>? = data.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONError) in try read(buffer, dialect: dialect, into: &builder) }
        }
        if let result { return try result.get() }
        let array = Swift.Array(data)
        return try array.withUnsafeBufferPointer { (buffer) throws(JSONError) in try read(buffer, dialect: dialect, into: &builder) }
    }

    /// Reads one document from a string's UTF-8.
    @inlinable public static func read(_ text: String, dialect: JSONDialect, into builder: inout Builder) throws(JSONError) -> Builder.Value {
        var copy = text
        let result = copy.withUTF8 { buffer in
            Result { () throws(JSONError) in try read(buffer, dialect: dialect, into: &builder) }
        }
        return try result.get()
    }

    @inlinable func fail(_ message: String, at offset: Int? = nil, _ kind: JSONError.Kind = .syntax) -> JSONError {
        JSONError(kind, message, at: offset ?? pos)
    }

    @inlinable var current: UInt8? { pos < bytes.count ? bytes[pos] : nil }

    @inlinable mutating func skipSpace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x09, 0x0A, 0x0D: pos += 1
            default: return
            }
        }
    }

    @inlinable mutating func value(_ builder: inout Builder) throws(JSONError) -> Builder.Value {
        guard let c = current else { throw fail("expected a value, found the end") }
        let start = pos
        switch c {
        case UInt8(ascii: "{"): return try object(&builder)
        case UInt8(ascii: "["): return try array(&builder)
        case UInt8(ascii: "\""):
            let s = try string()
            return builder.string(s, at: start..<pos)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if c == UInt8(ascii: "-"), dialect.nonFiniteNumbers, literal("-Infinity") {
                return builder.number(.double(-.infinity), at: start..<pos)
            }
            let n = try number()
            return builder.number(n, at: start..<pos)
        case UInt8(ascii: "t") where literal("true"): return builder.bool(true, at: start..<pos)
        case UInt8(ascii: "f") where literal("false"): return builder.bool(false, at: start..<pos)
        case UInt8(ascii: "n") where literal("null"): return builder.null(at: start..<pos)
        case UInt8(ascii: "N") where dialect.nonFiniteNumbers && literal("NaN"):
            return builder.number(.double(.nan), at: start..<pos)
        case UInt8(ascii: "I") where dialect.nonFiniteNumbers && literal("Infinity"):
            return builder.number(.double(.infinity), at: start..<pos)
        default:
            throw fail("expected a value")
        }
    }

    /// Consumes `word` when it is next.
    @inlinable mutating func literal(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard pos + n <= bytes.count else { return false }
        let p = word.utf8Start
        for k in 0..<n where bytes[pos + k] != p[k] { return false }
        pos += n
        return true
    }

    @inlinable mutating func enter() throws(JSONError) {
        depth += 1
        if depth > dialect.maxDepth {
            throw fail("the value nests deeper than \(dialect.maxDepth) levels", .tooDeep)
        }
    }

    @inlinable mutating func object(_ builder: inout Builder) throws(JSONError) -> Builder.Value {
        let start = pos
        try enter()
        pos += 1
        var object = builder.makeObject()
        skipSpace()
        if current == UInt8(ascii: "}") {
            pos += 1
            depth -= 1
            return builder.finish(object, at: start..<pos)
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
            let v = try value(&builder)
            builder.add(key, at: keySpan, v, to: &object)
            skipSpace()
            guard let c = current else { throw fail("expected ',' or '}', found the end") }
            pos += 1
            if c == UInt8(ascii: "}") { break }
            guard c == UInt8(ascii: ",") else { throw fail("expected ',' or '}'", at: pos - 1) }
        }
        depth -= 1
        return builder.finish(object, at: start..<pos)
    }

    @inlinable mutating func array(_ builder: inout Builder) throws(JSONError) -> Builder.Value {
        let start = pos
        try enter()
        pos += 1
        var items = builder.makeArray()
        skipSpace()
        if current == UInt8(ascii: "]") {
            pos += 1
            depth -= 1
            return builder.finish(items, at: start..<pos)
        }
        while true {
            skipSpace()
            let v = try value(&builder)
            builder.append(v, to: &items)
            skipSpace()
            guard let c = current else { throw fail("expected ',' or ']', found the end") }
            pos += 1
            if c == UInt8(ascii: "]") { break }
            guard c == UInt8(ascii: ",") else { throw fail("expected ',' or ']'", at: pos - 1) }
        }
        depth -= 1
        return builder.finish(items, at: start..<pos)
    }

    /// A number at `-` or a digit. As Python's reader does, a `.` or an exponent
    /// marker without digits after it ends the number (and then the document fails).
    @inlinable mutating func number() throws(JSONError) -> JSONNumber {
        let start = pos
        let negative = current == UInt8(ascii: "-")
        if negative { pos += 1 }
        guard let first = current, isDigit(first) else { throw fail("expected a value", at: start) }
        // Integers accumulate as they go; most numbers on the wire are short integers.
        var magnitude = UInt64(first &- 0x30)
        var overflow = false
        pos += 1
        if first != UInt8(ascii: "0") {
            while let c = current, isDigit(c) {
                let (m1, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (m2, o2) = m1.addingReportingOverflow(UInt64(c &- 0x30))
                magnitude = m2
                overflow = overflow || o1 || o2
                pos += 1
            }
        }
        var isFloat = false
        // The digits as one integer and a power of ten, for the exact fast path below.
        var mantissa = magnitude
        var exact = !overflow
        var power = 0
        if current == UInt8(ascii: "."), pos + 1 < bytes.count, isDigit(bytes[pos + 1]) {
            isFloat = true
            pos += 1
            while let c = current, isDigit(c) {
                if exact {
                    let (m1, o1) = mantissa.multipliedReportingOverflow(by: 10)
                    let (m2, o2) = m1.addingReportingOverflow(UInt64(c &- 0x30))
                    if o1 || o2 { exact = false } else { mantissa = m2; power -= 1 }
                }
                pos += 1
            }
        }
        if let e = current, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            var p = pos + 1
            var negativeExponent = false
            if p < bytes.count, bytes[p] == UInt8(ascii: "+") || bytes[p] == UInt8(ascii: "-") {
                negativeExponent = bytes[p] == UInt8(ascii: "-")
                p += 1
            }
            if p < bytes.count, isDigit(bytes[p]) {
                isFloat = true
                pos = p
                var exponent = 0
                while let c = current, isDigit(c) {
                    if exponent < 100_000 { exponent = exponent * 10 + Int(c &- 0x30) }
                    pos += 1
                }
                power += negativeExponent ? -exponent : exponent
            }
        }
        if !isFloat && !overflow {
            if negative {
                if magnitude <= UInt64(Int64.max) { return .integer(-Int64(magnitude)) }
                if magnitude == UInt64(Int64.max) + 1 { return .integer(.min) }
            } else if magnitude <= UInt64(Int64.max) {
                return .integer(Int64(magnitude))
            }
        }
        if isFloat, exact, mantissa <= 1 << 53, -22 <= power, power <= 22 {
            // Both operands exact, one IEEE operation: correctly rounded (Clinger's fast path).
            let m = Double(mantissa)
            let value = power < 0 ? m / exactPowersOfTen[-power] : m * exactPowersOfTen[power]
            return .double(negative ? -value : value)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
        if isFloat { return .double(Double(text) ?? .nan) }
        return .bigInteger(text)
    }

    @inlinable func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    @inlinable func makeString(_ utf8: UnsafeBufferPointer<UInt8>, at offset: Int) throws(JSONError) -> String {
        if dialect.strictUnicode {
            guard let s = String(validating: utf8, as: UTF8.self) else {
                throw fail("invalid UTF-8 in a string", at: offset, .unicode)
            }
            return s
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// A string at `"`; the cursor ends after the closing quote.
    @inlinable mutating func string() throws(JSONError) -> String {
        let open = pos
        pos += 1
        // Fast path: no escapes (and most often ASCII only, which needs no validation).
        var p = pos
        var high: UInt8 = 0
        // Eight bytes at a time while none of them is a quote, a backslash or a control character.
        if let base = bytes.baseAddress {
            var highs: UInt64 = 0
            let ones: UInt64 = 0x0101_0101_0101_0101
            let tops: UInt64 = 0x8080_8080_8080_8080
            while p + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self)
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word)
                if special & tops != 0 { break }
                highs |= word
                p += 8
            }
            if highs & tops != 0 { high = 0x80 }
        }
        while p < bytes.count {
            let c = bytes[p]
            if c == UInt8(ascii: "\"") {
                let utf8 = UnsafeBufferPointer(rebasing: bytes[pos..<p])
                let s = high < 0x80 ? String(decoding: utf8, as: UTF8.self) : try makeString(utf8, at: pos)
                pos = p + 1
                return s
            }
            if c == UInt8(ascii: "\\") || c < 0x20 { break }
            high |= c
            p += 1
        }
        let contentStart = pos
        var out: [UInt8] = Swift.Array(bytes[pos..<p])
        pos = p
        while true {
            guard let c = current else { throw fail("unterminated string", at: open) }
            if c == UInt8(ascii: "\"") {
                pos += 1
                return try out.withUnsafeBufferPointer { (buffer) throws(JSONError) in try makeString(buffer, at: contentStart) }
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
                let escape = pos - 2
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
                guard let s = Unicode.Scalar(scalar) else {
                    if dialect.strictUnicode { throw fail("lone surrogate in a string", at: escape, .unicode) }
                    // A lone surrogate has no place in a Swift string: U+FFFD stands in.
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    continue
                }
                appendUTF8(s, to: &out)
            default:
                throw fail("invalid escape '\\\(Character(Unicode.Scalar(e)))'", at: pos - 2)
            }
        }
    }

    @inlinable func appendUTF8(_ s: Unicode.Scalar, to out: inout [UInt8]) {
        let v = s.value
        switch v {
        case ..<0x80: out.append(UInt8(v))
        case ..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case ..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    @inlinable mutating func hex4() throws(JSONError) -> UInt32 {
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

/// 10^0 ... 10^22, every one exact in a double.
@usableFromInline let exactPowersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]

/// Builds `JSON` values; duplicate members are kept, in order.
public struct JSONValueBuilder: JSONBuilder {
    public init() {}
    public func null(at span: Range<Int>) -> JSON { .null }
    public func bool(_ value: Bool, at span: Range<Int>) -> JSON { .bool(value) }
    public func number(_ value: JSONNumber, at span: Range<Int>) -> JSON {
        switch value {
        case .integer(let i): .integer(i)
        case .bigInteger(let text): .double(Double(text) ?? .infinity)
        case .double(let d): .double(d)
        }
    }
    public func string(_ value: String, at span: Range<Int>) -> JSON { .string(value) }
    public func makeArray() -> [JSON] { [] }
    public func append(_ element: JSON, to array: inout [JSON]) { array.append(element) }
    public func finish(_ array: [JSON], at span: Range<Int>) -> JSON { .array(array) }
    public func makeObject() -> [(key: String, value: JSON)] {
        var members: [(key: String, value: JSON)] = []
        members.reserveCapacity(8)
        return members
    }
    public func add(_ key: String, at keySpan: Range<Int>, _ value: JSON, to object: inout [(key: String, value: JSON)]) {
        object.append((key, value))
    }
    public func finish(_ object: [(key: String, value: JSON)], at span: Range<Int>) -> JSON { .object(object) }
}

extension JSON {
    /// Reads one document (by default as the wire does: RFC 8259, strictly).
    public init(reading data: some Collection<UInt8>, dialect: JSONDialect = .wire) throws(JSONError) {
        var builder = JSONValueBuilder()
        self = try JSONReader.read(data, dialect: dialect, into: &builder)
    }

    /// Reads one document from a string's UTF-8.
    public init(reading text: String, dialect: JSONDialect = .wire) throws(JSONError) {
        var builder = JSONValueBuilder()
        self = try JSONReader.read(text, dialect: dialect, into: &builder)
    }
}
