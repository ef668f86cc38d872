import Foundation

/// The text of `incident-chat help`: the services, the operations of a
/// service with our summaries, and one operation's synopsis and options in
/// the manner of the AWS CLI's help (required options first).
public enum Synopsis {
    /// The options every command takes, beside the operation's own: those
    /// that take a value, then the flags.
    public static let globalOptions: [String] = ["--output", "--query", "--region", "--profile", "--endpoint-url"]
    public static let globalFlags: [String] = ["--no-paginate", "--debug"]

    /// `incident-chat help`: the services.
    /// `help [SERVICE [OPERATION]]`: the synopsis the words ask for, or
    /// an error naming what is unknown (with a did-you-mean); `ok` is false
    /// for an error. The command line's `help` and the browser channel's use it.
    public static func help(_ words: [String], in catalog: Catalog = .shared) -> (text: String, ok: Bool) {
        switch words.count {
        case 0:
            return (Synopsis.catalog(catalog), true)
        case 1, 2:
            guard let service = catalog.service(named: words[0]) else {
                let suggestions = catalog.suggestServices(for: words[0])
                var text = "error: unknown service '\(words[0])'; the services are \(catalog.serviceNames.map(\.rawValue).joined(separator: ", "))\n"
                if let first = suggestions.first { text += "  help: did you mean \(first)?\n" }
                return (text, false)
            }
            guard words.count == 2 else { return (Synopsis.service(service), true) }
            guard let operation = service.operation(named: words[1]) else {
                let suggestions = service.suggestOperations(for: words[1])
                var text = "error: \(service.name.rawValue) has no operation '\(words[1])'\n"
                text += suggestions.isEmpty ? "  help: see incident-chat help \(service.name.rawValue)\n"
                                            : "  help: did you mean \(suggestions.joined(separator: " or "))?\n"
                return (text, false)
            }
            return (Synopsis.operation(operation, in: service), true)
        default:
            return ("error: too many words\nusage: incident-chat help [SERVICE [OPERATION]]\n", false)
        }
    }

    public static func catalog(_ catalog: Catalog = .shared) -> String {
        var out = "usage: incident-chat help [SERVICE [OPERATION]]\n\n"
        out += "A chat command names a service, an operation (in CLI form, create-timeline-event,\n"
        out += "or API form, CreateTimelineEvent) and its options:\n\n"
        out += "  @aws ssm-incidents list-incident-records --max-items 5\n\n"
        out += "SERVICES\n"
        let services = catalog.services
        let width = services.map(\.name.rawValue.count).max() ?? 0
        for service in services {
            out += "  " + pad(service.name.rawValue, width) + "  " + service.summary
                + " (\(service.operations.count) operations)\n"
        }
        out += "\nGLOBAL OPTIONS\n"
        for option in globalOptions { out += "  \(option) <value>\n" }
        for flag in globalFlags { out += "  \(flag)\n" }
        return out
    }

    /// `incident-chat help SERVICE`: the operations, each with our summary.
    public static func service(_ service: ServiceModel) -> String {
        let meta = service.metadata
        var out = "\(service.name.rawValue): \(meta.serviceFullName) (API \(meta.apiVersion), \(meta.protocol.rawValue))\n"
        out += "  " + service.summary + "\n\nOPERATIONS\n"
        let operations = service.operations.sorted { $0.cliName < $1.cliName }
        let width = operations.map(\.cliName.count).max() ?? 0
        for operation in operations {
            out += "  " + pad(operation.cliName, width) + "  " + operation.summary + "\n"
        }
        if !service.waiters.isEmpty {
            out += "\nWAITERS\n"
            for waiter in service.waiters {
                let polled = service[waiter.operation].cliName
                out += "  \(waiter.cliName) (polls \(polled) every \(waiter.delay) s, \(waiter.maxAttempts) times at most)\n"
            }
        }
        out += "\nSee `incident-chat help \(service.name.rawValue) OPERATION` for an operation's options.\n"
        return out
    }

