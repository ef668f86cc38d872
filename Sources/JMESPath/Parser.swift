/// A top-down operator precedence (Pratt) parser over the lexer's tokens, with the
/// binding powers of the JMESPath reference implementation.
///
/// Both the parser's recursion and the depth of the tree it builds are bounded by
/// `JMESPath.maximumNestingDepth`, so no expression can exhaust the stack, here or
/// when it is evaluated.
struct Parser {
    /// A node and the depth of the tree under it.
    struct Parsed {
        var node: Node
        var depth: Int
    }

    private let tokens: [Token]
    private let literals: [JSONValue]
    private let names: [String]
    private let bytes: [UInt8]
    private var index = 0
    private var nesting = 0
    /// The first unknown function or wrong argument count, reported once the syntax is known to be valid.
    private var functionError: JMESPathError?

    private static let projectionStop = 10

    static func parse(_ bytes: [UInt8]) throws(JMESPathError) -> Node {
        guard !bytes.isEmpty else { throw JMESPathError(.syntax, "empty expression", column: 1) }
        var parser = Parser(tokens: try Lexer.tokenize(bytes), bytes: bytes)
        let result = try parser.expression(0)
        guard parser.current == .eof else { throw parser.unexpected(parser.token) }
        if let error = parser.functionError { throw error }
        return result.node
    }

    private init(tokens: Tokens, bytes: [UInt8]) {
        self.tokens = tokens.list
        self.literals = tokens.literals
        self.names = tokens.names
        self.bytes = bytes
    }

