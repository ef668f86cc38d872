import Backend
import Catalog
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import SigV4
import Wire

import struct Foundation.Date
import struct Foundation.UUID

/// Answers every HTTP request of the emulator: reads the body within the
/// limits, checks the signature, routes by the catalog's bindings, decodes,
/// runs the call on the backend and encodes the answer, in the protocol the
/// request spoke. Nothing a client sends can make it throw: every failure
/// becomes the error response the service would send.
struct WireResponder: HTTPResponder {
    typealias Context = WireRequestContext

    let backend: any IncidentBackend
    let configuration: ServerConfiguration
    let router: WireRouter
    let verifier: Verifier?
    /// Users by access key, for `--no-auth` calls that name a known key.
    let usersByKey: [String: String]
    let logger: Logger

    init(backend: any IncidentBackend, configuration: ServerConfiguration, logger: Logger) {
        self.backend = backend
        self.configuration = configuration
        self.router = WireRouter()
        self.logger = logger
        switch configuration.authentication {
        case .sigV4(let keys):
            verifier = Verifier(keys: keys, region: nil,
                                services: Set(Catalog.shared.services.map(\.metadata.signingName)),
                                maxSkew: Double(configuration.maxClockSkew.components.seconds))
            usersByKey = Dictionary(keys.map { ($0.credentials.accessKeyId, $0.user) }, uniquingKeysWith: { a, _ in a })
        case .none:
            verifier = nil
            usersByKey = [:]
        }
    }

    func respond(to request: Request, context: Context) async throws -> Response {
        let started = ContinuousClock.now
        let requestID = UUID().uuidString.lowercased()
        let (path, query) = Self.split(request.head.path ?? "/")
        var headers = HTTPHeaders()
        // HTTPTypes keeps `Host` apart, as the authority.
        if let authority = request.head.authority { headers.add("host", authority) }
        for field in request.headers { headers.add(field.name.rawName, field.value) }
        var wire = WireRequest(method: request.method.rawValue, path: path, query: query, headers: headers)
        var log = RequestLog(requestID: requestID, method: wire.method, path: path)

        let outcome = await handle(request, channel: context.channel, &wire, &log)
        var response = outcome
        response.headers["x-amzn-RequestId"] = requestID
        log.status = response.status
        log.duration = ContinuousClock.now - started
        log.emit(to: logger)
        return Self.hummingbirdResponse(response)
    }

    /// The whole exchange, as wire values.
    private func handle(_ request: Request, channel: any Channel, _ wire: inout WireRequest, _ log: inout RequestLog) async -> WireResponse {
        let codec = router.codec(for: wire)
        func fail(_ error: ServiceError) -> WireResponse {
            log.error = error.name
            return codec.encodeError(error)
        }

        // The body, within the size limit and the request deadline.
        if let length = wire.headers["Content-Length"].flatMap(Int.init), length > configuration.maxBodySize {
            return fail(ServiceError(.requestEntityTooLarge, "The request body has \(length) bytes; at most \(configuration.maxBodySize) are accepted."))
        }
        // A body that has not arrived by the deadline closes the connection
        // (a timer on its event loop: no task per request).
        let expired = ManagedAtomicFlag()
        let deadline = channel.eventLoop.scheduleTask(in: Self.timeAmount(configuration.requestTimeout)) {
            expired.set()
            channel.close(promise: nil)
        }
        do {
            let buffer = try await request.body.collect(upTo: configuration.maxBodySize)
            deadline.cancel()
            wire.body = Array(buffer: buffer)
        } catch is NIOTooManyBytesError {
            deadline.cancel()
            return fail(ServiceError(.requestEntityTooLarge, "The request body is larger than \(configuration.maxBodySize) bytes."))
        } catch {
            deadline.cancel()
            if expired.isSet {
                return fail(ServiceError(.requestTimeout, "The request body did not arrive within \(configuration.requestTimeout)."))
            }
            return fail(ServiceError(.validation, "The request body could not be read: \(error)."))
        }

        // A connector's route checks its own callers.
        if let endpoint = configuration.endpoints.first(where: { $0.method == wire.method && $0.path == wire.path }) {
            log.operation = endpoint.name
            let answer = await endpoint.respond(to: EndpointRequest(method: wire.method, path: wire.path, query: wire.query,
                                                                    headers: wire.headers.map { (name: $0.name, value: $0.value) },
                                                                    body: wire.body))
            return WireResponse(status: answer.status, headers: HTTPHeaders(answer.headers.map { ($0.name, $0.value) }), body: answer.body)
        }

        // Who calls.
        let user: String
        var region = configuration.region
        var signedService: String? = nil
        if let verifier {
            do {
                let identity = try verifier.verify(method: wire.method, path: wire.path, query: wire.query,
                                                   headers: wire.headers.fields.map { ($0.name, $0.value) }, body: wire.body)
                user = identity.user
                region = identity.region
                signedService = identity.service
            } catch {
                return fail(ServiceError(ServiceError.Code(name: error.name, httpStatus: error.httpStatus), error.message))
            }
        } else {
            user = Self.claimedAccessKey(wire.headers["Authorization"]).flatMap { usersByKey[$0] } ?? ServerConfiguration.defaultUser
        }
        log.user = user

        // What it calls.
        let route: WireRouter.Route
        do { route = try router.route(wire) } catch { return fail(error) }
        log.operation = route.operation.name
        if let signedService, signedService != route.codec.service.metadata.signingName {
            return route.codec.encodeError(ServiceError(.invalidSignature,
                "Credential should be scoped to correct service: '\(route.codec.service.metadata.signingName)', not '\(signedService)'."))
        }
        let call: CallRequest
        do {
            call = try route.codec.decodeRequest(wire, operation: route.operation, labels: route.labels)
        } catch {
            log.error = error.name
            return route.codec.encodeError(error)
        }

        // The call itself.
        let context = CallContext(accountId: configuration.accountId, region: region,
                                  principalArn: "arn:aws:iam::\(configuration.accountId):user/\(user)")
        do {
            let output = try await backend.send(call, context: context)
            return route.codec.encodeResponse(output, operation: route.operation)
        } catch {
            log.error = error.name
            return route.codec.encodeError(error)
        }
    }

    /// The access key an `Authorization` header names, unverified.
    static func claimedAccessKey(_ authorization: String?) -> String? {
        guard let authorization, let range = authorization.range(of: "Credential=") else { return nil }
        let rest = authorization[range.upperBound...]
        return rest.split(separator: "/", maxSplits: 1).first.map(String.init)
    }

    static func split(_ target: String) -> (path: String, query: String) {
        guard let mark = target.firstIndex(of: "?") else { return (target, "") }
        return (String(target[..<mark]), String(target[target.index(after: mark)...]))
    }

    static func hummingbirdResponse(_ response: WireResponse) -> Response {
        var fields = HTTPFields()
        for (name, value) in response.headers {
            if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
        }
        if response.body.isEmpty {
            return Response(status: HTTPResponse.Status(code: response.status), headers: fields)
        }
        fields[.contentLength] = String(response.body.count)
        return Response(status: HTTPResponse.Status(code: response.status), headers: fields,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: response.body)))
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        .nanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }
}
