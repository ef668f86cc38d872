/// One service of the catalog: metadata, the shape table, operations, errors
/// and waiters, with constant-time lookups by name.
///
/// Built once from the generated sources (no JSON is read at run time) and
/// shared: see `Catalog`.
public final class ServiceModel: Sendable {
    public let name: ServiceName
    /// Our one-line description of the service.
    public let summary: String
    public let metadata: ServiceMetadata
    /// Every shape of the model, in name order; `ShapeID` indexes it.
    public let shapes: [Shape]
    /// Every error some operation returns, in name order.
    public let errors: [ErrorShape]
    /// The operations in model order.
    public let operations: [Operation]
    public let waiters: [Waiter]

    private let shapeIndex: [String: ShapeID]
    /// CLI names of the operations, then their API names.
    private let operationNames: NameTable
    private let errorIndex: [String: Int]
    private let operationIndex: [OperationName: Int]

    init(name: ServiceName, summary: String, metadata: ServiceMetadata, shapes: [Shape],
         errors: [ErrorShape], operations: [Operation], waiters: [Waiter]) {
        self.name = name
        self.summary = summary
        self.metadata = metadata
        self.shapes = shapes
        self.errors = errors
        self.waiters = waiters
        self.operations = operations
        shapeIndex = Dictionary(uniqueKeysWithValues: shapes.enumerated().map { ($1.name, ShapeID($0)) })
        operationNames = NameTable(operations.map(\.cliName) + operations.map(\.name))
        errorIndex = Dictionary(uniqueKeysWithValues: errors.enumerated().map { ($1.name, $0) })
        operationIndex = Dictionary(uniqueKeysWithValues: operations.enumerated().map { ($1.id, $0) })
    }

    /// The shape at this place of the table.
    @inline(__always)
    public subscript(id: ShapeID) -> Shape { shapes[id.index] }

    /// The shape with this model name.
    public func shapeID(named name: String) -> ShapeID? { shapeIndex[name] }
    public func shape(named name: String) -> Shape? { shapeIndex[name].map { shapes[$0.index] } }

    /// The position in `operations` of the operation with this name, in CLI
    /// form (`create-timeline-event`) or API form (`CreateTimelineEvent`).
    @inline(__always)
    public func operationIndex(named name: String) -> Int? {
        operationNames.index(of: name).map { $0 % operations.count }
    }
    @inline(__always)
    public func operationIndex(named name: Substring) -> Int? {
        operationNames.index(of: name).map { $0 % operations.count }
    }
    @inline(__always)
    public func operationIndex(named bytes: UnsafeRawBufferPointer) -> Int? {
        operationNames.index(of: bytes).map { $0 % operations.count }
    }

    /// The operation with this identifier, which must be one of this service's.
    public subscript(operation: OperationName) -> Operation {
        guard let index = operationIndex[operation] else {
            preconditionFailure("\(operation) is no operation of \(name.rawValue)")
        }
        return operations[index]
    }

    /// The operation with this name, in CLI or API form.
    public func operation(named name: String) -> Operation? {
        operationIndex(named: name).map { operations[$0] }
    }

    public func operation(cliName: String) -> Operation? {
        operationNames.index(of: cliName).flatMap { $0 < operations.count ? operations[$0] : nil }
    }
    public func operation(apiName: String) -> Operation? {
        operationNames.index(of: apiName).flatMap { $0 >= operations.count ? operations[$0 - operations.count] : nil }
    }

    public func error(named name: String) -> ErrorShape? { errorIndex[name].map { errors[$0] } }

    /// The waiter with this name, in CLI or API form.
    public func waiter(named name: String) -> Waiter? {
        waiters.first { $0.name == name || $0.cliName == name }
    }

    /// The input shape of an operation (`nil` when it takes none).
    public func input(of operation: Operation) -> Shape? { operation.input.map { shapes[$0.index] } }
    public func output(of operation: Operation) -> Shape? { operation.output.map { shapes[$0.index] } }

    /// The shape of a member.
    @inline(__always)
    public func shape(of member: Member) -> Shape { shapes[member.shape.index] }

    /// How a timestamp member is written on the wire: the member's format, else
    /// its shape's, else the protocol's default for its location.
    public func timestampFormat(of member: Member) -> TimestampFormat {
        if let format = member.timestampFormat ?? shapes[member.shape.index].timestampFormat { return format }
        switch member.location {
        case .header, .headers: return .rfc822
        case .uri, .querystring: return .iso8601
        case .body, .statusCode: return .unixTimestamp
        }
    }

    /// Close operation names for one that is not known: API names when the word
    /// looks like one (`CreateTimelinEvent`), CLI names otherwise.
    public func suggestOperations(for word: String) -> [String] {
        let apiForm = word.contains { $0.isUppercase } && !word.contains("-")
        return DidYouMean.candidates(for: word, among: operations.map { apiForm ? $0.name : $0.cliName })
    }

    /// Close option names (without dashes) for one the operation does not have;
    /// the paging options count too.
    public func suggestOptions(for word: String, in operation: Operation) -> [String] {
        DidYouMean.candidates(for: word, among: operation.options.map(\.name) + operation.pagingOptions)
    }

    /// Close member names of a structure, for a key in JSON or shorthand.
    public func suggestMembers(for word: String, in shape: Shape) -> [String] {
        DidYouMean.candidates(for: word, among: shape.members.map(\.name))
    }
}

extension ServiceModel {
    /// The generated models, each built on first use.
    static let ssmIncidents: ServiceModel = makeSSMIncidents()
    static let ssmContacts: ServiceModel = makeSSMContacts()
}
