/// A custom action: a name for a command text with `$Variable` parameters,
/// run as `@aws run NAME Variable=value ...`.
///
/// The chat service's limits hold: a name is 1–30 characters of
/// `[A-Za-z0-9-_]`, the command text at most 5,000 characters.
public struct Alias: Sendable, Hashable, Codable {
    public let name: String
    public let command: String

    public static let maxNameLength = 30
    public static let maxCommandLength = 5_000

    public init(name: String, command: String) throws(AliasError) {
        try Self.validate(name: name)
        let trimmed = command.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { throw AliasError(.emptyCommand, "alias \(name) has no command text") }
        if trimmed.count > Self.maxCommandLength {
            throw AliasError(.commandTooLong, "the command text of alias \(name) has \(trimmed.count) characters; at most \(Self.maxCommandLength) are allowed")
        }
        self.name = name
        self.command = trimmed
    }

    /// Checks an alias name against the chat service's rule.
    public static func validate(name: String) throws(AliasError) {
        if name.isEmpty { throw AliasError(.invalidName, "an alias name cannot be empty") }
        if name.count > maxNameLength {
            throw AliasError(.invalidName, "alias name \"\(name)\" has \(name.count) characters; at most \(maxNameLength) are allowed")
        }
        if let bad = name.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_")) }) {
            throw AliasError(.invalidName, "alias name \"\(name)\" has the character \"\(bad)\"; use only letters, digits, - and _")
        }
    }

    /// The `$Variable` names of the command, in order of first use.
    public var parameters: [String] {
        var seen: [String] = []
        for part in Self.scan(command) {
            if case .variable(let name, _) = part, !seen.contains(name) { seen.append(name) }
        }
        return seen
    }

    /// The command with each `$Variable` replaced by its value from
    /// `Variable=value` arguments, quoted so the value stays one word.
    public func expand(arguments: [String]) throws(AliasError) -> String {
        var values: [String: String] = [:]
        for argument in arguments {
            guard let eq = argument.firstIndex(of: "="), eq != argument.startIndex else {
                throw AliasError(.malformedArgument, "argument \"\(argument)\" is not of the form Variable=value")
            }
            let key = String(argument[..<eq])
            guard parameters.contains(key) else {
                let known = parameters.isEmpty ? "it takes none" : "it takes " + parameters.map { "$" + $0 }.joined(separator: ", ")
                throw AliasError(.unknownVariable, "alias \(name) has no variable $\(key); \(known)")
            }
            values[key] = String(argument[argument.index(after: eq)...])
        }
        return try expand(values)
    }

    /// The command with each `$Variable` replaced by `values[Variable]`.
    public func expand(_ values: [String: String]) throws(AliasError) -> String {
        let missing = parameters.filter { values[$0] == nil }
        if !missing.isEmpty {
            let list = missing.map { "$" + $0 }.joined(separator: ", ")
            throw AliasError(.missingVariables, "alias \(name) needs a value for \(list)",
                             suggestion: "@aws run \(name) " + parameters.map { "\($0)=..." }.joined(separator: " "))
        }
        var out = ""
        for part in Self.scan(command) {
            switch part {
            case .text(let t): out += t
            case .variable(let v, let quote): out += Self.quoted(values[v]!, inside: quote)
            }
        }
        return out
    }

    // MARK: scanning

    enum Quote { case none, single, double }
    enum Part { case text(String), variable(String, Quote) }

    /// Splits command text into plain text and `$Variable`s, noting the quotes
    /// each variable stands in (a backslash escapes outside single quotes).
    static func scan(_ text: String) -> [Part] {
        var parts: [Part] = []
        var current = ""
        var quote = Quote.none
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\\" && quote != .single && i + 1 < chars.count {
                current.append(c); current.append(chars[i + 1]); i += 2; continue
            }
            if c == "'" && quote != .double { quote = quote == .single ? .none : .single }
            else if c == "\"" && quote != .single { quote = quote == .double ? .none : .double }
            if c == "$", i + 1 < chars.count, chars[i + 1].isASCII, chars[i + 1].isLetter || chars[i + 1] == "_" {
                var j = i + 1
                while j < chars.count, chars[j].isASCII, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" { j += 1 }
                if !current.isEmpty { parts.append(.text(current)); current = "" }
                parts.append(.variable(String(chars[(i + 1)..<j]), quote))
                i = j
                continue
            }
            current.append(c)
            i += 1
        }
        if !current.isEmpty { parts.append(.text(current)) }
        return parts
    }

    /// A value written so the lexer reads it back as it is.
    static func quoted(_ value: String, inside quote: Quote) -> String {
        switch quote {
        case .single:
            return value.replacingOccurrences(of: "'", with: "'\\''")
        case .double:
            var out = ""
            for c in value {
                if c == "\"" || c == "\\" || c == "$" || c == "`" { out.append("\\") }
                out.append(c)
            }
            return out
        case .none:
            let plain = !value.isEmpty && value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_:/.,=@+%".contains($0)) }
            return plain ? value : "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
    }
}

/// Why an alias cannot be created, found or expanded.
public struct AliasError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case invalidName = "invalid-alias-name"
        case emptyCommand = "empty-alias-command"
        case commandTooLong = "alias-command-too-long"
        case malformedArgument = "malformed-alias-argument"
        case unknownVariable = "unknown-alias-variable"
        case missingVariables = "missing-alias-variables"
        case notFound = "alias-not-found"
        case alreadyExists = "alias-exists"
    }

    public var kind: Kind
    public var message: String
    public var suggestion: String?

    public init(_ kind: Kind, _ message: String, suggestion: String? = nil) {
        self.kind = kind
        self.message = message
        self.suggestion = suggestion
    }

    public var description: String { message + (suggestion.map { " (try: \($0))" } ?? "") }
}
