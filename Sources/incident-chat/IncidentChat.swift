import ArgumentParser

/// The executable: argument parsing only; each subcommand wires modules together.
@main
struct IncidentChat: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incident-chat",
        abstract: "The chat-command language of AWS Systems Manager Incident Manager.",
        subcommands: [ParseCommand.self, PolicyCommand.self]
    )
}
