import JMESPath

/// `--output yaml`, as AWS CLI v2 writes it with ruamel.yaml's safe dumper: block style,
/// keys sorted, sequences under a key not indented, strings quoted only when they would
/// read back as something else (YAML 1.2 core schema) or cannot be plain, long scalars
/// folded at 80 columns, no document marker (a bare scalar ends with `...`). Nothing is
/// printed for an empty object.
enum YAMLOutput {
    static func render(_ document: JSONValue) -> String {
        if case .object(let object) = document, object.isEmpty { return "" }
        var emitter = YAMLEmitter()
        emitter.emitDocument(document)
        return emitter.out
    }
}

/// A block-style YAML writer that keeps the same column, indentation and whitespace
/// state as the PyYAML/ruamel emitter, so that it breaks lines where they do.
struct YAMLEmitter {
    private(set) var out = ""
    private var indents: [Int?] = []
    private var indent: Int?
    private var column = 0
    private var whitespace = true
    private var indention = true
    private var openEnded = false
    private var rootContext = false
    private var mappingContext = false
    private var simpleKeyContext = false
    private let bestIndent = 2
    private let bestWidth = 80

    mutating func emitDocument(_ value: JSONValue) {
        emitNode(value, root: true)
        writeIndent()
        if openEnded {
            writeIndicator("...", needWhitespace: true)
            writeIndent()
        }
    }

    // MARK: Nodes

    private mutating func emitNode(_ value: JSONValue, root: Bool = false, mapping: Bool = false, simpleKey: Bool = false) {
        rootContext = root
        mappingContext = mapping
        simpleKeyContext = simpleKey
        switch value {
        case .null: emitScalar("null", implicit: true)
        case .bool(let b): emitScalar(b ? "true" : "false", implicit: true)
        case .number(let n): emitScalar(n.isFinite ? n.yamlText : (n.isNaN ? ".nan" : n < 0 ? "-.inf" : ".inf"), implicit: true)
        case .string(let s): emitScalar(s, implicit: !YAMLResolver.readsAsNonString(s))
        case .array(let elements):
            if elements.isEmpty {
                writeIndicator("[", needWhitespace: true, whitespace: true)
                writeIndicator("]", needWhitespace: false)
                return
            }
            let indentless = mappingContext && !indention
            increaseIndent(flow: false, indentless: indentless)
            for element in elements {
                writeIndent()
                writeIndicator("-", needWhitespace: true, indention: true)
                emitNode(element)
            }
            indent = indents.removeLast()
        case .object(let object):
            if object.isEmpty {
                writeIndicator("{", needWhitespace: true, whitespace: true)
                writeIndicator("}", needWhitespace: false)
                return
            }
            increaseIndent(flow: false)
            let entries = object.entries.map { ($0.0, $0.1) }.sorted { PythonText.precedes($0.0, $1.0) }
            for (key, value) in entries {
                writeIndent()
                if isSimpleKey(key) {
                    emitNode(.string(key), mapping: true, simpleKey: true)
                    writeIndicator(":", needWhitespace: false)
                } else {
                    writeIndicator("?", needWhitespace: true, indention: true)
                    emitNode(.string(key), mapping: true)
                    writeIndent()
                    writeIndicator(":", needWhitespace: true, indention: true)
                }
                emitNode(value, mapping: true)
            }
            indent = indents.removeLast()
        }
    }

    private func isSimpleKey(_ key: String) -> Bool {
        let analysis = ScalarAnalysis(key)
        return analysis.length < 128 && !analysis.empty && !analysis.multiline
    }

    private mutating func emitScalar(_ text: String, implicit: Bool) {
        increaseIndent(flow: true)
        let analysis = ScalarAnalysis(text)
        let split = !simpleKeyContext
        let scalars = Array(text.unicodeScalars)
        if implicit && !(simpleKeyContext && (analysis.empty || analysis.multiline)) && analysis.allowBlockPlain {
            writePlain(scalars, split: split)
        } else if analysis.allowSingleQuoted && !(simpleKeyContext && analysis.multiline) {
            writeSingleQuoted(scalars, split: split)
        } else {
            writeDoubleQuoted(scalars, split: split)
        }
        indent = indents.removeLast()
    }

    private mutating func increaseIndent(flow: Bool, indentless: Bool = false) {
        indents.append(indent)
        if let current = indent {
            if !indentless { indent = current + bestIndent }
        } else {
            indent = flow ? bestIndent : 0
        }
    }

    // MARK: Writing

    private mutating func put(_ text: String) { out += text }

