import JSON

/// Turns an expression's UTF-8 bytes into tokens, walking them with a cursor.
struct Lexer {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// All tokens of the expression, ending with `eof`.
    static func tokenize(_ bytes: [UInt8]) throws(JMESPathError) -> Tokens {
        var lexer = Lexer(bytes)
        lexer.tokens.list.reserveCapacity(bytes.count / 2 + 2)
        while let token = try lexer.next() { lexer.tokens.list.append(token) }
        lexer.tokens.list.append(Token(kind: .eof, offset: bytes.count, end: bytes.count))
        return lexer.tokens
    }

    private var tokens = Tokens()

    private mutating func literalToken(_ value: JSONValue, from start: Int) -> Token {
        tokens.literals.append(value)
        return Token(kind: .literal, offset: start, end: position, payload: tokens.literals.count - 1)
    }

    private func error(_ message: String, at offset: Int) -> JMESPathError {
        JMESPathError(.syntax, message, column: column(of: offset, in: bytes))
    }

    @inline(__always) private func peek(_ ahead: Int = 0) -> UInt8? {
        position + ahead < bytes.count ? bytes[position + ahead] : nil
    }

    private mutating func simple(_ kind: TokenKind, length: Int = 1) -> Token {
        defer { position += length }
        return Token(kind: kind, offset: position, end: position + length)
    }

    /// `kind2` when the next byte is `second`, else `kind1`.
    private mutating func either(_ second: UInt8, _ kind2: TokenKind, else kind1: TokenKind) -> Token {
        peek(1) == second ? simple(kind2, length: 2) : simple(kind1)
    }

    mutating func next() throws(JMESPathError) -> Token? {
        while let c = peek() {
            switch c {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            case UInt8(ascii: "."): return simple(.dot)
            case UInt8(ascii: "*"): return simple(.star)
            case UInt8(ascii: "]"): return simple(.rbracket)
            case UInt8(ascii: ","): return simple(.comma)
            case UInt8(ascii: ":"): return simple(.colon)
            case UInt8(ascii: "@"): return simple(.current)
            case UInt8(ascii: "("): return simple(.lparen)
            case UInt8(ascii: ")"): return simple(.rparen)
            case UInt8(ascii: "{"): return simple(.lbrace)
            case UInt8(ascii: "}"): return simple(.rbrace)
            case UInt8(ascii: "["):
                switch peek(1) {
                case UInt8(ascii: "]"): return simple(.flatten, length: 2)
                case UInt8(ascii: "?"): return simple(.filter, length: 2)
                default: return simple(.lbracket)
                }
            case UInt8(ascii: "|"): return either(UInt8(ascii: "|"), .or, else: .pipe)
            case UInt8(ascii: "&"): return either(UInt8(ascii: "&"), .and, else: .expref)
            case UInt8(ascii: "<"): return either(UInt8(ascii: "="), .lte, else: .lt)
            case UInt8(ascii: ">"): return either(UInt8(ascii: "="), .gte, else: .gt)
            case UInt8(ascii: "!"): return either(UInt8(ascii: "="), .ne, else: .not)
            case UInt8(ascii: "="):
                guard peek(1) == UInt8(ascii: "=") else { throw error("unknown token '=' (did you mean '=='?)", at: position) }
                return simple(.eq, length: 2)
            case UInt8(ascii: "'"): return try rawString()
            case UInt8(ascii: "`"): return try literal()
            case UInt8(ascii: "\""): return try quotedIdentifier()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            default:
                if isIdentifierStart(c) { return identifier() }
                throw error("unknown token '\(characterAt(position))'", at: position)
            }
        }
        return nil
    }

