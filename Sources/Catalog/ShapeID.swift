/// The place of a shape in its service's shape table.
///
/// Shapes refer to each other by index, never by name, so following a member
/// to its shape is one array access.
public struct ShapeID: Hashable, Sendable, CustomStringConvertible {
    public let index: Int

    public init(_ index: Int) { self.index = index }

    public var description: String { "#\(index)" }
}
