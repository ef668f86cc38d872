import ArgumentParser
import Foundation
import Syntax

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print the syntax trees of a runbook, or of one chat message."
    )

    @Argument(help: "A runbook file, or - for standard input.")
    var file: String?

    @Flag(help: "Print JSON with source ranges instead of an indented tree.")
    var json = false

    @Flag(help: "Read the input as one chat message (code fences and all) rather than a runbook.")
    var message = false

    @Flag(help: "Leave source ranges out of the tree.")
    var noRanges = false

    func run() throws {
        let source = try Input.read(file)
        let dump = TreeDump(ranges: !noRanges)
        let diagnostics: [Diagnostic]
        if message {
            let result = Parser.parseMessage(SourceFile(name: file == nil || file == "-" ? SourceFile.chatName : source.name, bytes: source.bytes))
            if let command = result.command { print(json ? dump.json(command) : dump.text(command), terminator: json ? "\n" : "") }
            diagnostics = result.diagnostics
        } else {
            let result = Parser.parseScript(source)
            print(json ? dump.json(result.script) : dump.text(result.script), terminator: json ? "\n" : "")
            diagnostics = result.diagnostics
        }
        if !diagnostics.isEmpty {
            printError(DiagnosticRenderer(colors: colorsAllowed(fileDescriptor: 2)).render(diagnostics, in: source))
        }
        if diagnostics.hasErrors { throw ArgumentParser.ExitCode(ExitCode.commandInvalid) }
    }
}
