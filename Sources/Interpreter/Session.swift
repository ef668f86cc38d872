import Backend
import Catalog
import Channel
import Checker
import Foundation
import JMESPath
import Renderer
import Syntax

/// One session of chat commands: the REPL's, a runbook's or one `exec`.
///
/// A statement goes through the pipeline one way: checked against the catalog
/// (references resolved from the session's bindings), run on the backend
/// (page after page for paginated operations), cut down by `--query`, bound
/// to a name or rendered in the output format. Nothing here knows a terminal:
/// output goes to an `OutputSink`.
public final class Session {
    public let backend: any IncidentBackend
    public var settings: SessionSettings
    public private(set) var bindings: [String: JSONValue] = [:]
    /// The injected clock, when it can be moved (`--fixed-clock`).
    public let clock: FixedWallClock?
    public let sink: any OutputSink
    let environment: [String: String]

    /// The batch that runbook commands go through, while one is open.
    private var batch: (any IncidentBatch)?
    /// How deep aliases are running aliases.
    var depth = 0
    /// Topics already warned about (once a session is enough).
    var warnedTopics: Set<String> = []

    /// The chat channel the session runs in: permissions, the log, notifications, aliases.
    let gate: ChannelGate
    /// Where delivered notifications go (the sink's output unless told otherwise).
    public var notificationOutput: ((String) -> Void)?
    /// What sends delivered notifications to the channel's webhooks (Slack,
    /// Amazon Chime); nil: they are only shown.
    public var webhookTransport: (any WebhookTransport)?
    /// Where pages and activation codes leave the machine (the channel's `contact-delivery:`), if anywhere.
    public var outboxDelivery: (any OutboxDelivery)?
    /// The outcome of the last service command run (through an alias too),
    /// for a front end that renders it itself.
    public private(set) var lastOutcome: CommandOutcome?
    /// Where problems of the server's own machine go (a command log that
    /// cannot be written, with its path) for a message from a chat channel,
    /// whose user is shown only a generic reason; nil: standard error.
    public var operatorLog: ((String) -> Void)?

    /// A session; `channel` describes the chat channel (a configuration error
    /// is thrown when its command log cannot be opened).
    public init(backend: any IncidentBackend, settings: SessionSettings, channel: ChannelConfiguration = .local,
                clock: FixedWallClock? = nil, sink: any OutputSink,
                environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.backend = backend
        self.settings = settings
        self.clock = clock
        self.sink = sink
        self.environment = environment
        // Aliases live in the store when the backend keeps channel records.
        let aliases = (backend as? any ChannelDataStore).map {
            BackendAliasStore(store: $0, account: settings.accountId, configured: channel.aliases)
        }
        self.gate = try ChannelGate(configuration: channel, aliases: aliases)
    }

    /// The channel's name, for prompts.
    public var channelName: String { gate.configuration.channel }

    /// The session's time: the fixed clock's, or now.
    var now: Date { clock?.now() ?? Date() }

    public var context: CallContext {
        CallContext(accountId: settings.accountId, region: settings.region, user: settings.user)
    }

    // MARK: Statements

    /// Parses and runs one chat message (code fences and all).
    @discardableResult
    public func runMessage(_ text: String, origin: CheckContext.Origin) async -> Status {
        let file = SourceFile(name: origin == .chat ? SourceFile.chatName : "<command>", text: text)
        let (command, diagnostics) = Parser.parseMessage(file)
        report(diagnostics, in: file)
        guard let command, !diagnostics.hasErrors else {
            record(text, origin: origin, nil, .error(Self.invalidCommand), reason: Self.reason(diagnostics))
            return .invalid
        }
        return await run(.command(command), in: file, origin: origin)
    }

    /// The outcome the log gives a command refused before it was run: it did
    /// not lex, parse or check, or an alias could not be used.
    static let invalidCommand = "InvalidCommand"

    /// The errors among diagnostics, as the log gives a refusal's reason.
    static func reason(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.filter { $0.severity == .error }
            .map { "\($0.code): \($0.message)" + ($0.suggestion.map { " (\($0))" } ?? "") }.joined(separator: "; ")
    }