    /// The name of an identifier token.
    private mutating func text(_ token: Token) -> String {
        if token.kind == .quotedIdentifier { return names[token.payload] }
        return bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[token.offset..<token.end]), as: UTF8.self)
        }
    }

    // MARK: Tokens

    private var token: Token { tokens[index] }
    private var current: TokenKind { tokens[index].kind }
    private func lookahead(_ n: Int) -> TokenKind { tokens[min(index + n, tokens.count - 1)].kind }
    private mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    private mutating func error(_ message: String, at token: Token) -> JMESPathError {
        JMESPathError(.syntax, message, column: column(of: token.offset, in: bytes))
    }

    private mutating func unexpected(_ token: Token, expecting: String? = nil) -> JMESPathError {
        var message = "unexpected \(token.kind.display)"
        if token.kind == .unquotedIdentifier || token.kind == .quotedIdentifier { message += " '\(text(token))'" }
        if let expecting { message += ", expecting \(expecting)" }
        return error(message, at: token)
    }

    private mutating func match(_ kind: TokenKind) throws(JMESPathError) {
        guard current == kind else { throw unexpected(token, expecting: kind.display) }
        advance()
    }

    /// Wraps a node over children of the given depth, refusing trees deeper than the limit.
    private mutating func make(_ node: Node, over depth: Int) throws(JMESPathError) -> Parsed {
        guard depth < JMESPath.maximumNestingDepth else { throw tooDeep() }
        return Parsed(node: node, depth: depth + 1)
    }

    private mutating func tooDeep() -> JMESPathError {
        error("expression nested too deeply (the limit is \(JMESPath.maximumNestingDepth) levels)", at: token)
    }

    // MARK: Expressions

    private mutating func expression(_ bindingPower: Int) throws(JMESPathError) -> Parsed {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= JMESPath.maximumNestingDepth else { throw tooDeep() }
        let first = token
        advance()
        var left = try nud(first)
        while bindingPower < current.bindingPower {
            let operatorToken = token
            advance()
            try led(operatorToken, &left)
        }
        return left
    }

    /// A token at the start of an expression.
    private mutating func nud(_ token: Token) throws(JMESPathError) -> Parsed {
        switch token.kind {
        case .literal:
            return Parsed(node: .literal(literals[token.payload]), depth: 1)
        case .unquotedIdentifier:
            return Parsed(node: .field(text(token)), depth: 1)
        case .quotedIdentifier:
            if current == .lparen { throw error("a quoted identifier cannot name a function", at: self.token) }
            return Parsed(node: .field(text(token)), depth: 1)
        case .current:
            return Parsed(node: .current, depth: 1)
        case .star:
            let right = current == .rbracket ? Parsed(node: .current, depth: 1)
                : try projectionRight(TokenKind.star.bindingPower)
            return try make(.objectProjection(left: .current, right: right.node), over: right.depth)
        case .filter:
            return try filter(Parsed(node: .current, depth: 1))
        case .lbrace:
            return try multiSelectHash()
        case .lparen:
            let inner = try expression(0)
            try match(.rparen)
            return inner
        case .flatten:
            let right = try projectionRight(TokenKind.flatten.bindingPower)
            return try make(.listProjection(left: .flatten(.current), right: right.node), over: max(2, right.depth))
        case .not:
            let operand = try expression(TokenKind.not.bindingPower)
            return try make(.not(operand.node), over: operand.depth)
        case .lbracket:
            if current == .number || current == .colon {
                return try indexOrSlice(after: Parsed(node: .current, depth: 1))
            }
            if current == .star && lookahead(1) == .rbracket {
                advance()
                advance()
                let right = try projectionRight(TokenKind.star.bindingPower)
                return try make(.listProjection(left: .current, right: right.node), over: right.depth)
            }
            return try multiSelectList()
        case .expref:
            let operand = try expression(TokenKind.expref.bindingPower)
            return try make(.expressionReference(operand.node), over: operand.depth)
        case .eof:
            throw error("unexpected end of expression", at: token)
        default:
            throw unexpected(token)
        }
    }

    /// A token after a complete expression `left`.
    private mutating func led(_ token: Token, _ left: inout Parsed) throws(JMESPathError) {
        switch token.kind {
        case .dot where current != .star:
            try append(&left, try dotRight(TokenKind.dot.bindingPower))
        case .pipe:
            try append(&left, try expression(TokenKind.pipe.bindingPower))
        case .lbracket where current == .number && lookahead(1) == .rbracket:
            let n = self.token.payload
            advance()
            advance()
            try append(&left, Parsed(node: .index(n), depth: 1))
        default:
            left = try ledNode(token, left)
        }
    }

    /// An infix token that wraps `left` in a new node.
    private mutating func ledNode(_ token: Token, _ left: Parsed) throws(JMESPathError) -> Parsed {
        switch token.kind {
        case .dot:
            advance()
            let right = try projectionRight(TokenKind.dot.bindingPower)
            return try make(.objectProjection(left: left.node, right: right.node), over: max(left.depth, right.depth))
        case .or:
            let right = try expression(TokenKind.or.bindingPower)
            return try make(.or(left.node, right.node), over: max(left.depth, right.depth))
        case .and:
            let right = try expression(TokenKind.and.bindingPower)
            return try make(.and(left.node, right.node), over: max(left.depth, right.depth))
        case .eq, .ne, .lt, .lte, .gt, .gte:
            let comparator: Comparator = switch token.kind {
            case .eq: .equal
            case .ne: .notEqual
            case .lt: .less
            case .lte: .lessOrEqual
            case .gt: .greater
            default: .greaterOrEqual
            }
            let right = try expression(token.kind.bindingPower)
            return try make(.compare(comparator, left.node, right.node), over: max(left.depth, right.depth))
        case .lparen:
            return try functionCall(left, nameIndex: index - 2)
        case .filter:
            return try filter(left)
        case .flatten:
            let right = try projectionRight(TokenKind.flatten.bindingPower)
            return try make(.listProjection(left: .flatten(left.node), right: right.node),
                            over: max(left.depth + 1, right.depth))
        case .lbracket:
            if current == .number || current == .colon { return try indexOrSlice(after: left) }
            try match(.star)
            try match(.rbracket)
            let right = try projectionRight(TokenKind.star.bindingPower)
            return try make(.listProjection(left: left.node, right: right.node), over: max(left.depth, right.depth))
        default:
            throw unexpected(token)
        }
    }

    /// Appends `right` to the chain of steps in `left` (making `left` a chain first).
    private mutating func append(_ left: inout Parsed, _ right: Parsed) throws(JMESPathError) {
        var steps: [Node]
        var depth = left.depth
        if case .current = left.node {
            left = right
            return
        }
        if case .chain(let existing) = left.node {
            steps = existing
            depth -= 1
            left.node = .current  // releases the old node, so that `steps` is appended in place
        } else {
            steps = [left.node]
        }
        if case .chain(let more) = right.node {
            steps.append(contentsOf: more)
            depth = max(depth, right.depth - 1)
        } else {
            steps.append(right.node)
            depth = max(depth, right.depth)
        }
        left = try make(.chain(steps), over: depth)
    }

    /// After `[`: `[n]`, or a slice, which starts a projection.
    private mutating func indexOrSlice(after left: Parsed) throws(JMESPathError) -> Parsed {
        if current == .number && lookahead(1) == .rbracket {
            var indexed = left
            let n = token.payload
            advance()
            advance()
            try append(&indexed, Parsed(node: .index(n), depth: 1))
            return indexed
        }
        var parts: [Int?] = [nil, nil, nil]
        var part = 0
        while current != .rbracket {
            switch current {
            case .colon:
                part += 1
                if part == 3 { throw unexpected(token, expecting: "']'") }
                advance()
            case .number:
                if parts[part] != nil { throw unexpected(token, expecting: "':' or ']'") }
                parts[part] = token.payload
                advance()
            default:
                throw unexpected(token, expecting: part == 0 ? "a number or ':'" : "a number, ':' or ']'")
            }
        }
        advance()
        var sliced = left
        try append(&sliced, Parsed(node: .slice(start: parts[0], stop: parts[1], step: parts[2]), depth: 1))
        let right = try projectionRight(TokenKind.star.bindingPower)
        return try make(.listProjection(left: sliced.node, right: right.node), over: max(sliced.depth, right.depth))
    }

    private mutating func filter(_ left: Parsed) throws(JMESPathError) -> Parsed {
        let condition = try expression(0)
        try match(.rbracket)
        let right = current == .flatten ? Parsed(node: .current, depth: 1)
            : try projectionRight(TokenKind.filter.bindingPower)
        return try make(.filterProjection(left: left.node, right: right.node, condition: condition.node),
                        over: max(left.depth, right.depth, condition.depth))
    }

    /// What a projection applies to each element: nothing more, `[...]`, `[?...]` or `.rhs`.
    private mutating func projectionRight(_ bindingPower: Int) throws(JMESPathError) -> Parsed {
        if current.bindingPower < Self.projectionStop { return Parsed(node: .current, depth: 1) }
        switch current {
        case .lbracket, .filter:
            return try expression(bindingPower)
        case .dot:
            advance()
            return try dotRight(bindingPower)
        default:
            throw unexpected(token, expecting: "'.', '[' or '[?'")
        }
    }

    /// After `.`: an identifier, `*`, a multi-select list or hash, or a function call.
    private mutating func dotRight(_ bindingPower: Int) throws(JMESPathError) -> Parsed {
        switch current {
        case .unquotedIdentifier, .quotedIdentifier, .star:
            return try expression(bindingPower)
        case .lbracket:
            advance()
            return try multiSelectList()
        case .lbrace:
            advance()
            return try multiSelectHash()
        default:
            throw unexpected(token, expecting: "an identifier, '*', '[' or '{'")
        }
    }

    private mutating func multiSelectList() throws(JMESPathError) -> Parsed {
        var elements: [Node] = []
        var depth = 0
        while true {
            let element = try expression(0)
            elements.append(element.node)
            depth = max(depth, element.depth)
            if current == .rbracket { break }
            guard current == .comma else { throw unexpected(token, expecting: "',' or ']'") }
            advance()
        }
        advance()
        return try make(.multiSelectList(elements), over: depth)
    }

    private mutating func multiSelectHash() throws(JMESPathError) -> Parsed {
        var pairs: [KeyedNode] = []
        var depth = 0
        while true {
            guard current == .unquotedIdentifier || current == .quotedIdentifier else {
                throw unexpected(token, expecting: "a key")
            }
            let key = text(token)
            advance()
            try match(.colon)
            let value = try expression(0)
            pairs.append(KeyedNode(key: key, node: value.node))
            depth = max(depth, value.depth)
            if current == .rbrace { break }
            guard current == .comma else { throw unexpected(token, expecting: "',' or '}'") }
            advance()
        }
        advance()
        return try make(.multiSelectHash(pairs), over: depth)
    }

    private mutating func functionCall(_ left: Parsed, nameIndex: Int) throws(JMESPathError) -> Parsed {
        let nameToken = tokens[max(0, nameIndex)]
        guard case .field(let name) = left.node else {
            throw error("only a plain name can be called as a function", at: nameToken)
        }
        var arguments: [Node] = []
        var depth = 0
        while current != .rparen {
            let argument = try expression(0)
            arguments.append(argument.node)
            depth = max(depth, argument.depth)
            if current == .comma {
                advance()
                if current == .rparen { throw unexpected(token, expecting: "an argument") }
            } else if current != .rparen {
                throw unexpected(token, expecting: "',' or ')'")
            }
        }
        advance()
        guard let function = Function.named(name) else {
            if functionError == nil {
                functionError = JMESPathError(.unknownFunction, "unknown function: \(name)()",
                                              column: column(of: nameToken.offset, in: bytes))
            }
            return Parsed(node: .literal(.null), depth: 1)
        }
        if let arityError = function.checkArity(arguments.count), functionError == nil {
            functionError = JMESPathError(.invalidArity, arityError, column: column(of: nameToken.offset, in: bytes))
        }
        return try make(.function(function, arguments), over: depth)
    }
}
