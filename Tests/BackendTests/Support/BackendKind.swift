import Backend
import Foundation
import MemoryBackend
import SQLiteBackend

/// Every backend the conformance suite runs against. Adding a backend is one
/// case here and one branch in `make()`.
enum BackendKind: String, CaseIterable, CustomStringConvertible, Sendable {
    case memory
    case sqlite
    /// `RemoteBackend` → `incident-chat serve` on loopback → a memory backend.
    case remote

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
