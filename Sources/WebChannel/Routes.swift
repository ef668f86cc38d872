import Foundation
import HummingbirdWebSocket
import JMESPath
import Server

/// One channel's routes on the emulator server, under its `prefix` (empty
/// when the server serves one channel: its page is `/`; `/c/NAME` when it
/// serves several, listed at `/` by ``WebChannelSite``). They come before
/// SigV4 (a browser cannot sign), so each checks its caller: a session
/// cookie (scoped to the prefix, and known only to this channel's sign-in),
/// and on every request that changes something a CSRF token in `X-CSRF-Token`
/// (before sign-in: the double-submit cookie `ic_csrf`; after: the session's).
///
///     GET  PREFIX/                  the page (its script and style are the site's)
///     GET  PREFIX/channel/session   who is signed in, the CSRF token, whether a password is needed
///     POST PREFIX/channel/signin    {"name", "password"}
///     POST PREFIX/channel/signout
///     GET  PREFIX/channel/complete?line=TEXT&cursor=N   what Tab offers at N (a UTF-8 offset)
///     GET  PREFIX/channel/socket?after=N&csrf=T   the WebSocket (live messages; sending)
public struct WebChannelRoutes: Sendable {
    public let channel: WebChannel
    /// Where the channel's page is: "" (the page is `/`) or `/c/NAME`.
    public let prefix: String
    /// Set `Secure` on cookies (the server is behind TLS).
    public let secureCookies: Bool

    public init(channel: WebChannel, prefix: String = "", secureCookies: Bool = false) {
        self.channel = channel
        self.prefix = prefix
        self.secureCookies = secureCookies
    }

    public static let sessionCookie = "ic_session"
    public static let csrfCookie = "ic_csrf"

    /// The page's address.
    public var pagePath: String { prefix + "/" }
    /// The WebSocket's address.
    public var socketPath: String { prefix + "/channel/socket" }

    /// The routes of this channel (without the site's assets).
    public var endpoints: [any ServerEndpoint] {
        var routes: [any ServerEndpoint] = [
            Route(method: "GET", path: pagePath, name: "WebChannelPage", routes: self, handle: { r, _ in
                r.asset(PageAssets.html, "text/html; charset=utf-8") }),
            Route(method: "GET", path: prefix + "/channel/session", name: "WebChannelSession", routes: self, handle: { r, q in await r.describeSession(q) }),
            Route(method: "POST", path: prefix + "/channel/signin", name: "WebChannelSignIn", routes: self, handle: { r, q in await r.signIn(q) }),
            Route(method: "POST", path: prefix + "/channel/signout", name: "WebChannelSignOut", routes: self, handle: { r, q in await r.signOut(q) }),
            Route(method: "GET", path: prefix + "/channel/complete", name: "WebChannelComplete", routes: self, handle: { r, q in await r.complete(q) }),
            Route(method: "GET", path: socketPath, name: "WebChannelSocket", routes: self, handle: { r, _ in
                r.json(400, ["error": "This is the channel's WebSocket: open it with a session and the CSRF token."])
            }),
        ]
        // The page's addresses are relative to it: `/c/NAME` goes to `/c/NAME/`.
        if !prefix.isEmpty {
            let page = pagePath
            routes.append(Route(method: "GET", path: prefix, name: "WebChannelPage", routes: self, handle: { r, _ in
                EndpointResponse(status: 308, headers: [("Location", page)] + Self.securityHeaders, body: [])
            }))
        }
        return routes
    }

    /// The WebSocket route.
    public var socket: any WebSocketRoute { SocketRoute(routes: self) }

    struct Route: ServerEndpoint {
        let method: String
        let path: String
        let name: String
        let routes: WebChannelRoutes
        let handle: @Sendable (WebChannelRoutes, EndpointRequest) async -> EndpointResponse
        func respond(to request: EndpointRequest) async -> EndpointResponse { await handle(routes, request) }
    }

    // MARK: Answers

    /// No script but ours, no style but ours, no frames, no plug-ins, no form posts elsewhere.
    public static let contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    static let securityHeaders: [(name: String, value: String)] = [
        ("Content-Security-Policy", contentSecurityPolicy), ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"), ("X-Frame-Options", "DENY"), ("Cache-Control", "no-store"),
    ]

    func asset(_ body: String, _ type: String) -> EndpointResponse {
        EndpointResponse(status: 200, headers: [("Content-Type", type)] + Self.securityHeaders, body: Array(body.utf8))
    }

    func json(_ status: Int, _ fields: JSONObject, cookies: [String] = []) -> EndpointResponse {
        EndpointResponse(status: status, headers: [("Content-Type", "application/json; charset=utf-8")] + Self.securityHeaders
                            + cookies.map { ("Set-Cookie", $0) },
                         body: Array(JSONValue.object(fields).wire.utf8))
    }

