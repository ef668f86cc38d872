import ArgumentParser
import Foundation
import Interpreter

struct ExecCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exec",
        abstract: "Run one chat command, with the AWS CLI's exit codes.",
        discussion: "Example: incident-chat exec '@aws ssm-incidents list-incident-records'"
    )

    @Argument(help: "The chat command, as typed in the channel (quote it for the shell).")
    var message: [String]

    @OptionGroup var session: SessionOptions

    func run() async throws {
        let session = try exitingOnFailure { try self.session.makeSession(sink: StandardSink(), colors: colorsAllowed(fileDescriptor: 1)) }
        let cwd = FileManager.default.currentDirectoryPath
        let status = await session.runMessage(message.joined(separator: " "), origin: .repl(baseDirectory: cwd))
        await session.finishDeliveries()
        if status != .ok { throw ArgumentParser.ExitCode(status.exitCode) }
    }
}
