import Interpreter

/// Keeps a session's output and its errors apart, so that a slash command
/// can show a result to the channel and a failure to the user alone.
final class SplitSink: OutputSink {
    private(set) var printed = ""
    private(set) var errors = ""

    func output(_ text: String) { printed += text }
    func error(_ text: String) { errors += text }
}
