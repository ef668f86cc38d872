import Backend
import Catalog
import Channel
import Foundation
import HummingbirdBcrypt
import Interpreter
import JMESPath
import MemoryBackend
import OrderedCollections
import Server
import Syntax
import Testing
@testable import WebChannel

/// A channel over an in-memory backend: alice may do what the template allows,
/// bob only read (his own role).
func makeChannel(name: String = "ops", members: String = "[alice, bob]", passwords: [String: String] = [:], loopback: Bool = true,
                 backend: MemoryBackend = MemoryBackend()) async throws -> WebChannel {
    var yaml = """
    workspace: acme
    channel: \(name)
    members: \(members)
    users:
      bob:
        role:
          template: null
          policies:
            - Version: "2012-10-17"
              Statement:
                - {Effect: Allow, Action: ["ssm-incidents:List*", "ssm-incidents:Get*"], Resource: "*"}

    """
    if !passwords.isEmpty {
        yaml += "passwords:\n" + passwords.map { "  \($0.key): \"\($0.value)\"\n" }.joined()
    }
    let configuration = try ChannelConfiguration.parse(SourceFile(name: "ops.yaml", text: yaml))
    return try await WebChannel(configuration: configuration, backend: backend, settings: SessionSettings(user: "web"),
                                loopback: loopback)
}

@Suite struct RateLimiterTests {
    @Test func burstThenRefill() {
        var limiter = RateLimiter(burst: 3, perSecond: 1)
        var taken: [Bool] = []
        for _ in 0..<4 { taken.append(limiter.allow("a", now: 100)) }
        #expect(taken == [true, true, true, false])
        let other = limiter.allow("b", now: 100)
        #expect(other, "another key has its own bucket")
        #expect(limiter.retryAfter("a", now: 100) > 0)
        let refilled = limiter.allow("a", now: 101.01), again = limiter.allow("a", now: 101.02)
        #expect(refilled && !again)
    }

    @Test func keysAreBounded() {
        var limiter = RateLimiter(burst: 1, perSecond: 1, maxKeys: 10)
        for i in 0..<100 { _ = limiter.allow("k\(i)", now: 0) }
        let taken = limiter.allow("new", now: 0)
        #expect(taken)
    }
}

@Suite struct SignInTests {
    @Test func membersSignInWithTheirPassword() async throws {
        let hash = Bcrypt.hash("correct horse", cost: 4)
        let signIn = SignIn(members: ["alice", "bob"], passwords: ["alice": hash], loopback: true)
        let (token, session) = try await signIn.signIn(name: "alice", password: "correct horse")
        #expect(session.user == "alice")
        #expect(await signIn.session(token) == session)
        #expect(await signIn.session("forged") == nil)
        #expect(session.csrf != token && session.csrf.count == 43)
        await #expect(throws: SignIn.Refusal.wrongPassword) { try await signIn.signIn(name: "alice", password: "wrong") }
        await #expect(throws: SignIn.Refusal.notMember) { try await signIn.signIn(name: "mallory", password: "correct horse") }
        await #expect(throws: SignIn.Refusal.noPassword) { try await signIn.signIn(name: "bob", password: "") }
        await signIn.signOut(token)
        #expect(await signIn.session(token) == nil)
    }

    @Test func attemptsAreRateLimited() async throws {
        let signIn = SignIn(members: ["alice"], passwords: ["alice": Bcrypt.hash("correct horse", cost: 4)], loopback: true,
                            clock: { 1000 })
        for _ in 0..<5 {
            await #expect(throws: SignIn.Refusal.wrongPassword) { try await signIn.signIn(name: "alice", password: "guess") }
        }
        // The sixth try is refused before the password is looked at, even the right one.
        await #expect(throws: SignIn.Refusal.tooManyAttempts(retryAfter: 12)) {
            try await signIn.signIn(name: "alice", password: "correct horse")
        }
    }

    @Test func namesArePickedOnlyOnLoopback() async throws {
        let local = SignIn(members: nil, passwords: [:], loopback: true)
        #expect(try await local.signIn(name: "carol", password: "").session.user == "carol")
        await #expect(throws: SignIn.Refusal.badName) { try await local.signIn(name: "<b>", password: "") }
        let open = SignIn(members: nil, passwords: [:], loopback: false)
        await #expect(throws: SignIn.Refusal.notLoopback) { try await open.signIn(name: "carol", password: "") }
    }

    @Test func sessionsExpire() async throws {
        let now = Clock()
        let signIn = SignIn(members: nil, passwords: [:], loopback: true, lifetime: 60, clock: { now.value })
        let (token, _) = try await signIn.signIn(name: "carol", password: "")
        now.value += 61
        #expect(await signIn.session(token) == nil)
    }

    @Test func tokensCompareWhole() {
        #expect(SignIn.same("abc", "abc"))
        #expect(!SignIn.same("abc", "abd"))
        #expect(!SignIn.same("abc", "abcd"))
        #expect(!SignIn.same("", ""), "an empty token is never right")
    }

    final class Clock: @unchecked Sendable { var value = 1000.0 }
}

