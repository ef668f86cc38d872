import ArgumentParser
import Backend
import Foundation
import MemoryBackend
import PostgresBackend
import SQLiteBackend

/// `--store`: a PostgreSQL URL (`postgres://USER@HOST:PORT/DB`, with the PG*
/// variables and ~/.pgpass for the rest) or an SQLite file. The store
/// subcommands take this alone; everything that runs commands takes it within
/// `StoreOptions`.
struct StoreLocation: ParsableArguments {
    @Option(help: "The store: an SQLite file (default: $XDG_DATA_HOME/incident-chat/store.sqlite) or postgres://USER@HOST:PORT/DB (password from ~/.pgpass, PGPASSFILE or PGPASSWORD).")
    var store: String?

    /// The default store, under the XDG data folder.
    static var defaultPath: String {
        let environment = ProcessInfo.processInfo.environment
        let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() + "/.local/share")
        return data + "/incident-chat/store.sqlite"
    }

    /// Opens the store, creating or migrating its schema; a store that cannot
    /// be opened is a configuration error (253) that names it, never with a password.
    func open(clock: any WallClock = SystemWallClock(), ids: any IDGenerator = RandomIDGenerator()) throws -> any IncidentBackend {
        if let store, PostgresSettings.isURL(store) {
            do {
                return try PostgresBackend(url: store, clock: clock, ids: ids)
            } catch {
                throw ExitFailure(message: "cannot open the store \(description): \(error.message)",
                                  code: ExitCode.configurationInvalid)
            }
        }
        let path = store ?? Self.defaultPath
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        do {
            return try SQLiteBackend(path: path, clock: clock, ids: ids)
        } catch {
            throw ExitFailure(message: "cannot open the store \(path): \(error.message)", code: ExitCode.configurationInvalid)
        }
    }

    /// The store as messages name it: a PostgreSQL URL without its password.
    var description: String {
        guard let store else { return Self.defaultPath }
        guard PostgresSettings.isURL(store) else { return store }
        return (try? PostgresSettings(url: store).redacted) ?? PostgresSettings.redact(store)
    }
}

/// Where the incidents are kept and in which account: the one set of store
/// options that `serve`, the REPL, `exec`, `run` and `review` share.
struct StoreOptions: ParsableArguments {
    @OptionGroup var location: StoreLocation

    @Flag(help: "Keep everything in memory; nothing is saved.")
    var memory = false

    @Option(name: .customLong("account-id"), help: "The AWS account of ARNs.")
    var accountId: String = CallContext.defaultAccountId

    /// The backend these options name, on this clock and identifier generator.
    func makeBackend(clock: any WallClock = SystemWallClock(), ids: any IDGenerator = RandomIDGenerator()) throws -> any IncidentBackend {
        if memory { return MemoryBackend(clock: clock, ids: ids) }
        return try location.open(clock: clock, ids: ids)
    }

    /// The store as messages name it.
    var description: String { memory ? "memory (nothing is saved)" : location.description }
}
