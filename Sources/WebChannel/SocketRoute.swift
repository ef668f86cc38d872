import Foundation
import HummingbirdWebSocket
import JMESPath
import Server

/// The channel's WebSocket: `GET /channel/socket?after=N&csrf=T` with the
/// session cookie, from the page's own origin.
///
/// Server to browser: `hello` (who, the last sequence number), every message
/// after N and then each new one (`message`), what only this user may see
/// (`private`), refusals (`refused`), the current incident (`incident`). Browser to server, JSON frames:
/// `{"type":"message","text":...}`, `{"type":"pin","seq":N}` and `{"type":"ping"}`. A frame that is not
/// JSON closes the connection; a connection whose queue overflows (it does
/// not read) is dropped; a session that ends closes its sockets.
struct SocketRoute: WebSocketRoute {
    let routes: WebChannelRoutes
    var path: String { routes.socketPath }
    /// The largest message a browser may send, in bytes (40,000 characters of up to 4 bytes, and the JSON around them).
    static let maxMessageBytes = WebChannel.messageLimit * 4 + 1024

    func accept(_ request: EndpointRequest) async -> WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>? {
        let channel = routes.channel
        guard WebChannelRoutes.isSameOrigin(request),
              let token = WebChannelRoutes.cookie(WebChannelRoutes.sessionCookie, in: request),
              let session = await channel.signIn.session(token),
              let csrf = WebChannelRoutes.query("csrf", in: request.query), SignIn.same(csrf, session.csrf)
        else { return nil }
        let after = WebChannelRoutes.query("after", in: request.query).flatMap(Int.init) ?? 0
        return { inbound, outbound, _ in
            await Self.serve(channel: channel, token: token, user: session.user, after: after, inbound: inbound, outbound: outbound)
        }
    }

    struct Dropped: Error {}
    struct Closed: Error {}

    static func serve(channel: WebChannel, token: String, user: String, after: Int,
                      inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async {
        let (drops, dropped) = AsyncStream.makeStream(of: Void.self)
        let subscription = await channel.room.subscribe(user: user, after: max(0, after)) { dropped.yield() }
        let id = subscription.id
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    let hello: JSONObject = ["type": "hello", "user": .string(user), "truncated": .bool(subscription.truncated)]
                    try await outbound.writeTextMessage(JSONValue.object(hello).wire)
                    for message in subscription.backlog { try await outbound.writeTextMessage(message.json.wire) }
                    let panel: String
                    if let cached = channel.currentIncidentFrame { panel = cached } else { panel = await channel.incidentFrame() }
                    try await outbound.writeTextMessage(panel)
                    for await frame in subscription.frames { try await outbound.writeTextMessage(frame) }
                }
                group.addTask {
                    for await _ in drops { throw Dropped() }
                }
                group.addTask {
                    for try await message in inbound.messages(maxSize: maxMessageBytes) {
                        guard case .text(let text) = message, let frame = try? JSONValue(parsing: text), frame.object != nil else {
                            try await outbound.close(.unacceptableData, reason: "frames are JSON objects: {\"type\":\"message\",\"text\":...}")
                            throw Closed()
                        }
                        guard await channel.signIn.session(token) != nil else {
                            try await outbound.close(.policyViolation, reason: "the session has ended: sign in again")
                            throw Closed()
                        }
                        let reply = await handle(frame, from: user, channel: channel)
                        if let reply { await channel.room.send(JSONValue.object(reply).wire, to: id) }
                    }
                    throw Closed()
                }
                try await group.next()
                group.cancelAll()
            }
        } catch is Dropped {
            channel.logger.notice("a connection that did not keep up was dropped", metadata: ["user": "\(user)"])
            try? await outbound.close(.policyViolation, reason: "the connection did not keep up")
        } catch {}
        await channel.room.unsubscribe(id)
        dropped.finish()
    }

    /// What one frame from the browser does; the answer is for this connection alone.
    static func handle(_ frame: JSONValue, from user: String, channel: WebChannel) async -> JSONObject? {
        switch frame["type"]?.string {
        case "ping":
            return ["type": "pong"]
        case "message":
            guard let text = frame["text"]?.string else {
                return ["type": "refused", "text": "A message frame has a text: {\"type\":\"message\",\"text\":...}"]
            }
            switch await channel.receive(text, from: user) {
            case .posted: return nil
            case .privately(let output): return ["type": "private", "command": .string(text), "text": .string(output)]
            case .refused(let why): return ["type": "refused", "text": .string(why)]
            }
        case "pin":
            guard let seq = frame["seq"]?.number, let sequence = Int(exactly: seq) else {
                return ["type": "refused", "text": "A pin frame names a message: {\"type\":\"pin\",\"seq\":N}"]
            }
            switch await channel.pin(sequence, by: user) {
            case .posted: return nil
            case .privately(let output): return ["type": "private", "command": "pin", "text": .string(output)]
            case .refused(let why): return ["type": "refused", "text": .string(why)]
            }
        default:
            return ["type": "refused", "text": "Unknown frame type: send {\"type\":\"message\",\"text\":...}"]
        }
    }
}
