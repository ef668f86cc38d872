import Catalog
import Foundation
import Interpreter
import Syntax

/// A session, as the REPL sees it: each statement typed runs through the
/// session (its results, diagnostics and notifications go to the session's
/// sink); `help [SERVICE [OPERATION]]` answers with the synopsis.
public final class SessionEvaluator: REPLEvaluator {
    public let session: Session
    let channel: String

    public init(session: Session, channel: String) {
        self.session = session
        self.channel = channel
    }

    public var promptLabel: String { "\(channel)@\(session.settings.user)" }

    public var directiveHelp: [(String, String)] { Session.directiveHelp }

    public func evaluate(_ text: String) async {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "help" || trimmed.hasPrefix("help ") {
            let help = Synopsis.help(trimmed.split(separator: " ").dropFirst().map(String.init))
            if help.ok { session.sink.output(help.text) } else { session.sink.error(help.text) }
            return
        }
        let file = SourceFile(name: "<repl>", text: text)
        let (script, diagnostics) = Parser.parseScript(file)
        if diagnostics.hasErrors {
            session.report(diagnostics, in: file)
            return
        }
        let cwd = FileManager.default.currentDirectoryPath
        for statement in script.statements {
            _ = await session.run(statement, in: file, origin: .repl(baseDirectory: cwd))
        }
    }

    public func directive(_ name: String, arguments: [String]) async -> Bool {
        await session.runDirective(name, arguments: arguments) != nil
    }
}
