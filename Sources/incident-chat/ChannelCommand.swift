import ArgumentParser
import Foundation
import WebChannel

/// `incident-chat channel`: looking after a channel file.
struct ChannelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "channel",
        abstract: "Look after a channel file.",
        subcommands: [Passwd.self]
    )

    /// `incident-chat channel passwd FILE NAME`.
    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "passwd",
            abstract: "Set a member's password for the channel in a browser (its bcrypt hash goes into the file).",
            discussion: "Reads the password from the terminal (twice, not shown) or one line of standard input."
        )

        @Argument(help: "The channel file.")
        var file: String

        @Argument(help: "The member.")
        var name: String

        func run() throws {
            try exitingOnFailure {
                let password = try readPassword()
                do {
                    try PasswordFile.set(path: file, name: name, password: password)
                } catch let failure as PasswordFile.Failure {
                    throw ExitFailure(message: failure.description, code: ExitCode.configurationInvalid)
                }
            }
            printError("incident-chat channel passwd: \(name)'s password is set in \(file)\n")
        }

        private func readPassword() throws -> String {
            guard isatty(0) == 1 else {
                guard let line = readLine(strippingNewline: true) else {
                    throw ExitFailure(message: "no password on standard input", code: ExitCode.configurationInvalid)
                }
                return line
            }
            let first = try prompt("Password for \(name): ")
            let second = try prompt("Again: ")
            guard first == second else {
                throw ExitFailure(message: "the two passwords differ; nothing was changed", code: ExitCode.configurationInvalid)
            }
            return first
        }

        /// Reads a line from the terminal without echoing it.
        private func prompt(_ text: String) throws -> String {
            printError(text)
            var saved = termios()
            tcgetattr(0, &saved)
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(0, TCSANOW, &quiet)
            defer {
                tcsetattr(0, TCSANOW, &saved)
                printError("\n")
            }
            guard let line = readLine(strippingNewline: true) else {
                throw ExitFailure(message: "no password given", code: ExitCode.configurationInvalid)
            }
            return line
        }
    }
}
