import Backend
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import ServiceLifecycle

/// The emulator server: Incident Manager's wire protocols over any backend,
/// so that the AWS CLI and SDKs work against it with `--endpoint-url`.
///
///     let server = IncidentServer(backend: backend, configuration: ServerConfiguration())
///     try await server.run()                   // until SIGTERM or SIGINT
///
///     let running = try await server.start()   // tests: in the background
///     running.port ...
///     await running.stop()
///
/// Shutdown is graceful: the listener closes, requests in flight finish, then
/// `run()` returns and the caller releases the backend (which closes the store).
public struct IncidentServer: Sendable {
    public let backend: any IncidentBackend
    public let configuration: ServerConfiguration
    public let logger: Logger

    public init(backend: any IncidentBackend, configuration: ServerConfiguration = ServerConfiguration(),
                logger: Logger = Logger(label: "incident-chat.server")) {
        self.backend = backend
        self.configuration = configuration
        self.logger = logger
    }

    /// Serves until SIGTERM or SIGINT, then shuts down gracefully.
    /// `onListening` gets the bound port once the server accepts connections.
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let app = makeApplication(onListening: onListening)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint],
                                                      logger: logger))
        try await group.run()
    }

    /// Starts serving in the background and returns once the server listens.
    public func start() async throws -> RunningServer {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = makeApplication { port in
            continuation.yield(port)
            continuation.finish()
        }
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let task = Task {
            do { try await group.run() } catch { logger.error("server stopped", metadata: ["error": "\(error)"]) }
            continuation.finish()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            throw StartFailure(message: "the server could not listen on \(configuration.host):\(configuration.port)")
        }
        return RunningServer(port: port, group: group, task: task)
    }

    public struct StartFailure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    private func makeApplication(onListening: @escaping @Sendable (Int) async -> Void) -> some Service {
        let responder = WireResponder(backend: backend, configuration: configuration, logger: logger)
        let headerTimeout = TimeAmount.nanoseconds(Int64(configuration.headerTimeout.components.seconds) * 1_000_000_000
            + configuration.headerTimeout.components.attoseconds / 1_000_000_000)
        var http = HTTP1Channel.Configuration(
            additionalChannelHandlers: [HeaderTimeoutHandler(timeout: headerTimeout)],
            idleTimeout: .seconds(configuration.idleTimeout.components.seconds))
        http.httpDecoder = .init(maxHeaderFieldSize: configuration.maxHeaderSize,
                                 maxHeaderListSize: configuration.maxHeaderSize, maxHeaderFieldCount: 200)
        // Quiet Hummingbird's own logger; our responder logs each request.
        var appLogger = logger
        appLogger.logLevel = max(logger.logLevel, .warning)
        let routes = configuration.webSocketRoutes
        let server: HTTPServerBuilder = routes.isEmpty ? .http1(configuration: http) : .http1WebSocketUpgrade(
            configuration: .init(http1: http, ws: .init(maxFrameSize: configuration.maxWebSocketFrameSize))) { head, _, _ in
            let (path, query) = WireResponder.split(head.path ?? "/")
            guard head.method == .get, let route = routes.first(where: { $0.path == path }) else { return .dontUpgrade }
            var headers = head.headerFields.map { (name: $0.name.rawName, value: $0.value) }
            if let authority = head.authority { headers.append((name: "Host", value: authority)) }
            let request = EndpointRequest(method: "GET", path: path, query: query, headers: headers, body: [])
            guard let handler = await route.accept(request) else { return .dontUpgrade }
            return .upgrade([:], handler)
        }
        return Application(
            responder: responder,
            server: server,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port),
                                                    serverName: "IncidentChat"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: appLogger)
    }
}

/// A server started with `IncidentServer.start()`.
public struct RunningServer: Sendable {
    /// The port the server listens on.
    public let port: Int
    let group: ServiceGroup
    let task: Task<Void, Never>

    /// Stops accepting connections, lets requests in flight finish, and waits until the server is down.
    public func stop() async {
        await group.triggerGracefulShutdown()
        await task.value
    }
}
