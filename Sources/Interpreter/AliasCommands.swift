import Channel
import Checker
import Syntax

/// The channel's custom actions: `@aws alias create NAME COMMAND`, `@aws alias
/// list`, `@aws alias delete NAME`, and `@aws run NAME Variable=value ...`. An
/// expanded alias is checked and authorised like a command typed by hand.
extension Session {
    func runAliasCommand(_ command: Command, in file: SourceFile, origin: CheckContext.Origin, bindingTo name: String?) async -> Status {
        let store = gate.aliases
        do {
            switch (command.service.text, command.operation.text) {
            case ("alias", "create"), ("alias", "update"):
                guard let aliasName = command.arguments.first else {
                    return usage("@aws alias create NAME COMMAND", command, in: file)
                }
                // The command is the rest of the line as typed, references and all.
                let rest = SourceRange(start: aliasName.range.end, end: command.range.end)
                let body = file.text(of: rest).trimmingCharacters(in: .whitespacesAndNewlines)
                guard !body.isEmpty else { return usage("@aws alias create NAME COMMAND", command, in: file) }
                let alias = try Alias(name: aliasName.text, command: body)
                try await store.save(alias, replace: command.operation.text == "update")
                sink.output("Alias \(alias.name) saved" + (alias.parameters.isEmpty ? "" : " (parameters: \(alias.parameters.joined(separator: ", ")))") + "\n")
                return .ok
            case ("alias", "list"):
                for alias in try await store.list() { sink.output("\(alias.name)\t\(alias.command)\n") }
                return .ok
            case ("alias", "delete"):
                guard let aliasName = command.arguments.first, command.arguments.count == 1 else {
                    return usage("@aws alias delete NAME", command, in: file)
                }
                try await store.delete(named: aliasName.text)
                sink.output("Alias \(aliasName.text) deleted\n")
                return .ok
            case ("run", let aliasName):
                guard depth < 4 else {
                    sink.error("an alias may not run aliases more than four deep\n")
                    return .invalid
                }
                var arguments: [String] = []
                for word in command.arguments {
                    switch resolvedText(of: word) {
                    case .success(let text): arguments.append(text)
                    case .failure(let problem):
                        report([problem], in: file)
                        return .invalid
                    }
                }
                let expanded = try await store.expand(aliasName, arguments: arguments)
                depth += 1
                defer { depth -= 1 }
                let aliasFile = SourceFile(name: "alias \(aliasName)", text: expanded)
                let (parsed, diagnostics) = Parser.parseMessage(aliasFile)
                report(diagnostics, in: aliasFile)
                guard let parsed, !diagnostics.hasErrors else { return .invalid }
                let statement: Syntax.Statement = name.map {
                    .binding(Binding(name: $0, nameRange: command.range, command: parsed, range: command.range))
                } ?? .command(parsed)
                return await run(statement, in: aliasFile, origin: origin)
            default:
                return usage("@aws alias create|list|delete ..., or @aws run NAME Variable=value ...", command, in: file)
            }
        } catch let error as AliasError {
            report([.error("alias-\(error.kind.rawValue)", error.message, at: command.range, suggestion: error.suggestion)], in: file)
            return .invalid
        } catch {
            sink.error("\(error)\n")
            return .failure
        }
    }

    private func usage(_ text: String, _ command: Command, in file: SourceFile) -> Status {
        report([.error("alias-usage", "usage: \(text)", at: command.range)], in: file)
        return .invalid
    }
}

extension Session {
    /// A word's text with its references filled in from the bindings and the environment.
    func resolvedText(of word: Word) -> Result<String, Diagnostic> {
        guard !word.interpolations.isEmpty else { return .success(word.text) }
        let resolver = BindingResolver(bindings: bindings, environment: environment)
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
