/// A backend whose whole stored state can be summed up in one string: equal
/// digests mean equal contents. Tests use it to prove that a failed command
/// changed nothing.
public protocol StoreDigest: Sendable {
    func digest() async throws -> String
}

/// The tables a store digest reads, in order, each with the columns it is
/// sorted by (its primary key): the same for every SQL store (SQLite,
/// PostgreSQL), so that two stores with the same rows have the same digest.
public enum StoreDigestTables {
    public static let all: [(name: String, order: String)] = [
        ("replication_set", "account"), ("response_plan", "arn"), ("incident", "seq"), ("timeline_event", "seq"),
        ("related_item", "seq"), ("tag", "resource_arn, key"), ("resource_policy", "seq"),
        ("idempotency", "account, operation, token"),
        ("contact", "seq"), ("contact_channel", "seq"), ("engagement", "seq"), ("page", "seq"), ("page_receipt", "seq"),
        ("rotation", "seq"), ("rotation_override", "seq"), ("outbox", "seq"),
    ]
}