@Suite struct ChannelRoomTests {
    @Test func aReconnectGetsWhatItMissedInOrderOnce() async throws {
        let backend = MemoryBackend()
        let room = try await ChannelRoom(store: backend, account: "111122223333", channel: "ops")
        for i in 1...5 { try await room.post(kind: .chat, author: "alice", text: "m\(i)") }
        let subscription = await room.subscribe(user: "bob", after: 2)
        #expect(subscription.backlog.map(\.sequence) == [3, 4, 5])
        // Many writers at once: the subscriber still sees 6, 7, 8, ... in order, each once.
        await withTaskGroup(of: Void.self) { group in
            for i in 6...25 { group.addTask { _ = try? await room.post(kind: .chat, author: "alice", text: "m\(i)") } }
        }
        var seen: [Int] = []
        for await frame in subscription.frames {
            seen.append(Int(try JSONValue(parsing: frame)["seq"]?.number ?? -1))
            if seen.count == 20 { break }
        }
        #expect(seen == Array(6...25))

        // The store keeps them: a new room over it goes on from 26.
        let reopened = try await ChannelRoom(store: backend, account: "111122223333", channel: "ops")
        #expect(await reopened.lastSequence == 25)
        #expect(await reopened.messages(after: 23).map(\.text) == ["m24", "m25"])
        #expect(try await reopened.post(kind: .chat, author: "bob", text: "x").sequence == 26)
        let other = try await ChannelRoom(store: backend, account: "111122223333", channel: "elsewhere")
        #expect(await other.lastSequence == 0, "each channel has its own conversation")
    }

