/// Turns bytes into tokens, walking the UTF-8 with a cursor.
///
/// Words split as a POSIX shell splits them: white space separates words,
/// `'single quotes'` are literal, `"double quotes"` take backslash escapes,
/// a backslash outside quotes escapes the next character, and adjacent parts
/// join into one word. Then the chat rewrites apply (see `Grammar/chat-command.ebnf`):
/// Slack's `&lt; &gt; &amp;` are decoded, `<https://x|label>` becomes its target,
/// non-breaking spaces are spaces, typographic quotes are their plain twins, and
/// the dash forms of an option are one.
///
/// One addition for chat: an unquoted `{` or `[` opens a bracketed part that
/// runs to its matching bracket, spaces and quotes included, so that JSON and
/// shorthand can be typed without quoting them.
///
/// The lexer never fails: bad input becomes diagnostics, and lexing goes on at
/// the next word.
public struct Lexer {
    public enum Mode: Sendable {
        /// One chat message; line breaks are spaces.
        case message
        /// A runbook: line breaks end commands, `#` starts a comment, `\` at the
        /// end of a line continues it.
        case script
    }

    /// The deepest nesting of brackets a word may have.
    public static let maxNesting = 256

    public let mode: Mode
    public private(set) var diagnostics: [Diagnostic] = []

    private let bytes: [UInt8]
    private let end: Int
    private var pos: Int
    private var line = 1
    private var column = 1

    // The word being built.
    private var buffer: [UInt8] = []
    private var interpolations: [Interpolation] = []
    private var map = SourceMap(start: 0)
    private var predicted = -1
    private var quoted = false

    public init(bytes: [UInt8], range: Range<Int>? = nil, mode: Mode, firstLine: Int = 1) {
        self.bytes = bytes
        self.mode = mode
        self.line = firstLine
        let range = range ?? 0..<bytes.count
        self.end = range.upperBound
        self.pos = 0
        buffer.reserveCapacity(64)
        // Count lines and columns up to the start of the range.
        while pos < range.lowerBound { step() }
    }

    public var location: SourceLocation { SourceLocation(offset: pos, line: line, column: column) }

    // MARK: Cursor

    @inline(__always) private func peek(_ ahead: Int = 0) -> UInt8? {
        let i = pos + ahead
        return i < end ? bytes[i] : nil
    }

    @inline(__always) private mutating func step() {
        let b = bytes[pos]
        if b == 0x0A {
            line += 1
            column = 1
        } else if b & 0xC0 != 0x80 {
            column += 1
        }
        pos += 1
    }

    @inline(__always) private mutating func step(_ n: Int) {
        for _ in 0..<n where pos < end { step() }
    }

    private func range(from start: SourceLocation) -> SourceRange {
        SourceRange(start: start, end: location)
    }

    private mutating func error(_ code: String, _ message: String, _ range: SourceRange, suggestion: String? = nil) {
        diagnostics.append(.error(code, message, at: range, suggestion: suggestion))
    }

    // MARK: Tokens

    public mutating func next() -> Token {
        skipSpace()
        guard let b = peek() else { return .end(location) }
        if b == 0x0A || (b == 0x0D && peek(1) == 0x0A) {
            let start = location
            step(b == 0x0D ? 2 : 1)
            return .newline(range(from: start))
        }
        if mode == .script && b == UInt8(ascii: "#") {
            let start = location
            while let c = peek(), c != 0x0A, !(c == 0x0D && peek(1) == 0x0A) { step() }
            let r = range(from: start)
            return .comment(Comment(text: String(decoding: bytes[r.bytes], as: UTF8.self), range: r))
        }
        // Two statements: `classify` reads the buffer that `lexWord` fills.
        let range = lexWord()
        return classify(range)
    }

