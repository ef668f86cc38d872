import Constraints
import Text
/// Reads the AWS CLI's shorthand syntax exactly as awscli's `ShorthandParser`
/// does: `key=value,key2={nested=value},key3=[a,b]`, a bare `key=a,b` for a
/// list, `'single'` and `"double"` quotes with `\'`/`\"` and `\\` escapes,
/// `\,` for a comma inside a bare value, empty values (`key=`), trailing
/// spaces dropped, and `key@=file://path` to read a value from a file.
///
/// The result is untyped (strings, lists, objects); `ShapeDecoder` gives it
/// types as the CLI's back-compatibility visitor and botocore do.
struct ShorthandParser {
    struct Failure: Error {
        var message: String
        /// UTF-8 offset in the text.
        var offset: Int
        var code: DiagnosticCode = .invalidShorthand
    }

    /// Loads `file://` and `fileb://` values after `@=`; nil when the value
    /// names no file.
    typealias FileLoader = (String) throws -> ValueNode.Kind?

    /// The text parsed, to slice keys and plain values from.
    private let text: String
    private let scalars: [Unicode.Scalar]
    /// UTF-8 offset of each scalar, and of the end.
    private let offsets: [Int]
    private var index = 0
    private var resolveFiles = false
    private var depth = 0
    private let loadFile: FileLoader

    private init(_ text: String, loadFile: @escaping FileLoader) {
        self.text = text
        scalars = Array(text.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var o = 0
        for s in scalars {
            offsets.append(o)
            o += UTF8.width(s)
        }
        offsets.append(o)
        self.offsets = offsets
        self.loadFile = loadFile
    }

    static func parse(_ text: String, loadFile: @escaping FileLoader) throws -> ValueNode {
        var parser = ShorthandParser(text, loadFile: loadFile)
        return try parser.parameter()
    }

    // MARK: Characters

    private var atEnd: Bool { index >= scalars.count }
    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func span(_ from: Int, _ to: Int) -> Range<Int> { offsets[from]..<offsets[Swift.max(from, to)] }

    /// The scalars `from..<to` as a string, sliced from the text in one copy
    /// (appending scalar by scalar costs several times more).
    private func slice(_ from: Int, _ to: Int) -> String {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: offsets[from])
        let upper = utf8.index(utf8.startIndex, offsetBy: offsets[to])
        return String(text.unicodeScalars[lower..<upper])
    }

    private func syntaxError(expected: String) -> Failure {
        let actual = current.map { "'\($0)'" } ?? "the end"
        return Failure(message: "expected \(expected), found \(actual)", offset: offsets[Swift.min(index, scalars.count)])
    }