    @Test func theStoreKeepsABoundedHistory() async throws {
        let backend = MemoryBackend()
        // A store from before the bound: 12 messages.
        let unbounded = try await ChannelRoom(store: backend, account: "111122223333", channel: "ops", retained: 2, stored: 100)
        for i in 1...12 { try await unbounded.post(kind: .chat, author: "alice", text: "m\(i)") }
        #expect(try await backend.channelData(kind: "web-messages:ops", account: "111122223333").count == 12)
        // Opened with a bound of 5, it keeps the newest 5, and each new message takes the oldest away.
        let room = try await ChannelRoom(store: backend, account: "111122223333", channel: "ops", retained: 2, stored: 5)
        #expect(try await backend.channelData(kind: "web-messages:ops", account: "111122223333").keys.sorted()
                == (8...12).map(sequenceKey))
        let shown = await room.messages(after: 0).map(\.text)
        #expect(await room.lastSequence == 12)
        #expect(shown == ["m11", "m12"])
        for i in 13...20 { try await room.post(kind: .chat, author: "alice", text: "m\(i)") }
        #expect(try await backend.channelData(kind: "web-messages:ops", account: "111122223333").keys.sorted()
                == (16...20).map(sequenceKey))
        let reopened = try await ChannelRoom(store: backend, account: "111122223333", channel: "ops", retained: 2, stored: 5)
        #expect(await reopened.lastSequence == 20)
        #expect(try await reopened.post(kind: .chat, author: "bob", text: "x").sequence == 21)
    }

    @Test func aSubscriberThatDoesNotReadIsDroppedAndTheOthersGoOn() async throws {
        let room = try await ChannelRoom(store: nil, account: "111122223333", channel: "ops", queueLimit: 4)
        let dropped = Flag()
        let slow = await room.subscribe(user: "slow", after: 0) { dropped.set() }
        let fast = await room.subscribe(user: "fast", after: 0)
        var received = 0
        for i in 1...10 {
            try await room.post(kind: .chat, author: "alice", text: "m\(i)")
            // The fast one reads as messages come.
            var iterator = fast.frames.makeAsyncIterator()
            if await iterator.next() != nil { received += 1 }
        }
        #expect(received == 10)
        #expect(dropped.isSet)
        #expect(await room.subscriberCount == 1)
        var kept = 0
        for await _ in slow.frames { kept += 1 }
        #expect(kept == 4, "the slow one's queue held 4 frames, then its stream ended")
    }

    /// Two servers' rooms over one store (a fleet on one database): numbers are
    /// never taken twice, and each room's browsers see the other's messages in
    /// order, once, from a store event or, when events were missed, from the store.
    @Test func twoServersRoomsShareOneConversation() async throws {
        let backend = MemoryBackend()
        let a = try await ChannelRoom(store: backend, account: "111122223333", channel: "ops")
        let b = try await ChannelRoom(store: backend, account: "111122223333", channel: "ops")
        let watcher = await b.subscribe(user: "bob", after: 0)
        let first = try await a.post(kind: .chat, author: "alice", text: "on A")
        let second = try await b.post(kind: .chat, author: "bob", text: "on B")
        #expect(first.sequence == 1 && second.sequence == 2, "B numbers after A's message, which it had not seen")
        // B published A's message before its own: it read it from the store.
        var frames = watcher.frames.makeAsyncIterator()
        for expected in ["on A", "on B"] {
            #expect(try JSONValue(parsing: await frames.next() ?? "")["text"]?.string == expected)
        }
        // A hears B's message as a store event; a repeated or foreign event changes nothing.
        let event = StoreEvent.appended(kind: "web-messages:ops", account: "111122223333", key: sequenceKey(2), value: second.json.wire)
        await a.follow(event)
        await a.follow(event)
        await a.follow(.appended(kind: "web-messages:elsewhere", account: "111122223333", key: sequenceKey(3), value: second.json.wire))
        #expect(await a.messages(after: 0).map(\.text) == ["on A", "on B"])
        // Messages whose events A missed (a lost connection) come with the next one, or after `resumed`.
        let third = try await b.post(kind: .chat, author: "bob", text: "three")
        let fourth = try await b.post(kind: .chat, author: "bob", text: "four")
        await a.follow(.appended(kind: "web-messages:ops", account: "111122223333", key: sequenceKey(4), value: fourth.json.wire))
        #expect(await a.messages(after: 2).map(\.sequence) == [third.sequence, fourth.sequence])
        _ = try await b.post(kind: .chat, author: "bob", text: "five")
        await a.follow(.resumed)
        #expect(await a.lastSequence == 5)
        // A message too long to be told in the event is read from the store.
        let sixth = try await b.post(kind: .chat, author: "bob", text: String(repeating: "x", count: 9000))
        await a.follow(.appended(kind: "web-messages:ops", account: "111122223333", key: sequenceKey(6), value: nil))
        #expect(await a.messages(after: 5).map(\.text) == [sixth.text])
    }

    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.withLock { value = true } }
        var isSet: Bool { lock.withLock { value } }
    }
}

@Suite struct WebChannelMessageTests {
    @Test func withoutAnOpenIncidentThePanelIsEmpty() async throws {
        let panel = try JSONValue(parsing: try await makeChannel().incidentFrame())
        #expect(panel["type"]?.string == "incident" && panel["incident"]?.isNull == true)
    }

    @Test func chatIsKeptAsTypedMarkupAndAll() async throws {
        let channel = try await makeChannel()
        let text = #"<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) <https://x|y>"#
        #expect(await channel.receive(text, from: "alice") == .posted)
        let kept = await channel.room.messages(after: 0)
        #expect(kept.map(\.text) == [text])
        #expect(kept.first?.author == "alice" && kept.first?.kind == .chat)
        // What goes over the socket is JSON whose string is the text itself: the page sets it as text.
        let frame = try JSONValue(parsing: kept[0].json.wire)
        #expect(frame["text"]?.string == text)
    }

