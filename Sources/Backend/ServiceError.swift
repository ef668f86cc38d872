import Catalog
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
    /// Why a `ValidationException` of ssm-contacts was raised: `FIELD_VALIDATION_FAILED`, `OTHER`, ...
    public var reason: String?
    /// The members a `ValidationException` of ssm-contacts is about, each with what is wrong.
    public var fields: [Field]
    /// The service that answered: its error shapes name their members differently
    /// (`resourceIdentifier` in ssm-incidents, `ResourceId` in ssm-contacts).
    public var service: ServiceName

    public init(_ code: Code, _ message: String, resourceIdentifier: String? = nil,
                resourceType: String? = nil, quotaCode: String? = nil,
                serviceCode: String? = nil, retryAfter: Date? = nil,
                reason: String? = nil, fields: [Field] = [], service: ServiceName = .incidents) {
        self.code = code
        self.message = message
        self.resourceIdentifier = resourceIdentifier
        self.resourceType = resourceType
        self.quotaCode = quotaCode
        self.serviceCode = serviceCode
        self.retryAfter = retryAfter
        self.reason = reason
        self.fields = fields
        self.service = service
    }

    /// One member named by a `ValidationException` (the `ValidationExceptionField` shape).
    public struct Field: Sendable, Hashable {
        public var name: String
        public var message: String
        public init(name: String, message: String) {
            self.name = name
            self.message = message
        }
    }

    /// The service's error name, `ConflictException`.
    public var name: String { code.name }
    /// The HTTP status. ssm-contacts speaks the JSON protocol and its model gives
    /// no statuses: every client error is 400 there, a fault 500.
    public var httpStatus: Int {
        guard service == .contacts else { return code.httpStatus }
        return code.httpStatus >= 500 ? code.httpStatus : 400
    }

    /// `An error occurred (ConflictException): ...`, as the AWS CLI words it.
    public var description: String { "\(name): \(message)" }

    /// The error's string members in the error shape's order (for renderers and
    /// the server). `Fields` of ssm-contacts is a list: see ``fields``.
    public var members: [(name: String, value: String)] {
        if service == .contacts {
            var out: [(String, String)] = [("Message", message)]
            if let resourceIdentifier { out.append(("ResourceId", resourceIdentifier)) }
            if let resourceType { out.append(("ResourceType", resourceType)) }
            if let quotaCode { out.append(("QuotaCode", quotaCode)) }
            if let serviceCode { out.append(("ServiceCode", serviceCode)) }
            if let reason { out.append(("Reason", reason)) }
            return out
        }
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
        /// ssm-contacts: the key that encrypts a contact's data could not be used.
        public static let dataEncryption = Code(name: "DataEncryptionException", httpStatus: 400)
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
