import Foundation
import Renderer
import Syntax

/// The dot commands of runbooks and the REPL: instructions to the session
/// rather than to a service.
extension Session {
    /// Every directive with a line of help, for `.help`.
    public static let directiveHelp: [(String, String)] = [
        (".output FORMAT", "print results as json, yaml, text or table"),
        (".user NAME", "act as another responder (createdBy, lastModifiedBy)"),
        (".advance DURATION", "move the session's clock on (15m, 1h30m, 2d) when it is fixed"),
        (".bindings", "the names bound with let, and what they hold"),
        (".store", "where the incidents are kept"),
    ]

    func run(_ directive: Directive, in file: SourceFile) async -> Status {
        let arguments = directive.arguments.map(\.text)
        switch await runDirective(directive.name, arguments: arguments) {
        case .some(let status):
            return status
        case .none:
            report([.error("unknown-directive", "unknown directive .\(directive.name)", at: directive.nameRange,
                           suggestion: "the directives are " + Self.directiveHelp.map { $0.0.split(separator: " ")[0] }.joined(separator: ", "))],
                   in: file)
            return .invalid
        }
    }

    /// Runs a directive by name; nil when there is no such directive.
    public func runDirective(_ name: String, arguments: [String]) async -> Status? {
        switch name {
        case "output":
            guard arguments.count == 1, let format = OutputFormat(rawValue: arguments[0]) else {
                sink.error(".output takes one of: json, yaml, text, table\n")
                return .invalid
            }
            settings.output = format
            return .ok
        case "user":
            guard arguments.count == 1, !arguments[0].isEmpty else {
                sink.error(".user takes a name\n")
                return .invalid
            }
            settings.user = arguments[0]
            return .ok
        case "advance":
            guard arguments.count == 1, let seconds = Self.duration(arguments[0]) else {
                sink.error(".advance takes a duration such as 15m, 1h30m, 90s or 2d\n")
                return .invalid
            }
            guard let clock else {
                sink.error(".advance needs a fixed clock: start with --fixed-clock TIME\n")
                return .configuration
            }
            clock.advance(by: seconds)
            sink.output("The clock is now \(Self.iso8601(clock.now()))\n")
            return .ok
        case "bindings":
            for name in bindings.keys.sorted() {
                sink.output("$\(name) = \(bindings[name]!.serialized(.compact))\n")
            }
            return .ok
        case "store":
            sink.output("\(backend)\n")
            return .ok
        default:
            return nil
        }
    }

    /// `15m`, `1h30m`, `90s`, `2d`, `1w` in seconds.
    static func duration(_ text: String) -> TimeInterval? {
        var total = 0.0
        var number = ""
        for c in text {
            if c.isNumber { number.append(c); continue }
            guard let n = Double(number) else { return nil }
            switch c {
            case "s": total += n
            case "m": total += n * 60
            case "h": total += n * 3600
            case "d": total += n * 86400
            case "w": total += n * 604800
            default: return nil
            }
            number = ""
        }
        guard number.isEmpty, total > 0 else { return nil }
        return total
    }

    static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
