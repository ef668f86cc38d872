import JMESPath
import Server

/// The channels one server serves in a browser. One channel is the page at
/// `/`; several are each at `/c/NAME/` (NAME from the channel's name) and `/`
/// lists them. The script and the style are the same for every channel:
///
///     GET /                 the page, or with several channels the list of them
///     GET /channel/app.js   the script; /channel/app.css the style
///     GET /channel/list     with several channels: [{"name", "path"}] for the list
public struct WebChannelSite: Sendable {
    public let channels: [WebChannelRoutes]

    /// Gives each channel its place: the root for one, `/c/NAME` for several.
    public init(channels: [WebChannel], secureCookies: Bool = false) {
        let prefixes = channels.count == 1 ? [""] : Self.prefixes(channels.map(\.configuration.channel))
        self.channels = zip(channels, prefixes).map { WebChannelRoutes(channel: $0, prefix: $1, secureCookies: secureCookies) }
    }

    /// `/c/NAME` for each channel name: lower case, letters, digits and `-`;
    /// a name that comes again gets `-2`, `-3`, ...
    static func prefixes(_ names: [String]) -> [String] {
        var taken: Set<String> = []
        return names.map { name in
            var slug = String(name.lowercased().unicodeScalars.map { scalar -> Character in
                scalar.isASCII && (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)) ? Character(scalar) : "-"
            })
            if slug.isEmpty { slug = "channel" }
            var candidate = slug, n = 1
            while taken.contains(candidate) { n += 1; candidate = "\(slug)-\(n)" }
            taken.insert(candidate)
            return "/c/" + candidate
        }
    }

    /// Every route of every channel, the assets and the list.
    public var endpoints: [any ServerEndpoint] {
        guard let first = channels.first else { return [] }
        var routes: [any ServerEndpoint] = [
            WebChannelRoutes.Route(method: "GET", path: "/channel/app.js", name: "WebChannelAsset", routes: first,
                                   handle: { r, _ in r.asset(PageAssets.script, "text/javascript; charset=utf-8") }),
            WebChannelRoutes.Route(method: "GET", path: "/channel/app.css", name: "WebChannelAsset", routes: first,
                                   handle: { r, _ in r.asset(PageAssets.style, "text/css; charset=utf-8") }),
        ]
        if channels.count > 1 {
            let list = JSONValue.array(channels.map {
                .object(["name": .string($0.channel.configuration.displayName), "path": .string($0.pagePath)])
            }).wire
            routes.append(WebChannelRoutes.Route(method: "GET", path: "/", name: "WebChannelList", routes: first,
                                                 handle: { r, _ in r.asset(PageAssets.listHTML, "text/html; charset=utf-8") }))
            routes.append(WebChannelRoutes.Route(method: "GET", path: "/channel/list", name: "WebChannelList", routes: first,
                                                 handle: { r, _ in r.asset(list, "application/json; charset=utf-8") }))
        }
        return routes + channels.flatMap(\.endpoints)
    }

    /// One WebSocket route a channel.
    public var sockets: [any WebSocketRoute] { channels.map(\.socket) }
}