    /// What a message may read of the machine's environment: nothing from chat.
    func environment(for origin: CheckContext.Origin) -> [String: String]? {
        origin == .chat ? nil : environment
    }

    /// Binds a value to a name, as `let` does.
    func bind(_ name: String, _ value: JSONValue) {
        bindings[name] = value
    }

    /// Runs one statement of a runbook or the REPL.
    public func run(_ statement: Syntax.Statement, in file: SourceFile, origin: CheckContext.Origin) async -> Status {
        switch statement {
        case .command(let command):
            return await run(command, in: file, origin: origin, bindingTo: nil)
        case .binding(let binding):
            return await run(binding.command, in: file, origin: origin, bindingTo: binding.name)
        case .directive(let directive):
            return await run(directive, in: file)
        }
    }

    /// Runs the statements of `body` in one transaction of the backend, a
    /// savepoint each, so that a long runbook is fast and a failed command
    /// changes nothing.
    public func inBatch<T>(_ body: () async throws -> T) async throws -> T {
        try await backend.withBatch { batch in
            self.batch = batch
            defer { self.batch = nil }
            return try await body()
        }
    }

    private func run(_ command: Command, in file: SourceFile, origin: CheckContext.Origin, bindingTo name: String?) async -> Status {
        if command.isAliasCommand {
            return await runAliasCommand(command, in: file, origin: origin, bindingTo: name)
        }
        let outcome = await execute(command, in: file, origin: origin, bindingTo: name)
        lastOutcome = outcome
        await show(outcome)
        return outcome.status
    }

    /// Runs one service command through the pipeline (checked, authorized,
    /// sent page after page, cut down by `--query`, bound to `name`), writes
    /// it to the channel's log and words its notifications; shows nothing.
    public func execute(_ command: Command, in file: SourceFile, origin: CheckContext.Origin,
                        bindingTo name: String? = nil) async -> CommandOutcome {
        let resolver = BindingResolver(bindings: bindings, environment: environment(for: origin))
        let result = Checker(catalog: .shared).check(command, in: file, context: CheckContext(origin: origin, resolver: resolver))
        var outcome = CommandOutcome(command: command, file: file, diagnostics: result.diagnostics, result: .invalid)
        func log(_ decision: Decision?, _ ended: LogEntry.Outcome, reason: String? = nil) {
            if let warning = logged(command, in: file, origin: origin, decision, ended, reason: reason) { outcome.warnings.append(warning) }
        }
        guard let checked = result.command, !result.diagnostics.hasErrors else {
            log(nil, .error(Self.invalidCommand), reason: Self.reason(result.diagnostics))
            return outcome
        }
        outcome.checked = checked
        if let skeleton = checked.skeleton {
            outcome.result = .skeleton(skeleton)
            return outcome
        }
        if checked.globals.debug {
            outcome.debug = "debug: \(checked.request.service.rawValue) \(checked.operation.name) in \(checked.globals.region ?? settings.region) as \(settings.user): "
                + Value.structure(checked.request.input).jsonValue.serialized(.compact) + "\n"
        }

        let decision = gate.authorize(checked.request, user: settings.user, now: now)
        outcome.decision = decision
        guard decision.isAllowed else {
            let code = decision.errorCode ?? "AccessDeniedException"
            outcome.result = .denied(code: code, message: decision.message ?? "denied")
            log(decision, .error(code), reason: decision.message)
            return outcome
        }

        let response: Value
        do {
            response = try await send(checked)
            log(decision, .ok)
        } catch let error as ServiceError {
            outcome.result = .serviceError(error)
            log(decision, .error(error.name), reason: error.message)
            return outcome
        } catch is Pagination.InvalidStartingToken {
            outcome.result = .badStartingToken
            log(decision, .error(Self.invalidCommand), reason: "bad value for --starting-token: it is not a token this command gave")
            return outcome
        } catch {
            outcome.result = .failure(shown: failed(error, origin: origin))
            log(decision, .error("InternalFailure"), reason: origin == .chat ? Self.serverFailure : "\(error)")
            return outcome
        }

        var document = response.jsonValue
        if let query = checked.globals.query {
            do throws(JMESPathError) {
                document = try query.evaluate(on: document)
            } catch {
                outcome.result = .badQuery(query: query.text, message: error.message)
                return outcome
            }
        }
        if let name { bindings[name] = document }
        outcome.result = .response(document, boundTo: name)
        outcome.notifications = await gate.publish(after: checked.request, response: response, now: now, send: sendOnce())
        return outcome
    }

