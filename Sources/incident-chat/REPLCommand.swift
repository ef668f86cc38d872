import Completion
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
        let source = LiveValueSource(backend: session.backend, context: session.context)
        let live = BlockingLiveValues { kind, given in await source.values(kind, given: given) }
        let completer = Completer(live: live, leadingWords: ["help", "let", ".help", ".quit", ".history", ".output", ".user",
                                                             ".advance", ".bindings", ".store"])
        let editor = try LineEditor(program: "incident-chat", historyPath: Self.historyPath, completer: completer)
        let evaluator = SessionEvaluator(session: session, channel: session.channelName)
        // Escalations move on while the responder thinks: what a due step
        // sends shows up between prompts, as `.advance` shows it.
        let pages = session.pageNotifications, webhooks = session.webhookTransport, colors = session.settings.colors
        let scheduling = (session.backend as? any EngineBackend).map { backend in
            Task {
                await Scheduler(backend: backend).run { sent in
                    print("\n" + sent.map(Session.describe).joined(), terminator: "")
                    // The incident's chat channel is told, as of a command's change.
                    let told = await pages.publish(sent)
                    for delivery in told.deliveries {
                        print(delivery.terminalText(colors: colors), terminator: "")
                        if let webhooks, !delivery.webhookMessages.isEmpty { await webhooks.enqueue(delivery) }
                    }
                } failed: { error in
                    printError("warning: escalation steps could not run: \(error.name): \(error.message)\n")
                }
            }
        }
        // Pages and codes leave the machine while the responder works.
        let relaying = session.outboxDelivery.flatMap { relay in
            (session.backend as? any EngineBackend).map { backend in
                Task { await relay.run(listening: backend.engine.doorbell.listener(), recheck: .seconds(30)) }
            }
        }
        await REPL(editor: editor, evaluator: evaluator).run()
        scheduling?.cancel()
        relaying?.cancel()
        await session.finishDeliveries()
    }
}
