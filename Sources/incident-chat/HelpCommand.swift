import Catalog
import Foundation

/// `incident-chat help [SERVICE [OPERATION]]`: synopses from the catalog.
///
/// ArgumentParser keeps `help` for itself, so the entry point hands the words
/// after `help` here before ArgumentParser sees them (`--help` stays its own).
enum HelpCommand {
    /// The text to print and the exit status.
    static func run(_ words: [String]) -> (text: String, status: Int32) {
        let catalog = Catalog.shared
        switch words.count {
        case 0:
            return (Synopsis.catalog(catalog), ExitCode.ok)
        case 1, 2:
            guard let service = catalog.service(named: words[0]) else {
                let suggestions = catalog.suggestServices(for: words[0])
                var text = "error: unknown service '\(words[0])'; the services are \(catalog.serviceNames.map(\.rawValue).joined(separator: ", "))\n"
                if let first = suggestions.first { text += "  help: did you mean \(first)?\n" }
                return (text, ExitCode.commandInvalid)
            }
            guard words.count == 2 else { return (Synopsis.service(service), ExitCode.ok) }
            guard let operation = service.operation(named: words[1]) else {
                let suggestions = service.suggestOperations(for: words[1])
                var text = "error: \(service.name.rawValue) has no operation '\(words[1])'\n"
                text += suggestions.isEmpty ? "  help: see incident-chat help \(service.name.rawValue)\n"
                                            : "  help: did you mean \(suggestions.joined(separator: " or "))?\n"
                return (text, ExitCode.commandInvalid)
            }
            return (Synopsis.operation(operation, in: service), ExitCode.ok)
        default:
            return ("error: too many words\nusage: incident-chat help [SERVICE [OPERATION]]\n", ExitCode.commandInvalid)
        }
    }
}
