import Backend
import Catalog
import Text

/// Finds the service and operation a request addresses, from the catalog's
/// HTTP bindings: `POST /` with `X-Amz-Target` for JSON 1.1 services, the
/// method and path for rest-json ones.
public struct WireRouter: Sendable {
    /// A matched request.
    public struct Route: Sendable {
        public let codec: any WireCodec
        public let operation: Operation
        /// Decoded URI labels.
        public let labels: [String: String]
    }

    private let restJSON: RestJSONCodec
    private let jsonRPC: JSONRPCCodec
    /// Label-free routes by `METHOD path`, the common case, in one lookup.
    private let literalRoutes: [String: Operation]

    public init(catalog: Catalog = .shared) {
        restJSON = RestJSONCodec(service: catalog[.incidents])
        jsonRPC = JSONRPCCodec(service: catalog[.contacts])
        var literal: [String: Operation] = [:]
        for operation in restJSON.service.operations where URITemplate(operation.http.requestURI).isLiteral {
            literal[operation.http.method + " " + operation.http.requestURI] = operation
        }
        literalRoutes = literal
    }

    /// The codec whose error format a request expects, even one that matches no
    /// operation: JSON 1.1 for `POST /` or an `X-Amz-Target`, rest-json otherwise.
    public func codec(for request: WireRequest) -> any WireCodec {
        request.headers["X-Amz-Target"] != nil || request.path == "/" ? jsonRPC : restJSON
    }

    /// The codec of a service by its signing name (`ssm-incidents`).
    public func codec(signingName: String) -> (any WireCodec)? {
        if signingName == restJSON.service.metadata.signingName { return restJSON }
        if signingName == jsonRPC.service.metadata.signingName { return jsonRPC }
        return nil
    }

    /// The route of a request, or the error the service answers: an unknown
    /// target or path, or a path with `.`/`..` segments (never resolved).
    public func route(_ request: WireRequest) throws(ServiceError) -> Route {
        if request.headers["X-Amz-Target"] != nil || request.path == "/" {
            guard request.method == "POST" else {
                throw ServiceError(.unknownTarget, "JSON 1.1 calls are POST requests to /; this was \(request.method).")
            }
            let operation = try jsonRPC.operation(forTarget: request.headers["X-Amz-Target"])
            return Route(codec: jsonRPC, operation: operation, labels: [:])
        }
        if let operation = literalRoutes[request.method + " " + request.path] {
            return Route(codec: restJSON, operation: operation, labels: [:])
        }
        let segments = request.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard request.path.hasPrefix("/") else {
            throw ServiceError(.unknownRoute, "The path \(request.path) does not start with '/'.")
        }
        for segment in segments {
            let decoded = PercentEncoding.decode(segment) ?? ""
            if decoded == "." || decoded == ".." || segment == "." || segment == ".." {
                throw ServiceError(.validation, "The path \(request.path) has '.' or '..' segments; paths are never resolved.")
            }
        }
        let parts = Array(segments.filter { !$0.isEmpty })
        if let (operation, labels) = restJSON.match(method: request.method, segments: parts) {
            return Route(codec: restJSON, operation: operation, labels: labels)
        }
        if restJSON.pathExists(segments: parts) {
            throw ServiceError(.unknownRoute, "No operation answers \(request.method) on \(request.path).")
        }
        throw ServiceError(.unknownRoute, "No operation has the path \(request.path).")
    }
}
