import Backend
import Catalog
import Foundation
import Interpreter
import MemoryBackend
import Review
import Syntax
import TestSupport

/// Paths and helpers shared by the review tests.
enum Support {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let golden = here.appendingPathComponent("Golden")
    static let examples = here.appendingPathComponent("../../Examples").standardized

    /// Compares text with a golden file, or rewrites the file when UPDATE_GOLDEN=1.
    static func checkGolden(_ text: String, _ name: String) throws -> String? {
        try Golden.check(text, at: golden.appendingPathComponent(name))
    }

    /// The example runbooks, by name (`database-outage`).
    static var exampleNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? [])
            .filter { $0.hasSuffix(".chat") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// A session on a fresh memory backend that has run example `name` under
    /// the clock and seed its header gives (seed 1 when it gives none).
    static func runExample(_ name: String) async throws -> (session: Session, backend: MemoryBackend, clock: FixedWallClock) {
        let text = try String(contentsOf: examples.appendingPathComponent(name + ".chat"), encoding: .utf8)
        let header = text.split(separator: "\n").first { $0.contains("incident-chat run") }.map(String.init) ?? ""
        let words = header.split(separator: " ").map(String.init)
        func option(_ name: String) -> String? { words.firstIndex(of: name).flatMap { $0 + 1 < words.count ? words[$0 + 1] : nil } }
        let start = option("--fixed-clock").flatMap { ISO8601DateFormatter().date(from: $0) } ?? Date(timeIntervalSince1970: 1_795_514_400)
        let clock = FixedWallClock(start)
        let backend = MemoryBackend(clock: clock, ids: SeededIDGenerator(seed: option("--seed").flatMap(UInt64.init) ?? 1))
        let session = try Session(backend: backend, settings: SessionSettings(user: "responder"), clock: clock,
                                  sink: TranscriptSink(), environment: [:])
        let file = SourceFile(name: name + ".chat", text: text)
        let (script, _) = Parser.parseScript(file)
        for statement in script.statements {
            _ = await session.run(statement, in: file, origin: .script(baseDirectory: examples.path))
        }
        return (session, backend, clock)
    }

    /// Every incident of a backend, oldest first.
    static func incidents(_ backend: any IncidentBackend) async throws -> [String] {
        let list = try await backend.send(Request(.incidents(.listIncidentRecords), input: ["maxResults": .integer(100)]),
                                          context: CallContext(user: "reader"))
        return (list["incidentRecordSummaries"]?.list ?? []).compactMap { $0["arn"]?.string }.reversed()
    }

    static func reader(_ backend: any IncidentBackend) -> ReviewReader {
        ReviewReader { request throws(ServiceError) in try await backend.send(request, context: CallContext(user: "reader")) }
    }
}
