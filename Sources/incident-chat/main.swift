import ArgumentParser

@main
struct IncidentChat: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incident-chat",
        abstract: "The chat-command language of AWS Systems Manager Incident Manager."
    )
}
