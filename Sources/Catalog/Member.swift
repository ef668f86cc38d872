/// A member of a structure or union: its API name, its CLI form, its shape and
/// where it travels in an HTTP request.
public struct Member: Sendable {
    /// Where a member is serialized.
    public enum Location: String, Sendable {
        case body, uri, querystring, header, headers, statusCode
    }

    /// The model's name, `incidentRecordArn`.
    public let name: String
    /// The AWS CLI's form of the name, `incident-record-arn` (botocore's `xform_name`).
    public let cliName: String
    public let shape: ShapeID
    /// Required by the model. The AWS CLI does not insist on idempotency tokens:
    /// see `Option.isRequired`.
    public let isRequired: Bool
    /// A token the AWS CLI and SDKs fill in with a fresh UUID when omitted.
    public let isIdempotencyToken: Bool
    public let location: Location
    /// The name on the wire: URI label, query key or header name.
    public let locationName: String?
    /// An explicit timestamp format for this member; it wins over the shape's.
    public let timestampFormat: TimestampFormat?
    public let isJSONValue: Bool
    public let isDeprecated: Bool
    /// A short description of our own, when we wrote one.
    public let summary: String?

    @inline(never)
    public init(
        _ name: String, cli: String, shape: Int,
        required: Bool = false, idempotencyToken: Bool = false,
        location: Location = .body, locationName: String? = nil,
        timestampFormat: TimestampFormat? = nil, jsonValue: Bool = false,
        deprecated: Bool = false, summary: String? = nil
    ) {
        self.name = name
        self.cliName = cli
        self.shape = ShapeID(shape)
        self.isRequired = required
        self.isIdempotencyToken = idempotencyToken
        self.location = location
        self.locationName = locationName
        self.timestampFormat = timestampFormat
        self.isJSONValue = jsonValue
        self.isDeprecated = deprecated
        self.summary = summary
    }
}
