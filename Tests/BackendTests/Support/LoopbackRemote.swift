import Backend
import Catalog
import Foundation
import Logging
import MemoryBackend
import RemoteBackend
import Server
import SigV4

/// The remote backend pointed at an in-process `incident-chat serve` on a free
/// loopback port, over a memory backend. The server starts on the first call
/// (so that `BackendKind.make()` stays synchronous) and stops when the harness
/// is released. alice and bob sign with keys of their own, so that the server
/// records them as the callers.
struct LoopbackRemoteBackend: IncidentBackend {
    let server: LoopbackServer

    func send(_ request: Request, context: CallContext) async throws(ServiceError) -> Value {
        try await server.remote().send(request, context: context)
    }

    func withBatch<T>(isolation: isolated (any Actor)?, _ body: (any IncidentBatch) async throws -> T) async throws -> T {
        try await server.remote().withBatch(isolation: isolation, body)
    }
}

actor LoopbackServer {
    let inner: any IncidentBackend
    private var running: (server: RunningServer, remote: RemoteBackend)?

    static let users = ["alice", "bob", ServerConfiguration.defaultUser]

    init(inner: any IncidentBackend) { self.inner = inner }

    func remote() async throws(ServiceError) -> RemoteBackend {
        if let running { return running.remote }
        let keys = Self.users.map {
            Verifier.Key(credentials: Credentials(accessKeyId: "AKID\($0.uppercased())", secretAccessKey: "secret-\($0)"), user: $0)
        }
        let configuration = ServerConfiguration(port: 0, accountId: Harness.account, region: "us-east-1",
                                                authentication: .sigV4(keys))
        var logger = Logger(label: "loopback")
        logger.logLevel = .warning
        let server: RunningServer
        do {
            server = try await IncidentServer(backend: inner, configuration: configuration, logger: logger).start()
        } catch {
            throw ServiceError(.internalServer, "the loopback server did not start: \(error)")
        }
        var remote = RemoteBackend(endpoint: Endpoint(url: "http://127.0.0.1:\(server.port)"),
                                   credentials: keys[2].credentials, region: "us-east-1", retry: .none)
        for key in keys {
            remote.identities["arn:aws:iam::\(Harness.account):user/\(key.user)"] = key.credentials
        }
        running = (server, remote)
        return remote
    }

    deinit {
        if let server = running?.server { Task { await server.stop() } }
    }
}

/// Escalations run on the server's clock: the wire has no operation for that,
/// so the harness drives the backend behind the server directly.
extension LoopbackRemoteBackend: TimeDriven {
    private var driver: any TimeDriven { server.inner as! any TimeDriven }

    func tick() async throws(ServiceError) -> [OutboxMessage] { try await driver.tick() }

    func advance(to date: Date) async throws(ServiceError) -> [OutboxMessage] { try await driver.advance(to: date) }

    func nextDueTime() async throws(ServiceError) -> Date? { try await driver.nextDueTime() }

    func outbox(contactChannelArn: String?, afterSeq: Int64) async throws(ServiceError) -> [OutboxMessage] {
        try await driver.outbox(contactChannelArn: contactChannelArn, afterSeq: afterSeq)
    }
}
