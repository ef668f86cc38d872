/// JMESPath, the query language of the AWS CLI's `--query`.
///
///     let expression = try JMESPath.Expression(compiling: "foo[?a == `1`].b")
///     let result = try expression.evaluate(on: document)
public enum JMESPath {
    /// How deeply an expression may nest (parentheses, brackets, projections, operators).
    /// Deeper expressions are a syntax error, so neither compiling nor evaluating can
    /// exhaust the stack.
    public static let maximumNestingDepth = 512

    /// A compiled expression: compile once, evaluate on any number of values.
    public struct Expression: Sendable, CustomStringConvertible {
        /// The text it was compiled from.
        public let text: String
        let root: Node

        /// Compiles `text`. Syntax errors carry the column of the offending token; unknown
        /// functions and wrong argument counts are reported here too, before any evaluation.
        public init(compiling text: String) throws(JMESPathError) {
            self.text = text
            self.root = try Parser.parse(Array(text.utf8))
        }

        /// The result of the expression on `value`; a type or value error from a function
        /// or a slice is thrown.
        public func evaluate(on value: JSONValue) throws(JMESPathError) -> JSONValue {
            try Interpreter.evaluate(root, value)
        }

        public var description: String { text }
    }

    /// Compiles `expression` and evaluates it on `value`.
    public static func search(_ expression: String, in value: JSONValue) throws(JMESPathError) -> JSONValue {
        try Expression(compiling: expression).evaluate(on: value)
    }
}

/// Expressions are equal when they were compiled from the same text (compiling is deterministic).
extension JMESPath.Expression: Hashable {
    public static func == (a: Self, b: Self) -> Bool { a.text == b.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}
