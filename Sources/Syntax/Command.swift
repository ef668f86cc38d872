/// The syntax tree of one chat command:
///
///     @aws ssm-incidents get-incident-record --arn arn:aws:...
///     ~~~~ ~~~~~~~~~~~~~ ~~~~~~~~~~~~~~~~~~~ ~~~~~ ~~~~~~~~~~~
///     mention  service      operation        option  value
///
/// Nothing here knows the catalog: any service or operation name parses.
public struct Command: Sendable, Hashable {
    public var mention: Mention?
    /// The `aws` of a line pasted from documentation.
    public var awsPrefix: SourceRange?
    public var service: Word
    public var operation: Word
    /// Words after the operation and before the first option.
    public var arguments: [Word]
    public var options: [Option]
    public var range: SourceRange

    public init(mention: Mention? = nil, awsPrefix: SourceRange? = nil, service: Word, operation: Word, arguments: [Word] = [], options: [Option] = [], range: SourceRange) {
        self.mention = mention
        self.awsPrefix = awsPrefix
        self.service = service
        self.operation = operation
        self.arguments = arguments
        self.options = options
        self.range = range
    }

    /// The first option with this name (without dashes), if any.
    public func option(_ name: String) -> Option? {
        options.first { $0.name == name }
    }
}

/// How a command addressed the bot.
public struct Mention: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// `@aws`
        case aws
        /// `@Amazon Q`
        case amazonQ
        /// `@q`
        case q
        /// Slack's encoded user mention, `<@U012ABCDEF>`.
        case slackUser
    }

    public var kind: Kind
    public var text: String
    public var range: SourceRange

    public init(kind: Kind, text: String, range: SourceRange) {
        self.kind = kind
        self.text = text
        self.range = range
    }
}

/// `--name value...`, `--name=value`, `--flag`.
public struct Option: Sendable, Hashable {
    /// How the option was introduced; all mean the same.
    public enum Dash: String, Sendable, Hashable {
        case double = "--"
        case single = "-"
        case emDash = "—"
        case enDash = "–"
    }

    /// The name without its dashes: `incident-record-arn`.
    public var name: String
    public var dash: Dash
    public var nameRange: SourceRange
    /// The value came after `=` in the same word.
    public var hasInlineValue: Bool
    public var values: [Word]
    public var range: SourceRange

    public init(name: String, dash: Dash = .double, nameRange: SourceRange, hasInlineValue: Bool = false, values: [Word] = [], range: SourceRange) {
        self.name = name
        self.dash = dash
        self.nameRange = nameRange
        self.hasInlineValue = hasInlineValue
        self.values = values
        self.range = range
    }
}
