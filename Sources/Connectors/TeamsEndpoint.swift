import Server

/// The Teams outgoing webhook's route on the emulator server (`POST /teams/messages`).
public struct TeamsEndpoint: ServerEndpoint {
    public static let defaultPath = "/teams/messages"

    public let responder: TeamsResponder
    public let path: String
    public var method: String { "POST" }
    public var name: String { "TeamsMessage" }

    public init(responder: TeamsResponder, path: String = TeamsEndpoint.defaultPath) {
        self.responder = responder
        self.path = path
    }

    public func respond(to request: EndpointRequest) async -> EndpointResponse {
        let answer = await responder.respond(authorization: request.header(TeamsSignature.header), body: request.body)
        return EndpointResponse(status: answer.status, headers: [("Content-Type", answer.contentType)], body: Array(answer.body.utf8))
    }
}