    /// Every token up to the end (the `.end` token included).
    public mutating func tokenize() -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity((end - pos) / 8 + 2)
        while true {
            let t = next()
            tokens.append(t)
            if case .end = t { return tokens }
        }
    }

    /// Skips white space, and a backslash before a line break (a continuation).
    private mutating func skipSpace() {
        while let b = peek() {
            switch b {
            case 0x20, 0x09, 0x0B, 0x0C:
                step()
            case 0x0D where peek(1) != 0x0A:
                step()
            case 0x0A, 0x0D:
                if mode == .script { return }
                step()
            case 0xC2 where peek(1) == 0xA0:
                step(2)
            case UInt8(ascii: "\\"):
                guard let n = lineBreakLength(at: pos + 1) else { return }
                step(1 + n)
            default:
                return
            }
        }
    }

    /// The length of the line break at `i` (`\n` or `\r\n`), if there is one.
    private func lineBreakLength(at i: Int) -> Int? {
        guard i < end else { return nil }
        if bytes[i] == 0x0A { return 1 }
        if bytes[i] == 0x0D, i + 1 < end, bytes[i + 1] == 0x0A { return 2 }
        return nil
    }

    // MARK: Words

    @inline(__always) private mutating func emit(_ b: UInt8, from source: Int) {
        if source != predicted { map.note(text: buffer.count, source: source) }
        buffer.append(b)
        predicted = source + 1
    }

    /// Copies the byte under the cursor into the word and steps past it.
    @inline(__always) private mutating func take() {
        emit(bytes[pos], from: pos)
        step()
    }

    /// Lexes a word; a bracketed part still open at the end of the input is
    /// reported, and the word lexed again with brackets as plain characters,
    /// so that lexing goes on at the next word.
    ///
    /// The word's text stays in `buffer` (its references, source map and
    /// quoting in the fields beside it); only the word's range is returned.
    /// `classify` makes a `Word` of it, or an option, whose name is all of the
    /// text it needs: no string is made for text that is thrown away.
    private mutating func lexWord() -> SourceRange {
        let saved = (pos, line, column, diagnostics.count)
        let range = lexWord(brackets: true)
        guard let missing = unclosedBrackets else { return range }
        (pos, line, column) = (saved.0, saved.1, saved.2)
        diagnostics.removeSubrange(saved.3...)
        let plain = lexWord(brackets: false)
        error(Diagnostic.unclosedBracket, "this value has \(missing.count) unclosed bracket\(missing.count == 1 ? "" : "s")",
              plain, suggestion: "close it with '\(missing)', or quote the value")
        return plain
    }

    /// The word the last `lexWord` left in the buffer.
    private func makeWord(_ range: SourceRange) -> Word {
        Word(text: String(decoding: buffer, as: UTF8.self), interpolations: interpolations,
             range: range, isQuoted: quoted, sourceMap: map)
    }

    /// The closing brackets the last word lacked, when it reached the end of the input.
    private var unclosedBrackets: String? = nil

    private mutating func lexWord(brackets: Bool) -> SourceRange {
        let start = location
        unclosedBrackets = nil
        buffer.removeAll(keepingCapacity: true)
        interpolations = []
        map = SourceMap(start: start.offset)
        predicted = -1
        quoted = false
        var closers: [UInt8] = []
        var reportedDepth = false

        while let b = peek() {
            if closers.isEmpty {
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0B || b == 0x0C || b == 0x0D { break }
                if b == 0xC2 && peek(1) == 0xA0 { break }
            }
            switch b {
            case UInt8(ascii: "'"):
                closers.isEmpty ? singleQuoted() : bracketString(close: UInt8(ascii: "'"))
            case UInt8(ascii: "\""):
                closers.isEmpty ? doubleQuoted() : bracketString(close: UInt8(ascii: "\""))
            case UInt8(ascii: "\\"):
                backslash(inBrackets: !closers.isEmpty)
            case UInt8(ascii: "$"):
                dollar()
            case UInt8(ascii: "&"):
                slackEscape()
            case UInt8(ascii: "<"):
                slackLink()
            case UInt8(ascii: "{") where brackets, UInt8(ascii: "[") where brackets:
                let opener = location
                take()
                closers.append(b == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]"))
                if closers.count > Lexer.maxNesting && !reportedDepth {
                    reportedDepth = true
                    error("nesting-too-deep", "brackets nest deeper than \(Lexer.maxNesting) levels",
                          range(from: opener), suggestion: "flatten the value, or pass it with file://")
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if closers.last == b { closers.removeLast() }
                take()
            case 0:
                let s = location
                step()
                error("nul-byte", "a NUL byte is not allowed in a command", range(from: s))
            case 0x80...:
                if isApostrophe() {
                    for _ in 0..<3 { take() }
                } else if let quote = typographicQuote() {
                    if closers.isEmpty {
                        quote == UInt8(ascii: "'") ? singleQuoted() : doubleQuoted()
                    } else {
                        bracketString(close: quote)
                    }
                } else if b == 0xC2 && peek(1) == 0xA0 {
                    emit(0x20, from: pos)  // inside brackets: a plain space
                    step(2)
                } else {
                    scalar()
                }
            default:
                takePlainRun()
            }
        }
        if !closers.isEmpty && !reportedDepth {
            unclosedBrackets = String(decoding: closers.reversed(), as: UTF8.self)
        }
        return range(from: start)
    }

    /// Copies a run of printable ASCII bytes that need no rewriting, in one go
    /// (most of a command is such runs). The scan runs on the raw bytes with
    /// a bit test per byte: most of the lexer's time goes here.
    @inline(__always) private mutating func takePlainRun() {
        guard isPlain(bytes[pos]) else { take(); return }  // white space inside brackets
        let start = pos
        let j = bytes.withUnsafeBufferPointer { all -> Int in
            var j = start + 1
            while j < end, isPlain(all[j]) { j += 1 }
            return j
        }
        if pos != predicted { map.note(text: buffer.count, source: pos) }
        bytes.withUnsafeBufferPointer { all in
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: all[start..<j]))
        }
        column += j - pos
        pos = j
        predicted = j
    }

    /// A byte that stands for itself anywhere outside quotes: printable ASCII
    /// other than quotes, brackets and the characters that start a rewrite
    /// (`' " \\ $ & < { [ } ]`). One bit a byte: bits 0x21–0x3F of the first
    /// mask, 0x40–0x7E of the second.
    @inline(__always) private func isPlain(_ b: UInt8) -> Bool {
        let plainLow: UInt64 = 0xEFFF_FF2A_0000_0000
        let plainHigh: UInt64 = 0x57FF_FFFF_C7FF_FFFF
        if b < 64 { return (plainLow >> UInt64(b)) & 1 != 0 }
        if b < 128 { return (plainHigh >> UInt64(b - 64)) & 1 != 0 }
        return false
    }

    /// Copies one UTF-8 scalar, reporting bytes that are not UTF-8.
    private mutating func scalar() {
        let n = validScalarLength(at: pos)
        if n == 0 {
            let s = location
            let bad = bytes[pos]
            // U+FFFD stands in for the bad byte; all three of its bytes map to it.
            emit(0xEF, from: pos)
            for b: UInt8 in [0xBF, 0xBD] {
                map.note(text: buffer.count, source: pos)
                buffer.append(b)
            }
            predicted = pos + 1
            step()
            error("invalid-utf8", "byte 0x\(String(bad, radix: 16, uppercase: true)) is not valid UTF-8", range(from: s))
            return
        }
        for _ in 0..<n { take() }
    }

    /// The length of the valid UTF-8 sequence at `i`, or 0.
    private func validScalarLength(at i: Int) -> Int {
        let b0 = bytes[i]
        let n: Int
        switch b0 {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: n = 2
        case 0xE0...0xEF: n = 3
        case 0xF0...0xF4: n = 4
        default: return 0
        }
        guard i + n <= end else { return 0 }
        for k in 1..<n where bytes[i + k] & 0xC0 != 0x80 { return 0 }
        let b1 = bytes[i + 1]
        if b0 == 0xE0 && b1 < 0xA0 { return 0 }  // overlong
        if b0 == 0xED && b1 > 0x9F { return 0 }  // surrogate
        if b0 == 0xF0 && b1 < 0x90 { return 0 }  // overlong
        if b0 == 0xF4 && b1 > 0x8F { return 0 }  // beyond U+10FFFF
        return n
    }

    /// A `’` between two letters of an unquoted word is an apostrophe (don’t),
    /// not a quote.
    private func isApostrophe() -> Bool {
        guard pos > 0, peek() == 0xE2, peek(1) == 0x80, peek(2) == 0x99 else { return false }
        return !buffer.isEmpty && isWordScalar(endingAt: pos) && isWordScalar(at: pos + 3)
    }

    /// Whether the scalar at byte `i` is a letter or a digit.
    private func isWordScalar(at i: Int) -> Bool {
        guard i < end else { return false }
        if bytes[i] < 0x80 { return isLetter(bytes[i]) || isDigit(bytes[i]) }
        let n = validScalarLength(at: i)
        guard n > 0, let scalar = String(decoding: bytes[i..<(i + n)], as: UTF8.self).unicodeScalars.first else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Whether the scalar that ends just before byte `i` is a letter or a digit.
    private func isWordScalar(endingAt i: Int) -> Bool {
        var start = i - 1
        while start > 0, bytes[start] & 0xC0 == 0x80, i - start < 4 { start -= 1 }
        return start >= 0 && isWordScalar(at: start)
    }

    /// `“ ”` and `‘ ’` at the cursor: the plain quote they stand for.
    private func typographicQuote() -> UInt8? {
        guard peek() == 0xE2, peek(1) == 0x80, let c = peek(2) else { return nil }
        switch c {
        case 0x9C, 0x9D: return UInt8(ascii: "\"")
        case 0x98, 0x99: return UInt8(ascii: "'")
        default: return nil
        }
    }

    private mutating func singleQuoted() {
        let open = location
        quoted = true
        step(peek() == UInt8(ascii: "'") ? 1 : 3)
        while let b = peek() {
            if b == UInt8(ascii: "'") { step(); return }
            if b == 0xE2, let q = typographicQuote(), q == UInt8(ascii: "'") {
                // ’ followed by a letter is an apostrophe (don’t), not the closing quote.
                if peek(2) == 0x99, isWordScalar(at: pos + 3) {
                    for _ in 0..<3 { take() }
                    continue
                }
                step(3)
                return
            }
            quotedByte(b, double: false)
        }
        error(Diagnostic.unterminatedQuote, "unterminated single quote", SourceRange(start: open, end: open),
              suggestion: "add the closing ' at the end of the value")
    }

    private mutating func doubleQuoted() {
        let open = location
        quoted = true
        step(peek() == UInt8(ascii: "\"") ? 1 : 3)
        while let b = peek() {
            if b == UInt8(ascii: "\"") { step(); return }
            if b == 0xE2, typographicQuote() == UInt8(ascii: "\"") { step(3); return }
            if b == UInt8(ascii: "\\") {
                // POSIX: a backslash escapes only " \ $ ` and a line break.
                if let n = lineBreakLength(at: pos + 1) { step(1 + n); continue }
                if let c = peek(1), c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c == UInt8(ascii: "$") || c == UInt8(ascii: "`") {
                    step()
                    take()
                    continue
                }
                if peek(1) == 0xE2, peek(2) == 0x80, let c = peek(3), c == 0x9C || c == 0x9D {
                    step()
                    for _ in 0..<3 { take() }
                    continue
                }
                take()
                continue
            }
            if b == UInt8(ascii: "$") { dollar(); continue }
            quotedByte(b, double: true)
        }
        error(Diagnostic.unterminatedQuote, "unterminated double quote", SourceRange(start: open, end: open),
              suggestion: "add the closing \" at the end of the value")
    }

    /// One byte inside quotes: the chat rewrites still apply.
    private mutating func quotedByte(_ b: UInt8, double: Bool) {
        switch b {
        case UInt8(ascii: "&"): slackEscape()
        case UInt8(ascii: "<"): slackLink()
        case 0:
            let s = location
            step()
            error("nul-byte", "a NUL byte is not allowed in a command", range(from: s))
        case 0xC2 where peek(1) == 0xA0:
            emit(0x20, from: pos)
            step(2)
        case 0x80...:
            scalar()
        default:
            take()
        }
    }

    /// A string inside a bracketed part: kept as written, quotes included, so
    /// that JSON stays JSON; typographic quotes become plain ones.
    private mutating func bracketString(close: UInt8) {
        let open = location
        emit(close, from: pos)
        step(peek() == close ? 1 : 3)
        while let b = peek() {
            if b == close { take(); return }
            if b == 0xE2, typographicQuote() == close {
                if close == UInt8(ascii: "'"), peek(2) == 0x99, isWordScalar(at: pos + 3) {
                    for _ in 0..<3 { take() }
                    continue
                }
                emit(close, from: pos)
                step(3)
                return
            }
            if b == UInt8(ascii: "\\"), peek(1) != nil {
                take()
                if peek() == 0xE2, typographicQuote() != nil { emit(close, from: pos); step(3) } else { take() }
                continue
            }
            if b == UInt8(ascii: "$") && close == UInt8(ascii: "\"") { dollar(); continue }
            quotedByte(b, double: close == UInt8(ascii: "\""))
        }
        error(Diagnostic.unterminatedQuote, "unterminated \(close == UInt8(ascii: "'") ? "single" : "double") quote inside a bracketed value",
              SourceRange(start: open, end: open), suggestion: "add the closing \(Character(Unicode.Scalar(close)))")
    }

    private mutating func backslash(inBrackets: Bool) {
        if let n = lineBreakLength(at: pos + 1) {
            step(1 + n)  // a continuation inside a word joins its parts
            return
        }
        guard pos + 1 < end else { take(); return }
        if inBrackets {
            take()
            take()
            return
        }
        quoted = true
        step()
        if bytes[pos] == 0xC2, peek(1) == 0xA0 {
            emit(0x20, from: pos)  // an escaped non-breaking space is an escaped space
            step(2)
        } else if bytes[pos] >= 0x80 {
            scalar()
        } else {
            take()
        }
    }

    /// `$name.path`, `${NAME}`, or a plain `$`.
    private mutating func dollar() {
        let start = location
        if peek(1) == UInt8(ascii: "{") {
            var i = pos + 2
            while i < end, isIdentifierByte(bytes[i]) { i += 1 }
            if i < end, bytes[i] == UInt8(ascii: "}"), i > pos + 2, !isDigit(bytes[pos + 2]) {
                let name = String(decoding: bytes[(pos + 2)..<i], as: UTF8.self)
                step(i + 1 - pos)
                interpolations.append(Interpolation(offset: buffer.count,
                    reference: Reference(kind: .environment, name: name, range: range(from: start))))
                predicted = -1
            } else {
                step()
                error("bad-reference", "'${' must be followed by an environment variable name and '}'",
                      range(from: start), suggestion: "write ${NAME}, or quote a literal $ with single quotes")
                emit(UInt8(ascii: "$"), from: start.offset)
            }
            return
        }
        guard let first = peek(1), isIdentifierStart(first) else {
            take()
            return
        }
        step()
        let name = identifier()
        var path: [Reference.PathComponent] = []
        while let b = peek() {
            if b == UInt8(ascii: "."), let c = peek(1), isIdentifierStart(c) {
                step()
                path.append(.field(identifier()))
            } else if b == UInt8(ascii: "["), let c = peek(1), isDigit(c) {
                var i = pos + 1
                while i < end, isDigit(bytes[i]) { i += 1 }
                guard i < end, bytes[i] == UInt8(ascii: "]"), i - pos - 1 <= 9 else { break }
                let index = Int(String(decoding: bytes[(pos + 1)..<i], as: UTF8.self)) ?? 0
                step(i + 1 - pos)
                path.append(.index(index))
            } else {
                break
            }
        }
        interpolations.append(Interpolation(offset: buffer.count,
            reference: Reference(kind: .binding, name: name, path: path, range: range(from: start))))
        predicted = -1
    }

    private mutating func identifier() -> String {
        let s = pos
        while let b = peek(), isIdentifierByte(b) { step() }
        return String(decoding: bytes[s..<pos], as: UTF8.self)
    }

    /// `&lt;`, `&gt;` and `&amp;` as Slack sends `<`, `>` and `&`.
    private mutating func slackEscape() {
        let decoded: (UInt8, Int)?
        if matches("&lt;") { decoded = (UInt8(ascii: "<"), 4) }
        else if matches("&gt;") { decoded = (UInt8(ascii: ">"), 4) }
        else if matches("&amp;") { decoded = (UInt8(ascii: "&"), 5) }
        else { decoded = nil }
        guard let (byte, length) = decoded else { take(); return }
        emit(byte, from: pos)
        step(length)
    }

    /// Slack link markup: `<https://x|label>` becomes `https://x`, and
    /// `<mailto:a@b|a@b>` becomes the address `a@b`.
    private mutating func slackLink() {
        let schemes: [(StaticString, Int)] = [("<http://", 1), ("<https://", 1), ("<mailto:", 8)]
        guard let (_, skip) = schemes.first(where: { matches($0.0) }) else { take(); return }
        var close = pos + 1
        var bar: Int? = nil
        while close < end {
            let c = bytes[close]
            if c == UInt8(ascii: ">") { break }
            if c == 0x20 || c == 0x0A || c == 0x09 || c == UInt8(ascii: "<") { take(); return }
            if c == UInt8(ascii: "|") && bar == nil { bar = close }
            close += 1
        }
        guard close < end else { take(); return }
        let targetEnd = bar ?? close
        step(skip)
        while pos < targetEnd {
            if bytes[pos] == UInt8(ascii: "&") { slackEscape() } else { take() }
        }
        step(close + 1 - pos)
    }

    private func matches(_ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard pos + n <= end else { return false }
        let p = literal.utf8Start
        for k in 0..<n where bytes[pos + k] != p[k] { return false }
        return true
    }

    // MARK: Options

    /// A word is sorted into options and values by its text, once its quotes
    /// and escapes are gone, as a shell hands words to the AWS CLI:
    /// `'--name=value'`, `"--regions"` and `--na'me'=v` are the options
    /// `--name=value`, `--regions` and `--name=v`. An option's text starts with
    /// a dash form and a letter; as in the CLI's argparse, a text with a space
    /// before its `=` (or anywhere, without one) is a value (`"--not an option"`).
    private func classify(_ wordRange: SourceRange) -> Token {
        let utf8 = buffer  // the word's text, still in the buffer
        guard wordRange.start.offset < end, let (dash, dashLength) = Lexer.optionDash(utf8) else {
            return .word(makeWord(wordRange))
        }
        let start = wordRange.start.offset
        var nameEnd = dashLength
        while nameEnd < utf8.count, utf8[nameEnd] != UInt8(ascii: "=") { nameEnd += 1 }
        let name = String(decoding: utf8[dashLength..<nameEnd], as: UTF8.self)
        // Where the name starts in the source: after the dash as written, or
        // after a quote or escape when the word was quoted (`'--name'`).
        let nameStartOffset = map.sourceOffset(forText: dashLength)
        let nameStartLoc = nameStartOffset == start + dashLength
            ? wordRange.start.advanced(columns: dash == .double ? 2 : 1, bytes: dashLength)
            : location(from: wordRange.start, to: Swift.min(Swift.max(nameStartOffset, start), wordRange.end.offset))
        let nameEndOffset = map.sourceOffset(forText: nameEnd)
        // Columns from the source bytes, not the name's text: quotes, escapes
        // and invalid UTF-8 make the two differ.
        let nameRange = SourceRange(start: nameStartLoc, end: location(from: nameStartLoc, to: nameEndOffset))
        var inline: Word? = nil
        if nameEnd < utf8.count {
            let valueStart = nameEnd + 1
            let text = String(decoding: utf8[valueStart...], as: UTF8.self)
            var valueMap = SourceMap(start: map.sourceOffset(forText: valueStart))
            valueMap.shift(from: map, dropping: valueStart)
            let startLoc = location(from: nameRange.end, to: nameRange.end.offset + 1)
            inline = Word(text: text,
                          // A reference in the name (`--a$x=v`, diagnosed there) is not the value's.
                          interpolations: interpolations.filter { $0.offset >= valueStart }
                              .map { Interpolation(offset: $0.offset - valueStart, reference: $0.reference) },
                          range: SourceRange(start: startLoc, end: wordRange.end),
                          isQuoted: quoted, sourceMap: valueMap)
        }
        return .option(OptionToken(name: name, dash: dash, nameRange: nameRange, inlineValue: inline, range: wordRange))
    }
}

