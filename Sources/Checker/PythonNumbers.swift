import Constraints
/// Numbers read from text as Python's `int()` and `float()` read them, which
/// is how the AWS CLI turns a word into an integer or a double: white space
/// around is allowed, a sign, `_` between digits; `float()` also takes
/// `inf`, `nan` and exponents.
enum PythonNumbers {
    enum IntegerResult {
        case value(Int64)
        /// Valid, but outside 64 bits.
        case tooLarge
        case invalid
    }

    static func integer(_ text: String) -> IntegerResult {
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

    static func double(_ text: String) -> Double? {
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

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}

extension String {
    /// Python's `strip()`: white space as `str.isspace` sees it.
    var trimmingPythonSpace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !CharacterClass.isPythonSpace($0.value) }) else { return "" }
        let last = scalars.lastIndex(where: { !CharacterClass.isPythonSpace($0.value) })!
        // Nearly every value has nothing to trim: it is returned as it is, not copied.
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }

    /// Python's `lstrip()`.
    var leadingPythonSpaceTrimmed: Substring.UnicodeScalarView {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !CharacterClass.isPythonSpace($0.value) }) else { return Substring("").unicodeScalars }
        return Substring(self).unicodeScalars[first...]
    }
}
