import Foundation

/// An error as the service reports it: its name (`ResourceNotFoundException`),
/// its HTTP status, a message and the optional members of the error shape.
public struct ServiceError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: Code
    public var message: String
    /// The resource the error is about (an ARN or a name), when there is one.
    public var resourceIdentifier: String?
    /// `RESPONSE_PLAN`, `INCIDENT_RECORD`, `TIMELINE_EVENT`, `REPLICATION_SET`, `RESOURCE_POLICY`.
    public var resourceType: String?
    /// For quota and throttling errors.
    public var quotaCode: String?
    public var serviceCode: String?
    public var retryAfter: Date?

    public init(_ code: Code, _ message: String, resourceIdentifier: String? = nil,
                resourceType: String? = nil, quotaCode: String? = nil,
                serviceCode: String? = nil, retryAfter: Date? = nil) {
        self.code = code
        self.message = message
        self.resourceIdentifier = resourceIdentifier
        self.resourceType = resourceType
        self.quotaCode = quotaCode
        self.serviceCode = serviceCode
        self.retryAfter = retryAfter
    }

    /// The service's error name, `ConflictException`.
    public var name: String { code.name }
    public var httpStatus: Int { code.httpStatus }

    /// `An error occurred (ConflictException): ...`, as the AWS CLI words it.
    public var description: String { "\(name): \(message)" }

    /// The error's members in the error shape's order (for renderers and the server).
    public var members: [(name: String, value: String)] {
        var out: [(String, String)] = [("message", message)]
        if let quotaCode { out.append(("quotaCode", quotaCode)) }
        if let resourceIdentifier { out.append(("resourceIdentifier", resourceIdentifier)) }
        if let resourceType { out.append(("resourceType", resourceType)) }
        if let serviceCode { out.append(("serviceCode", serviceCode)) }
        return out
    }
}

extension ServiceError {
    /// An error name and the HTTP status the service answers with. Open, so that
    /// ssm-contacts can add its own names.
    public struct Code: Sendable, Hashable {
        public var name: String
        public var httpStatus: Int
        public init(name: String, httpStatus: Int) {
            self.name = name
            self.httpStatus = httpStatus
        }

        public static let validation = Code(name: "ValidationException", httpStatus: 400)
        public static let accessDenied = Code(name: "AccessDeniedException", httpStatus: 403)
        public static let resourceNotFound = Code(name: "ResourceNotFoundException", httpStatus: 404)
        public static let conflict = Code(name: "ConflictException", httpStatus: 409)
        public static let serviceQuotaExceeded = Code(name: "ServiceQuotaExceededException", httpStatus: 402)
        public static let throttling = Code(name: "ThrottlingException", httpStatus: 429)
        public static let internalServer = Code(name: "InternalServerException", httpStatus: 500)
        public static let unknownOperation = Code(name: "UnknownOperationException", httpStatus: 404)
    }
}

extension ServiceError {
    static func validation(_ message: String) -> ServiceError { ServiceError(.validation, message) }
    static func notFound(_ type: ResourceKind, _ id: String, _ message: String) -> ServiceError {
        ServiceError(.resourceNotFound, message, resourceIdentifier: id, resourceType: type.rawValue)
    }
    static func conflict(_ type: ResourceKind, _ id: String, _ message: String) -> ServiceError {
        ServiceError(.conflict, message, resourceIdentifier: id, resourceType: type.rawValue)
    }
    /// A failure of the store itself (read-only, locked, full, corrupt, ...).
    public static func store(_ message: String) -> ServiceError { ServiceError(.internalServer, message) }
}

/// The resource types the service names in its errors.
enum ResourceKind: String {
    case responsePlan = "RESPONSE_PLAN"
    case incidentRecord = "INCIDENT_RECORD"
    case timelineEvent = "TIMELINE_EVENT"
    case replicationSet = "REPLICATION_SET"
    case resourcePolicy = "RESOURCE_POLICY"
}
