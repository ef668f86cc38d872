import JSON
import ArgumentParser
import Catalog
import Checker
import Foundation
import Interpreter
import Syntax

/// `incident-chat check`: parse a runbook and check every command against
/// the catalog without running anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse and check the commands of a runbook without running them.",
        discussion: """
            Each command (bindings' commands too; directives are skipped) is checked
            against the service models: names, option values, required options and
            the models' constraints. With --json, one line per command: the request
            the AWS CLI would send, or the diagnostics. Exit status 0 when every
            command is valid, 252 otherwise.
            """
    )

    @Argument(help: "A runbook file, or - for standard input.")
    var file: String?

    @Flag(help: "Print one JSON object per command instead of diagnostics.")
    var json = false

    func run() throws {
        // A statement at a time as it is read: memory stays flat however long the runbook.
        let check = RunbookCheck([try .reading(file ?? "-")], environment: ProcessInfo.processInfo.environment)
        let renderer = DiagnosticRenderer(colors: colorsAllowed(fileDescriptor: 2))
        var out = ""
        var total = 0, invalid = 0
        while let entry = check.next(commands: total) {
            total += 1
            if !entry.isValid { invalid += 1 }
            if json {
                out += entry.json.compact + "\n"
            } else {
                if !entry.diagnostics.isEmpty { printError(renderer.render(entry.diagnostics, in: entry.file)) }
                if let skeleton = entry.command?.skeleton { out += skeleton.indented() + "\n" }
            }
            if out.utf8.count >= 1 << 16 {
                FileHandle.standardOutput.write(Data(out.utf8))
                out = ""
            }
        }
        FileHandle.standardOutput.write(Data(out.utf8))
        if !json {
            printError(invalid == 0 ? "\(total) command\(total == 1 ? "" : "s") checked: all valid\n"
                                    : "\(total) command\(total == 1 ? "" : "s") checked: \(invalid) invalid\n")
        }
        if invalid > 0 { throw ArgumentParser.ExitCode(ExitCode.commandInvalid) }
    }
}

extension RunbookCheck.Entry {
    /// The entry as a line of `check --json`: the request the AWS CLI would
    /// send (or its skeleton), or the diagnostics.
    var json: JSON {
        guard let command, isValid else {
            let items = diagnostics.map { d in
                JSON.object([("code", .string(d.code)), ("line", .integer(Int64(d.range.start.line))),
                                 ("column", .integer(Int64(d.range.start.column))), ("message", .string(d.message))])
            }
            return .object([("line", .integer(Int64(line))), ("ok", .bool(false)), ("diagnostics", .array(items))])
        }
        var members: [(key: String, value: JSON)] = [("line", .integer(Int64(line))), ("ok", .bool(true)),
                                             ("service", .string(command.service.name.rawValue)),
                                             ("operation", .string(command.operation.name))]
        if command.globals.generateCLISkeleton == .input, let skeleton = command.skeleton {
            members.append(("skeleton", skeleton))
        } else {
            members.append(("input", input(of: command)))
        }
        return .object(members)
    }

    /// The request's members in model order; deferred ones as written.
    private func input(of command: CheckedCommand) -> JSON {
        guard !command.deferred.isEmpty, let shape = command.service.input(of: command.operation) else {
            return RequestJSON.json(command.request)
        }
        var members: [(key: String, value: JSON)] = []
        for member in shape.members {
            if let value = command.request.input[member.name] { members.append((member.name, RequestJSON.json(value))) }
            else if let text = command.deferred[member.name] { members.append((member.name, .string(text))) }
        }
        return .object(members)
    }
}
