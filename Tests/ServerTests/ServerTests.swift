import JSON
import AsyncHTTPClient
import Backend
import Catalog
import Foundation
import Logging
import MemoryBackend
import NIOCore
import RemoteBackend
import Server
import SigV4
import Testing
import Wire

/// A backend that answers with a scripted error a number of times, then passes on.
final class FlakyBackend: IncidentBackend, @unchecked Sendable {
    let inner = MemoryBackend()
    let lock = NSLock()
    var failures: [ServiceError]
    var calls = 0

    init(failures: [ServiceError]) { self.failures = failures }

    func send(_ request: Request, context: CallContext) async throws(ServiceError) -> Value {
        let next: ServiceError? = lock.withLock {
            calls += 1
            return failures.isEmpty ? nil : failures.removeFirst()
        }
        if let next { throw next }
        return try await inner.send(request, context: context)
    }

    func withBatch<T>(isolation: isolated (any Actor)?, _ body: (any IncidentBatch) async throws -> T) async throws -> T {
        try await inner.withBatch(isolation: isolation, body)
    }
}

@Suite("Server and remote backend")
struct ServerTests {
    static let key = Credentials(accessKeyId: "AKIDTEST", secretAccessKey: "test-secret")

    func start(_ backend: any IncidentBackend, auth: Bool = true) async throws -> RunningServer {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let configuration = ServerConfiguration(port: 0, authentication: auth ? .sigV4([.init(credentials: Self.key, user: "tester")]) : .none,
                                                maxBodySize: 4096)
        return try await IncidentServer(backend: backend, configuration: configuration, logger: logger).start()
    }

    func raw(_ port: Int, _ method: String, _ path: String, body: [UInt8] = [], headers: [(String, String)] = []) async throws
        -> (status: UInt, error: String?) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = .init(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if !body.isEmpty { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let data = try await response.body.collect(upTo: 1 << 20)
        var error = response.headers.first(name: "x-amzn-ErrorType")
        if error == nil, let json = try? JSON(reading: Array(buffer: data)), case .string(let type)? = json["__type"] { error = type }
        return (response.status.code, error)
    }

    @Test func refusesUnsignedOversizedAndUnknown() async throws {
        let server = try await start(MemoryBackend())
        #expect(try await raw(server.port, "POST", "/listResponsePlans", body: Array("{}".utf8))
                == (403, "MissingAuthenticationTokenException"))
        #expect(try await raw(server.port, "POST", "/", body: Array("{}".utf8), headers: [("X-Amz-Target", "SSMContacts.ListContacts")])
                == (403, "MissingAuthenticationTokenException"))
        #expect(try await raw(server.port, "POST", "/listResponsePlans", body: [UInt8](repeating: 0x20, count: 5000))
                == (413, "RequestEntityTooLargeException"))
        await server.stop()

        let open = try await start(MemoryBackend(), auth: false)
        #expect(try await raw(open.port, "GET", "/nothing/here") == (404, "UnknownOperationException"))
        #expect(try await raw(open.port, "POST", "/listResponsePlans", body: Array("{}".utf8)).status == 200)
        await open.stop()
    }

    @Test func remoteBackendSignsAndMapsErrors() async throws {
        let server = try await start(MemoryBackend())
        let remote = RemoteBackend(endpoint: Endpoint(url: "http://127.0.0.1:\(server.port)"), credentials: Self.key,
                                   region: "us-east-1", retry: .none)
        let context = CallContext(user: "ignored")
        _ = try await remote.send(Request(.incidents(.createReplicationSet),
                                          input: ["regions": .map(["us-east-1": .structure([:])])]), context: context)
        do {
            _ = try await remote.send(Request(.incidents(.getResponsePlan),
                                              input: ["arn": .string("arn:aws:ssm-incidents::111122223333:response-plan/none")]),
                                      context: context)
            Issue.record("a missing plan was found")
        } catch {
            #expect(error.code == .resourceNotFound)
            #expect(error.resourceType == "RESPONSE_PLAN")
        }
        let stranger = RemoteBackend(endpoint: Endpoint(url: "http://127.0.0.1:\(server.port)"),
                                     credentials: Credentials(accessKeyId: "AKIDTEST", secretAccessKey: "guess"), region: "us-east-1")
        do {
            _ = try await stranger.send(Request(.incidents(.listResponsePlans)), context: context)
            Issue.record("a wrong secret was accepted")
        } catch {
            #expect(error.name == "InvalidSignatureException" && error.httpStatus == 403)
        }
        await server.stop()
    }

    @Test func remoteBackendRetriesThrottlingAndServerErrors() async throws {
        let flaky = FlakyBackend(failures: [ServiceError(.throttling, "slow down"), ServiceError(.internalServer, "oops")])
        let server = try await start(flaky)
        let remote = RemoteBackend(endpoint: Endpoint(url: "http://127.0.0.1:\(server.port)"), credentials: Self.key,
                                   region: "us-east-1", retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(5)))
        _ = try await remote.send(Request(.incidents(.listResponsePlans)), context: CallContext(user: "x"))
        #expect(flaky.calls == 3)

        // Client errors are not retried.
        let refusing = FlakyBackend(failures: [ServiceError(.conflict, "no")])
        let second = try await start(refusing)
        let once = RemoteBackend(endpoint: Endpoint(url: "http://127.0.0.1:\(second.port)"), credentials: Self.key,
                                 region: "us-east-1", retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(5)))
        await #expect(throws: ServiceError.self) {
            _ = try await once.send(Request(.incidents(.listResponsePlans)), context: CallContext(user: "x"))
        }
        #expect(refusing.calls == 1)
        await server.stop()
        await second.stop()
    }

    @Test func retryDelaysGrowAndStayCapped() {
        let policy = RetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(100), maxDelay: .seconds(1))
        #expect(policy.delay(afterAttempt: 1, random: 1) == .milliseconds(100))
        #expect(policy.delay(afterAttempt: 3, random: 1) == .milliseconds(400))
        #expect(policy.delay(afterAttempt: 10, random: 1) == .seconds(1))
        #expect(policy.delay(afterAttempt: 3, random: 0) == .zero)
        #expect(policy.isRetryable(status: 400, code: "ThrottlingException"))
        #expect(policy.isRetryable(status: 503, code: "ServiceUnavailable"))
        #expect(!policy.isRetryable(status: 409, code: "ConflictException"))
    }

    @Test func unreachableEndpointIsAnError() async throws {
        let remote = RemoteBackend(endpoint: Endpoint(url: "http://127.0.0.1:1"), credentials: Self.key, region: "us-east-1",
                                   retry: .none, timeout: .seconds(5))
        do {
            _ = try await remote.send(Request(.incidents(.listResponsePlans)), context: CallContext(user: "x"))
            Issue.record("port 1 answered")
        } catch {
            #expect(error.name == "EndpointConnectionError")
        }
        #expect(Endpoint(url: "ftp://x") == nil)
        #expect(Endpoint(url: "https://ssm-incidents.us-east-1.amazonaws.com:443/")?.hostHeader == "ssm-incidents.us-east-1.amazonaws.com")
    }
}
