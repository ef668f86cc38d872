/// A recursive-descent parser with one function a production of
/// `Grammar/chat-command.ebnf` and `Grammar/script.ebnf`.
///
/// It knows nothing of the catalog: `@aws ssm-incidents no-such-thing` parses,
/// and the checker rejects it. Errors are collected, and parsing goes on at the
/// next option (in a command) or the next line (in a script).
///
/// The parser pulls its tokens from the lexer one at a time (with one token of
/// lookahead when `@Amazon Q` needs it) instead of lexing the whole input into
/// an array first: a token holds a word with its strings and source map, and
/// filling, growing and copying an array of them cost as much as lexing did.
public struct Parser {
    private var lexer: Lexer
    /// The token under the cursor.
    private var current: Token
    /// The token after `current`, once `peekNext` has lexed it.
    private var lookahead: Token?
    /// Whether `current` is the first token, and whether the one before it was a line break.
    private var atFirstToken = true
    private var afterNewline = false
    private var isScript = false
    /// The parser's own diagnostics; the lexer keeps its own, and `finish`
    /// puts them together as one list, the lexer's first.
    private var diagnostics: [Diagnostic] = []

    private init(lexer: Lexer) {
        self.lexer = lexer
        self.current = self.lexer.next()
    }

    // MARK: Entry points

    /// `message = [ fence ] command [ fence ]`: one chat message.
    public static func parseMessage(_ file: SourceFile) -> (command: Command?, diagnostics: [Diagnostic]) {
        let (content, unclosed) = ChatFormatting.unwrap(file.bytes)
        var parser = Parser(lexer: Lexer(bytes: file.bytes, range: content, mode: .message, firstLine: file.firstLine))
        if let unclosed {
            let fence = unclosed.count == 3
            let range = SourceRange(start: file.location(of: unclosed.lowerBound), end: file.location(of: unclosed.upperBound))
            parser.error(fence ? "unclosed-code-fence" : "unclosed-code-span",
                         fence ? "this code fence is never closed" : "this code span is never closed", range,
                         suggestion: "end the message with \(fence ? "```" : "`")")
        }
        let command = parser.parseCommand(after: nil)
        if command != nil, case .end = parser.current {} else if command != nil {
            parser.error("unexpected-token", "unexpected input after the command", parser.current.range)
        }
        return (command, parser.finish())
    }

    /// `script = { line }`: a runbook.
    public static func parseScript(_ file: SourceFile) -> (script: Script, diagnostics: [Diagnostic]) {
        var parser = Parser(lexer: Lexer(bytes: file.bytes, mode: .script, firstLine: file.firstLine))
        parser.isScript = true
        let script = parser.parseScriptBody()
        return (script, parser.finish())
    }

    /// Lexes what is left (its diagnostics count too, as when the whole input
    /// was lexed first), then every diagnostic, in source order.
    private mutating func finish() -> [Diagnostic] {
        while true {
            if case .end = current { break }
            advance()
        }
        let all = diagnostics.isEmpty ? lexer.diagnostics : lexer.diagnostics + diagnostics
        return all.sorted { $0.range.start < $1.range.start }
    }

    // MARK: Token stream

    private var atLineEnd: Bool {
        switch current {
        case .newline, .comment, .end: true
        default: false
        }
    }

    private var atWord: Bool {
        if case .word = current { true } else { false }
    }

    /// Moves to the next token; the `.end` token stays once reached.
    private mutating func advance() {
        _ = take()
    }

    /// Moves to the next token and hands over the one that was current. It is
    /// swapped out, not copied: a word holds three reference-counted buffers,
    /// and copying words from token to tree was a good part of parsing.
    private mutating func take() -> Token {
        if case .end = current { return current }
        if case .newline = current { afterNewline = true } else { afterNewline = false }
        atFirstToken = false
        var token: Token
        if let next = lookahead {
            token = next
            lookahead = nil
        } else {
            token = lexer.next()
        }
        swap(&token, &current)
        return token
    }

    /// The current token when it is a word, taken (see `take`); nil otherwise.
    private mutating func takeWord() -> Word? {
        guard atWord, case .word(let w) = take() else { return nil }
        return w
    }

    /// The token after `current` (`current` itself at the end).
    private mutating func peekNext() -> Token {
        if case .end = current { return current }
        if let next = lookahead { return next }
        let next = lexer.next()
        lookahead = next
        return next
    }

    private mutating func error(_ code: String, _ message: String, _ range: SourceRange, suggestion: String? = nil) {
        diagnostics.append(.error(code, message, at: range, suggestion: suggestion))
    }

    private var currentWord: Word? {
        if case .word(let w) = current { w } else { nil }
    }

    // MARK: Script

