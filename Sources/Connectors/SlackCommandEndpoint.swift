import Server

/// The slash command's route on the emulator server (`POST /slack/commands`
/// by default): Slack's request in, Slack's message out. A refused request
/// gets 401 (or 400 for a form that is not a slash command) and runs nothing.
public struct SlackCommandEndpoint: ServerEndpoint {
    public static let defaultPath = "/slack/commands"

    public let responder: SlashCommandResponder
    public let path: String
    public var method: String { "POST" }
    public var name: String { "SlackCommand" }

    public init(responder: SlashCommandResponder, path: String = SlackCommandEndpoint.defaultPath) {
        self.responder = responder
        self.path = path
    }

    public func respond(to request: EndpointRequest) async -> EndpointResponse {
        let answer = await responder.respond(timestamp: request.header(SlackSignature.timestampHeader),
                                             signature: request.header(SlackSignature.signatureHeader), body: request.body)
        guard let reply = answer.reply else {
            let text = answer.refusal.map { "\($0)\n" } ?? ""
            return EndpointResponse(status: answer.status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(text.utf8))
        }
        return EndpointResponse(status: answer.status, headers: [("Content-Type", "application/json; charset=utf-8")], body: reply.json)
    }
}
