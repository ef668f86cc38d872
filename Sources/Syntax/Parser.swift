/// A recursive-descent parser with one function a production of
/// `Grammar/chat-command.ebnf` and `Grammar/script.ebnf`.
///
/// It knows nothing of the catalog: `@aws ssm-incidents no-such-thing` parses,
/// and the checker rejects it. Errors are collected, and parsing goes on at the
/// next option (in a command) or the next line (in a script).
public struct Parser {
    private var tokens: [Token]
    private var index = 0
    private var isScript = false
    private var diagnostics: [Diagnostic]

    private init(tokens: [Token], diagnostics: [Diagnostic]) {
        self.tokens = tokens
        self.diagnostics = diagnostics
    }

    // MARK: Entry points

    /// `message = [ fence ] command [ fence ]`: one chat message.
    public static func parseMessage(_ file: SourceFile) -> (command: Command?, diagnostics: [Diagnostic]) {
        let (content, unclosed) = ChatFormatting.unwrap(file.bytes)
        var lexer = Lexer(bytes: file.bytes, range: content, mode: .message, firstLine: file.firstLine)
        let tokens = lexer.tokenize()
        var parser = Parser(tokens: tokens, diagnostics: lexer.diagnostics)
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
        return (command, parser.diagnostics.sorted { $0.range.start < $1.range.start })
    }

    /// `script = { line }`: a runbook.
    public static func parseScript(_ file: SourceFile) -> (script: Script, diagnostics: [Diagnostic]) {
        var lexer = Lexer(bytes: file.bytes, mode: .script, firstLine: file.firstLine)
        let tokens = lexer.tokenize()
        var parser = Parser(tokens: tokens, diagnostics: lexer.diagnostics)
        parser.isScript = true
        let script = parser.parseScriptBody()
        return (script, parser.diagnostics.sorted { $0.range.start < $1.range.start })
    }

    // MARK: Token stream

    private var current: Token { tokens[index] }

    private var atLineEnd: Bool {
        switch tokens[index] {
        case .newline, .comment, .end: true
        default: false
        }
    }

    private var atWord: Bool {
        if case .word = tokens[index] { true } else { false }
    }

    private mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
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
        if let w = currentWord, !w.isQuoted, w.isLiteral, w.text.utf8.count == 3, w.text.lowercased() == "aws" {
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
        while atWord, let w = currentWord {
            arguments.append(w)
            advance()
        }
        var options: [Option] = []
        while case .option(let token) = current {
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
        let lower = w.text.lowercased()
        switch lower {
        case "@aws":
            advance()
            return Mention(kind: .aws, text: w.text, range: w.range)
        case "@q":
            advance()
            return Mention(kind: .q, text: w.text, range: w.range)
        case "@amazon":
            let next = tokens[min(index + 1, tokens.count - 1)]
            if case .word(let q) = next, !q.isQuoted, q.text.lowercased() == "q" {
                advance()
                advance()
                return Mention(kind: .amazonQ, text: w.text + " " + q.text, range: w.range.union(q.range))
            }
            return nil
        default:
            if lower.hasPrefix("<@"), lower.hasSuffix(">"), lower.count > 3 {
                advance()
                return Mention(kind: .slackUser, text: w.text, range: w.range)
            }
            return nil
        }
    }

    /// `service = word` and `operation = word`: any word; the checker knows the names.
    private mutating func parseName(what: String, after previous: (text: String, range: SourceRange)?, example: String) -> Word? {
        if let w = currentWord {
            advance()
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
    private mutating func parseOption(_ token: OptionToken) -> Option {
        advance()
        var values: [Word] = []
        if let inline = token.inlineValue { values.append(inline) }
        var range = token.range
        while atWord, let w = currentWord {
            values.append(w)
            range = range.union(w.range)
            advance()
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
        guard index > 0 else { return isScript }
        if case .newline = tokens[index - 1] { return true }
        return false
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
        text.utf8.allSatisfy { isIdentifierByte($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
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