    @Test func commandsRunAsTheirAuthorAndFailuresStayPrivate() async throws {
        let backend = MemoryBackend()
        let channel = try await makeChannel(backend: backend)
        #expect(await channel.receive("@aws ssm-incidents list-incident-records", from: "alice") == .posted)
        let kept = await channel.room.messages(after: 0)
        #expect(kept.map(\.kind) == [.command, .result])
        #expect(kept.last?.text.contains("incidentRecordSummaries") == true, "\(kept)")

        // bob may only read: denied, to him alone, nothing stored.
        let before = await channel.room.lastSequence
        let denied = await channel.receive(#"@aws ssm-incidents create-response-plan --name db --incident-template '{"title":"t","impact":3}'"#, from: "bob")
        guard case .privately(let why) = denied else { Issue.record("\(denied)"); return }
        #expect(why.contains("AccessDenied"), "\(why)")
        #expect(await channel.room.lastSequence == before)

        // A mistake shows the caret diagnostics to its author.
        let typo = await channel.receive("@aws ssm-incidents list-incident-recrods", from: "alice")
        guard case .privately(let diagnostics) = typo else { Issue.record("\(typo)"); return }
        #expect(diagnostics.contains("^"), "\(diagnostics)")
        #expect(await channel.room.lastSequence == before)

        // Not a member: refused like any non-member in the channel.
        let stranger = await channel.receive("@aws ssm-incidents list-incident-records", from: "mallory")
        guard case .privately = stranger else { Issue.record("\(stranger)"); return }
    }

    @Test func helpIsForTheAskerAlone() async throws {
        let channel = try await makeChannel()
        let asked = await channel.receive("help ssm-incidents start-incident", from: "bob")
        guard case .privately(let synopsis) = asked else { Issue.record("\(asked)"); return }
        #expect(synopsis.contains("--response-plan-arn"), "\(synopsis)")
        let services = await channel.receive("help", from: "bob")
        guard case .privately(let list) = services else { Issue.record("\(services)"); return }
        #expect(list.contains("ssm-contacts") && list.contains("ssm-incidents"), "\(list)")
        let typo = await channel.receive("help ssm-incidents start-incdent", from: "bob")
        guard case .privately(let suggestion) = typo else { Issue.record("\(typo)"); return }
        #expect(suggestion.contains("did you mean start-incident"), "\(suggestion)")
        #expect(await channel.room.lastSequence == 0, "nothing of it is kept")
        // A chat message that merely begins with "help" is chat.
        #expect(await channel.receive("help is on the way", from: "alice") == .posted)
        #expect(await channel.room.messages(after: 0).map(\.text) == ["help is on the way"])
    }

    @Test func tooLongAndTooManyAreRefused() async throws {
        let channel = try await makeChannel()
        let long = String(repeating: "x", count: WebChannel.messageLimit + 1)
        guard case .refused = await channel.receive(long, from: "alice") else { Issue.record("a long message was taken"); return }
        #expect(await channel.receive(String(repeating: "x", count: WebChannel.messageLimit), from: "alice") == .posted)
        var refused = 0
        let now = Date()
        for i in 0..<100 {
            if case .refused = await channel.receive("flood \(i)", from: "bob", now: now) { refused += 1 }
        }
        #expect(refused == 90, "a burst of 10, then nothing within the same second")
        #expect(await channel.receive("still here", from: "alice", now: now) == .posted, "another user is not held back")
    }

    @Test func whatIsACommand() {
        for text in ["@aws ssm-incidents list-incident-records", "`@aws ssm-incidents x`", "```\n@aws x\n```", "@AWS x", "@q x",
                     "@Amazon Q x", "<@U012AB> x"] {
            #expect(WebChannel.isCommand(text), "\(text)")
        }
        for text in ["hello", "aws is down", "@awsome", "@alice look", "email me @ noon", ""] {
            #expect(!WebChannel.isCommand(text), "\(text)")
        }
    }
}

@Suite struct RoutesTests {
    func request(_ method: String, _ path: String, cookies: String? = nil, csrf: String? = nil, origin: String? = nil,
                 body: String = "") -> EndpointRequest {
        var headers: [(name: String, value: String)] = [("Host", "127.0.0.1:4590")]
        if let cookies { headers.append(("Cookie", cookies)) }
        if let csrf { headers.append(("X-CSRF-Token", csrf)) }
        if let origin { headers.append(("Origin", origin)) }
        return EndpointRequest(method: method, path: path, headers: headers, body: Array(body.utf8))
    }

    func endpoint(_ routes: WebChannelRoutes, _ method: String, _ path: String) throws -> any ServerEndpoint {
        try endpoint(routes.endpoints, method, path)
    }

    func endpoint(_ endpoints: [any ServerEndpoint], _ method: String, _ path: String) throws -> any ServerEndpoint {
        try #require(endpoints.first { $0.method == method && $0.path == path }, "\(method) \(path)")
    }

