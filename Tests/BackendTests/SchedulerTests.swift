@testable import Backend
import Catalog
import Foundation
import MemoryBackend
import Testing

/// The scheduler on a real clock, kept short: the test's clock runs with the
/// system's but stands a minute less 0.4 s behind it when the engagement
/// starts, so a one-minute stage falls due 0.4 s of real time later.
@Suite("Scheduler")
struct SchedulerTests {
    /// The system's time plus an offset the test sets.
    final class ShiftedClock: WallClock, @unchecked Sendable {
        private let lock = NSLock()
        private var offset: TimeInterval = 0
        func now() -> Date { lock.withLock { Date() + offset } }
        func shift(to offset: TimeInterval) { lock.withLock { self.offset = offset } }
    }

    /// What the scheduler delivered, with when it did.
    actor Deliveries {
        var sent: [(message: OutboxMessage, at: Date)] = []
        func add(_ messages: [OutboxMessage]) { sent += messages.map { ($0, Date()) } }
        func waitFor(_ count: Int, timeout: TimeInterval) async -> [(message: OutboxMessage, at: Date)] {
            let deadline = Date() + timeout
            while sent.count < count, Date() < deadline { try? await Task.sleep(for: .milliseconds(10)) }
            return sent
        }
    }

    /// Starts an engagement of a two-stage escalation (alice, then bob a
    /// minute later) on a clock 59.6 s behind, then puts the clock right: bob's
    /// stage falls due 0.4 s of real time later.
    static func engagementDueSoon(_ backend: MemoryBackend, _ clock: ShiftedClock) async throws -> (bobChannel: String, started: Date) {
        let h = Harness(backend: backend, clock: FixedWallClock(Harness.start))
        let (alice, _) = try await h.person("alice", stages: [("a", 0)])
        let (bob, bobChannels) = try await h.person("bob", stages: [("a", 0)])
        let team = try await h.createContact("team", type: "ESCALATION", plan: plan([
            (1, [contactTarget(alice, essential: false)]), (1, [contactTarget(bob, essential: false)]),
        ]))
        clock.shift(to: -59.6)
        _ = try await h.startEngagement(team)
        clock.shift(to: 0)
        return (bobChannels[0], Date())
    }

    @Test func sleepsUntilTheNextStepAndRunsItOnTime() async throws {
        let clock = ShiftedClock()
        let backend = MemoryBackend(clock: clock, ids: SeededIDGenerator(seed: 3))
        let (bobChannel, started) = try await Self.engagementDueSoon(backend, clock)
        let deliveries = Deliveries()
        let task = Task { await Scheduler(backend: backend, recheck: .seconds(600)).run { await deliveries.add($0) } }
        defer { task.cancel() }
        let sent = await deliveries.waitFor(1, timeout: 300)
        try #require(sent.count == 1)
        #expect(sent[0].message.contactChannelArn == bobChannel)
        // Due 0.4 s after the start: not early, and long before the 600 s
        // recheck. The suite shares two cores with others whose SQLite work
        // holds the thread pool (seen 19 s late), so this tells "woken for the
        // step" from "slept out" and no more; Tests/EndToEnd/time.sh holds the
        // server to one second.
        let late = sent[0].at.timeIntervalSince(started) - 0.4
        #expect(late >= -0.05 && late < 300, "delivered \(late) s after its due time")
        // Stamped with the instant it was due, one minute after alice's page.
        let alicePage = try #require(try await backend.outbox().first { $0.kind == .page })
        #expect(sent[0].message.time == alicePage.time + 60_000)
        // The last stage ran once; nothing more is due.
        try await Task.sleep(for: .milliseconds(300))
        #expect(await deliveries.sent.count == 1)
        #expect(try await backend.nextDueTime() == nil)
    }

    @Test func aRingWakesTheSleeper() async throws {
        let bell = Doorbell()
        let began = Date()
        let sleeper = Task { await bell.wait(upTo: .seconds(600)) }
        try await Task.sleep(for: .milliseconds(100))
        bell.ring()
        await sleeper.value
        // Woken, not slept out (loose: other suites share the two cores).
        #expect(Date().timeIntervalSince(began) < 300)
        // A ring while nobody sleeps ends the next wait at once; the one after sleeps.
        bell.ring()
        let early = Date()
        await bell.wait(upTo: .seconds(600))
        #expect(Date().timeIntervalSince(early) < 300)
        let full = Date()
        await bell.wait(upTo: .milliseconds(200))
        #expect(Date().timeIntervalSince(full) >= 0.19)
    }

    @Test func aClockSetBackReplaysNothing() async throws {
        let clock = ShiftedClock()
        let backend = MemoryBackend(clock: clock, ids: SeededIDGenerator(seed: 3))
        let h = Harness(backend: backend, clock: FixedWallClock(Harness.start))
        let (alice, _) = try await h.person("alice", stages: [("a", 0)])
        let team = try await h.createContact("team", type: "ESCALATION", plan: plan([
            (1, [contactTarget(alice, essential: false)]), (1, [contactTarget(alice, essential: false)]),
        ]))
        clock.shift(to: -120)
        _ = try await h.startEngagement(team)
        clock.shift(to: 0)
        let deliveries = Deliveries()
        let task = Task { await Scheduler(backend: backend).run { await deliveries.add($0) } }
        defer { task.cancel() }
        // The catch-up on start sends the second stage once; an hour back, nothing runs again.
        #expect(await deliveries.waitFor(1, timeout: 25).count == 1)
        clock.shift(to: -3600)
        _ = try await h.contacts(.listEngagements)
        #expect(try await backend.tick().isEmpty)
        clock.shift(to: 0)
        #expect(try await backend.tick().isEmpty)
        #expect(await deliveries.sent.count == 1)
        #expect(try await backend.outbox().filter { $0.kind == .page }.count == 2)
    }
}
