/// Prints a syntax tree back as canonical text: `@aws`, `--name` options,
/// values quoted only where they must be. Parsing the printed text gives the
/// same tree (ranges aside); the property tests hold it to that.
public enum Printer {
    public static func print(_ command: Command) -> String {
        var parts: [String] = []
        if let mention = command.mention {
            switch mention.kind {
            case .aws: parts.append("@aws")
            case .q: parts.append("@q")
            case .amazonQ: parts.append("@Amazon Q")
            case .slackUser: parts.append(mention.text)
            }
        }
        if command.awsPrefix != nil { parts.append("aws") }
        parts.append(print(command.service, leading: parts.isEmpty))
        parts.append(print(command.operation))
        parts += command.arguments.map { print($0) }
        for option in command.options {
            // A value that reads as an option as a word of its own (`-x`,
            // `'--y'`) can only be given inline: `--title=-x`.
            if let first = option.values.first, Lexer.looksLikeOption(first.text) {
                parts.append("--" + option.name + "=" + print(first))
                parts += option.values.dropFirst().map { print($0) }
            } else {
                parts.append("--" + option.name)
                parts += option.values.map { print($0) }
            }
        }
        return parts.joined(separator: " ")
    }

    /// A runbook: one statement a line; comments on their own lines, or after
    /// the statement whose line they shared.
    public static func print(_ script: Script) -> String {
        var out = ""
        var comments = script.comments[...]
        for statement in script.statements {
            while let c = comments.first, c.range.start < statement.range.start {
                out += c.text + "\n"
                comments = comments.dropFirst()
            }
            out += print(statement)
            if let c = comments.first, c.range.start.line == statement.range.end.line {
                out += " " + c.text
                comments = comments.dropFirst()
            }
            out += "\n"
        }
        for c in comments { out += c.text + "\n" }
        return out
    }

    public static func print(_ statement: Statement) -> String {
        switch statement {
        case .command(let c):
            return print(c)
        case .binding(let b):
            return "let \(b.name) = " + print(b.command)
        case .directive(let d):
            return (["." + d.name] + d.arguments.map { print($0) }).joined(separator: " ")
        }
    }

    /// A word as it must be typed to mean the same. `leading` words are also
    /// kept from reading as `let` or a directive.
    public static func print(_ word: Word, leading: Bool = false) -> String {
        guard !word.interpolations.isEmpty else { return quote(word.text, leading: leading) }
        // Literal runs in single quotes, references bare between them.
        var out = ""
        let bytes = Array(word.text.utf8)
        var at = 0
        for interpolation in word.interpolations {
            if interpolation.offset > at {
                out += singleQuoted(String(decoding: bytes[at..<interpolation.offset], as: UTF8.self))
            }
            out += interpolation.reference.spelling
            at = interpolation.offset
        }
        if at < bytes.count { out += singleQuoted(String(decoding: bytes[at...], as: UTF8.self)) }
        return out
    }

    static func quote(_ text: String, leading: Bool = false) -> String {
        if isBare(text) && !(leading && (text == "let" || text.hasPrefix("."))) { return text }
        if !text.unicodeScalars.contains(where: { $0 == "'" || $0 == "\u{2018}" || $0 == "\u{2019}" }) {
            return "'" + slackSafe(text) + "'"
        }
        var out = "\""
        for scalar in slackSafe(text).unicodeScalars {
            switch scalar {
            case "\"", "\\", "$", "`", "\u{201C}", "\u{201D}": out += "\\" + String(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func singleQuoted(_ text: String) -> String {
        // 'it'\''s' : close, an escaped quote, open again; typographic ones the same way.
        var out = "'"
        for scalar in slackSafe(text).unicodeScalars {
            if scalar == "'" || scalar == "\u{2018}" || scalar == "\u{2019}" {
                out += "'\\" + String(scalar) + "'"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "'"
    }

    /// Characters that need no quoting anywhere in a word.
    private static func isBare(_ text: String) -> Bool {
        guard let first = text.utf8.first, first != UInt8(ascii: "-"), first != UInt8(ascii: "#") else { return false }
        return text.utf8.allSatisfy { b in
            isIdentifierByte(b) || "-.:/@%+,=^~*?!_".utf8.contains(b)
        }
    }

    /// Text that Slack's decoding would change is written in the encoded form.
    private static func slackSafe(_ text: String) -> String {
        guard text.contains("&") || text.contains("<") else { return text }
        var out = ""
        var rest = Substring(text)
        while let c = rest.first {
            if c == "&", ["lt;", "gt;", "amp;"].contains(where: { rest.dropFirst().hasPrefix($0) }) {
                out += "&amp;"
            } else if c == "<", ["http://", "https://", "mailto:"].contains(where: { rest.dropFirst().hasPrefix($0) }) {
                out += "&lt;"
            } else {
                out.append(c)
            }
            rest = rest.dropFirst()
        }
        return out
    }
}