    func header(_ response: EndpointResponse, _ name: String) -> [String] {
        response.headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    @Test func thePageIsSmallWithAStrictPolicyAndNoInlineScript() async throws {
        let site = WebChannelSite(channels: [try await makeChannel()])
        var total = 0
        for path in ["/", "/channel/app.js", "/channel/app.css"] {
            let response = try await endpoint(site.endpoints, "GET", path).respond(to: request("GET", path))
            #expect(response.status == 200)
            #expect(header(response, "Content-Security-Policy").first?.contains("script-src 'self'") == true)
            #expect(header(response, "X-Content-Type-Options") == ["nosniff"])
            total += response.body.count
        }
        #expect(total < 150_000)
        let html = PageAssets.html
        #expect(!html.contains("<script>") && !html.contains("style=") && !html.contains(" on"), "no inline script, style or handler")
        #expect(!PageAssets.script.contains("innerHTML") && !PageAssets.script.contains("insertAdjacentHTML")
                && !PageAssets.script.contains("document.write"), "values are set as text")
        #expect(html.contains(#"role="log""#) && html.contains(#"<label for="message""#) && html.contains(">Message</label>"))
        #expect(html.contains(">Name</label>") && html.contains(">Password</label>") && html.contains(">Sign in</button>"))
    }

    @Test func severalChannelsEachHaveTheirPlaceAndTheirOwnSessions() async throws {
        let backend = MemoryBackend()
        let site = WebChannelSite(channels: [try await makeChannel(name: "ops", members: "null", backend: backend),
                                             try await makeChannel(name: "Data Base!", members: "null", backend: backend),
                                             try await makeChannel(name: "data-base-", members: "null", backend: backend)])
        #expect(site.channels.map(\.prefix) == ["/c/ops", "/c/data-base-", "/c/data-base--2"])
        #expect(site.sockets.map(\.path) == ["/c/ops/channel/socket", "/c/data-base-/channel/socket", "/c/data-base--2/channel/socket"])

        // `/` lists the channels; the list names each with its page.
        let list = try await endpoint(site.endpoints, "GET", "/").respond(to: request("GET", "/"))
        #expect(String(decoding: list.body, as: UTF8.self).contains(#"<ul id="channel-list">"#))
        let names = try JSONValue(parsing: try await endpoint(site.endpoints, "GET", "/channel/list").respond(to: request("GET", "/channel/list")).body)
        #expect(names.array?.compactMap { $0["path"]?.string } == ["/c/ops/", "/c/data-base-/", "/c/data-base--2/"])
        #expect(names.array?.first?["name"]?.string == "slack:acme/#ops")
        let moved = try await endpoint(site.endpoints, "GET", "/c/ops").respond(to: request("GET", "/c/ops"))
        #expect(moved.status == 308 && header(moved, "Location") == ["/c/ops/"])
        #expect(try await endpoint(site.endpoints, "GET", "/c/ops/").respond(to: request("GET", "/c/ops/")).status == 200)

        // A session is of its channel: its cookie is scoped to the channel's
        // page, and another channel neither knows it nor opens its socket with it.
        let ops = site.channels[0], data = site.channels[1]
        let form = try await endpoint(site.endpoints, "GET", "/c/ops/channel/session").respond(to: request("GET", "/c/ops/channel/session"))
        let token = try #require(try JSONValue(parsing: form.body)["csrf"]?.string)
        let signedIn = try await endpoint(site.endpoints, "POST", "/c/ops/channel/signin").respond(
            to: request("POST", "/c/ops/channel/signin", cookies: "ic_csrf=\(token)", csrf: token, body: #"{"name":"carol"}"#))
        #expect(signedIn.status == 200)
        let cookie = try #require(header(signedIn, "Set-Cookie").first { $0.hasPrefix("ic_session=") })
        #expect(cookie.contains("; Path=/c/ops/;"))
        let session = String(cookie.dropFirst("ic_session=".count).prefix { $0 != ";" })
        let csrf = try #require(try JSONValue(parsing: signedIn.body)["csrf"]?.string)
        let mine = try await endpoint(site.endpoints, "GET", "/c/ops/channel/session").respond(
            to: request("GET", "/c/ops/channel/session", cookies: "ic_session=\(session)"))
        #expect(try JSONValue(parsing: mine.body)["user"]?.string == "carol")
        let theirs = try await endpoint(site.endpoints, "GET", "/c/data-base-/channel/session").respond(
            to: request("GET", "/c/data-base-/channel/session", cookies: "ic_session=\(session)"))
        #expect(try JSONValue(parsing: theirs.body)["user"] == nil, "another channel's cookie signs nobody in")
        func upgrade(_ routes: WebChannelRoutes) async -> Bool {
            var r = request("GET", routes.socketPath, cookies: "ic_session=\(session)")
            r.query = "after=0&csrf=\(csrf)"
            return await routes.socket.accept(r) != nil
        }
        #expect(await upgrade(ops))
        #expect(!(await upgrade(data)), "another channel's session opens no socket")

        // Each channel keeps its own conversation.
        #expect(await ops.channel.receive("in ops", from: "carol") == .posted)
        #expect(await ops.channel.room.lastSequence == 1)
        #expect(await data.channel.room.lastSequence == 0)
    }

    @Test func cookiesAreSecureBehindTLS() async throws {
        let routes = WebChannelRoutes(channel: try await makeChannel())
        let session = try endpoint(routes, "GET", "/channel/session")
        func cookie(_ extra: [(name: String, value: String)]) async -> String {
            var asked = request("GET", "/channel/session")
            asked.headers += extra
            return header(await session.respond(to: asked), "Set-Cookie").first ?? ""
        }
        #expect(!(await cookie([])).contains("Secure"), "plain HTTP on loopback")
        #expect(await cookie([("X-Forwarded-Proto", "https")]).hasSuffix("; Secure"))
        #expect(await cookie([("Forwarded", "for=192.0.2.60;proto=https;by=203.0.113.43")]).hasSuffix("; Secure"))
        #expect(!(await cookie([("X-Forwarded-Proto", "http")])).contains("Secure"))
        let told = WebChannelRoutes(channel: try await makeChannel(), secureCookies: true)
        let answer = await (try endpoint(told, "GET", "/channel/session")).respond(to: request("GET", "/channel/session"))
        #expect(header(answer, "Set-Cookie").first?.hasSuffix("; Secure") == true)
    }

    @Test func signInNeedsTheCSRFTokenAndGivesAStrictCookie() async throws {
        let hash = Bcrypt.hash("correct horse", cost: 4)
        let routes = WebChannelRoutes(channel: try await makeChannel(passwords: ["alice": hash]))
        let session = try endpoint(routes, "GET", "/channel/session"), signIn = try endpoint(routes, "POST", "/channel/signin")
        let first = await session.respond(to: request("GET", "/channel/session"))
        let token = try #require(try JSONValue(parsing: first.body)["csrf"]?.string)
        #expect(header(first, "Set-Cookie").first?.hasPrefix("ic_csrf=\(token);") == true)
        let body = #"{"name":"alice","password":"correct horse"}"#

        // Missing, forged, or from another site: refused.
        #expect(await signIn.respond(to: request("POST", "/channel/signin", body: body)).status == 403)
        #expect(await signIn.respond(to: request("POST", "/channel/signin", cookies: "ic_csrf=\(token)", csrf: "forged", body: body)).status == 403)
        #expect(await signIn.respond(to: request("POST", "/channel/signin", cookies: "ic_csrf=\(token)", csrf: token,
                                                 origin: "https://evil.example", body: body)).status == 403)

