import Catalog
import Checker
import Syntax

/// Checks the commands of runbooks without running them, a statement at a
/// time as they are read, so that memory stays flat however long the input:
/// what `incident-chat check` prints and what `run --dry-run` reports.
/// Bindings made earlier are taken on trust, since their values exist only
/// when the runbook runs; directives are skipped.
public final class RunbookCheck {
    /// One command (or one chunk that did not parse) and its outcome.
    public struct Entry {
        /// The runbook line the command starts on.
        public var line: Int
        /// The checked command; nil when it did not parse or check.
        public var command: CheckedCommand?
        /// Its diagnostics, in source order (warnings too).
        public var diagnostics: [Diagnostic]
        /// The statement's text, with the runbook's name and line numbers, for rendering diagnostics.
        public var file: SourceFile

        public var isValid: Bool { command != nil && !diagnostics.hasErrors }
    }

    private let queue: StatementQueue
    private let environment: [String: String]?
    private let origin: CheckContext.Origin?
    private let checker = Checker(catalog: .shared)
    private var declared: Set<String> = []

    /// `environment` answers `${NAME}`; nil refuses it (a chat channel's
    /// input). `origin`, when given, is every statement's (`.chat`: no
    /// local files), instead of the runbook's folder. With a `progress`
    /// sink, a progress bar is drawn there.
    public init(_ sources: [RunbookRunner.Source], environment: [String: String]?, origin: CheckContext.Origin? = nil,
                progress: (any OutputSink)? = nil) {
        queue = StatementQueue(sources: sources, progress: progress != nil, sink: progress)
        self.environment = environment
        self.origin = origin
    }

    /// The next command's entry; nil at the end.
    public func next(commands: Int = 0) -> Entry? {
        while let item = queue.next(commands: commands) {
            switch item {
            case .invalid(let file, let diagnostics):
                return Entry(line: diagnostics.first?.range.start.line ?? file.firstLine, command: nil, diagnostics: diagnostics, file: file)
            case .statement(let statement, let file, let runbookOrigin):
                let command: Command
                switch statement {
                case .command(let c): command = c
                case .binding(let b):
                    command = b.command
                    declared.insert(b.name)
                case .directive(let directive):
                    // `.outbox` binds `$outbox`, for the commands after it.
                    if directive.name == "outbox" { declared.insert("outbox") }
                    continue
                }
                let resolver = DeferredResolver(declared: declared, environment: environment)
                let context = CheckContext(origin: origin ?? runbookOrigin, resolver: resolver)
                let result = checker.check(command, in: file, context: context)
                return Entry(line: statement.range.start.line, command: result.command,
                             diagnostics: result.diagnostics.sorted { $0.range.start < $1.range.start }, file: file)
            }
        }
        return nil
    }
}

/// For checking only: a binding declared earlier resolves later.
struct DeferredResolver: ReferenceResolver {
    let declared: Set<String>
    /// Nil for a message from a chat channel.
    let environment: [String: String]?

    func resolve(_ reference: Reference) -> Resolution {
        switch reference.kind {
        case .environment:
            guard let environment else { return .failure("\(reference.spelling): \(BindingResolver.chatReadsNoEnvironment)") }
            return environment[reference.name].map(Resolution.text) ?? .failure("the environment variable \(reference.name) is not set")
        case .binding:
            return declared.contains(reference.name) ? .deferred : .failure("nothing is bound to $\(reference.name) before this line")
        }
    }
}