    /// A cookie for the browser that sent `request`: `Secure` when the server
    /// is told it is behind TLS, or the request came through a proxy that
    /// terminated TLS (`X-Forwarded-Proto: https`, `Forwarded: proto=https`).
    func cookie(_ name: String, _ value: String, maxAge: Int?, httpOnly: Bool = true, for request: EndpointRequest) -> String {
        var text = "\(name)=\(value); Path=\(pagePath); SameSite=Strict"
        if httpOnly { text += "; HttpOnly" }
        if let maxAge { text += "; Max-Age=\(maxAge)" }
        if secureCookies || Self.cameOverTLS(request) { text += "; Secure" }
        return text
    }

    /// Whether a proxy in front says the browser's connection was HTTPS.
    static func cameOverTLS(_ request: EndpointRequest) -> Bool {
        if let forwarded = request.header("X-Forwarded-Proto"),
           forwarded.split(separator: ",").first?.trimmingCharacters(in: .whitespaces).lowercased() == "https" { return true }
        guard let forwarded = request.header("Forwarded") else { return false }
        let first = forwarded.split(separator: ",").first ?? ""
        return first.split(separator: ";").contains { $0.trimmingCharacters(in: .whitespaces).lowercased() == "proto=https" }
    }

    /// A cookie's value in a request.
    static func cookie(_ name: String, in request: EndpointRequest) -> String? {
        for field in request.headers where field.name.lowercased() == "cookie" {
            for pair in field.value.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name {
                    return parts[1].trimmingCharacters(in: .whitespaces)
                }
            }
        }
        return nil
    }

    /// A value of the query string (`after=3&csrf=...`), percent-decoded.
    static func query(_ name: String, in query: String) -> String? {
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.first == Substring(name) {
                return parts.count == 2 ? String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding : ""
            }
        }
        return nil
    }

    /// A request from another site (its `Origin` is not this server) changes nothing.
    static func isSameOrigin(_ request: EndpointRequest) -> Bool {
        guard let origin = request.header("Origin") else { return true }
        guard let host = request.header("Host") else { return false }
        return origin == "http://\(host)" || origin == "https://\(host)"
    }

    func describeSession(_ request: EndpointRequest) async -> EndpointResponse {
        var fields: JSONObject = ["channel": .string(channel.configuration.displayName),
                                  "needsPassword": .bool(channel.signIn.needsPassword)]
        if let session = await channel.signIn.session(Self.cookie(Self.sessionCookie, in: request)) {
            fields["user"] = .string(session.user)
            fields["csrf"] = .string(session.csrf)
            fields["last"] = .number(Double(await channel.room.lastSequence))
            return json(200, fields)
        }
        // Not signed in: a token for the sign-in form, doubled in a cookie.
        let token = Self.cookie(Self.csrfCookie, in: request).flatMap { $0.count == 43 ? $0 : nil } ?? SignIn.randomToken()
        fields["csrf"] = .string(token)
        return json(200, fields, cookies: [cookie(Self.csrfCookie, token, maxAge: 3600, for: request)])
    }

    func signIn(_ request: EndpointRequest) async -> EndpointResponse {
        guard Self.isSameOrigin(request),
              let sent = request.header("X-CSRF-Token"), let doubled = Self.cookie(Self.csrfCookie, in: request),
              SignIn.same(sent, doubled) else {
            return json(403, ["error": "The sign-in form's CSRF token is missing or wrong: reload the page."])
        }
        guard let form = try? JSONValue(parsing: request.body), let name = form["name"]?.string else {
            return json(400, ["error": "Send {\"name\": ..., \"password\": ...} as JSON."])
        }
        do {
            let (token, session) = try await channel.signIn.signIn(name: name, password: form["password"]?.string ?? "")
            channel.logger.info("signed in", metadata: ["user": "\(session.user)"])
            return json(200, ["user": .string(session.user), "csrf": .string(session.csrf)],
                        cookies: [cookie(Self.sessionCookie, token, maxAge: Int(channel.signIn.lifetime), for: request),
                                  cookie(Self.csrfCookie, "", maxAge: 0, for: request)])
        } catch {
            channel.logger.notice("sign-in refused", metadata: ["name": "\(name)", "reason": "\(error)"])
            return json(error.status, ["error": .string(error.description)])
        }
    }

    func signOut(_ request: EndpointRequest) async -> EndpointResponse {
        guard let token = Self.cookie(Self.sessionCookie, in: request), let session = await channel.signIn.session(token) else {
            return json(403, ["error": "Not signed in."])
        }
        guard Self.isSameOrigin(request), let sent = request.header("X-CSRF-Token"), SignIn.same(sent, session.csrf) else {
            return json(403, ["error": "The CSRF token is missing or wrong: reload the page."])
        }
        await channel.signIn.signOut(token)
        return json(200, ["signedOut": true], cookies: [cookie(Self.sessionCookie, "", maxAge: 0, for: request)])
    }
}
