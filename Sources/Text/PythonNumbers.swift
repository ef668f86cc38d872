/// Numbers read from text as Python's `int()` and `float()` read them, which
/// is how the AWS CLI turns a word into an integer or a double: white space
/// around is allowed, a sign, `_` between digits; `float()` also takes
/// `inf`, `nan` and exponents.
public enum PythonNumbers {
    public enum IntegerResult {
        case value(Int64)
        /// Valid, but outside 64 bits.
        case tooLarge
        case invalid
    }

    public static func integer(_ text: String) -> IntegerResult {
        var utf8 = Substring(text).utf8[...]
        // Fast path: plain ASCII digits.
        if let first = utf8.first, first >= 0x30 && first <= 0x39, utf8.count < 19,
           utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            var v: Int64 = 0
            for b in utf8 { v = v * 10 + Int64(b - 0x30) }
            return .value(v)
        }
        let trimmed = text.trimmingPythonSpace
        utf8 = Substring(trimmed).utf8[...]
        var negative = false
        if let s = utf8.first, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") {
            negative = s == UInt8(ascii: "-")
            utf8 = utf8.dropFirst()
        }
        guard !utf8.isEmpty, let first = utf8.first, isDigit(first), let last = utf8.last, isDigit(last) else { return .invalid }
        var digits: [UInt8] = []
        var previousUnderscore = false
        for b in utf8 {
            if b == UInt8(ascii: "_") {
                if previousUnderscore { return .invalid }
                previousUnderscore = true
                continue
            }
            guard isDigit(b) else { return .invalid }
            previousUnderscore = false
            digits.append(b)
        }
        // Python refuses leading zeros in a non-zero literal only for int literals,
        // not for int(): "007" is 7.
        var v: Int64 = 0
        for d in digits {
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = negative ? m.subtractingReportingOverflow(Int64(d - 0x30)) : m.addingReportingOverflow(Int64(d - 0x30))
            if o1 || o2 { return .tooLarge }
            v = a
        }
        return .value(v)
    }

    public static func double(_ text: String) -> Double? {
        let trimmed = text.trimmingPythonSpace
        var body = Substring(trimmed)
        var sign = ""
        if let s = body.first, s == "+" || s == "-" {
            sign = s == "-" ? "-" : ""
            body = body.dropFirst()
        }
        switch body.lowercased() {
        case "inf", "infinity": return sign == "-" ? -.infinity : .infinity
        case "nan": return .nan
        default: break
        }
        // Underscores only between digits.
        let scalars = Array(body.unicodeScalars)
        var cleaned = ""
        for (i, s) in scalars.enumerated() {
            if s == "_" {
                guard i > 0, i + 1 < scalars.count, isDigit(UInt8(truncatingIfNeeded: scalars[i - 1].value)) && scalars[i - 1].isASCII,
                      scalars[i + 1].isASCII, isDigit(UInt8(truncatingIfNeeded: scalars[i + 1].value)) else { return nil }
                continue
            }
            guard s.isASCII else { return nil }
            let b = UInt8(s.value)
            guard isDigit(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
                    || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") else { return nil }
            cleaned.unicodeScalars.append(s)
        }
        // Swift also takes hexadecimal and "inf" forms; the filter above rules them out.
        guard cleaned.contains(where: \.isNumber) else { return nil }
        return Double(sign + cleaned)
    }

    @inline(__always) public static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// `str.isspace()` of one code point: what Python's `\s` and `strip()` treat as white space.
    public static func isSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// A double as Python's `json.dumps` prints it: `repr(float)` (the shortest
    /// digits that read back the same; `1.0`, `-0.0`, `0.1`, exponent notation
    /// below 1e-4 and from 1e16 on: `1e-05`, `1e+16`), and `NaN`, `Infinity`,
    /// `-Infinity` for the values JSON has no number for.
    public static func jsonText(_ n: Double) -> String {
        if n.isNaN { return "NaN" }
        if n.isInfinite { return n < 0 ? "-Infinity" : "Infinity" }
        // Swift's description already has the shortest round-trip digits; only the layout differs.
        let text = n.description
        var negative = false
        var digits: [UInt8] = []
        var pointPosition: Int? = nil
        var exponent = 0
        var utf8 = Substring(text).utf8[...]
        if utf8.first == UInt8(ascii: "-") { negative = true; utf8 = utf8.dropFirst() }
        var mantissaEnd = utf8.endIndex
        if let e = utf8.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            mantissaEnd = e
            exponent = Int(String(decoding: utf8[utf8.index(after: e)...], as: UTF8.self)) ?? 0
        }
        for c in utf8[..<mantissaEnd] {
            if c == UInt8(ascii: ".") { pointPosition = digits.count } else { digits.append(c) }
        }
        // value = 0.d1d2... × 10^(point), with leading zeros removed.
        var point = (pointPosition ?? digits.count) + exponent
        while digits.first == UInt8(ascii: "0") && digits.count > 1 { digits.removeFirst(); point -= 1 }
        while digits.last == UInt8(ascii: "0") && digits.count > 1 { digits.removeLast() }
        let scientific = point - 1
        var out = negative ? "-" : ""
        if scientific >= -4 && scientific < 16 {
            if point <= 0 {
                out += "0." + String(repeating: "0", count: -point) + String(decoding: digits, as: UTF8.self)
            } else if point >= digits.count {
                out += String(decoding: digits, as: UTF8.self) + String(repeating: "0", count: point - digits.count) + ".0"
            } else {
                out += String(decoding: digits[..<point], as: UTF8.self) + "." + String(decoding: digits[point...], as: UTF8.self)
            }
        } else {
            out += String(decoding: digits[..<1], as: UTF8.self)
            if digits.count > 1 { out += "." + String(decoding: digits[1...], as: UTF8.self) }
            out += scientific < 0 ? "e-" : "e+"
            let magnitude = abs(scientific)
            out += magnitude < 10 ? "0\(magnitude)" : "\(magnitude)"
        }
        return out
    }
}

extension String {
    /// Python's `strip()`: white space as `str.isspace` sees it.
    public var trimmingPythonSpace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !PythonNumbers.isSpace($0.value) }) else { return "" }
        let last = scalars.lastIndex(where: { !PythonNumbers.isSpace($0.value) })!
        // Nearly every value has nothing to trim: it is returned as it is, not copied.
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }

    /// Python's `lstrip()`.
    public var leadingPythonSpaceTrimmed: Substring.UnicodeScalarView {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !PythonNumbers.isSpace($0.value) }) else { return Substring("").unicodeScalars }
        return Substring(self).unicodeScalars[first...]
    }
}
