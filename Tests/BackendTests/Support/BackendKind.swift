import Backend
import Foundation
import MemoryBackend
import PostgresBackend
import SQLiteBackend

/// Every backend the conformance suite runs against. Adding a backend is one
/// case here and one branch in `make()`.
enum BackendKind: String, CaseIterable, CustomStringConvertible, Sendable {
    case memory
    case sqlite
    /// `RemoteBackend` → `incident-chat serve` on loopback → a memory backend.
    case remote
    /// PostgreSQL, when the tests were given a server (`INCIDENT_CHAT_TEST_POSTGRES`,
    /// which `make test` sets): each test in a fresh schema of its own.
    case postgres

    /// Every backend the tests can reach: PostgreSQL only when a test server was given.
    static var allCases: [BackendKind] {
        [.memory, .sqlite, .remote] + (TestPostgres.url != nil ? [.postgres] : [])
    }

    /// The backends with transactions (a remote batch cannot be undone).
    static var transactional: [BackendKind] { allCases.filter { $0 != .remote } }

    var description: String { rawValue }

    /// A fresh, empty backend with a fixed clock and seeded identifiers.
    func make() throws -> Harness {
        let clock = FixedWallClock(Harness.start)
        switch self {
        case .memory:
            return Harness(backend: MemoryBackend(clock: clock, ids: SeededIDGenerator(seed: 7)), clock: clock)
        case .sqlite:
            let path = TemporaryStore.path()
            let backend = try SQLiteBackend(path: path, clock: clock, ids: SeededIDGenerator(seed: 7))
            return Harness(backend: backend, clock: clock, path: path) {
                try SQLiteBackend(path: path, clock: clock, ids: SeededIDGenerator(seed: 99))
            }
        case .postgres:
            let url = try TestPostgres.freshSchema()
            let backend = try PostgresBackend(url: url, clock: clock, ids: SeededIDGenerator(seed: 7))
            return Harness(backend: backend, clock: clock) {
                try PostgresBackend(url: url, clock: clock, ids: SeededIDGenerator(seed: 99))
            }
        case .remote:
            let inner = MemoryBackend(clock: clock, ids: SeededIDGenerator(seed: 7))
            return Harness(backend: LoopbackRemoteBackend(server: LoopbackServer(inner: inner)), clock: clock, inner: inner)
        }
    }
}

/// Paths for throwaway SQLite stores.
enum TemporaryStore {
    static func path() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("incidentchat-tests", isDirectory: true)
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent("store-\(UUID().uuidString).sqlite").path
    }
}

/// The PostgreSQL server the tests were given, if any.
enum TestPostgres {
    /// `postgres://USER@HOST:PORT/DB` of a server the test run started (see
    /// Tests/EndToEnd/support/postgres.sh); nil: the PostgreSQL tests do not run.
    static var url: String? {
        ProcessInfo.processInfo.environment["INCIDENT_CHAT_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The URL of a schema no other test uses (the backend creates it).
    static func freshSchema(pool: Int = 2) throws -> String {
        guard let url else { throw Unavailable() }
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        return url + (url.contains("?") ? "&" : "?") + "schema=\(name)&pool=\(pool)"
    }

    struct Unavailable: Error, CustomStringConvertible {
        var description: String { "INCIDENT_CHAT_TEST_POSTGRES is not set" }
    }
}
