import JMESPath

/// How Python turns JSON values into text, which the CLI's text and table output
/// inherit: `str()` of scalars, `repr()` of nested values, code-point key order and
/// the display width of `awscli/table.py`.
enum PythonText {
    /// Python's `str(value)` for a value that `json.loads` produced.
    static func str(_ value: JSONValue) -> String {
        if case .string(let s) = value { s } else { repr(value) }
    }

    /// Python's `repr(value)`: `None`, `True`, `1.5`, `'text'`, `[1, 'a']`, `{'k': 'v'}`.
    static func repr(_ value: JSONValue) -> String {
        switch value {
        case .null: "None"
        case .bool(let b): b ? "True" : "False"
        case .number: value.serialized()
        case .string(let s): reprString(s)
        case .array(let elements): "[" + elements.map(repr).joined(separator: ", ") + "]"
        case .object(let object):
            "{" + object.entries.map { reprString($0.0) + ": " + repr($0.1) }.joined(separator: ", ") + "}"
        }
    }

    /// A string literal as Python writes it: single quotes unless the text has a single
    /// quote and no double quote; non-printable characters escaped.
    static func reprString(_ s: String) -> String {
        let quote: Unicode.Scalar = s.contains("'") && !s.contains("\"") ? "\"" : "'"
        var out = String(Character(quote))
        for scalar in s.unicodeScalars {
            switch scalar {
            case quote, "\\": out += "\\"; out.unicodeScalars.append(scalar)
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                if isPrintable(scalar) {
                    out.unicodeScalars.append(scalar)
                } else if scalar.value < 0x100 {
                    out += "\\x" + hex(scalar.value, 2)
                } else if scalar.value < 0x10000 {
                    out += "\\u" + hex(scalar.value, 4)
                } else {
                    out += "\\U" + hex(scalar.value, 8)
                }
            }
        }
        out.unicodeScalars.append(quote)
        return out
    }

    /// Python's `str.isprintable` for one character: not a control, format, surrogate,
    /// private-use, unassigned or separator character (the space excepted).
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .lineSeparator, .paragraphSeparator, .spaceSeparator: return false
        default: return true
        }
    }

    private static func hex(_ value: UInt32, _ width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Python's `str.upper()`.
    static func upper(_ s: String) -> String { s.uppercased() }

    /// Python's string order: by code points.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    /// Columns a text takes in the CLI's tables: two for East Asian wide, full-width and
    /// ambiguous characters, one for every other code point.
    static func displayWidth(_ s: String) -> Int {
        var width = 0
        for scalar in s.unicodeScalars {
            width += isDoubleWidth(scalar.value) ? 2 : 1
        }
        return width
    }

    private static func isDoubleWidth(_ v: UInt32) -> Bool {
        if v < 0xA1 { return false }
        // Binary search over the pairs of bounds.
        var low = 0, high = doubleWidthBounds.count / 2
        while low < high {
            let mid = (low + high) / 2
            if doubleWidthBounds[2 * mid + 1] < v { low = mid + 1 } else { high = mid }
        }
        return low < doubleWidthBounds.count / 2 && doubleWidthBounds[2 * low] <= v
    }
}

extension JSONValue {
    /// Neither an array nor an object.
    var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    /// Python truthiness of the value `json.loads` gives: `None`, `False`, `0`, `''`,
    /// `[]` and `{}` are false.
    var isPythonTruthy: Bool {
        switch self {
        case .number(let n): n != 0
        default: isTruthy
        }
    }
}