    /// `incident-chat help SERVICE OPERATION`: synopsis, options with types and
    /// constraints, shorthand and JSON skeletons, errors.
    public static func operation(_ operation: Operation, in service: ServiceModel) -> String {
        let syntax = ShapeSyntax(service: service)
        let visible = orderedOptions(operation, in: service)
        var out = "NAME\n  \(service.name.rawValue) \(operation.cliName) (\(operation.name))\n"
        out += "  " + operation.summary + "\n\n"

        out += "SYNOPSIS\n  \(operation.cliName)\n"
        for option in visible {
            let usage = usage(option)
            out += "    " + (option.option.isRequired ? usage : "[\(usage)]") + "\n"
        }
        var extra = ["--cli-input-json <value>", "--cli-input-yaml <value>"]
        extra += operation.pagingOptions.map { "--\($0) <value>" }
        extra.append("--generate-cli-skeleton <value>")
        for usage in extra { out += "    [\(usage)]\n" }

        out += "\nOPTIONS\n"
        if visible.isEmpty { out += "  None.\n" }
        for entry in visible {
            let option = entry.option
            let member = service.input(of: operation)!.members[option.member]
            let shape = service[option.shape]
            out += "  " + usage(entry).replacingOccurrences(of: " <value>", with: "")
            out += " (\(syntax.typeName(option.shape)))" + (option.isRequired ? " required" : "") + "\n"
            if let summary = member.summary { out += "      \(summary)\n" }
            var notes: [String] = []
            if member.isIdempotencyToken { notes.append("idempotency token: a fresh one is used when omitted") }
            if member.isRequired && !option.isRequired && !member.isIdempotencyToken { notes.append("required") }
            notes += syntax.constraints(option.shape)
            for note in notes { out += "      \(note)\n" }
            if let shorthand = syntax.shorthand(option.shape) {
                out += "      Shorthand:\n        \(shorthand)\n"
            }
            if !shape.isScalar {
                let json = syntax.jsonSkeleton(option.shape).replacingOccurrences(of: "\n", with: "\n        ")
                out += "      JSON:\n        \(json)\n"
            }
        }
        if let paginator = operation.paginator {
            out += "\nPAGINATION\n  Pages through \(paginator.resultKey.joined(separator: ", ")) with"
            out += " --starting-token" + (paginator.limitKey == nil ? "" : ", --page-size") + " and --max-items.\n"
        }
        if !operation.errors.isEmpty {
            out += "\nERRORS\n"
            for error in operation.errors.sorted(by: { $0.name < $1.name }) {
                out += "  \(error.name) (\(error.httpStatusCode))\n"
            }
        }
        out += "\nREQUEST\n"
        switch service.metadata.protocol {
        case .restJSON:
            out += "  \(operation.http.method) \(operation.http.requestURI)\n"
        case .json:
            out += "  POST / with X-Amz-Target: \(service.metadata.target(of: operation.name) ?? operation.name)\n"
        }
        return out
    }

    /// An option with its `--no-` twin when it is a boolean.
    struct Entry {
        let option: Option
        let negative: Option?
    }

    /// The options shown: required ones first, then the rest, each group
    /// sorted by name; hidden ones left out; a boolean's two flags as one entry.
    static func orderedOptions(_ operation: Operation, in service: ServiceModel) -> [Entry] {
        var entries: [Entry] = []
        for option in operation.options where !option.isHidden {
            switch option.form {
            case .value: entries.append(Entry(option: option, negative: nil))
            case .flag(true): entries.append(Entry(option: option, negative: operation.option(named: "no-" + option.name)))
            case .flag(false): continue
            }
        }
        return entries.sorted {
            ($0.option.isRequired ? 0 : 1, $0.option.name) < ($1.option.isRequired ? 0 : 1, $1.option.name)
        }
    }

    static func usage(_ entry: Entry) -> String {
        if let negative = entry.negative { return "--\(entry.option.name) | --\(negative.name)" }
        return "--\(entry.option.name) <value>"
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }
}