    /// `script = { line }` ; `line = [ statement ] [ comment ] newline`
    private mutating func parseScriptBody() -> Script {
        var script = Script()
        while true {
            switch current {
            case .end:
                return script
            case .newline:
                advance()
            case .comment(let c):
                script.comments.append(c)
                advance()
            default:
                let errorsBefore = diagnostics.count
                if let statement = parseStatement() {
                    script.statements.append(statement)
                }
                if !atLineEnd {
                    if diagnostics.count == errorsBefore {
                        error("unexpected-token", "unexpected input after the statement", current.range)
                    }
                    while !atLineEnd { advance() }
                }
            }
        }
    }

    /// `statement = binding | directive | command`
    private mutating func parseStatement() -> Statement? {
        if let word = currentWord, !word.isQuoted, word.isLiteral {
            if word.text == "let" { return parseBinding().map(Statement.binding) }
            if isDirectiveName(word.text) { return .directive(parseDirective(word)) }
        }
        return parseCommand(after: nil).map(Statement.command)
    }

    /// `binding = "let" name "=" command`
    private mutating func parseBinding() -> Binding? {
        let letRange = current.range
        advance()
        guard let nameWord = currentWord, !atLineEnd else {
            error("missing-binding-name", "expected a name after 'let'", current.range,
                  suggestion: "write: let incident = @aws ssm-incidents start-incident ...")
            return nil
        }
        if let eq = nameWord.text.firstIndex(of: "="), !nameWord.isQuoted {
            let name = nameWord.text[..<eq]
            error("binding-needs-spaces", "put spaces around '=' in a binding", nameWord.range,
                  suggestion: "write: let \(name) = ...")
            return nil
        }
        guard isIdentifier(nameWord.text), nameWord.isLiteral, !nameWord.isQuoted else {
            error("bad-binding-name", "'\(nameWord.text)' is not a valid name", nameWord.range,
                  suggestion: "a name starts with a letter or _ and holds letters, digits and _")
            return nil
        }
        advance()
        guard let eq = currentWord, eq.text == "=", !eq.isQuoted else {
            error("missing-equals", "expected '=' after '\(nameWord.text)'", current.range,
                  suggestion: "write: let \(nameWord.text) = @aws ...")
            return nil
        }
        advance()
        guard let command = parseCommand(after: eq.range) else { return nil }
        return Binding(name: nameWord.text, nameRange: nameWord.range, command: command, range: letRange.union(command.range))
    }

    /// `directive = "." name { word }`
    private mutating func parseDirective(_ word: Word) -> Directive {
        advance()
        var arguments: [Word] = []
        var range = word.range
        while !atLineEnd {
            switch current {
            case .word(let w):
                arguments.append(w)
            case .option(let o):
                arguments.append(o.asWord)
            default:
                break
            }
            range = range.union(current.range)
            advance()
        }
        let nameRange = SourceRange(start: word.range.start.advanced(columns: 1, bytes: 1), end: word.range.end)
        return Directive(name: String(word.text.dropFirst()), nameRange: nameRange, arguments: arguments, range: range)
    }

    // MARK: Command

    /// `command = [ mention ] [ "aws" ] service operation { argument } { option }`
    private mutating func parseCommand(after previous: SourceRange?) -> Command? {
        let start = current.range
        let mention = parseMention()
        var awsPrefix: SourceRange? = nil
        if let w = currentWord, !w.isQuoted, w.isLiteral, w.text.utf8.count == 3, asciiEqualIgnoringCase(w.text, "aws") {
            awsPrefix = w.range
            advance()
        }
        let before = awsPrefix.map { ("aws", $0) } ?? mention.map { ($0.text, $0.range) } ?? previous.map { ("=", $0) }
        guard let service = parseName(what: "service", after: before,
                                       example: "@aws ssm-incidents list-incident-records") else {
            return nil
        }
        guard let operation = parseName(what: "operation", after: (service.text, service.range),
                                         example: "@aws \(service.text) list-incident-records") else {
            return nil
        }
        var arguments: [Word] = []
        while let w = takeWord() {
            arguments.append(w)
        }
        var options: [Option] = []
        while case .option = current, case .option(let token) = take() {
            options.append(parseOption(token))
        }
        var range = start.union(operation.range)
        if let last = options.last { range = range.union(last.range) } else if let last = arguments.last { range = range.union(last.range) }
        return Command(mention: mention, awsPrefix: awsPrefix, service: service, operation: operation,
                       arguments: arguments, options: options, range: range)
    }