        let signedIn = await signIn.respond(to: request("POST", "/channel/signin", cookies: "ic_csrf=\(token)", csrf: token,
                                                        origin: "http://127.0.0.1:4590", body: body))
        #expect(signedIn.status == 200)
        let cookie = try #require(header(signedIn, "Set-Cookie").first { $0.hasPrefix("ic_session=") })
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
        let sessionToken = String(cookie.dropFirst("ic_session=".count).prefix { $0 != ";" })
        let csrf = try #require(try JSONValue(parsing: signedIn.body)["csrf"]?.string)

        let me = await session.respond(to: request("GET", "/channel/session", cookies: "ic_session=\(sessionToken)"))
        #expect(try JSONValue(parsing: me.body)["user"]?.string == "alice")

        // Signing out takes the session's token, not the sign-in form's.
        let signOut = try endpoint(routes, "POST", "/channel/signout")
        #expect(await signOut.respond(to: request("POST", "/channel/signout", cookies: "ic_session=\(sessionToken)", csrf: token)).status == 403)
        #expect(await signOut.respond(to: request("POST", "/channel/signout", cookies: "ic_session=\(sessionToken)", csrf: csrf)).status == 200)
        let after = await session.respond(to: request("GET", "/channel/session", cookies: "ic_session=\(sessionToken)"))
        #expect(try JSONValue(parsing: after.body)["user"] == nil)
    }

    @Test func theSocketIsRefusedWithoutSessionOrToken() async throws {
        let routes = WebChannelRoutes(channel: try await makeChannel(members: "null"))
        let (token, session) = try await routes.channel.signIn.signIn(name: "carol", password: "")
        func upgrade(_ query: String, cookie: String?, origin: String? = nil) async -> Bool {
            var r = request("GET", "/channel/socket", cookies: cookie, origin: origin)
            r.query = query
            return await routes.socket.accept(r) != nil
        }
        #expect(await upgrade("after=0&csrf=\(session.csrf)", cookie: "ic_session=\(token)"))
        #expect(!(await upgrade("after=0", cookie: "ic_session=\(token)")))
        #expect(!(await upgrade("after=0&csrf=\(session.csrf)", cookie: nil)))
        #expect(!(await upgrade("after=0&csrf=\(session.csrf)", cookie: "ic_session=other-channel")))
        #expect(!(await upgrade("after=0&csrf=\(session.csrf)", cookie: "ic_session=\(token)", origin: "http://evil.example")))
    }
}

