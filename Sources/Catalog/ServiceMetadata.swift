/// What a client needs to address and sign requests to a service.
public struct ServiceMetadata: Sendable, Hashable {
    /// The wire protocols of our two services.
    public enum WireProtocol: String, Sendable {
        /// REST with JSON bodies (ssm-incidents).
        case restJSON = "rest-json"
        /// JSON 1.1 RPC: `POST /` with `X-Amz-Target: prefix.Operation` (ssm-contacts).
        case json
    }

    public let apiVersion: String
    public let endpointPrefix: String
    public let signingName: String
    public let `protocol`: WireProtocol
    public let serviceID: String
    public let serviceFullName: String
    public let signatureVersion: String
    /// `1.1` gives the content type `application/x-amz-json-1.1`.
    public let jsonVersion: String?
    /// The `X-Amz-Target` prefix of JSON 1.1 services, `SSMContacts`.
    public let targetPrefix: String?
    public let uid: String?

    public init(apiVersion: String, endpointPrefix: String, signingName: String, protocol: WireProtocol,
                serviceID: String, serviceFullName: String, signatureVersion: String,
                jsonVersion: String? = nil, targetPrefix: String? = nil, uid: String? = nil) {
        self.apiVersion = apiVersion
        self.endpointPrefix = endpointPrefix
        self.signingName = signingName
        self.protocol = `protocol`
        self.serviceID = serviceID
        self.serviceFullName = serviceFullName
        self.signatureVersion = signatureVersion
        self.jsonVersion = jsonVersion
        self.targetPrefix = targetPrefix
        self.uid = uid
    }

    /// The `X-Amz-Target` header of an operation, for JSON 1.1.
    public func target(of operation: String) -> String? {
        targetPrefix.map { "\($0).\(operation)" }
    }
}
