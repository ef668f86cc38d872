import Foundation
import Syntax

/// What the REPL hands a line to: the interpreter's session. The REPL owns
/// the terminal; the evaluator owns what a statement means.
public protocol REPLEvaluator: AnyObject {
    /// Shown in the prompt: `incident-response@alice`.
    var promptLabel: String { get }
    /// Runs one statement (a command, a binding, a directive, `help ...`) and
    /// prints its result, diagnostics and notifications.
    func evaluate(_ text: String) async
    /// Handles a dot command the REPL does not know itself; false when unknown.
    func directive(_ name: String, arguments: [String]) async -> Bool
    /// Help for the evaluator's own dot commands, one line each.
    var directiveHelp: [(String, String)] { get }
}

/// The read-eval-print loop: reads statements (over several lines while a
/// quote or bracket is open, or a line ends in `\`), keeps the history, and
/// hands each statement to the evaluator. Only Ctrl-D or `.quit` ends it.
public final class REPL {
    private let editor: LineEditor
    private let evaluator: any REPLEvaluator

    public init(editor: LineEditor, evaluator: any REPLEvaluator) {
        self.editor = editor
        self.evaluator = evaluator
    }

    public static let banner = """
        IncidentChat: chat commands for AWS Systems Manager Incident Manager.
        Type a command such as `@aws ssm-incidents list-incident-records` (the @aws is optional),
        TAB to complete, `help` for the services, `.help` for the REPL's commands, Ctrl-D to leave.
        """

    public func run() async {
        print(Self.banner)
        var pending = ""
        while true {
            let prompt = pending.isEmpty ? "\(evaluator.promptLabel)> " : "... "
            switch editor.read(prompt: prompt) {
            case .end:
                if pending.isEmpty { print(""); return }
                pending = ""  // Ctrl-D inside a continued statement drops it
                print("")
            case .interrupted:
                pending = ""
            case .line(let line):
                pending += pending.isEmpty ? line : "\n" + line
                if StatementReader.needsMore(pending) { continue }
                let statement = pending
                pending = ""
                if !["quit", "exit"].contains(statement.trimmingCharacters(in: .whitespaces).dropFirst()) {
                    editor.remember(statement)
                }
                if await handle(statement) == false { return }
            }
        }
    }

    /// Runs a statement; false when it asks the REPL to end.
    private func handle(_ statement: String) async -> Bool {
        let trimmed = statement.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return true }
        if trimmed.hasPrefix(".") {
            let words = trimmed.dropFirst().split(whereSeparator: \.isWhitespace).map(String.init)
            let name = words.first ?? ""
            let arguments = Array(words.dropFirst())
            switch name {
            case "quit", "exit":
                return false
            case "help":
                printHelp()
                return true
            case "history":
                for (i, line) in editor.history.enumerated() { print(String(format: "%5d  ", i + 1) + line) }
                return true
            default:
                if await evaluator.directive(name, arguments: arguments) { return true }
                print("unknown command .\(name); .help lists the REPL's commands")
                return true
            }
        }
        await evaluator.evaluate(statement)
        return true
    }

    private func printHelp() {
        let own = [(".help", "this list"), (".history", "the commands typed so far, across sessions"),
                   (".quit", "leave (Ctrl-D does too)")]
        let all = own + evaluator.directiveHelp
        let width = (all.map(\.0.count).max() ?? 0) + 2
        for (name, text) in all { print(name.padding(toLength: width, withPad: " ", startingAt: 0) + text) }
        print("help [SERVICE [OPERATION]]".padding(toLength: width, withPad: " ", startingAt: 0) + "synopses of the services and operations")
    }
}