extension Lexer {
    /// The dash form and its length when `text` (a word's text, its quotes
    /// removed) is an option: a dash form, then a letter (or `--=`), and no
    /// space before the first `=`.
    static func optionDash<Text: RandomAccessCollection<UInt8>>(_ text: Text) -> (Option.Dash, Int)? where Text.Index == Int {
        guard let first = text.first else { return nil }
        let base = text.startIndex
        let count = text.count
        let dash: Option.Dash
        let dashLength: Int
        if first == UInt8(ascii: "-") {
            if count > 1, text[base + 1] == UInt8(ascii: "-") { dash = .double; dashLength = 2 } else { dash = .single; dashLength = 1 }
        } else if first == 0xE2, count > 2, text[base + 1] == 0x80, text[base + 2] == 0x94 || text[base + 2] == 0x93 {
            dash = text[base + 2] == 0x94 ? .emDash : .enDash
            dashLength = 3
        } else {
            return nil
        }
        // `--=value`: an option that lacks its name (the parser says so).
        let namelessEquals = dash == .double && count > 2 && text[base + 2] == UInt8(ascii: "=")
        guard count > dashLength, isLetter(text[base + dashLength]) || namelessEquals else { return nil }
        for b in text[(base + dashLength)...] {
            if b == UInt8(ascii: "=") { break }
            if b == 0x20 { return nil }
        }
        return (dash, dashLength)
    }

