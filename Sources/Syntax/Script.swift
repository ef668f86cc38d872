/// The syntax tree of a runbook: one statement a line.
public struct Script: Sendable, Hashable {
    public var statements: [Statement]
    /// Comments, kept for tools (formatters, editors).
    public var comments: [Comment]

    public init(statements: [Statement] = [], comments: [Comment] = []) {
        self.statements = statements
        self.comments = comments
    }
}

public enum Statement: Sendable, Hashable {
    /// `@aws ssm-incidents ...`
    case command(Command)
    /// `let name = @aws ssm-incidents ...`
    case binding(Binding)
    /// `.advance 15m`: an instruction to the session rather than to a service.
    case directive(Directive)

    public var range: SourceRange {
        switch self {
        case .command(let c): c.range
        case .binding(let b): b.range
        case .directive(let d): d.range
        }
    }
}

/// `let incident = @aws ssm-incidents start-incident ...`: the command's result
/// is bound to `incident` for the commands after it.
public struct Binding: Sendable, Hashable {
    public var name: String
    public var nameRange: SourceRange
    public var command: Command
    public var range: SourceRange

    public init(name: String, nameRange: SourceRange, command: Command, range: SourceRange) {
        self.name = name
        self.nameRange = nameRange
        self.command = command
        self.range = range
    }
}

/// `.name word...`
public struct Directive: Sendable, Hashable {
    public var name: String
    public var nameRange: SourceRange
    public var arguments: [Word]
    public var range: SourceRange

    public init(name: String, nameRange: SourceRange, arguments: [Word] = [], range: SourceRange) {
        self.name = name
        self.nameRange = nameRange
        self.arguments = arguments
        self.range = range
    }
}

/// `# text` to the end of the line.
public struct Comment: Sendable, Hashable {
    public var text: String
    public var range: SourceRange

    public init(text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }
}
