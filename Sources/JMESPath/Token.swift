/// The kinds of token, with the binding powers of the reference parser.
enum TokenKind: UInt8, Sendable {
    case eof, unquotedIdentifier, quotedIdentifier, literal, number
    case dot, star, comma, colon, current, expref
    case lparen, rparen, lbrace, rbrace, lbracket, rbracket, flatten, filter
    case pipe, or, and, not
    case eq, ne, lt, lte, gt, gte

    /// How tightly the token binds to the expression on its left (0: not an infix token).
    var bindingPower: Int {
        switch self {
        case .eof, .unquotedIdentifier, .quotedIdentifier, .literal, .number, .comma, .colon,
             .current, .expref, .rparen, .rbrace, .rbracket: 0
        case .pipe: 1
        case .or: 2
        case .and: 3
        case .eq, .ne, .lt, .lte, .gt, .gte: 5
        case .flatten: 9
        case .star: 20
        case .filter: 21
        case .dot: 40
        case .not: 45
        case .lbrace: 50
        case .lbracket: 55
        case .lparen: 60
        }
    }

    /// How the token is named in error messages.
    var display: String {
        switch self {
        case .eof: "end of expression"
        case .unquotedIdentifier, .quotedIdentifier: "identifier"
        case .literal: "literal"
        case .number: "number"
        case .dot: "'.'"
        case .star: "'*'"
        case .comma: "','"
        case .colon: "':'"
        case .current: "'@'"
        case .expref: "'&'"
        case .lparen: "'('"
        case .rparen: "')'"
        case .lbrace: "'{'"
        case .rbrace: "'}'"
        case .lbracket: "'['"
        case .rbracket: "']'"
        case .flatten: "'[]'"
        case .filter: "'[?'"
        case .pipe: "'|'"
        case .or: "'||'"
        case .and: "'&&'"
        case .not: "'!'"
        case .eq: "'=='"
        case .ne: "'!='"
        case .lt: "'<'"
        case .lte: "'<='"
        case .gt: "'>'"
        case .gte: "'>='"
        }
    }
}

/// A token and where it is (byte offsets into the expression). Plain data, so that
/// the parser copies tokens for free; names and values live in `Tokens`.
struct Token: Sendable {
    var kind: TokenKind
    var offset: Int
    var end: Int
    /// A number's value, or the index of a literal's value or a quoted identifier's name.
    var payload: Int = 0
}

/// The tokens of an expression, with the values that do not fit in a token.
struct Tokens {
    var list: [Token] = []
    /// The values of literals and raw strings.
    var literals: [JSONValue] = []
    /// The names of quoted identifiers.
    var names: [String] = []
}