    /// Prints an outcome as the AWS CLI does: diagnostics and errors to the
    /// error stream, the response in the output format, then what the change
    /// told the channel (shown, and handed to the webhooks).
    public func show(_ outcome: CommandOutcome) async {
        report(outcome.diagnostics, in: outcome.file)
        if let debug = outcome.debug { sink.error(debug) }
        let at = location(of: outcome.command, in: outcome.file)
        let operation = outcome.checked?.operation.name ?? ""
        switch outcome.result {
        case .skeleton(let skeleton): sink.output(skeleton.indented() + "\n")
        case .denied(let code, let message):
            sink.error(at + "An error occurred (\(code)) when calling the \(operation) operation: \(message)\n")
        case .serviceError(let error):
            sink.error(at + "An error occurred (\(error.name)) when calling the \(operation) operation: \(error.message)\n")
        case .badStartingToken: sink.error("Bad value for --starting-token: it is not a token this command gave\n")
        case .failure(let shown): sink.error(shown + "\n")
        case .invalid, .badQuery, .response: break
        }
        for warning in outcome.warnings { sink.error(warning) }
        switch outcome.result {
        case .badQuery(let query, let message): sink.error("Bad value for --query \(query): \(message)\n")
        case .response(let document, nil):
            let format = outcome.checked?.globals.output.flatMap { OutputFormat(rawValue: $0.rawValue) } ?? settings.output
            let renderer = Renderer(format: format, colors: settings.colors, width: settings.width)
            sink.output(renderer.render(document, title: operation))
        default: break
        }
        // What the change tells the channel comes after the command's own result.
        await deliver(outcome.notifications)
    }

    /// Sends one request, through the open batch if there is one; `region`
    /// is a command's own `--region`.
    func sendOnce(region: String? = nil) -> (Request) async throws(ServiceError) -> Value {
        var context = self.context
        if let region { context.region = region }
        let batch = self.batch
        let backend = self.backend
        return { request throws(ServiceError) in
            if let batch { try await batch.send(request, context: context) } else { try await backend.send(request, context: context) }
        }
    }

    /// Runs a checked command on the backend, paginating like the AWS CLI.
    private func send(_ checked: CheckedCommand) async throws -> Value {
        let once = sendOnce(region: checked.globals.region)
        let globals = checked.globals
        // Giving a page token or a page limit by hand turns pagination off, as in the AWS CLI.
        let explicit = checked.operation.paginator?.inputMembers.contains { checked.request.input[$0] != nil } ?? true
        guard let paginator = checked.operation.paginator, !globals.noPaginate, !explicit else {
            return try await once(checked.request)
        }
        let pagination = Pagination(paginator: paginator, pageSize: globals.pageSize, maxItems: globals.maxItems,
                                    startingToken: globals.startingToken)
        return try await pagination.run(checked.request, send: once)
    }

    // MARK: Channel

    /// Writes the command to the channel's log, when it keeps one.
    func record(_ command: Command, in file: SourceFile, origin: CheckContext.Origin, _ decision: Decision?,
                _ outcome: LogEntry.Outcome, reason: String? = nil, related: [String] = []) {
        if let warning = logged(command, in: file, origin: origin, decision, outcome, reason: reason, related: related) { sink.error(warning) }
    }