@Suite struct PasswordFileTests {
    @Test func theHashGoesUnderPasswordsAndTheRestIsKept() throws {
        let text = "# ops\nmembers: [alice, bob]\n"
        let once = try PasswordFile.edit(text, name: "alice", hash: "H1")
        #expect(once == "# ops\nmembers: [alice, bob]\npasswords:\n  alice: \"H1\"\n")
        let twice = try PasswordFile.edit(once, name: "bob", hash: "H2")
        #expect(twice == "# ops\nmembers: [alice, bob]\npasswords:\n  bob: \"H2\"\n  alice: \"H1\"\n")
        let again = try PasswordFile.edit(twice, name: "alice", hash: "H3")
        #expect(again == "# ops\nmembers: [alice, bob]\npasswords:\n  bob: \"H2\"\n  alice: \"H3\"\n")
        #expect(throws: PasswordFile.Failure.self) { try PasswordFile.edit("passwords: {alice: x}\n", name: "alice", hash: "H") }
    }

    @Test func setWritesAHashThatSignsIn() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("passwd-\(UUID().uuidString).yaml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "members: [alice]\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: PasswordFile.Failure.self) { try PasswordFile.set(path: path, name: "mallory", password: "long enough") }
        #expect(throws: PasswordFile.Failure.self) { try PasswordFile.set(path: path, name: "alice", password: "short") }
        try PasswordFile.set(path: path, name: "alice", password: "long enough")
        let configuration = try ChannelConfiguration.load(path: path)
        let hash = try #require(configuration.passwords["alice"])
        #expect(Bcrypt.verify("long enough", hash: hash))
    }
}

@Suite struct PinTests {
    @Test func aPinnedMessageBecomesANoteOfTheOpenIncident() async throws {
        let backend = MemoryBackend()
        let sink = TranscriptSink()
        let admin = try Session(backend: backend, settings: SessionSettings(user: "admin"), sink: sink)
        admin.notificationOutput = { _ in }
        for line in [
            "@aws ssm-incidents create-replication-set --regions us-east-1={}",
            #"@aws ssm-incidents create-response-plan --name db --incident-template '{"title":"DB down","impact":2}'"#,
            "@aws ssm-incidents start-incident --response-plan-arn arn:aws:ssm-incidents::111122223333:response-plan/db",
        ] {
            #expect(await admin.runMessage(line, origin: .chat) == .ok, "\(sink.transcript)")
        }
        let channel = try await makeChannel(backend: backend)
        let text = #"it's the <disk> & `raid` <https://x|y>"#
        #expect(await channel.receive(text, from: "alice", now: Date(timeIntervalSince1970: 1_795_514_400)) == .posted)
        let seq = await channel.room.lastSequence

        // bob may only read: his pin is denied, to him alone.
        let denied = await channel.pin(seq, by: "bob")
        guard case .privately(let why) = denied else { Issue.record("\(denied)"); return }
        #expect(why.contains("AccessDenied"), "\(why)")

        // Only a responder's words can be pinned.
        #expect(await channel.receive("@aws ssm-incidents list-incident-records", from: "alice") == .posted)
        guard case .refused = await channel.pin(seq + 2, by: "alice") else { Issue.record("a result was pinned"); return }

        #expect(await channel.pin(seq, by: "alice") == .posted)
        #expect(await admin.runMessage("@aws ssm-incidents list-incident-records --query 'incidentRecordSummaries[0].arn' --output text",
                                       origin: .chat) == .ok)
        let arn = String(sink.transcript.split(separator: "\n").last ?? "")
        #expect(await admin.runMessage("@aws ssm-incidents list-timeline-events --incident-record-arn \(arn) "
            + "--filters '[{\"key\":\"eventType\",\"condition\":{\"equals\":{\"stringValues\":[\"Note\"]}}}]' "
            + "--query 'eventSummaries[0].eventId' --output text", origin: .chat) == .ok, "\(sink.transcript)")
        let eventId = String(sink.transcript.split(separator: "\n").last ?? "")
        #expect(await admin.runMessage("@aws ssm-incidents get-timeline-event --incident-record-arn \(arn) --event-id \(eventId) "
            + "--query 'event.[eventData, eventTime]' --output json", origin: .chat) == .ok, "\(sink.transcript)")
        let shown = sink.transcript
        #expect(shown.contains(#"\"alice: it's the <disk> & `raid` <https://x|y>\""#), "\(shown)")
        #expect(shown.contains("2026-11-"), "the note has the message's time: \(shown)")

        // The panel: the open incident, its events (the start and the Note) in time order.
        let panel = try JSONValue(parsing: await channel.incidentFrame())
        #expect(panel["incident"]?["title"]?.string == "DB down" && panel["incident"]?["status"]?.string == "OPEN", "\(panel)")
        #expect(panel["events"]?.array?.compactMap { $0["type"]?.string }.contains("Note") == true, "\(panel)")
    }
}

