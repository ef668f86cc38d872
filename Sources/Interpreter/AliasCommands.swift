import Channel
import Checker
import Syntax

/// The channel's custom actions: `@aws alias create NAME COMMAND`, `@aws alias
/// list`, `@aws alias delete NAME`, and `@aws run NAME Variable=value ...`.
///
/// Each is a command of the channel: it passes the membership check, the role
/// and the guardrails as the action `chatbot:CreateCustomAction` (and so on,
/// see `OperationPermissions.CustomAction`) on the alias's ARN, and is written
/// to the command log with its decision. An expanded alias is then checked,
/// authorised and logged like a command typed by hand.
extension Session {
    func runAliasCommand(_ command: Command, in file: SourceFile, origin: CheckContext.Origin, bindingTo name: String?) async -> Status {
        let verb = command.operation.text
        let action: OperationPermissions.CustomAction
        switch (command.service.text, verb) {
        case ("alias", "create"): action = .create
        case ("alias", "update"): action = .update
        case ("alias", "delete"): action = .delete
        case ("alias", "list"): action = .list
        case ("run", _): action = .invoke
        default:
            return usage("@aws alias create|list|delete ..., or @aws run NAME Variable=value ...", command, in: file, origin: origin)
        }
        let aliasName: String?
        switch action {
        case .create, .update:
            guard let first = command.arguments.first, !aliasBody(command, in: file).isEmpty else {
                return usage("@aws alias \(verb) NAME COMMAND", command, in: file, origin: origin)
            }
            aliasName = first.text
        case .delete:
            guard let first = command.arguments.first, command.arguments.count == 1 else {
                return usage("@aws alias delete NAME", command, in: file, origin: origin)
            }
            aliasName = first.text
        case .list: aliasName = nil
        case .invoke: aliasName = verb
        }
        if let aliasName {
            // The name is checked before it becomes part of an ARN.
            do { try Alias.validate(name: aliasName) } catch {
                report([.error(error.kind.rawValue, error.message, at: command.range, suggestion: error.suggestion)], in: file)
                record(command, in: file, origin: origin, nil, .error(Self.invalidCommand), reason: "\(error.kind.rawValue): \(error.message)")
                return .invalid
            }
        }

        let decision = gate.authorize(action, alias: aliasName, user: settings.user, now: now)
        guard decision.isAllowed else {
            let code = decision.errorCode ?? "AccessDeniedException"
            sink.error(location(of: command, in: file) + "An error occurred (\(code)) when calling the \(action.rawValue) operation: \(decision.message ?? "denied")\n")
            record(command, in: file, origin: origin, decision, .error(code), reason: decision.message)
            return decision.refusalKind == .commandsNotSupported ? .invalid : .serviceError
        }

        let store = gate.aliases
        var related: [String] = []
        do {
            switch action {
            case .create, .update:
                let alias = try Alias(name: aliasName ?? "", command: aliasBody(command, in: file))
                related = [alias.command]
                try await store.save(alias, replace: action == .update)
                record(command, in: file, origin: origin, decision, .ok, related: related)
                sink.output("Alias \(alias.name) saved" + (alias.parameters.isEmpty ? "" : " (parameters: \(alias.parameters.joined(separator: ", ")))") + "\n")
                return .ok
            case .list:
                let aliases = try await store.list()
                record(command, in: file, origin: origin, decision, .ok)
                for alias in aliases { sink.output("\(alias.name)\t\(alias.command)\n") }
                return .ok
            case .delete:
                try await store.delete(named: aliasName ?? "")
                record(command, in: file, origin: origin, decision, .ok)
                sink.output("Alias \(aliasName ?? "") deleted\n")
                return .ok
            case .invoke:
                return try await runAlias(verb, command, in: file, origin: origin, bindingTo: name, decision: decision)
            }
        } catch let error as AliasError {
            report([.error(error.kind.rawValue, error.message, at: command.range, suggestion: error.suggestion)], in: file)
            record(command, in: file, origin: origin, decision, .error(Self.invalidCommand),
                   reason: "\(error.kind.rawValue): \(error.message)", related: related)
            return .invalid
        } catch {
            sink.error(failed(error, origin: origin) + "\n")
            record(command, in: file, origin: origin, decision, .error("InternalFailure"),
                   reason: origin == .chat ? Self.serverFailure : "\(error)", related: related)
            return .failure
        }
    }

