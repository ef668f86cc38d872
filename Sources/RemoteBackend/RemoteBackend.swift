import AsyncHTTPClient
import Backend
import Catalog
import Logging
import NIOCore
import NIOHTTP1
import SigV4
import Wire

import struct Foundation.Date

/// An `IncidentBackend` that sends each call, SigV4-signed, to an endpoint
/// that speaks the services' wire protocols: real AWS, or `incident-chat serve`.
///
///     let backend = try RemoteBackend.resolve(endpointURL: "http://127.0.0.1:4590", profile: nil, region: nil)
///
/// The caller is whoever the credentials belong to: the `CallContext` given to
/// `send` is not sent (the service works it out from the signature), except
/// that a principal listed in `identities` signs with its own key.
/// Throttling, 5xx answers and failed connections are retried (see
/// `RetryPolicy`); error responses come back as the service's `ServiceError`s.
public struct RemoteBackend: IncidentBackend {
    /// `nil`: each service's AWS endpoint in `region`.
    public let endpoint: Endpoint?
    public let credentials: Credentials
    /// Keys for particular callers, by principal ARN (`arn:aws:iam::111122223333:user/alice`).
    public var identities: [String: Credentials] = [:]
    public let region: String
    public let retry: RetryPolicy
    /// The deadline of one attempt, connection included.
    public let timeout: Duration
    private let client: HTTPClient
    private let logger: Logger
    /// Larger responses are refused.
    static let maxResponseSize = 32 << 20

    public init(endpoint: Endpoint?, credentials: Credentials, region: String, retry: RetryPolicy = .standard,
                timeout: Duration = .seconds(30), httpClient: HTTPClient = .shared,
                logger: Logger = Logger(label: "incident-chat.remote")) {
        self.endpoint = endpoint
        self.credentials = credentials
        self.region = region
        self.retry = retry
        self.timeout = timeout
        self.client = httpClient
        self.logger = logger
    }

    /// Failures of the configuration: a bad URL, no credentials, no region.
    public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// A backend configured the way the AWS CLI configures itself:
    /// `endpointURL` (`--endpoint-url`; `nil` for AWS itself), credentials from
    /// the environment or the shared files (`--profile`), and the region from
    /// `--region`, the environment or the profile (else `us-east-1`).
    public static func resolve(endpointURL: String?, profile: String?, region: String?,
                               environment: [String: String]? = nil, retry: RetryPolicy = .standard,
                               timeout: Duration = .seconds(30)) throws(ConfigurationError) -> RemoteBackend {
        var endpoint: Endpoint? = nil
        if let endpointURL {
            guard let parsed = Endpoint(url: endpointURL) else {
                throw ConfigurationError(message: "Invalid endpoint: \(endpointURL) (expected http:// or https:// and a host)")
            }
            endpoint = parsed
        }
        let resolver = environment.map { CredentialResolver(environment: $0) } ?? CredentialResolver()
        let credentials: Credentials
        do { credentials = try resolver.credentials(profile: profile) } catch {
            throw ConfigurationError(message: error.description)
        }
        let region = resolver.region(region, profile: profile) ?? "us-east-1"
        return RemoteBackend(endpoint: endpoint, credentials: credentials, region: region, retry: retry, timeout: timeout)
    }

    public func send(_ request: Request, context: CallContext) async throws(ServiceError) -> Value {
        let codec = Wire.codec(for: request.service)
        let operation = codec.service[request.operation]
        let wire = try codec.encodeRequest(request)
        // A call for another Region is signed for (and, on AWS, sent to) that Region.
        let region = context.region.isEmpty ? self.region : context.region
        let endpoint = self.endpoint ?? Endpoint(service: codec.service.metadata.endpointPrefix, region: region)
        let signer = Signer(credentials: identities[context.principalArn] ?? credentials, region: region,
                            service: codec.service.metadata.signingName)

        var attempt = 1
        while true {
            let outcome = await self.attempt(wire, endpoint: endpoint, signer: signer)
            switch outcome {
            case .response(let response):
                do throws(ServiceError) {
                    return try codec.decodeResponse(response, operation: operation)
                } catch {
                    guard !(200..<300).contains(response.status), attempt < retry.maxAttempts,
                          retry.isRetryable(status: response.status, code: error.name) else { throw error }
                }
            case .failure(let error):
                guard attempt < retry.maxAttempts else { throw error }
            }
            let wait = retry.delay(afterAttempt: attempt)
            logger.debug("retrying", metadata: ["operation": "\(operation.name)", "attempt": "\(attempt)", "wait": "\(wait)"])
            try? await Task.sleep(for: wait)
            if Task.isCancelled { throw ServiceError(.requestTimeout, "The call \(operation.name) was cancelled.") }
            attempt += 1
        }
    }

    private enum Outcome {
        case response(WireResponse)
        case failure(ServiceError)
    }

    /// One signed attempt.
    private func attempt(_ wire: WireRequest, endpoint: Endpoint, signer: Signer) async -> Outcome {
        let path = endpoint.basePath + wire.path
        var headers = wire.headers.fields.map { ($0.name, $0.value) }
        headers.append(("Host", endpoint.hostHeader))
        headers += signer.sign(method: wire.method, path: path, query: wire.query, headers: headers, body: wire.body, date: Date())

        var request = HTTPClientRequest(url: endpoint.url(target: wire.query.isEmpty ? wire.path : wire.path + "?" + wire.query))
        request.method = HTTPMethod(rawValue: wire.method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.headers.add(name: "User-Agent", value: "incident-chat")
        if !wire.body.isEmpty {
            request.body = .bytes(ByteBuffer(bytes: wire.body))
            request.headers.replaceOrAdd(name: "Content-Length", value: String(wire.body.count))
        }
        let deadline = NIODeadline.now() + TimeAmount.nanoseconds(
            timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000)
        do {
            let response = try await client.execute(request, deadline: deadline)
            let body = try await response.body.collect(upTo: Self.maxResponseSize)
            var responseHeaders = HTTPHeaders()
            for header in response.headers { responseHeaders.add(header.name, header.value) }
            return .response(WireResponse(status: Int(response.status.code), headers: responseHeaders, body: Array(buffer: body)))
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            return .failure(ServiceError(.requestTimeout, "No answer from \(endpoint.url(target: "")) within \(timeout)."))
        } catch {
            return .failure(ServiceError(ServiceError.Code(name: "EndpointConnectionError", httpStatus: 0),
                                         "Could not connect to the endpoint URL: \"\(endpoint.url(target: wire.path))\" (\(error))"))
        }
    }

    /// Runs the body's commands one by one. A remote service has no
    /// transactions: a command that fails changes nothing (the service sees
    /// to that), but commands that succeeded stay done when the body throws.
    public func withBatch<T>(isolation: isolated (any Actor)?, _ body: (any IncidentBatch) async throws -> T) async throws -> T {
        try await body(RemoteBatch(backend: self))
    }
}

/// The commands of a remote "batch": plain calls.
struct RemoteBatch: IncidentBatch {
    let backend: RemoteBackend
    func send(_ request: Request, context: CallContext) async throws(ServiceError) -> Value {
        try await backend.send(request, context: context)
    }
}
