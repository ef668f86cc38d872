import Text

/// Writes JSON text straight into a byte buffer: compact as the services send
/// it, or laid out as Python's `json.dumps` does (separators, `indent`,
/// `ensure_ascii`), so that every output is byte-for-byte reproducible.
public struct JSONWriter: Sendable {
    /// How the text is laid out.
    public struct Format: Sendable, Hashable {
        /// Between array elements and object members (before the newline of an indented layout).
        public var itemSeparator: String
        /// Between a key and its value.
        public var keySeparator: String
        /// Spaces per level; `nil` writes everything on one line.
        public var indent: Int?
        /// Escapes every non-ASCII character as `\uXXXX`, as Python's `ensure_ascii` does.
        public var escapeNonASCII: Bool
        /// How doubles print.
        public var doubles: DoubleStyle

        public init(itemSeparator: String = ",", keySeparator: String = ":", indent: Int? = nil,
                    escapeNonASCII: Bool = false, doubles: DoubleStyle = .wire) {
            self.itemSeparator = itemSeparator
            self.keySeparator = keySeparator
            self.indent = indent
            self.escapeNonASCII = escapeNonASCII
            self.doubles = doubles
        }

        /// `{"a":1}`, as the services send it.
        public static let wire = Format()
        /// `{"line":1,"ok":true}` with doubles as Python prints floats (`1.0`, `NaN`).
        public static let compact = Format(doubles: .python)
        /// Python's `json.dumps(value, indent=spaces)` with `ensure_ascii` off.
        public static func indented(_ spaces: Int = 4) -> Format {
            Format(itemSeparator: ",", keySeparator: ": ", indent: spaces, doubles: .python)
        }
    }

    /// How a double prints.
    public enum DoubleStyle: Sendable, Hashable {
        /// As the AWS JSON protocols send them: integral values below 10^15 as integers,
        /// non-finite values as the strings `"NaN"`, `"Infinity"`, `"-Infinity"`.
        case wire
        /// As Python's `json.dumps` writes a float: integral values below 10^16 with `.0`,
        /// `NaN`, `Infinity`, `-Infinity` bare.
        case python
    }

    public private(set) var bytes: [UInt8] = []
    public let format: Format
    private let itemSeparator: [UInt8]
    private let keySeparator: [UInt8]

    public init(format: Format = .wire, capacity: Int = 256) {
        self.format = format
        itemSeparator = Array(format.itemSeparator.utf8)
        keySeparator = Array(format.keySeparator.utf8)
        bytes.reserveCapacity(capacity)
    }

    @inline(__always) public mutating func raw(_ byte: UInt8) { bytes.append(byte) }
    @inline(__always) public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
    public mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    public mutating func null() { raw("null") }
    public mutating func bool(_ value: Bool) { value ? raw("true") : raw("false") }
    public mutating func integer(_ value: Int64) { bytes.append(contentsOf: String(value).utf8) }

    public mutating func double(_ value: Double) {
        switch format.doubles {
        case .wire:
            if value.isNaN { string("NaN"); return }
            if value.isInfinite { string(value < 0 ? "-Infinity" : "Infinity"); return }
            if value == value.rounded(), Swift.abs(value) < 1e15 {
                integer(Int64(value))
            } else {
                bytes.append(contentsOf: "\(value)".utf8)
            }
        case .python:
            // Integral values below 10^16 on the fast path; the rest as Python's repr (Text).
            if value == value.rounded(), Swift.abs(value) < 1e16 {
                if value.sign == .minus { raw(UInt8(ascii: "-")) }
                integer(Int64(Swift.abs(value)))
                raw(".0")
            } else {
                bytes.append(contentsOf: PythonNumbers.jsonText(value).utf8)
            }
        }
    }

    /// Between two elements or members.
    @inline(__always) public mutating func separator() { bytes.append(contentsOf: itemSeparator) }

    /// Between a member's key and its value.
    @inline(__always) public mutating func colon() { bytes.append(contentsOf: keySeparator) }

    /// In an indented layout, a new line indented `level` deep; nothing otherwise.
    @inline(__always) public mutating func newline(_ level: Int) {
        guard let indent = format.indent else { return }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: indent * level))
    }

    public mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        let escapeNonASCII = format.escapeNonASCII
        value.withUTF8 { utf8 in
            var runStart = 0
            var i = 0
            while i < utf8.count {
                let c = utf8[i]
                if c >= 0x20 && c != 0x22 && c != 0x5C && (c < 0x7F || !escapeNonASCII) { i += 1; continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                if c >= 0x80 {
                    // A whole scalar, escaped as \uXXXX (a surrogate pair beyond the BMP).
                    var length = 1
                    while i + length < utf8.count, utf8[i + length] & 0xC0 == 0x80 { length += 1 }
                    let scalar = String(decoding: UnsafeBufferPointer(rebasing: utf8[i..<(i + length)]), as: UTF8.self)
                        .unicodeScalars.first!.value
                    if scalar > 0xFFFF {
                        let v = scalar - 0x10000
                        escape(0xD800 + (v >> 10))
                        escape(0xDC00 + (v & 0x3FF))
                    } else {
                        escape(scalar)
                    }
                    i += length
                } else {
                    switch c {
                    case 0x22: raw("\\\"")
                    case 0x5C: raw("\\\\")
                    case 0x0A: raw("\\n")
                    case 0x0D: raw("\\r")
                    case 0x09: raw("\\t")
                    case 0x08: raw("\\b")
                    case 0x0C: raw("\\f")
                    default: escape(UInt32(c))
                    }
                    i += 1
                }
                runStart = i
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ unit: UInt32) {
        raw("\\u")
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(hexDigits[Int((unit >> UInt32(shift)) & 0xF)])
        }
    }

    /// A whole `JSON` tree, `level` deep in an indented document.
    public mutating func json(_ value: JSON, level: Int = 0) {
        switch value {
        case .null: null()
        case .bool(let b): bool(b)
        case .integer(let i): integer(i)
        case .double(let d): double(d)
        case .string(let s): string(s)
        case .array(let elements):
            if elements.isEmpty { raw("[]"); return }
            raw(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { separator() }
                newline(level + 1)
                json(element, level: level + 1)
            }
            newline(level)
            raw(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { raw("{}"); return }
            raw(UInt8(ascii: "{"))
            for (i, member) in members.enumerated() {
                if i > 0 { separator() }
                newline(level + 1)
                string(member.key)
                colon()
                json(member.value, level: level + 1)
            }
            newline(level)
            raw(UInt8(ascii: "}"))
        }
    }

    /// The bytes of one JSON tree.
    public static func encode(_ value: JSON, format: Format = .wire) -> [UInt8] {
        var writer = JSONWriter(format: format)
        writer.json(value)
        return writer.bytes
    }
}

private let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

extension JSON {
    /// On one line, no spaces: `{"line":1,"ok":true}` (doubles as Python prints them).
    public var compact: String { String(decoding: JSONWriter.encode(self, format: .compact), as: UTF8.self) }

    /// As Python's `json.dumps(value, indent=4)` lays it out (with `spaces` 4), `ensure_ascii` off.
    public func indented(by spaces: Int = 4) -> String {
        String(decoding: JSONWriter.encode(self, format: .indented(spaces)), as: UTF8.self)
    }
}