    private static func isKeyCharacter(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case 0x2D, 0x5F, 0x2E, 0x23, 0x2F, 0x3A: true   // - _ . # / :
        default: false
        }
    }

    /// `string.whitespace`: what the parser skips between tokens.
    private static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: true
        default: false
        }
    }

    /// The character classes of awscli's value regexes (they stop at U+FFFF).
    private static func startsWord(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        switch v {
        case 0x21, 0x23...0x26, 0x28...0x2B, 0x2D...0x3C, 0x3E...0x5A, 0x5C...0x7A, 0x7C...0xFFFF: return true
        default: return false
        }
    }

    private static func followsFirst(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if PythonNumbers.isSpace(v) { return true }
        switch v {
        case 0x21, 0x23...0x26, 0x28...0x2B, 0x2D...0x5C, 0x5E...0x7C, 0x7E...0xFFFF: return true
        default: return false
        }
    }

    private static func followsSecond(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if PythonNumbers.isSpace(v) { return true }
        switch v {
        case 0x21, 0x23...0x26, 0x28...0x2B, 0x2D...0x3C, 0x3E...0xFFFF: return true
        default: return false
        }
    }

    private mutating func skipSpace() {
        while let c = current, Self.isSpace(c) { index += 1 }
    }

    /// `_expect`: white space is skipped first even when the character is missing.
    private mutating func expect(_ c: Unicode.Scalar, skippingSpace: Bool = false) throws {
        if skippingSpace { skipSpace() }
        guard current == c else { throw syntaxError(expected: "'\(c)'") }
        index += 1
        if skippingSpace { skipSpace() }
    }

    private mutating func enter() throws {
        depth += 1
        if depth > JSONInput.maxDepth {
            throw Failure(message: "the value nests deeper than \(JSONInput.maxDepth) levels",
                          offset: offsets[Swift.min(index, scalars.count)], code: .nestingTooDeep)
        }
    }

    // MARK: Grammar

    /// `parameter = keyval { "," keyval }`, keys unique.
    private mutating func parameter() throws -> ValueNode {
        var entries: [ValueNode.Entry] = []
        var seen: Set<String> = []
        let start = index
        entries.append(try keyValue())
        seen.insert(entries[0].key)
        while !atEnd {
            try expect(",", skippingSpace: true)
            let entry = try keyValue()
            if !seen.insert(entry.key).inserted {
                throw Failure(message: "the key '\(entry.key)' appears twice (a ',' where a space was meant?)",
                              offset: entry.keySpan.lowerBound, code: .duplicateKey)
            }
            entries.append(entry)
        }
        return ValueNode(.object(entries), span(start, index))
    }

    private mutating func keyValue() throws -> ValueNode.Entry {
        let keyStart = index
        let key = self.key()
        let keySpan = span(keyStart, index)
        try fileMarker()
        try expect("=", skippingSpace: true)
        let value = try values()
        return ValueNode.Entry(key: key, keySpan: keySpan, value: value)
    }

    /// An optional `@` before `=`: the values that follow may name files.
    private mutating func fileMarker() throws {
        resolveFiles = false
        skipSpace()
        if current == "@" {
            index += 1
            skipSpace()
            resolveFiles = true
        }
    }

    private mutating func key() -> String {
        let start = index
        while let c = current, Self.isKeyCharacter(c) { index += 1 }
        return slice(start, index)
    }

    private mutating func values() throws -> ValueNode {
        guard let c = current else { return ValueNode(.string(""), span(index, index)) }
        if c == "[" { return try explicitList() }
        if c == "{" { return try hashLiteral() }
        return try csvValue()
    }

    /// `a,b,c` after `key=`: one value, or a list when commas follow.
    private mutating func csvValue() throws -> ValueNode {
        let start = index
        let first = try firstValue()
        skipSpace()
        if atEnd || current != "," { return first }
        try expect(",", skippingSpace: true)
        var list = [first]
        while true {
            do {
                let value = try secondValue()
                skipSpace()
                if atEnd {
                    list.append(value)
                    break
                }
                try expect(",", skippingSpace: true)
                list.append(value)
            } catch let failure as Failure where failure.code == .invalidShorthand {
                if atEnd { throw failure }
                // The next item is a key: go back to the comma before it.
                while index > 0 && (index >= scalars.count || scalars[index] != ",") { index -= 1 }
                break
            }
        }
        if list.count == 1 { return first }
        return ValueNode(.list(list), span(start, index))
    }

    private mutating func explicitList() throws -> ValueNode {
        let start = index
        try enter()
        try expect("[", skippingSpace: true)
        var items: [ValueNode] = []
        while current != "]" {
            items.append(try explicitValue())
            skipSpace()
            if current != "]" {
                try expect(",")
                skipSpace()
            }
        }
        try expect("]")
        depth -= 1
        return ValueNode(.list(items), span(start, index))
    }

    private mutating func explicitValue() throws -> ValueNode {
        if current == "[" { return try explicitList() }
        if current == "{" { return try hashLiteral() }
        return try firstValue()
    }

    private mutating func hashLiteral() throws -> ValueNode {
        let start = index
        try enter()
        try expect("{", skippingSpace: true)
        var entries: [ValueNode.Entry] = []
        var positions: [String: Int] = [:]
        while current != "}" {
            let keyStart = index
            let key = self.key()
            let keySpan = span(keyStart, index)
            try fileMarker()
            try expect("=", skippingSpace: true)
            let value = try explicitValue()
            skipSpace()
            if current != "}" {
                try expect(",")
                skipSpace()
            }
            // A later key replaces an earlier one, as in a Python dict.
            if let at = positions[key] {
                entries[at].value = value
            } else {
                positions[key] = entries.count
                entries.append(ValueNode.Entry(key: key, keySpan: keySpan, value: value))
            }
        }
        try expect("}")
        depth -= 1
        return ValueNode(.object(entries), span(start, index))
    }

    private mutating func firstValue() throws -> ValueNode {
        if current == "'" { return try quoted("'") }
        if current == "\"" { return try quoted("\"") }
        let start = index
        guard let c = current, Self.startsWord(c) || isEscapedComma(index) else {
            return ValueNode(.string(""), span(index, index))
        }
        _ = c
        consumeWord(follows: Self.followsFirst)
        return try bare(start)
    }

    private mutating func secondValue() throws -> ValueNode {
        if current == "'" { return try quoted("'") }
        if current == "\"" { return try quoted("\"") }
        let start = index
        guard let c = current, Self.startsWord(c) || isEscapedComma(index) else {
            throw syntaxError(expected: "a value")
        }
        _ = c
        consumeWord(follows: Self.followsSecond)
        return try bare(start)
    }

    private func isEscapedComma(_ i: Int) -> Bool {
        i + 1 < scalars.count && scalars[i] == "\\" && scalars[i + 1] == ","
    }

    /// `(\\,|[start])(\\,|[follow])*`
    private mutating func consumeWord(follows: (Unicode.Scalar) -> Bool) {
        if isEscapedComma(index) { index += 2 } else { index += 1 }
        while index < scalars.count {
            if isEscapedComma(index) { index += 2 } else if follows(scalars[index]) { index += 1 } else { break }
        }
    }

    /// A bare value: `\,` becomes `,`, trailing white space goes.
    private mutating func bare(_ start: Int) throws -> ValueNode {
        // Most values have no `\,` and no trailing space: the text as it stands.
        if index > start, !PythonNumbers.isSpace(scalars[index - 1].value),
           !scalars[start..<index].contains("\\") {
            return try finish(slice(start, index), span(start, index))
        }
        var out = String.UnicodeScalarView()
        var i = start
        while i < index {
            if isEscapedComma(i) && i + 1 < index {
                out.append(",")
                i += 2
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        while let last = out.last, PythonNumbers.isSpace(last.value) { out.removeLast() }
        return try finish(String(out), span(start, index))
    }

    /// `'...'` or `"..."`: a backslash before the quote or before a backslash escapes it.
    private mutating func quoted(_ quote: Unicode.Scalar) throws -> ValueNode {
        let start = index
        var i = index + 1
        var lastEscapedQuote: Int? = nil
        var end: Int? = nil
        while i < scalars.count {
            if scalars[i] == "\\" && i + 1 < scalars.count && scalars[i + 1] == quote {
                lastEscapedQuote = i + 1
                i += 2
            } else if scalars[i] == quote {
                end = i
                break
            } else {
                i += 1
            }
        }
        // Like the regex: without a plain closing quote, the last escaped one closes.
        guard let close = end ?? lastEscapedQuote else {
            throw syntaxError(expected: "a closing \(quote == "'" ? "single" : "double") quote")
        }
        index = close + 1
        var raw = String(String.UnicodeScalarView(scalars[(start + 1)..<close]))
        raw = raw.replacingOccurrences(of: "\\" + String(quote), with: String(quote))
        raw = raw.replacingOccurrences(of: "\\\\", with: "\\")
        return try finish(raw, span(start, index))
    }

    private func finish(_ value: String, _ span: Range<Int>) throws -> ValueNode {
        if resolveFiles, let loaded = try loadFile(value) { return ValueNode(loaded, span) }
        return ValueNode(.string(value), span)
    }
}