    private mutating func put(_ scalars: ArraySlice<Unicode.Scalar>) {
        out.unicodeScalars.append(contentsOf: scalars)
        column += scalars.count
    }

    private mutating func writeIndent() {
        let target = indent ?? 0
        if !indention || column > target || (column == target && !whitespace) { writeLineBreak() }
        if column < target {
            whitespace = true
            put(String(repeating: " ", count: target - column))
            column = target
        }
    }

    private mutating func writeLineBreak(_ text: String = "\n") {
        whitespace = true
        indention = true
        column = 0
        put(text)
    }

    private mutating func writeIndicator(_ indicator: String, needWhitespace: Bool, whitespace: Bool = false, indention: Bool = false) {
        let data = self.whitespace || !needWhitespace ? indicator : " " + indicator
        self.whitespace = whitespace
        self.indention = self.indention && indention
        column += data.unicodeScalars.count
        openEnded = false
        put(data)
    }

    private mutating func writeBreaks(_ text: ArraySlice<Unicode.Scalar>) {
        if text.first == "\n" { writeLineBreak() }
        for br in text { writeLineBreak(br == "\n" ? "\n" : String(Character(br))) }
    }

    private mutating func writePlain(_ text: [Unicode.Scalar], split: Bool) {
        if rootContext { openEnded = true }
        if text.isEmpty { return }
        if !whitespace { put(" "); column += 1 }
        whitespace = false
        indention = false
        var spaces = false, breaks = false
        var start = 0, end = 0
        while end <= text.count {
            let ch: Unicode.Scalar? = end < text.count ? text[end] : nil
            if spaces {
                if ch != " " {
                    if start + 1 == end && column > bestWidth && split {
                        writeIndent()
                        whitespace = false
                        indention = false
                    } else {
                        put(text[start..<end])
                    }
                    start = end
                }
            } else if breaks {
                if ch.map({ !isLineBreak($0) }) ?? true {
                    writeBreaks(text[start..<end])
                    writeIndent()
                    whitespace = false
                    indention = false
                    start = end
                }
            } else if ch == nil || ch == " " || isLineBreak(ch!) {
                put(text[start..<end])
                start = end
            }
            if let ch { spaces = ch == " "; breaks = isLineBreak(ch) }
            end += 1
        }
    }

    private mutating func writeSingleQuoted(_ text: [Unicode.Scalar], split: Bool) {
        writeIndicator("'", needWhitespace: true)
        var spaces = false, breaks = false
        var start = 0, end = 0
        while end <= text.count {
            let ch: Unicode.Scalar? = end < text.count ? text[end] : nil
            if spaces {
                if ch != " " {
                    if start + 1 == end && column > bestWidth && split && start != 0 && end != text.count {
                        writeIndent()
                    } else {
                        put(text[start..<end])
                    }
                    start = end
                }
            } else if breaks {
                if ch.map({ !isLineBreak($0) }) ?? true {
                    writeBreaks(text[start..<end])
                    writeIndent()
                    start = end
                }
            } else if ch == nil || ch == " " || ch == "'" || isLineBreak(ch!) {
                if start < end {
                    put(text[start..<end])
                    start = end
                }
            }
            if ch == "'" {
                put("''")
                column += 2
                start = end + 1
            }
            if let ch { spaces = ch == " "; breaks = isLineBreak(ch) }
            end += 1
        }
        writeIndicator("'", needWhitespace: false)
    }

    private mutating func writeDoubleQuoted(_ text: [Unicode.Scalar], split: Bool) {
        writeIndicator("\"", needWhitespace: true)
        var start = 0, end = 0
        while end <= text.count {
            let ch: Unicode.Scalar? = end < text.count ? text[end] : nil
            if ch.map(needsEscape) ?? true {
                if start < end {
                    put(text[start..<end])
                    start = end
                }
                if let ch {
                    let data = escape(ch)
                    put(data)
                    column += data.count
                    start = end + 1
                }
            }
            if 0 < end && end < text.count - 1 && (ch == " " || start >= end)
                && column + (end - start) > bestWidth && split {
                if start < end {
                    put(text[start..<end])
                    start = end
                }
                put("\\")
                column += 1
                writeIndent()
                whitespace = false
                indention = false
                if text[start] == " " {
                    put("\\")
                    column += 1
                }
            }
            end += 1
        }
        writeIndicator("\"", needWhitespace: false)
    }

    private func needsEscape(_ ch: Unicode.Scalar) -> Bool {
        switch ch.value {
        case 0x22, 0x5C, 0x85, 0x2028, 0x2029, 0xFEFF: true
        case 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFFFD: false
        default: true
        }
    }

