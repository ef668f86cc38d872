import Backend
import Catalog
import Channel
import Completion
import Dispatch
import Interpreter
import JMESPath
import Server

extension WebChannelRoutes {
    /// `GET /channel/complete?line=TEXT&cursor=N`: what Tab offers at the
    /// UTF-8 offset N of the message box, from the REPL's completer. Live
    /// identifiers (incident, plan and contact ARNs, event ids) come only
    /// from the list operations the signed-in member's role allows, so
    /// completion shows nobody what their commands could not.
    func complete(_ request: EndpointRequest) async -> EndpointResponse {
        guard let session = await channel.signIn.session(Self.cookie(Self.sessionCookie, in: request)) else {
            return json(403, ["error": "Not signed in."])
        }
        let line = Self.query("line", in: request.query) ?? ""
        guard line.utf8.count <= Self.longestCompletedLine else {
            return json(400, ["error": .string("Completion takes lines of at most \(Self.longestCompletedLine) bytes.")])
        }
        let cursor = min(max(Int(Self.query("cursor", in: request.query) ?? "") ?? line.utf8.count, 0), line.utf8.count)
        let authorizer = ChannelAuthorizer(channel.configuration)
        let user = session.user
        var source = LiveValueSource(backend: channel.backend,
                                     context: CallContext(accountId: channel.settings.accountId, region: channel.settings.region, user: user))
        source.allow = { request in authorizer.authorize(request, user: user).isAllowed }
        let completer = Completer(live: BlockingLiveValues { [source] kind, given in await source.values(kind, given: given) })
        // The completer waits for live values synchronously (as the line
        // editor needs): it runs on a thread of its own, never on the
        // server's event loops or the task pool.
        let completion = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: completer.complete(line, cursor: cursor)) }
        }
        return json(200, ["start": .number(Double(completion.start)),
                          "candidates": .array(completion.candidates.prefix(200).map(JSONValue.string))])
    }

    /// A message box's line longer than this is not completed.
    static let longestCompletedLine = 8192
}
