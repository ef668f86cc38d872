import Catalog
import Foundation

/// `incident-chat help [SERVICE [OPERATION]]`: synopses from the catalog.
///
/// ArgumentParser keeps `help` for itself, so the entry point hands the words
/// after `help` here before ArgumentParser sees them (`--help` stays its own).
enum HelpCommand {
    /// The text to print and the exit status.
    static func run(_ words: [String]) -> (text: String, status: Int32) {
        let help = Synopsis.help(words)
        return (help.text, help.ok ? ExitCode.ok : ExitCode.commandInvalid)
    }
}
