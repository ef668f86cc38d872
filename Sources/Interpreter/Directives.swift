import Backend
import Foundation
import JMESPath
import Renderer
import Syntax
import Time

/// The dot commands of runbooks and the REPL: instructions to the session
/// rather than to a service.
extension Session {
    /// Every directive with a line of help, for `.help`.
    public static let directiveHelp: [(String, String)] = [
        (".output FORMAT", "print results as json, yaml, text or table"),
        (".user NAME", "act as another responder (createdBy, lastModifiedBy)"),
        (".advance DURATION", "move the session's clock on (15m, 1h30m, 2d); on the wall clock it becomes simulated; escalations run"),
        (".outbox [CHANNEL-ARN]", "what was sent to contact channels (activation codes, pages); binds $outbox"),
        (".bindings", "the names bound with let, and what they hold"),
        (".store", "where the incidents are kept"),
        (".review [ARN]", "the post-incident review (--format text|html|markdown|json, --output-file PATH); the newest incident without ARN"),
    ]

    func run(_ directive: Directive, in file: SourceFile) async -> Status {
        var arguments = directive.arguments.map(\.text)
        if directive.name == "review" {
            // `.review $incident.incidentRecordArn`: references are resolved from the bindings.
            guard let resolved = resolvedArguments(directive, in: file) else { return .invalid }
            arguments = resolved
        }
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
                sink.error(".advance needs a clock the session can move: start with --fixed-clock TIME\n")
                return .configuration
            }
            if clock.followsSystem {
                // Said once: from here on the session's time is its own.
                sink.error("note: .advance stops following the system clock: the session's clock is simulated from "
                           + "\(Self.iso8601(clock.now())) and moves only with .advance\n")
            }
            let target = clock.now().addingTimeInterval(seconds)
            var sent: [OutboxMessage] = []
            if let timed = backend as? any TimeDriven {
                do throws(ServiceError) {
                    sent = try await timed.advance(to: target)
                } catch {
                    sink.error("An error occurred (\(error.name)) while moving the clock on: \(error.message)\n")
                    return .serviceError
                }
            } else {
                clock.advance(by: seconds)
            }
            sink.output("The clock is now \(Self.iso8601(clock.now()))\n")
            for message in sent { sink.output(Self.describe(message)) }
            await publishPages(sent)
            return .ok
        case "outbox":
            guard let timed = backend as? any TimeDriven else {
                sink.error("this backend keeps no outbox\n")
                return .configuration
            }
            do throws(ServiceError) {
                let messages = try await timed.outbox(contactChannelArn: arguments.first)
                for message in messages { sink.output(Self.describe(message)) }
                // Bound as $outbox, so that a runbook can use a code: $outbox[0].code.
                bind("outbox", .array(messages.map(Self.json)))
            } catch {
                sink.error("An error occurred (\(error.name)) reading the outbox: \(error.message)\n")
                return .serviceError
            }
            return .ok
        case "bindings":
            for name in bindings.keys.sorted() {
                sink.output("$\(name) = \(bindings[name]!.serialized(.compact))\n")
            }
            return .ok
        case "store":
            sink.output("\(backend)\n")
            return .ok
        case "review":
            return await runReview(arguments: arguments)
        default:
            return nil
        }
    }

    /// One message of the outbox, as a line a responder reads.
    public static func describe(_ message: OutboxMessage) -> String {
        let time = iso8601(Date(timeIntervalSince1970: Double(message.time) / 1000))
        switch message.kind {
        case .activationCode:
            return "\(time) \(message.channelType) to \(message.address): activation code \(message.code) for \(message.contactChannelArn)\n"
        case .page:
            return "\(time) \(message.channelType) to \(message.address): page \(message.subject.map { "\"\($0)\" " } ?? "")"
                + "(accept with code \(message.code)\(message.pageArn.map { " on \($0)" } ?? ""))\n"
        }
    }

    /// One message of the outbox as a binding's value.
    static func json(_ message: OutboxMessage) -> JSONValue {
        var object: JSONObject = [
            "time": .string(iso8601(Date(timeIntervalSince1970: Double(message.time) / 1000))),
            "kind": .string(message.kind.rawValue),
            "channelType": .string(message.channelType),
            "address": .string(message.address),
            "contactChannelArn": .string(message.contactChannelArn),
            "contactArn": .string(message.contactArn),
            "code": .string(message.code),
        ]
        if let page = message.pageArn { object.set("pageArn", .string(page)) }
        if let subject = message.subject { object.set("subject", .string(subject)) }
        return .object(object)
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
        ISO8601.string(date, rounding: .toMillisecond)
    }
}