    /// Whether a value with this text would be read as an option if it were
    /// typed as a word of its own (so it can only be an inline value, `--title=-x`).
    public static func looksLikeOption(_ text: String) -> Bool {
        optionDash(Array(text.utf8)) != nil
    }

    /// The location of a later offset, counted from a known one as `step()` counts.
    func location(from start: SourceLocation, to offset: Int) -> SourceLocation {
        var line = start.line, column = start.column
        var i = start.offset
        while i < offset {
            if bytes[i] == 0x0A {
                line += 1
                column = 1
            } else if bytes[i] & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return SourceLocation(offset: Swift.max(offset, start.offset), line: line, column: column)
    }
}

extension SourceLocation {
    /// The location some bytes further on the same line.
    func advanced(columns: Int, bytes: Int) -> SourceLocation {
        SourceLocation(offset: offset + bytes, line: line, column: column + columns)
    }
}

extension SourceMap {
    /// Takes over the part of `other` from text offset `dropping` on, renumbered from 0.
    mutating func shift(from other: SourceMap, dropping: Int) {
        for segment in other.rest where Int(segment.text) > dropping {
            note(text: Int(segment.text) - dropping, source: Int(segment.source))
        }
    }
}

@inline(__always) func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
@inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
@inline(__always) func isIdentifierStart(_ b: UInt8) -> Bool { isLetter(b) || b == UInt8(ascii: "_") }
@inline(__always) func isIdentifierByte(_ b: UInt8) -> Bool { isIdentifierStart(b) || isDigit(b) }