    /// Writes a command's text to the channel's log, when it keeps one.
    func record(_ text: String, origin: CheckContext.Origin, _ decision: Decision?, _ outcome: LogEntry.Outcome,
                reason: String? = nil, related: [String] = []) {
        if let warning = logged(text, parsed: nil, origin: origin, decision, outcome, reason: reason, related: related) { sink.error(warning) }
    }

    private func logged(_ command: Command, in file: SourceFile, origin: CheckContext.Origin, _ decision: Decision?,
                        _ outcome: LogEntry.Outcome, reason: String? = nil, related: [String] = []) -> String? {
        guard gate.keepsLog else { return nil }
        return logged(file.text(of: command.range), parsed: (command, file), origin: origin, decision, outcome,
                      reason: reason, related: related)
    }

    /// Writes a command's text to the channel's log, when it keeps one, and
    /// gives the warning to show when the log cannot be written; a chat user
    /// is not shown where the log is (the operator is).
    private func logged(_ text: String, parsed: (command: Command, file: SourceFile)?, origin: CheckContext.Origin,
                        _ decision: Decision?, _ outcome: LogEntry.Outcome, reason: String? = nil, related: [String] = []) -> String? {
        guard gate.keepsLog,
              let problem = gate.record(command: text, parsed: parsed, user: settings.user, decision: decision, outcome: outcome,
                                        reason: reason, related: related, now: now) else { return nil }
        guard origin == .chat else { return "warning: \(problem)\n" }
        tellOperator("warning: \(problem)")
        return "warning: the command could not be written to the channel's command log\n"
    }

    /// What a chat user is told of a failure of the server's own machine.
    static let serverFailure = "the command failed on the server; its operator can see why in the server's log"

    /// What the user is told of an unexpected error: all of it on a
    /// terminal; for a message from a chat channel a generic line, and all of
    /// it to the operator.
    func failed(_ error: any Error, origin: CheckContext.Origin) -> String {
        guard origin == .chat else { return "\(error)" }
        tellOperator("error: \(error)")
        return Self.serverFailure
    }

    private func tellOperator(_ line: String) {
        if let operatorLog { operatorLog(line) } else { FileHandle.standardError.write(Data((line + "\n").utf8)) }
    }

    /// What the chat channel is told of pages that due steps sent; the
    /// scheduler's task may hold it while the session runs commands.
    public var pageNotifications: PageNotifications {
        PageNotifications(channel: gate.configuration, backend: backend, context: context)
    }

    /// Tells the chat channel of each page's incident that its contact was
    /// paged (what `.advance` ran), as a command's change is told.
    public func publishPages(_ sent: [OutboxMessage]) async {
        await deliver(await pageNotifications.publish(sent))
    }

    /// Shows and sends what a publication delivered, and warns about topics that dropped it.
    private func deliver(_ result: PublishResult) async {
        for delivery in result.deliveries {
            let text = delivery.terminalText(colors: settings.colors)
            if let notificationOutput { notificationOutput(text) } else { sink.output(text) }
            if let webhookTransport { await webhookTransport.enqueue(delivery) }
        }
        for warning in result.warnings where warnedTopics.insert(warning.topicArn).inserted {
            sink.error(warning.message.hasSuffix("\n") ? warning.message : warning.message + "\n")
        }
    }

    /// Waits until the notifications handed to the webhooks have been sent
    /// or recorded as failed; call it before the process exits.
    public func finishDeliveries() async {
        if let outboxDelivery {
            await outboxDelivery.relay()
            await outboxDelivery.flush()
        }
        await webhookTransport?.flush()
    }

    // MARK: Diagnostics

    /// `runbook.chat:12: ` before a service error in a runbook; nothing for one command.
    func location(of command: Command, in file: SourceFile) -> String {
        file.name.hasPrefix("<") ? "" : "\(file.name):\(command.range.start.line): "
    }

    /// Prints diagnostics (to the error stream) as the renderer shows them.
    public func report(_ diagnostics: [Diagnostic], in file: SourceFile) {
        guard !diagnostics.isEmpty else { return }
        sink.error(DiagnosticRenderer(colors: settings.colors).render(diagnostics, in: file))
    }
}