    /// `@aws run NAME Variable=value ...`, once allowed: the alias expanded,
    /// the run logged, then the expansion run as a command of its own.
    private func runAlias(_ aliasName: String, _ command: Command, in file: SourceFile, origin: CheckContext.Origin,
                          bindingTo name: String?, decision: Decision) async throws -> Status {
        guard depth < 4 else {
            sink.error("an alias may not run aliases more than four deep\n")
            record(command, in: file, origin: origin, decision, .error(Self.invalidCommand),
                   reason: "an alias may not run aliases more than four deep")
            return .invalid
        }
        var arguments: [String] = []
        for word in command.arguments {
            switch resolvedText(of: word, origin: origin) {
            case .success(let text): arguments.append(text)
            case .failure(let problem):
                report([problem], in: file)
                record(command, in: file, origin: origin, decision, .error(Self.invalidCommand), reason: Self.reason([problem]))
                return .invalid
            }
        }
        let expanded = try await gate.aliases.expand(aliasName, arguments: arguments)
        // The run is logged as typed; the command it runs gets a line of its own.
        record(command, in: file, origin: origin, decision, .ok, related: [expanded])
        depth += 1
        defer { depth -= 1 }
        let aliasFile = SourceFile(name: "alias \(aliasName)", text: expanded)
        let (parsed, diagnostics) = Parser.parseMessage(aliasFile)
        report(diagnostics, in: aliasFile)
        guard let parsed, !diagnostics.hasErrors else {
            record(expanded, origin: origin, nil, .error(Self.invalidCommand), reason: Self.reason(diagnostics))
            return .invalid
        }
        let statement: Syntax.Statement = name.map {
            .binding(Binding(name: $0, nameRange: command.range, command: parsed, range: command.range))
        } ?? .command(parsed)
        return await run(statement, in: aliasFile, origin: origin)
    }

    /// The command an alias is created with: the rest of the line as typed,
    /// references and all, or, when that is one quoted word, the word without
    /// its quotes (as any value loses them).
    func aliasBody(_ command: Command, in file: SourceFile) -> String {
        guard let name = command.arguments.first else { return "" }
        let rest = SourceRange(start: name.range.end, end: command.range.end)
        let body = file.text(of: rest).trimmingCharacters(in: .whitespacesAndNewlines)
        if command.arguments.count == 2, command.options.isEmpty, command.arguments[1].isQuoted,
           body == file.text(of: command.arguments[1].range) {
            return Self.spelled(command.arguments[1]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return body
    }

    /// A word's text with its references written back where they stand.
    static func spelled(_ word: Word) -> String {
        guard !word.interpolations.isEmpty else { return word.text }
        let bytes = Array(word.text.utf8)
        var out = ""
        var at = 0
        for interpolation in word.interpolations {
            out += String(decoding: bytes[at..<interpolation.offset], as: UTF8.self) + interpolation.reference.spelling
            at = interpolation.offset
        }
        return out + String(decoding: bytes[at...], as: UTF8.self)
    }

    private func usage(_ text: String, _ command: Command, in file: SourceFile, origin: CheckContext.Origin) -> Status {
        report([.error("alias-usage", "usage: \(text)", at: command.range)], in: file)
        record(command, in: file, origin: origin, nil, .error(Self.invalidCommand), reason: "alias-usage: usage: \(text)")
        return .invalid
    }
}

extension Session {
    /// A word's text with its references filled in from the bindings and the environment.
    func resolvedText(of word: Word, origin: CheckContext.Origin) -> Result<String, Diagnostic> {
        guard !word.interpolations.isEmpty else { return .success(word.text) }
        let resolver = BindingResolver(bindings: bindings, environment: environment(for: origin))
        let bytes = Array(word.text.utf8)
        var out = ""
        var at = 0
        for interpolation in word.interpolations {
            out += String(decoding: bytes[at..<interpolation.offset], as: UTF8.self)
            at = interpolation.offset
            switch resolver.resolve(interpolation.reference) {
            case .text(let text): out += text
            case .failure(let message):
                return .failure(.error("unresolved-reference", message, at: interpolation.reference.range))
            case .deferred:
                return .failure(.error("unresolved-reference", "\(interpolation.reference.spelling) has no value yet",
                                       at: interpolation.reference.range))
            }
        }
        out += String(decoding: bytes[at...], as: UTF8.self)
        return .success(out)
    }
}
