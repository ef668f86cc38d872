import ArgumentParser
import Catalog
import Checker
import Foundation
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
        let source = try Input.read(file)
        let base: String
        if let file, file != "-" {
            base = (file as NSString).deletingLastPathComponent.isEmpty ? FileManager.default.currentDirectoryPath
                                                                         : (file as NSString).deletingLastPathComponent
        } else {
            base = FileManager.default.currentDirectoryPath
        }
        let report = RunbookCheck.check(source, baseDirectory: base)
        if json {
            var out = ""
            for entry in report.entries { out += entry.json(in: source).compact + "\n" }
            FileHandle.standardOutput.write(Data(out.utf8))
        } else {
            let renderer = DiagnosticRenderer(colors: colorsAllowed(fileDescriptor: 2))
            let all = report.entries.flatMap(\.diagnostics).sorted { $0.range.start < $1.range.start }
            if !all.isEmpty { printError(renderer.render(all, in: source)) }
            for entry in report.entries {
                if let skeleton = entry.command?.skeleton { print(skeleton.indented()) }
            }
            let invalid = report.entries.filter { !$0.isValid }.count
            let total = report.entries.count
            printError(invalid == 0 ? "\(total) command\(total == 1 ? "" : "s") checked: all valid\n"
                                    : "\(total) command\(total == 1 ? "" : "s") checked: \(invalid) invalid\n")
        }
        if report.entries.contains(where: { !$0.isValid }) { throw ArgumentParser.ExitCode(ExitCode.commandInvalid) }
    }
}

/// Checks every command of a runbook in order.
enum RunbookCheck {
    /// One command (or one line that failed to parse) and its outcome.
    struct Entry {
        var line: Int
        var command: CheckedCommand?
        var diagnostics: [Diagnostic]
        var isValid: Bool { command != nil && !diagnostics.hasErrors }

        func json(in file: SourceFile) -> JSONText {
            guard let command, isValid else {
                let items = diagnostics.map { d in
                    JSONText.object([("code", .string(d.code)), ("line", .integer(Int64(d.range.start.line))),
                                     ("column", .integer(Int64(d.range.start.column))), ("message", .string(d.message))])
                }
                return .object([("line", .integer(Int64(line))), ("ok", .boolean(false)), ("diagnostics", .array(items))])
            }
            var members: [(String, JSONText)] = [("line", .integer(Int64(line))), ("ok", .boolean(true)),
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
        private func input(of command: CheckedCommand) -> JSONText {
            guard !command.deferred.isEmpty, let shape = command.service.input(of: command.operation) else {
                return RequestJSON.json(command.request)
            }
            var members: [(String, JSONText)] = []
            for member in shape.members {
                if let value = command.request.input[member.name] { members.append((member.name, RequestJSON.json(value))) }
                else if let text = command.deferred[member.name] { members.append((member.name, .string(text))) }
            }
            return .object(members)
        }
    }

    struct Report {
        var entries: [Entry]
    }

    static func check(_ source: SourceFile, baseDirectory: String) -> Report {
        let (script, parseDiagnostics) = Parser.parseScript(source)
        let checker = Checker()
        var entries: [Entry] = []
        var bound: Set<String> = []
        var claimed = [Bool](repeating: false, count: parseDiagnostics.count)
        let environment = ProcessInfo.processInfo.environment
        for statement in script.statements {
            let command: Command
            var binding: String? = nil
            switch statement {
            case .command(let c): command = c
            case .binding(let b):
                command = b.command
                binding = b.name
            case .directive: continue
            }
            let names = bound
            let resolver = ClosureResolver { reference in
                switch reference.kind {
                case .environment:
                    if let value = environment[reference.name] { return .text(value) }
                    return .failure("the environment variable \(reference.name) is not set")
                case .binding:
                    return names.contains(reference.name) ? .deferred
                        : .failure("no binding named '\(reference.name)' comes before this command")
                }
            }
            let context = CheckContext(origin: .script(baseDirectory: baseDirectory), resolver: resolver)
            let result = checker.check(command, in: source, context: context)
            var diagnostics: [Diagnostic] = []
            let range = statement.range
            for (i, d) in parseDiagnostics.enumerated() where !claimed[i] && d.range.start.line >= range.start.line && d.range.start.line <= range.end.line {
                claimed[i] = true
                diagnostics.append(d)
            }
            diagnostics += result.diagnostics
            diagnostics.sort { $0.range.start < $1.range.start }
            entries.append(Entry(line: range.start.line, command: result.command, diagnostics: diagnostics))
            if let binding { bound.insert(binding) }
        }
        // Lines that did not parse into a statement.
        var byLine: [Int: [Diagnostic]] = [:]
        for (i, d) in parseDiagnostics.enumerated() where !claimed[i] { byLine[d.range.start.line, default: []].append(d) }
        for (line, diagnostics) in byLine { entries.append(Entry(line: line, command: nil, diagnostics: diagnostics)) }
        entries.sort { $0.line < $1.line }
        return Report(entries: entries)
    }
}
