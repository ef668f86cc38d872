import Checker
import Foundation
import Syntax

/// Runs runbooks: statement after statement as they are read (a long runbook
/// runs in constant memory), in one backend transaction with a savepoint per
/// command; it stops at the first failing command unless told to keep going,
/// and ends with a summary.
public struct RunbookRunner {
    public var keepGoing = false
    /// Check every command, run none.
    public var dryRun = false
    /// Draw a progress bar (on a terminal, for long runbooks).
    public var progress = false

    public init(keepGoing: Bool = false, dryRun: Bool = false, progress: Bool = false) {
        self.keepGoing = keepGoing
        self.dryRun = dryRun
        self.progress = progress
    }

    public struct Summary: Sendable {
        public var commands = 0
        public var failed = 0
        public var seconds = 0.0
        public var status = Status.ok

        public var line: String {
            String(format: "%d command%@ run, %d failed, in %.2fs", commands, commands == 1 ? "" : "s", failed, seconds)
        }
    }

    /// A runbook to run: its name and a way to read its lines.
    public struct Source {
        public var name: String
        public var size: Int?
        public var baseDirectory: String
        public var nextLine: () -> [UInt8]?

        public init(name: String, size: Int?, baseDirectory: String, nextLine: @escaping () -> [UInt8]?) {
            self.name = name
            self.size = size
            self.baseDirectory = baseDirectory
            self.nextLine = nextLine
        }
    }

    public func run(_ sources: [Source], in session: Session) async -> Summary {
        let start = Date()
        var summary = Summary()
        if dryRun {
            let check = RunbookCheck(sources, environment: session.environment, progress: progress ? session.sink : nil)
            while let entry = check.next(commands: summary.commands) {
                session.report(entry.diagnostics, in: entry.file)
                summary.commands += 1
                guard !entry.isValid else { continue }
                summary.failed += 1
                summary.status = max(summary.status, .invalid)
                if !keepGoing { break }
            }
        } else {
            let queue = StatementQueue(sources: sources, progress: progress, sink: session.sink)
            // One transaction with a savepoint per command, closed around the
            // directives that work on the backend itself (`.advance`, `.outbox`).
            var outside: StatementQueue.Item? = nil
            var done = false
            while !done {
                do {
                    try await session.inBatch {
                        while let item = queue.next(commands: summary.commands) {
                            if item.needsBackendAlone { outside = item; return }
                            guard await handle(item, in: session, summary: &summary) else { done = true; return }
                        }
                        done = true
                    }
                } catch {
                    session.sink.error("the runbook could not finish: \(error)\n")
                    summary.status = max(summary.status, .failure)
                    done = true
                }
                if let item = outside {
                    outside = nil
                    if await handle(item, in: session, summary: &summary) == false { done = true }
                }
            }
        }
        if progress { session.sink.error("\r\u{1B}[K") }
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// Runs one item; false when the run must stop.
    private func handle(_ item: StatementQueue.Item, in session: Session, summary: inout Summary) async -> Bool {
        let status: Status
        switch item {
        case .invalid(let file, let diagnostics):
            session.report(diagnostics, in: file)
            summary.commands += 1
            status = .invalid
        case .statement(let statement, let file, let origin):
            if case .directive = statement {} else { summary.commands += 1 }
            status = await session.run(statement, in: file, origin: origin)
        }
        guard status != .ok else { return true }
        summary.failed += 1
        summary.status = max(summary.status, status)
        return keepGoing
    }
}

/// The statements of several runbooks, one at a time as they are read.
final class StatementQueue {
    enum Item {
        case statement(Statement, SourceFile, CheckContext.Origin)
        case invalid(SourceFile, [Diagnostic])

        /// Statements that work on the backend itself rather than through a
        /// batch's commands (clock, outbox, aliases): they run between batches.
        var needsBackendAlone: Bool {
            guard case .statement(let statement, _, _) = self else { return false }
            switch statement {
            case .directive(let d): return ["advance", "outbox"].contains(d.name)
            case .command(let c): return c.isAliasCommand
            case .binding(let b): return b.command.isAliasCommand
            }
        }
    }

    private var sources: ArraySlice<RunbookRunner.Source>
    private var reader: StatementReader?
    private var origin = CheckContext.Origin.script(baseDirectory: ".")
    private var bar: ProgressBar?
    private var pending: [Item] = []
    private let progress: Bool
    private let sink: (any OutputSink)?

    /// The progress bar (when `progress`) goes to `sink`.
    init(sources: [RunbookRunner.Source], progress: Bool, sink: (any OutputSink)?) {
        self.sources = sources[...]
        self.progress = progress
        self.sink = sink
    }

    func next(commands: Int) -> Item? {
        while pending.isEmpty {
            if reader == nil {
                guard let source = sources.popFirst() else { return nil }
                reader = StatementReader(name: source.name, nextLine: source.nextLine)
                origin = .script(baseDirectory: source.baseDirectory)
                bar = sink.map { ProgressBar(total: source.size, enabled: progress, sink: $0) }
            }
            guard let (file, script, diagnostics) = reader!.next() else {
                reader = nil
                continue
            }
            bar?.advance(by: file.bytes.count, commands: commands)
            if diagnostics.hasErrors {
                pending = [.invalid(file, diagnostics)]
            } else {
                pending = script.statements.map { .statement($0, file, origin) }
            }
        }
        return pending.removeFirst()
    }
}

/// `[#########.........]  45%  12,345 commands`, redrawn in place at most ten times a second.
struct ProgressBar {
    let total: Int?
    let enabled: Bool
    let sink: any OutputSink
    var done = 0
    var lastDraw = Date.distantPast

    init(total: Int?, enabled: Bool, sink: any OutputSink) {
        self.total = total
        self.enabled = enabled
        self.sink = sink
    }

    mutating func advance(by bytes: Int, commands: Int) {
        done += bytes
        guard enabled, let total, total > 0 else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let fraction = min(1, Double(done) / Double(total))
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        sink.error(String(format: "\r[%@] %3d%%  %d commands", bar, Int(fraction * 100), commands))
    }
}

extension Command {
    /// `@aws alias ...` and `@aws run NAME ...`: the channel's custom actions.
    var isAliasCommand: Bool {
        service.isLiteral && !service.isQuoted && (service.text == "alias" || service.text == "run")
    }
}
