import Backend
import Foundation
import PostgresBackend
import SQLiteBackend

/// What `--store` names: a PostgreSQL URL (`postgres://USER@HOST:PORT/DB`,
/// with the PG* variables and ~/.pgpass for the rest) or an SQLite file.
enum StoreOpening {
    /// Opens the store, creating or migrating its schema; a store that cannot
    /// be opened is a configuration error (253) that names it, never with a password.
    static func open(_ store: String?, clock: any WallClock = SystemWallClock(),
                     ids: any IDGenerator = RandomIDGenerator()) throws -> any IncidentBackend {
        if let store, PostgresSettings.isURL(store) {
            do {
                return try PostgresBackend(url: store, clock: clock, ids: ids)
            } catch {
                throw ExitFailure(message: "cannot open the store \(describe(store)): \(error.message)",
                                  code: ExitCode.configurationInvalid)
            }
        }
        let path = store ?? SessionOptions.defaultStorePath
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        do {
            return try SQLiteBackend(path: path, clock: clock, ids: ids)
        } catch {
            throw ExitFailure(message: "cannot open the store \(path): \(error.message)", code: ExitCode.configurationInvalid)
        }
    }

    /// The store as messages name it.
    static func describe(_ store: String?) -> String {
        guard let store else { return SessionOptions.defaultStorePath }
        guard PostgresSettings.isURL(store) else { return store }
        return (try? PostgresSettings(url: store).redacted) ?? PostgresSettings.redact(store)
    }
}
