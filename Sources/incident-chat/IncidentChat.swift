import ArgumentParser
import Foundation

/// The executable: argument parsing only; each subcommand wires modules together.
@main
struct IncidentChat: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incident-chat",
        abstract: "The chat-command language of AWS Systems Manager Incident Manager.",
        discussion: "incident-chat help [SERVICE [OPERATION]] shows the services, their operations and options.",
        subcommands: [REPLCommand.self, ExecCommand.self, RunCommand.self, CheckCommand.self, ParseCommand.self,
                      PolicyCommand.self, ServeCommand.self, ChannelCommand.self, ReviewCommand.self,
                      StoreCommand.self],
        defaultSubcommand: REPLCommand.self
    )

    /// `help` is answered here; everything else goes to ArgumentParser.
    static func main() async {
        let words = Array(CommandLine.arguments.dropFirst())
        if words.first == "help", !words.contains(where: { $0 == "--help" || $0 == "-h" }) {
            let (text, status) = HelpCommand.run(Array(words.dropFirst()))
            if status == ExitCode.ok {
                print(text, terminator: "")
            } else {
                printError(text)
            }
            Foundation.exit(status)
        }
        // Parsed and run here (not by `main(nil)`), so that an `ExitFailure`
        // thrown anywhere ends the program with its own exit code.
        do {
            var command = try parseAsRoot(nil)
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let failure as ExitFailure {
            printError("incident-chat: \(failure.message)\n")
            Foundation.exit(failure.code)
        } catch {
            exit(withError: error)
        }
    }
}