    private func characterAt(_ offset: Int) -> String {
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[offset..<end], as: UTF8.self)
    }

    @inline(__always) private func isIdentifierStart(_ c: UInt8) -> Bool {
        (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95
    }

    @inline(__always) private func isIdentifierPart(_ c: UInt8) -> Bool {
        isIdentifierStart(c) || (c >= 48 && c <= 57)
    }

    private mutating func identifier() -> Token {
        let start = position
        position += 1
        while let c = peek(), isIdentifierPart(c) { position += 1 }
        return Token(kind: .unquotedIdentifier, offset: start, end: position)
    }

    private mutating func number() throws(JMESPathError) -> Token {
        let start = position
        var negative = false
        if peek() == UInt8(ascii: "-") {
            negative = true
            position += 1
            guard let c = peek(), c >= 48 && c <= 57 else { throw error("unknown token '-' (a negative number needs digits)", at: start) }
        }
        var value = 0
        var overflow = false
        while let c = peek(), c >= 48 && c <= 57 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(c - 48))
            if o1 || o2 { overflow = true } else { value = s }
            position += 1
        }
        // Indexes beyond Int behave as "far out of range", which saturation keeps.
        if overflow { value = Int.max }
        return Token(kind: .number, offset: start, end: position, payload: negative ? -value : value)
    }

    /// The text up to the closing `delimiter`; a backslash keeps the byte after it
    /// (so `\delimiter` does not close), and `\delimiter` becomes `delimiter` when asked.
    private mutating func delimited(_ delimiter: UInt8, unescapingDelimiter: Bool = true) throws(JMESPathError) -> [UInt8] {
        let start = position
        position += 1
        // Fast path: no backslash before the closing delimiter.
        if let close = bytes[position...].firstIndex(where: { $0 == delimiter || $0 == UInt8(ascii: "\\") }),
           bytes[close] == delimiter
        {
            defer { position = close + 1 }
            return Array(bytes[position..<close])
        }
        var content: [UInt8] = []
        while true {
            guard let c = peek() else {
                throw error("unclosed \(Character(Unicode.Scalar(delimiter))) delimiter", at: start)
            }
            if c == delimiter { position += 1; return content }
            if c == UInt8(ascii: "\\") {
                guard let escaped = peek(1) else {
                    throw error("unclosed \(Character(Unicode.Scalar(delimiter))) delimiter", at: start)
                }
                if escaped != delimiter || !unescapingDelimiter { content.append(c) }
                content.append(escaped)
                position += 2
            } else {
                content.append(c)
                position += 1
            }
        }
    }

    private mutating func rawString() throws(JMESPathError) -> Token {
        let start = position
        let content = try delimited(UInt8(ascii: "'"))
        return literalToken(.string(String(decoding: content, as: UTF8.self)), from: start)
    }

    private mutating func literal() throws(JMESPathError) -> Token {
        let start = position
        let content = try delimited(UInt8(ascii: "`"))
        do {
            return literalToken(try JSONValue(parsing: content), from: start)
        } catch where error.kind == .tooDeep {
            throw self.error("literal nested too deeply (the limit is \(JSONValue.maximumNestingDepth) levels)", at: start)
        } catch {}
        // The legacy form: text that is not JSON is read as the body of a JSON string.
        var body = content[...]
        while let first = body.first, isPythonSpace(first) { body = body.dropFirst() }
        if let value = try? JSONValue(parsing: [UInt8(ascii: "\"")] + body + [UInt8(ascii: "\"")]) {
            return literalToken(value, from: start)
        }
        throw error("invalid JSON literal", at: start)
    }

    private func isPythonSpace(_ c: UInt8) -> Bool {
        c == 0x20 || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F)
    }

    private mutating func quotedIdentifier() throws(JMESPathError) -> Token {
        let start = position
        let content = try delimited(UInt8(ascii: "\""), unescapingDelimiter: false)
        guard case .string(let name)? = try? JSONValue(parsing: [UInt8(ascii: "\"")] + content + [UInt8(ascii: "\"")]) else {
            throw error("invalid quoted identifier", at: start)
        }
        tokens.names.append(name)
        return Token(kind: .quotedIdentifier, offset: start, end: position, payload: tokens.names.count - 1)
    }
}

/// The 1-based column, in characters, of a byte offset.
func column(of offset: Int, in bytes: [UInt8]) -> Int {
    var column = 1
    var i = 0
    while i < offset && i < bytes.count {
        if bytes[i] & 0xC0 != 0x80 { column += 1 }
        i += 1
    }
    return column
}
