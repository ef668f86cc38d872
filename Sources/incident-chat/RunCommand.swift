import ArgumentParser
import Foundation
import Interpreter

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run runbooks: files of chat commands ('-' reads standard input)."
    )

    @Argument(help: "Runbook files; - for standard input.")
    var files: [String]

    @Flag(name: .customLong("keep-going"), help: "Run the commands after a failing one too.")
    var keepGoing = false

    @Flag(name: .customLong("dry-run"), help: "Check every command; run none.")
    var dryRun = false

    @OptionGroup var session: SessionOptions

    func run() async throws {
        // Output that goes to a file or a pipe is written in blocks, not a
        // write a command; but not when webhook failures may be reported
        // from another thread in between (they go straight to standard error).
        let sink = StandardSink(buffered: isatty(1) != 1)
        let session = try exitingOnFailure { try self.session.makeSession(sink: sink, colors: colorsAllowed(fileDescriptor: 1)) }
        if session.webhookTransport != nil { sink.buffered = false }  // writes what is held
        let sources = try files.map(RunbookRunner.Source.reading)
        let runner = RunbookRunner(keepGoing: keepGoing, dryRun: dryRun, progress: isatty(2) == 1)
        let summary = await runner.run(sources, in: session)
        await session.finishDeliveries()
        sink.flush()
        printError(summary.line + "\n")
        if summary.status != .ok { throw ArgumentParser.ExitCode(summary.status.exitCode) }
    }
}

extension RunbookRunner.Source {
    /// A runbook file (`-`: standard input), read a line at a time; exits 253 when it cannot be read.
    static func reading(_ path: String) throws -> Self {
        guard let source = Self(path: path) else {
            throw ExitFailure(message: "cannot read \(path): no such file or not readable", code: ExitCode.configurationInvalid)
        }
        return source
    }
}
