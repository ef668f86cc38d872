import ArgumentParser
import Foundation
import PostgresBackend
import SQLiteBackend

/// `incident-chat store`: what is done to a store as a whole.
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Work on a store as a whole.",
        subcommands: [Migrate.self]
    )

    /// `incident-chat store migrate --store URL|PATH`: brings the store's schema
    /// up to this build's, and does nothing else. Every command that opens a
    /// store migrates it too; this runs the migrations alone, before a fleet starts.
    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create or upgrade a store's schema (postgres://USER@HOST:PORT/DB or an SQLite file), and nothing else."
        )

        @Option(help: "The store: postgres://USER@HOST:PORT/DB or an SQLite file (default: $XDG_DATA_HOME/incident-chat/store.sqlite).")
        var store: String?

        func run() async throws {
            let backend = try exitingOnFailure { try StoreOpening.open(store) }
            let name = StoreOpening.describe(store)
            if let postgres = backend as? PostgresBackend {
                let applied = postgres.migrated.map(String.init).joined(separator: ", ")
                print("\(name): schema version \(PostgresBackend.schemaVersion)"
                      + (applied.isEmpty ? " (already up to date)" : " (applied: \(applied))"))
            } else {
                print("\(name): schema version \(SQLiteBackend.schemaVersion)")
            }
        }
    }
}
