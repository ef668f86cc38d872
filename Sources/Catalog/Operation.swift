/// One operation of a service: names, HTTP binding, input and output shapes,
/// errors, paginator, and the command-line options of its input.
public final class Operation: Sendable {
    /// The typed identifier, `.incidents(.createTimelineEvent)`.
    public let id: OperationName
    /// The API name, `CreateTimelineEvent`.
    public let name: String
    /// The AWS CLI's name, `create-timeline-event`.
    public let cliName: String
    /// Our one-line description.
    public let summary: String
    public let http: HTTPBinding
    public let input: ShapeID?
    public let output: ShapeID?
    /// The errors the model lists, in model order.
    public let errors: [ErrorShape]
    public let isIdempotent: Bool
    public let isDeprecated: Bool
    public let paginator: Paginator?
    /// The options of the input members, in model order (`--x` before `--no-x`).
    public let options: [Option]
    /// The option names (without dashes), aligned with `options`.
    public let optionNames: NameTable

    @inline(never)
    public init(
        _ id: OperationName, cli: String, summary: String, http: HTTPBinding,
        input: Int? = nil, output: Int? = nil, errors: [ErrorShape] = [],
        idempotent: Bool = false, deprecated: Bool = false, paginator: Paginator? = nil,
        shapes: [Shape]
    ) {
        self.id = id
        self.name = id.name
        self.cliName = cli
        self.summary = summary
        self.http = http
        self.input = input.map(ShapeID.init)
        self.output = output.map(ShapeID.init)
        self.errors = errors
        self.isIdempotent = idempotent
        self.isDeprecated = deprecated
        self.paginator = paginator
        self.options = Self.options(input: input.map { shapes[$0] }, paginator: paginator, shapes: shapes)
        self.optionNames = NameTable(options.map(\.name))
    }

    /// The option with this name (without dashes), `incident-record-arn`.
    @inline(__always)
    public func option(named name: String) -> Option? {
        optionNames.index(of: name).map { options[$0] }
    }

    /// The position in `options` of the option with this name (without dashes).
    @inline(__always)
    public func optionIndex(of name: String) -> Int? { optionNames.index(of: name) }
    @inline(__always)
    public func optionIndex(of name: Substring) -> Int? { optionNames.index(of: name) }
    @inline(__always)
    public func optionIndex(of bytes: UnsafeRawBufferPointer) -> Int? { optionNames.index(of: bytes) }

    /// The options the AWS CLI insists on.
    public var requiredOptions: [Option] { options.filter(\.isRequired) }

    /// The options the AWS CLI adds to a paginated operation: `starting-token`,
    /// `page-size` (when the operation has a page size) and `max-items`.
    public var pagingOptions: [String] {
        guard let paginator else { return [] }
        return paginator.limitKey == nil ? ["starting-token", "max-items"]
                                         : ["starting-token", "page-size", "max-items"]
    }

    /// Whether the operation can return this error.
    public func canReturn(_ error: String) -> Bool {
        errors.contains { $0.name == error }
    }

    /// The option table of an input shape, built the way the AWS CLI builds
    /// its argument table.
    private static func options(input: Shape?, paginator: Paginator?, shapes: [Shape]) -> [Option] {
        guard let shape = input else { return [] }
        let hidden = Set(paginator?.inputMembers ?? [])
        var options: [Option] = []
        for (i, member) in shape.members.enumerated() {
            let required = member.isRequired && !member.isIdempotencyToken
            let isHidden = hidden.contains(member.name)
            // As in the AWS CLI, only the positive flag of a required boolean is
            // marked required; either flag gives the member its value.
            func option(_ name: String, _ form: Option.Form) -> Option {
                Option(name: name, member: i, memberName: member.name, shape: member.shape,
                       form: form, isRequired: required && form != .flag(false), isHidden: isHidden)
            }
            if shapes[member.shape.index].kind == .boolean {
                options.append(option(member.cliName, .flag(true)))
                options.append(option("no-" + member.cliName, .flag(false)))
            } else {
                options.append(option(member.cliName, .value))
            }
        }
        return options
    }
}
