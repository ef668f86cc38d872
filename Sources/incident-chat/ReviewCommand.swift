import ArgumentParser
import Foundation
import Interpreter
import Review

extension ReviewFormat: ExpressibleByArgument {}

struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Write the post-incident review of an incident.",
        discussion: """
        The format is text (a summary and a timeline drawn with text) on a terminal or a pipe, \
        html when writing to a file (--output-file, or standard output sent to a file).
        Example: incident-chat review --store incidents.sqlite ARN --output-file review.html
        """
    )

    @Argument(help: "The incident record's ARN (default: the newest open incident, else the newest).")
    var arn: String?

    @Option(help: "html, markdown, json or text.")
    var format: ReviewFormat?

    @Option(name: [.customShort("o"), .customLong("output-file")], help: "Write the review to this file.")
    var outputFile: String?

    @OptionGroup var session: SessionOptions

    func run() async throws {
        let toFile = outputFile != nil || Self.standardOutputIsFile
        let sink = StandardSink(buffered: isatty(1) != 1)
        let session = try exitingOnFailure { try self.session.makeSession(sink: sink, colors: colorsAllowed(fileDescriptor: 1)) }
        var arguments = arn.map { [$0] } ?? []
        arguments += ["--format", (format ?? (toFile ? .html : .text)).rawValue]
        if let outputFile { arguments += ["--output-file", outputFile] }
        // One transaction for all the reads (a savepoint each), not one a read.
        let status = (try? await session.inBatch { await session.runDirective("review", arguments: arguments) }) ?? .failure
        sink.flush()
        if status != .ok { throw ArgumentParser.ExitCode(status.exitCode) }
    }

    /// Whether standard output goes to a regular file (`> review.html`).
    static var standardOutputIsFile: Bool {
        var info = stat()
        return fstat(1, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
