/// The errors of ssm-contacts, with the members its error shapes carry
/// (`ResourceId`, `ResourceType`, `Reason`, `Fields`).
enum ContactsError {
    /// The resource types ssm-contacts names in its errors.
    enum Resource: String {
        case contact = "CONTACT"
        case contactChannel = "CONTACT_CHANNEL"
        case engagement = "ENGAGEMENT"
        case page = "PAGE"
        case rotation = "ROTATION"
        case rotationOverride = "ROTATION_OVERRIDE"
        case resource = "RESOURCE"
    }

    static func notFound(_ type: Resource, _ id: String, _ message: String) -> ServiceError {
        ServiceError(.resourceNotFound, message, resourceIdentifier: id, resourceType: type.rawValue, service: .contacts)
    }

    static func conflict(_ type: Resource, _ id: String, _ message: String) -> ServiceError {
        ServiceError(.conflict, message, resourceIdentifier: id, resourceType: type.rawValue, service: .contacts)
    }

    /// A member whose value the service can't accept.
    static func invalid(_ field: String, _ message: String) -> ServiceError {
        ServiceError(.validation, message, reason: "FIELD_VALIDATION_FAILED",
                     fields: [ServiceError.Field(name: field, message: message)], service: .contacts)
    }

    /// A request that is wrong as a whole rather than in one member.
    static func other(_ message: String) -> ServiceError {
        ServiceError(.validation, message, reason: "OTHER", service: .contacts)
    }

    static func quota(_ message: String, code: String, resource: Resource? = nil, id: String? = nil) -> ServiceError {
        ServiceError(.serviceQuotaExceeded, message, resourceIdentifier: id, resourceType: resource?.rawValue,
                     quotaCode: code, serviceCode: "ssm-contacts", service: .contacts)
    }
}

extension ServiceError {
    /// This error as ssm-contacts reports it (the engine's shared helpers
    /// raise errors in the ssm-incidents form).
    func asContactsError() -> ServiceError {
        var error = self
        error.service = .contacts
        if error.code == .validation, error.reason == nil { error.reason = "FIELD_VALIDATION_FAILED" }
        return error
    }
}