    private func escape(_ ch: Unicode.Scalar) -> String {
        let named: [UInt32: String] = [
            0x00: "0", 0x07: "a", 0x08: "b", 0x09: "t", 0x0A: "n", 0x0B: "v", 0x0C: "f", 0x0D: "r",
            0x1B: "e", 0x22: "\"", 0x5C: "\\", 0x85: "N", 0xA0: "_", 0x2028: "L", 0x2029: "P",
        ]
        if let name = named[ch.value] { return "\\" + name }
        let hex = String(ch.value, radix: 16, uppercase: true)
        let (prefix, width) = ch.value <= 0xFF ? ("\\x", 2) : ch.value <= 0xFFFF ? ("\\u", 4) : ("\\U", 8)
        return prefix + String(repeating: "0", count: width - hex.count) + hex
    }
}

private func isLineBreak(_ ch: Unicode.Scalar) -> Bool {
    ch == "\n" || ch == "\u{85}" || ch == "\u{2028}" || ch == "\u{2029}"
}

/// What a scalar's characters allow, as the emitter's `analyze_scalar` works it out.
struct ScalarAnalysis {
    var length = 0
    var empty = false
    var multiline = false
    var allowBlockPlain = true
    var allowSingleQuoted = true

    init(_ text: String) {
        let s = Array(text.unicodeScalars)
        length = s.count
        if s.isEmpty {
            empty = true
            return
        }
        func isSpaceOrBreak(_ c: Unicode.Scalar) -> Bool {
            c == "\0" || c == " " || c == "\t" || c == "\r" || isLineBreak(c)
        }
        var blockIndicators = text.hasPrefix("---") || text.hasPrefix("...")
        var lineBreaks = false, special = false
        var leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false
        var breakSpace = false, spaceBreak = false
        var precededByWhitespace = true
        var followedByWhitespace = s.count == 1 || isSpaceOrBreak(s[1])
        var previousSpace = false, previousBreak = false
        for (index, ch) in s.enumerated() {
            if index == 0 {
                if "#,[]{}&*!|>'\"%@`".unicodeScalars.contains(ch) { blockIndicators = true }
                if (ch == "?" || ch == ":") && followedByWhitespace { blockIndicators = true }
                if ch == "-" && followedByWhitespace { blockIndicators = true }
            } else {
                if ch == ":" && followedByWhitespace { blockIndicators = true }
                if ch == "#" && precededByWhitespace { blockIndicators = true }
            }
            if isLineBreak(ch) { lineBreaks = true }
            if !(ch == "\n" || (0x20...0x7E).contains(ch.value)) {
                let printable = ch.value == 0x85 || (0xA0...0xD7FF).contains(ch.value)
                    || (0xE000...0xFFFD).contains(ch.value) || (0x10000..<0x10FFFF).contains(ch.value)
                if !printable || ch.value == 0xFEFF { special = true }
            }
            if ch == " " {
                if index == 0 { leadingSpace = true }
                if index == s.count - 1 { trailingSpace = true }
                if previousBreak { breakSpace = true }
                previousSpace = true
                previousBreak = false
            } else if isLineBreak(ch) {
                if index == 0 { leadingBreak = true }
                if index == s.count - 1 { trailingBreak = true }
                if previousSpace { spaceBreak = true }
                previousSpace = false
                previousBreak = true
            } else {
                previousSpace = false
                previousBreak = false
            }
            precededByWhitespace = isSpaceOrBreak(ch)
            followedByWhitespace = index + 2 >= s.count || isSpaceOrBreak(s[index + 2])
        }
        multiline = lineBreaks
        if leadingSpace || leadingBreak || trailingSpace || trailingBreak || lineBreaks || blockIndicators {
            allowBlockPlain = false
        }
        if breakSpace || spaceBreak || special {
            allowBlockPlain = false
            allowSingleQuoted = false
        }
    }
}

/// Whether a plain scalar would read back as something other than a string under the
/// YAML 1.2 core schema as ruamel.yaml resolves it (booleans, null, numbers,
/// timestamps, and its merge, value and alias markers).
enum YAMLResolver {
    static func readsAsNonString(_ s: String) -> Bool {
        switch s {
        case "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
             "<<", "=", "!", "&", "*":
            return true
        default:
            let c = Array(s.unicodeScalars)
            return isInteger(c) || isFloat(c) || isTimestamp(c)
        }
    }

