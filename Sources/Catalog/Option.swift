/// A command-line option of an operation, as the AWS CLI forms it from a
/// top-level input member: `--incident-record-arn`. A boolean member gives two
/// flags, `--x` and `--no-x`, that take no value.
public struct Option: Sendable, Hashable {
    /// How an option takes its value.
    public enum Form: Sendable, Hashable {
        /// `--name VALUE` (one or more words, per the member's shape).
        case value
        /// A boolean flag that sets the member to this value.
        case flag(Bool)
    }

    /// The name without dashes, `incident-record-arn`, `no-deletion-protected`.
    public let name: String
    /// The member's position in the input shape's `members`.
    public let member: Int
    /// The member's API name, `incidentRecordArn`.
    public let memberName: String
    public let shape: ShapeID
    public let form: Form
    /// Required on the command line: required by the model and not an idempotency
    /// token. For a required boolean only the positive flag says so, as in the
    /// AWS CLI; check required members by `memberName`, which either flag sets.
    public let isRequired: Bool
    /// Left out of help, as the AWS CLI does for a paginated operation's token and page size.
    public let isHidden: Bool

    public init(name: String, member: Int, memberName: String, shape: ShapeID,
                form: Form, isRequired: Bool, isHidden: Bool) {
        self.name = name
        self.member = member
        self.memberName = memberName
        self.shape = shape
        self.form = form
        self.isRequired = isRequired
        self.isHidden = isHidden
    }
}
