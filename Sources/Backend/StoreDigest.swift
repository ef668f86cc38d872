/// A backend whose whole stored state can be summed up in one string: equal
/// digests mean equal contents. Tests use it to prove that a failed command
/// changed nothing.
public protocol StoreDigest: Sendable {
    func digest() async throws -> String
}
