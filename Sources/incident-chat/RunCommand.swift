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
    /// A runbook file (`-`: standard input), read a line at a time.
    static func reading(_ path: String) throws -> Self {
        guard let reader = LineReader(path: path) else {
            throw ExitFailure(message: "cannot read \(path): no such file or not readable", code: ExitCode.configurationInvalid)
        }
        let base = path == "-" ? FileManager.default.currentDirectoryPath : (path as NSString).deletingLastPathComponent
        return Self(name: path == "-" ? "<stdin>" : path, size: reader.size, baseDirectory: base.isEmpty ? "." : base,
                    nextLine: reader.next)
    }
}

/// Reads a file line by line through a buffer, so a long runbook is never held whole.
final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    let size: Int?

    init?(path: String) {
        if path == "-" {
            handle = FileHandle.standardInput
            size = nil
        } else {
            guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
            self.handle = handle
            size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        }
    }

    /// The next line with its line break, or nil at the end.
    func next() -> [UInt8]? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start...newline])
                start = newline + 1
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                return line
            }
            buffer.removeSubrange(0..<start)
            start = 0
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty { atEnd = true } else { buffer += chunk }
        }
    }
}
