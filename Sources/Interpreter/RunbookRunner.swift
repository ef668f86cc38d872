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
        let body = {
            for source in sources {
                if await self.run(source, in: session, summary: &summary) == false { break }
            }
        }
        if dryRun {
            await body()
        } else {
            do {
                try await session.inBatch(body)
            } catch {
                session.sink.error("the runbook could not finish: \(error)\n")
                summary.status = max(summary.status, .failure)
            }
        }
        if progress { session.sink.error("\r\u{1B}[K") }
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// Runs one runbook; false when the run must stop.
    private func run(_ source: Source, in session: Session, summary: inout Summary) async -> Bool {
        var reader = StatementReader(name: source.name, nextLine: source.nextLine)
        let origin = CheckContext.Origin.script(baseDirectory: source.baseDirectory)
        var bar = ProgressBar(total: source.size, enabled: progress, sink: session.sink)
        while let (file, script, diagnostics) = reader.next() {
            bar.advance(by: file.bytes.count, commands: summary.commands)
            if diagnostics.hasErrors {
                session.report(diagnostics, in: file)
                summary.commands += 1
                summary.failed += 1
                summary.status = max(summary.status, .invalid)
                if !keepGoing { return false }
                continue
            }
            for statement in script.statements {
                if case .directive = statement {} else { summary.commands += 1 }
                let status = dryRun ? session.check(statement, in: file, origin: origin)
                                    : await session.run(statement, in: file, origin: origin)
                if status != .ok {
                    summary.failed += 1
                    summary.status = max(summary.status, status)
                    if !keepGoing { return false }
                }
            }
        }
        return true
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
