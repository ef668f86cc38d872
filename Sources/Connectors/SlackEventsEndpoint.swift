import Server

/// The Events API's route on the emulator server (`POST /slack/events`):
/// the request is verified and acknowledged at once, the command runs in the
/// background. A refused request gets 401 (or 400 for a body that is not
/// an Events API request) and runs nothing.
public struct SlackEventsEndpoint: ServerEndpoint {
    public static let defaultPath = "/slack/events"
    public static let retryHeader = "X-Slack-Retry-Num"

    public let responder: SlackEventsResponder
    public let path: String
    public var method: String { "POST" }
    public var name: String { "SlackEvent" }

    public init(responder: SlackEventsResponder, path: String = SlackEventsEndpoint.defaultPath) {
        self.responder = responder
        self.path = path
    }

    public func respond(to request: EndpointRequest) async -> EndpointResponse {
        let answer = responder.respond(timestamp: request.header(SlackSignature.timestampHeader),
                                       signature: request.header(SlackSignature.signatureHeader),
                                       retryNum: request.header(Self.retryHeader), body: request.body)
        return EndpointResponse(status: answer.status, headers: [("Content-Type", answer.contentType)], body: Array(answer.body.utf8))
    }
}
