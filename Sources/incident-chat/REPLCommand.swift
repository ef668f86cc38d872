import ArgumentParser
import Backend
import Catalog
import Foundation
import Interpreter
import REPL
import Syntax

struct REPLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Chat commands at a prompt, with completion and history (the default)."
    )

    @OptionGroup var session: SessionOptions

    /// `$XDG_STATE_HOME/incident-chat/history`.
    static var historyPath: String {
        let environment = ProcessInfo.processInfo.environment
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.local/state")
        return state + "/incident-chat/history"
    }

    func run() async throws {
        let session = try exitingOnFailure { try self.session.makeSession(sink: StandardSink(), colors: colorsAllowed(fileDescriptor: 1)) }
        let live = BackendLiveValues(backend: session.backend, context: session.context)
        let completer = Completer(live: live, leadingWords: ["help", "let", ".help", ".quit", ".history", ".output", ".user",
                                                             ".advance", ".bindings", ".store"])
        let editor = try LineEditor(program: "incident-chat", historyPath: Self.historyPath, completer: completer)
        let evaluator = SessionEvaluator(session: session, channel: "incident-response")
        await REPL(editor: editor, evaluator: evaluator).run()
    }
}

/// The session, as the REPL sees it.
final class SessionEvaluator: REPLEvaluator {
    let session: Session
    let channel: String

    init(session: Session, channel: String) {
        self.session = session
        self.channel = channel
    }

    var promptLabel: String { "\(channel)@\(session.settings.user)" }

    var directiveHelp: [(String, String)] { Session.directiveHelp }

    func evaluate(_ text: String) async {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "help" || trimmed.hasPrefix("help ") {
            let (text, status) = HelpCommand.run(trimmed.split(separator: " ").dropFirst().map(String.init))
            if status == ExitCode.ok { print(text, terminator: "") } else { printError(text) }
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

    func directive(_ name: String, arguments: [String]) async -> Bool {
        await session.runDirective(name, arguments: arguments) != nil
    }
}

/// Live values for completion, read from the backend while TAB waits.
struct BackendLiveValues: LiveValues {
    let backend: any IncidentBackend
    let context: CallContext

    func values(_ kind: LiveValueKind, given: [String: String]) -> [String] {
        let request: (Request, list: String, field: String)
        switch kind {
        case .incidentRecordArn:
            request = (Request(service: .incidents, operation: "ListIncidentRecords", input: ["maxResults": .integer(100)]), "incidentRecordSummaries", "arn")
        case .responsePlanArn, .taggableArn:
            request = (Request(service: .incidents, operation: "ListResponsePlans", input: ["maxResults": .integer(100)]), "responsePlanSummaries", "arn")
        case .timelineEventId:
            guard let incident = given["incident-record-arn"], !incident.isEmpty else { return [] }
            request = (Request(service: .incidents, operation: "ListTimelineEvents",
                               input: ["incidentRecordArn": .string(incident), "maxResults": .integer(100)]), "eventSummaries", "eventId")
        case .contactArn:
            request = (Request(service: .contacts, operation: "ListContacts", input: ["MaxResults": .integer(100)]), "Contacts", "ContactArn")
        }
        return Self.wait {
            guard let response = try? await backend.send(request.0, context: context) else { return [] }
            return response[request.list]?.list?.compactMap { $0[request.field]?.string } ?? []
        }
    }

    /// Runs async work from the synchronous completion callback.
    private static func wait(_ body: @escaping @Sendable () async -> [String]) -> [String] {
        final class Box: @unchecked Sendable { var value: [String] = [] }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            box.value = await body()
            done.signal()
        }
        done.wait()
        return box.value
    }
}