    private static func digit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    /// `[-+]?(0b[01_]+|0o?[0-7_]+|[0-9_]+|0x[0-9a-fA-F_]+)`
    private static func isInteger(_ c: [Unicode.Scalar]) -> Bool {
        var s = c[...]
        if let f = s.first, f == "-" || f == "+" { s = s.dropFirst() }
        func all(_ body: ArraySlice<Unicode.Scalar>, _ ok: (Unicode.Scalar) -> Bool) -> Bool {
            !body.isEmpty && body.allSatisfy(ok)
        }
        if all(s, { digit($0) || $0 == "_" }) { return true }
        guard s.first == "0", s.count > 2 else { return false }
        let body = s.dropFirst(2)
        switch s[s.startIndex + 1] {
        case "b": return all(body) { $0 == "0" || $0 == "1" || $0 == "_" }
        case "o": return all(body) { ("0"..."7").contains($0) || $0 == "_" }
        case "x": return all(body) { $0.properties.isASCIIHexDigit || $0 == "_" }
        default: return false
        }
    }

    /// `[-+]?[0-9][0-9_]*\.[0-9_]*([eE][-+]?[0-9]+)?`, `[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+`,
    /// `[-+]?\.[0-9_]+([eE][-+][0-9]+)?`, `[-+]?\.(inf|Inf|INF)`, `\.(nan|NaN|NAN)`.
    private static func isFloat(_ c: [Unicode.Scalar]) -> Bool {
        let text = String(String.UnicodeScalarView(c))
        if [".nan", ".NaN", ".NAN"].contains(text) { return true }
        var s = c[...]
        if let f = s.first, f == "-" || f == "+" { s = s.dropFirst() }
        if [".inf", ".Inf", ".INF"].contains(String(String.UnicodeScalarView(s))) { return true }
        func exponent(_ rest: ArraySlice<Unicode.Scalar>, signRequired: Bool) -> Bool {
            guard let e = rest.first, e == "e" || e == "E" else { return false }
            var r = rest.dropFirst()
            if let sign = r.first, sign == "-" || sign == "+" { r = r.dropFirst() } else if signRequired { return false }
            return !r.isEmpty && r.allSatisfy(digit)
        }
        if s.first == "." {
            let body = s.dropFirst()
            let run = body.prefix { digit($0) || $0 == "_" }
            guard !run.isEmpty else { return false }
            let rest = body.dropFirst(run.count)
            return rest.isEmpty || exponent(rest, signRequired: true)
        }
        guard let first = s.first, digit(first) else { return false }
        let run = s.prefix { digit($0) || $0 == "_" }
        var rest = s.dropFirst(run.count)
        if rest.first == "." {
            rest = rest.dropFirst()
            rest = rest.drop { digit($0) || $0 == "_" }
            return rest.isEmpty || exponent(rest, signRequired: false)
        }
        return exponent(rest, signRequired: false)
    }

    /// `YYYY-MM-DD`, or `YYYY-M-D` then `T`/`t`/blanks, `H:MM:SS`, optional fraction and zone.
    private static func isTimestamp(_ c: [Unicode.Scalar]) -> Bool {
        var i = 0
        func digits(_ min: Int, _ max: Int) -> Bool {
            var n = 0
            while n < max, i < c.count, digit(c[i]) { i += 1; n += 1 }
            return n >= min
        }
        func char(_ x: Unicode.Scalar) -> Bool {
            if i < c.count, c[i] == x { i += 1; return true }
            return false
        }
        guard digits(4, 4), char("-") else { return false }
        let afterYear = i
        if digits(2, 2), char("-"), digits(2, 2), i == c.count { return true }
        i = afterYear
        guard digits(1, 2), char("-"), digits(1, 2) else { return false }
        if !char("T") && !char("t") {
            var blanks = 0
            while i < c.count, c[i] == " " || c[i] == "\t" { i += 1; blanks += 1 }
            guard blanks > 0 else { return false }
        }
        guard digits(1, 2), char(":"), digits(2, 2), char(":"), digits(2, 2) else { return false }
        if char(".") { _ = digits(0, Int.max) }
        if i == c.count { return true }
        while i < c.count, c[i] == " " || c[i] == "\t" { i += 1 }
        if char("Z") { return i == c.count }
        guard char("-") || char("+"), digits(1, 2) else { return false }
        if char(":") { guard digits(2, 2) else { return false } }
        return i == c.count
    }
}

extension Double {
    /// A number as ruamel.yaml writes it: integers plainly, others as Python's `repr`
    /// in lower case.
    fileprivate var yamlText: String {
        JSONValue.number(self).serialized().lowercased()
    }
}
