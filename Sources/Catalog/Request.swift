import OrderedCollections

/// The two services of Incident Manager.
public enum ServiceName: String, Sendable, Hashable, CaseIterable, Codable {
    case incidents = "ssm-incidents"
    case contacts = "ssm-contacts"
}

/// A checked request: one operation and its input, every member already
/// decoded to its shape's type and validated against the model's constraints.
/// Member names are the model's (`incidentRecordArn`), in model order.
public struct Request: Sendable, Hashable {
    /// The operation, `.incidents(.createTimelineEvent)`.
    public var operation: OperationName
    public var input: OrderedDictionary<String, Value>

    public init(_ operation: OperationName, input: OrderedDictionary<String, Value> = [:]) {
        self.operation = operation
        self.input = input
    }

    /// The service of the operation.
    public var service: ServiceName { operation.service }
}
