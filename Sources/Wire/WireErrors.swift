import Backend

/// The errors the protocols themselves answer with, before a request reaches a
/// backend: names and statuses as the AWS front ends send them.
extension ServiceError.Code {
    /// Malformed JSON or a value of the wrong type (JSON 1.1).
    public static let serialization = Self(name: "SerializationException", httpStatus: 400)
    /// An `X-Amz-Target` that names no operation (JSON 1.1).
    public static let unknownTarget = Self(name: "UnknownOperationException", httpStatus: 400)
    /// A path and method that name no operation (rest-json).
    public static let unknownRoute = Self(name: "UnknownOperationException", httpStatus: 404)
    public static let unsupportedMediaType = Self(name: "UnsupportedMediaTypeException", httpStatus: 415)
    public static let requestEntityTooLarge = Self(name: "RequestEntityTooLargeException", httpStatus: 413)
    public static let requestTimeout = Self(name: "RequestTimeoutException", httpStatus: 408)
    public static let methodNotAllowed = Self(name: "MethodNotAllowedException", httpStatus: 405)

    // Authentication (SigV4), all 403 as the SDKs expect.
    public static let missingAuthenticationToken = Self(name: "MissingAuthenticationTokenException", httpStatus: 403)
    public static let incompleteSignature = Self(name: "IncompleteSignatureException", httpStatus: 403)
    public static let invalidSignature = Self(name: "InvalidSignatureException", httpStatus: 403)
    public static let unrecognizedClient = Self(name: "UnrecognizedClientException", httpStatus: 403)
}