@Suite struct PanelTests {
    /// The panel names who was paged, through which stage, and who accepted;
    /// its picture marks the page and the acceptance.
    @Test func thePanelShowsWhoWasPagedAndWhoAccepted() async throws {
        let clock = FixedWallClock(Date(timeIntervalSince1970: 1_795_514_400))
        let backend = MemoryBackend(clock: clock)
        let context = CallContext(user: "admin")
        func call(_ operation: OperationName, _ input: OrderedDictionary<String, Value>) async throws -> Value {
            try await backend.send(Request(operation, input: input), context: context)
        }
        _ = try await call(.incidents(.createReplicationSet), ["regions": .map(["us-east-1": .structure([:])])])
        let olive = try await call(.contacts(.createContact), ["Alias": .string("olive"), "DisplayName": .string("Olive Oncall"), "Type": .string("PERSONAL"),
                                                               "Plan": .structure(["Stages": .list([])])])["ContactArn"]!
        let mail = try await call(.contacts(.createContactChannel), [
            "ContactId": olive, "Name": .string("mail"), "Type": .string("EMAIL"), "DeliveryAddress": .structure(["SimpleAddress": .string("olive@example.com")]),
        ])["ContactChannelArn"]!
        let activation = try await backend.outbox(contactChannelArn: mail.string).last!.code
        _ = try await call(.contacts(.activateContactChannel), ["ContactChannelId": mail, "ActivationCode": .string(activation)])
        _ = try await call(.contacts(.updateContact), ["ContactId": olive, "Plan": .structure(["Stages": .list([.structure([
            "DurationInMinutes": .integer(0), "Targets": .list([.structure(["ChannelTargetInfo": .structure(["ContactChannelId": mail])])]),
        ])])])])
        let team = try await call(.contacts(.createContact), ["Alias": .string("team"), "DisplayName": .string("Database team"), "Type": .string("ESCALATION"),
                                                              "Plan": .structure(["Stages": .list([.structure([
            "DurationInMinutes": .integer(5), "Targets": .list([.structure(["ContactTargetInfo": .structure(["ContactId": olive, "IsEssential": .boolean(true)])])]),
        ])])])])["ContactArn"]!
        let plan = try await call(.incidents(.createResponsePlan), [
            "name": .string("db"), "incidentTemplate": .structure(["title": .string("DB down"), "impact": .integer(2)]), "engagements": .list([team]),
        ])["arn"]!
        _ = try await call(.incidents(.startIncident), ["responsePlanArn": plan])
        let channel = try await makeChannel(backend: backend)

        var panel = try JSONValue(parsing: await channel.incidentFrame())
        var paged = panel["paged"]?.array ?? []
        #expect(paged.count == 1, "\(panel)")
        #expect(paged.first?["contact"]?.string == "Olive Oncall" && paged.first?["through"]?.string == "Database team, stage 1")
        #expect(paged.first?["accepted"]?.isNull == true)
        #expect(panel["picture"]?.string?.contains("class=\"page\"") == true)
        #expect(panel["picture"]?.string?.contains("class=\"accepted\"") == false)

        // Olive accepts with the code her page carried.
        clock.advance(by: 90)
        let page = try await backend.outbox(contactChannelArn: mail.string).last!
        _ = try await call(.contacts(.acceptPage), ["PageId": .string(page.pageArn!), "AcceptType": .string("READ"),
                                                    "AcceptCode": .string(page.code)])
        panel = try JSONValue(parsing: await channel.incidentFrame())
        paged = panel["paged"]?.array ?? []
        #expect(paged.first?["accepted"]?.string?.hasPrefix("2026-11-24T10:01:30") == true, "\(paged)")
        #expect(panel["picture"]?.string?.contains("class=\"accepted\"") == true)
    }
}