    /// `mention = "@aws" | "@q" | "@Amazon" "Q" | slack-user-mention`
    private mutating func parseMention() -> Mention? {
        guard let w = currentWord, !w.isQuoted, w.isLiteral, let first = w.text.utf8.first,
              first == UInt8(ascii: "@") || first == UInt8(ascii: "<"), w.text.utf8.count <= 64 else { return nil }
        // The three mentions, compared as ASCII: no other text lowercases to them.
        if asciiEqualIgnoringCase(w.text, "@aws") {
            advance()
            return Mention(kind: .aws, text: w.text, range: w.range)
        }
        if asciiEqualIgnoringCase(w.text, "@q") {
            advance()
            return Mention(kind: .q, text: w.text, range: w.range)
        }
        if asciiEqualIgnoringCase(w.text, "@amazon") {
            if case .word(let q) = peekNext(), !q.isQuoted, q.text.lowercased() == "q" {
                advance()
                advance()
                return Mention(kind: .amazonQ, text: w.text + " " + q.text, range: w.range.union(q.range))
            }
            return nil
        }
        let lower = w.text.lowercased()
        if lower.hasPrefix("<@"), lower.hasSuffix(">"), lower.count > 3 {
            advance()
            return Mention(kind: .slackUser, text: w.text, range: w.range)
        }
        return nil
    }

    /// `service = word` and `operation = word`: any word; the checker knows the names.
    private mutating func parseName(what: String, after previous: (text: String, range: SourceRange)?, example: String) -> Word? {
        if let w = takeWord() {
            return w
        }
        let here = current.range
        let whereText = previous.map { "after '\($0.text)'" } ?? ""
        if case .option(let o) = current, previous == nil, lineStartsStatement {
            error("option-without-command", "this line starts with an option, but no command comes before it", o.range,
                  suggestion: "end the previous line with \\ to continue its command")
            skipOptions()
        } else if case .option(let o) = current {
            error("missing-\(what)", "expected \(article(what)) \(what) before the option --\(o.name)", o.range,
                  suggestion: "for example: \(example)")
            skipOptions()
        } else if previous == nil && what == "service" {
            error("empty-command", "expected a command", here, suggestion: "for example: \(example)")
        } else {
            error("missing-\(what)", "expected \(article(what)) \(what) \(whereText)".trimmingSpaces,
                  previous.map { SourceRange(at: $0.range.end) } ?? here, suggestion: "for example: \(example)")
        }
        return nil
    }

    /// `option = dash name [ "=" value ] { value }`
    /// The option token has been taken; its values follow.
    private mutating func parseOption(_ token: OptionToken) -> Option {
        var values: [Word] = []
        if let inline = token.inlineValue { values.append(inline) }
        var range = token.range
        while let w = takeWord() {
            range = range.union(w.range)
            values.append(w)
        }
        if token.name.isEmpty {
            error("missing-option-name", "an option needs a name after its dashes", token.range,
                  suggestion: "write --name=value")
        } else if !isOptionName(token.name) {
            error("bad-option-name", "'\(token.name)' is not a valid option name", token.nameRange,
                  suggestion: "option names hold letters, digits and dashes, as in --incident-record-arn")
        }
        return Option(name: token.name, dash: token.dash, nameRange: token.nameRange,
                      hasInlineValue: token.inlineValue != nil, values: values, range: range)
    }

    /// The current token is the first of a runbook line (not of a chat message).
    private var lineStartsStatement: Bool {
        if atFirstToken { return isScript }
        return afterNewline
    }

    private mutating func skipOptions() {
        while !atLineEnd { advance() }
    }

    // MARK: Names

    private func isDirectiveName(_ text: String) -> Bool {
        let u = text.utf8
        guard u.count >= 2, u.first == UInt8(ascii: "."), let second = u.dropFirst().first else { return false }
        return isLetter(second) && u.dropFirst().allSatisfy { isIdentifierByte($0) || $0 == UInt8(ascii: "-") }
    }

    private func isIdentifier(_ text: String) -> Bool {
        guard let first = text.utf8.first, isIdentifierStart(first) else { return false }
        return text.utf8.allSatisfy(isIdentifierByte)
    }

    private func isOptionName(_ text: String) -> Bool {
        // On the contiguous bytes: iterating a String's UTF8View costs several times more.
        let isName: (UInt8) -> Bool = { isIdentifierByte($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
        if let result = text.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy(isName) }) { return result }
        return text.utf8.allSatisfy(isName)
    }

    private func article(_ word: String) -> String {
        word.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }
}

extension OptionToken {
    /// The option as a plain word, for places where options mean nothing (directives).
    var asWord: Word {
        var text = dash.rawValue + name
        if let inline = inlineValue { text += "=" + inline.text }
        let shift = text.utf8.count - (inlineValue?.text.utf8.count ?? 0)
        let interpolations = (inlineValue?.interpolations ?? []).map {
            Interpolation(offset: $0.offset + shift, reference: $0.reference)
        }
        return Word(text: text, interpolations: interpolations, range: range)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

/// Whether `text` is `lowercase` (ASCII letters, digits and punctuation) in any
/// case, compared byte by byte without making a lowercased copy.
@inline(__always)
func asciiEqualIgnoringCase(_ text: String, _ lowercase: StaticString) -> Bool {
    let n = lowercase.utf8CodeUnitCount
    guard text.utf8.count == n else { return false }
    let p = lowercase.utf8Start
    var i = 0
    for b in text.utf8 {
        let folded = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
        if folded != p[i] { return false }
        i += 1
    }
    return true
}
