import JSON
import Backend
import Catalog
import Channel
import Checker
import JMESPath
import Syntax

/// What one service command of a session came to, before anything is
/// shown: the checked command, the channel's decision, the response or
/// the error, the notifications it caused and the diagnostics. A front end
/// renders it as it needs (``Session/show(_:in:)`` prints it as the AWS CLI
/// does; a chat front end shows the result to the channel and the errors to
/// their author).
public struct CommandOutcome: Sendable {
    public enum Result: Sendable {
        /// It did not check: the diagnostics say why.
        case invalid
        /// `--generate-cli-skeleton`: the input's skeleton.
        case skeleton(JSON)
        /// The channel's permissions refused it, with the error code the service would give.
        case denied(code: String, message: String)
        /// The service answered with an error.
        case serviceError(ServiceError)
        /// `--starting-token` is not a token this command gave.
        case badStartingToken
        /// `--query` could not be evaluated on the response.
        case badQuery(query: String, message: String)
        /// The server's own machine failed; `shown` is what the user may be told.
        case failure(shown: String)
        /// The response, after `--query`; `boundTo` names the binding it went to, if any.
        case response(JSONValue, boundTo: String?)
    }

    /// The command as typed, and where it is in its file.
    public let command: Command
    public let file: SourceFile
    /// The checked command, when it checked.
    public var checked: CheckedCommand?
    /// The channel's decision, when it got as far as asking.
    public var decision: Decision?
    public var diagnostics: [Diagnostic]
    public var result: Result
    /// What the change tells the incident's chat channel (after a success).
    public var notifications = PublishResult()
    /// The request as `--debug` shows it.
    public var debug: String?
    /// A command log that could not be written.
    public var warnings: [String] = []

    /// How the command ended, as the AWS CLI's exit code says it.
    public var status: Status {
        switch result {
        case .invalid, .badStartingToken, .badQuery: .invalid
        case .skeleton, .response: .ok
        case .denied: decision?.refusalKind == .commandsNotSupported ? .invalid : .serviceError
        case .serviceError: .serviceError
        case .failure: .failure
        }
    }
}
