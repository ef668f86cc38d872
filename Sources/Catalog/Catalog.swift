/// The services IncidentChat knows, generated from botocore's models.
///
/// `Catalog.shared[.incidents]` gives a service; each service is built the
/// first time it is used and then shared by every thread.
public struct Catalog: Sendable {
    public static let shared = Catalog()

    public init() {}

    /// A service by name.
    public subscript(name: ServiceName) -> ServiceModel {
        switch name {
        case .incidents: ServiceModel.ssmIncidents
        case .contacts: ServiceModel.ssmContacts
        }
    }

    /// An operation of either service.
    public subscript(operation: OperationName) -> Operation { self[operation.service][operation] }

    /// All services, in name order.
    public var services: [ServiceModel] { serviceNames.map { self[$0] } }

    /// The service names as typed on the command line, in name order.
    public var serviceNames: [ServiceName] { ServiceName.allCases.sorted { $0.rawValue < $1.rawValue } }

    /// A service by its CLI name, `ssm-incidents`.
    public func service(named name: String) -> ServiceModel? {
        ServiceName(rawValue: name).map { self[$0] }
    }

    /// Close service names for one that is not known.
    public func suggestServices(for word: String) -> [String] {
        DidYouMean.candidates(for: word, among: serviceNames.map(\.rawValue))
    }
}
