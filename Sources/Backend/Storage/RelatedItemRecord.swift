import Catalog

/// A related item of an incident as a store keeps it.
public struct RelatedItemRecord: Sendable, Hashable {
    /// Assigned on insert; the items list in this order.
    public var seq: Int64
    public var incidentSeq: Int64
    public var generatedId: String?
    public var title: String?
    /// The `ItemIdentifier` structure (type and value); two items with equal
    /// identifiers are the same item.
    public var identifier: Value

    public init(seq: Int64 = 0, incidentSeq: Int64, generatedId: String?, title: String?, identifier: Value) {
        self.seq = seq
        self.incidentSeq = incidentSeq
        self.generatedId = generatedId
        self.title = title
        self.identifier = identifier
    }
}
