import Catalog

/// The compiled patterns of a service's string shapes, built once on first
/// use and shared; `ShapeID` indexes them.
public final class PatternTable: Sendable {
    let patterns: [Pattern?]

    private init(service: ServiceModel) {
        patterns = service.shapes.map { shape in
            guard let source = shape.pattern else { return nil }
            // Every model pattern is in the subset (a test checks it); one that
            // is not would go unchecked rather than reject good values.
            return try? Pattern(source)
        }
    }

    public static let incidents = PatternTable(service: Catalog.shared[.incidents])
    public static let contacts = PatternTable(service: Catalog.shared[.contacts])

    public static func of(_ service: ServiceName) -> PatternTable {
        switch service {
        case .incidents: incidents
        case .contacts: contacts
        }
    }

    @inline(__always)
    public subscript(id: ShapeID) -> Pattern? { patterns[id.index] }
}
