/// What the lexer hands the parser.
public enum Token: Sendable, Hashable {
    /// A word: a service or operation name, a value, a mention.
    case word(Word)
    /// `--name`, `-name`, `—name`, `–name`, or `--name=value` (whose value is
    /// a word of its own).
    case option(OptionToken)
    /// The end of a line (scripts only; in a chat message a line break is a space).
    case newline(SourceRange)
    /// `# ...` to the end of the line (scripts only).
    case comment(Comment)
    case end(SourceLocation)
}

public struct OptionToken: Sendable, Hashable {
    public var name: String
    public var dash: Option.Dash
    public var nameRange: SourceRange
    public var inlineValue: Word?
    public var range: SourceRange
}

extension Token {
    public var range: SourceRange {
        switch self {
        case .word(let w): w.range
        case .option(let o): o.range
        case .newline(let r): r
        case .comment(let c): c.range
        case .end(let l): SourceRange(at: l)
        }
    }
}
