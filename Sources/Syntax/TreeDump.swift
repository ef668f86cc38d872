/// Prints syntax trees for people (an indented tree) and for tools (JSON with
/// ranges): what `incident-chat parse` shows.
public struct TreeDump {
    /// Show source ranges (line:column-line:column) beside each node.
    public var ranges: Bool

    public init(ranges: Bool = true) {
        self.ranges = ranges
    }

    // MARK: Text

    public func text(_ command: Command, indent: Int = 0) -> String {
        var out = line(indent, "command", command.range)
        if let m = command.mention {
            // How a mention was capitalised does not matter; which Slack user does.
            out += line(indent + 1, "mention \(m.kind.rawValue)" + (m.kind == .slackUser ? " " + jsonString(m.text) : ""), m.range)
        }
        if let aws = command.awsPrefix { out += line(indent + 1, "aws-prefix", aws) }
        out += line(indent + 1, "service " + word(command.service), command.service.range)
        out += line(indent + 1, "operation " + word(command.operation), command.operation.range)
        for a in command.arguments { out += line(indent + 1, "argument " + word(a), a.range) }
        for o in command.options {
            out += line(indent + 1, "option --\(o.name)", o.nameRange)
            for v in o.values { out += line(indent + 2, "value " + word(v), v.range) }
        }
        return out
    }

    public func text(_ script: Script) -> String {
        var out = "script\n"
        var comments = script.comments[...]
        for statement in script.statements {
            while let c = comments.first, c.range.start < statement.range.start {
                out += line(1, "comment " + jsonString(c.text), c.range)
                comments = comments.dropFirst()
            }
            switch statement {
            case .command(let c):
                out += text(c, indent: 1)
            case .binding(let b):
                out += line(1, "binding \(b.name)", b.nameRange)
                out += text(b.command, indent: 2)
            case .directive(let d):
                out += line(1, "directive .\(d.name)", d.range)
                for a in d.arguments { out += line(2, "argument " + word(a), a.range) }
            }
        }
        for c in comments { out += line(1, "comment " + jsonString(c.text), c.range) }
        return out
    }

    private func line(_ indent: Int, _ text: String, _ range: SourceRange) -> String {
        String(repeating: "  ", count: indent) + text + (ranges ? " @\(range)" : "") + "\n"
    }

    /// `"text"`, with references shown where they stand: `"arn/" $incident.arn`.
    private func word(_ w: Word) -> String {
        guard !w.interpolations.isEmpty else { return jsonString(w.text) }
        var parts: [String] = []
        let bytes = Array(w.text.utf8)
        var at = 0
        for i in w.interpolations {
            if i.offset > at { parts.append(jsonString(String(decoding: bytes[at..<i.offset], as: UTF8.self))) }
            parts.append(i.reference.spelling)
            at = i.offset
        }
        if at < bytes.count { parts.append(jsonString(String(decoding: bytes[at...], as: UTF8.self))) }
        return parts.joined(separator: " ")
    }

    // MARK: JSON

    public func json(_ command: Command) -> String {
        var fields: [(String, String)] = [("kind", jsonString("command"))]
        if let m = command.mention {
            fields.append(("mention", object([("kind", jsonString(m.kind.rawValue)), ("text", jsonString(m.text))] + rangeField(m.range))))
        }
        if let aws = command.awsPrefix { fields.append(("awsPrefix", object(rangeField(aws)))) }
        fields.append(("service", json(command.service)))
        fields.append(("operation", json(command.operation)))
        fields.append(("arguments", array(command.arguments.map(json))))
        fields.append(("options", array(command.options.map { o in
            object([("name", jsonString(o.name)), ("dash", jsonString(o.dash.rawValue))]
                   + (ranges ? [("nameRange", range(o.nameRange))] : [])
                   + [("values", array(o.values.map(json)))] + rangeField(o.range))
        })))
        return object(fields + rangeField(command.range))
    }

    public func json(_ script: Script) -> String {
        let statements = script.statements.map { statement -> String in
            switch statement {
            case .command(let c):
                return json(c)
            case .binding(let b):
                return object([("kind", jsonString("binding")), ("name", jsonString(b.name)), ("command", json(b.command))] + rangeField(b.range))
            case .directive(let d):
                return object([("kind", jsonString("directive")), ("name", jsonString(d.name)),
                               ("arguments", array(d.arguments.map(json)))] + rangeField(d.range))
            }
        }
        let comments = script.comments.map { object([("text", jsonString($0.text))] + rangeField($0.range)) }
        return object([("kind", jsonString("script")), ("statements", array(statements)), ("comments", array(comments))])
    }

    private func json(_ w: Word) -> String {
        var fields: [(String, String)] = [("text", jsonString(w.text)), ("quoted", w.isQuoted ? "true" : "false")]
        if !w.interpolations.isEmpty {
            fields.append(("references", array(w.interpolations.map {
                object([("offset", String($0.offset)), ("reference", jsonString($0.reference.spelling))] + rangeField($0.reference.range))
            })))
        }
        return object(fields + rangeField(w.range))
    }

    private func rangeField(_ r: SourceRange) -> [(String, String)] {
        ranges ? [("range", range(r))] : []
    }

    private func range(_ r: SourceRange) -> String {
        func loc(_ l: SourceLocation) -> String {
            object([("offset", String(l.offset)), ("line", String(l.line)), ("column", String(l.column))])
        }
        return object([("start", loc(r.start)), ("end", loc(r.end))])
    }

    private func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { jsonString($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    private func array(_ items: [String]) -> String {
        "[" + items.joined(separator: ",") + "]"
    }
}

/// A JSON string literal.
public func jsonString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where scalar.value < 0x20:
            let hex = String(scalar.value, radix: 16)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default:
            out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
