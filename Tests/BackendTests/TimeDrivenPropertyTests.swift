import Backend
import Catalog
import Foundation
import PropertyBased
import Testing

/// Time moved on in many small steps, in one jump, or only by the clock
/// before a command (the catch-up) leaves the same store: every step runs
/// once, in time order, stamped with its due time.
@Suite("Time-driven steps: how the clock moves does not matter")
struct TimeDrivenPropertyTests {
    /// A small deterministic generator for one case's plan and steps.
    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(next() % UInt64(range.count))
        }
    }

    /// One case: people and an escalation drawn from `seed`, two engagements
    /// started at minute 0, and `total` minutes cut into steps.
    struct Case: CustomStringConvertible {
        var aliceStages: [Int64]
        var teamStages: [(minutes: Int64, targets: [Int], essential: Bool)]
        var steps: [Double]
        var total: Double { steps.reduce(0, +) }

        init(seed: Int) {
            var r = SplitMix(state: UInt64(bitPattern: Int64(seed)))
            aliceStages = (0..<r.int(1...3)).map { _ in Int64(r.int(0...7)) }
            teamStages = (0..<r.int(1...4)).map { _ in
                (Int64(r.int(0...10)), (0..<r.int(1...2)).map { _ in r.int(0...2) }, r.int(0...3) == 0)
            }
            // Steps of 10 s to 12 min; some land exactly on due times, most between them.
            steps = (0..<r.int(1...40)).map { _ in Double(r.int(1...72)) / 6 }
        }

        var description: String { "alice \(aliceStages), team \(teamStages), steps \(steps)" }
    }

    /// Builds the case's contacts on a fresh backend and starts its engagements.
    static func prepare(_ kind: BackendKind, _ c: Case) async throws -> Harness {
        let h = try kind.make()
        let (alice, _) = try await h.person("alice", stages: c.aliceStages.enumerated().map { ("c\($0.offset)", $0.element) })
        let (bob, _) = try await h.person("bob", stages: [("a", 0)])
        let carol = try await h.createContact("carol")
        let pending = try await h.createChannel(carol, "pending", activate: false)
        try await h.contacts(.updateContact, ["ContactId": .string(carol), "Plan": plan([(3, [channelTarget(pending)]), (0, [channelTarget(pending)])])])
        let people = [alice, bob, carol]
        let team = try await h.createContact("team", type: "ESCALATION", plan: plan(c.teamStages.map { stage in
            (stage.minutes, stage.targets.map { contactTarget(people[$0], essential: stage.essential) })
        }))
        _ = try await h.startEngagement(team)
        _ = try await h.startEngagement(alice)
        return h
    }

    static func check(_ kind: BackendKind, seed: Int) async throws {
        let c = Case(seed: seed)
        let small = try await prepare(kind, c)
        for step in c.steps { try await small.advance(minutes: step) }
        let jump = try await prepare(kind, c)
        _ = try await jump.driver.advance(to: Harness.start + c.total * 60)
        // No tick at all: the clock moves and the next command catches up.
        let command = try await prepare(kind, c)
        command.clock.set(Harness.start + c.total * 60)
        try await command.contacts(.listEngagements)

        let digest = try await small.digest()
        #expect(try await jump.digest() == digest, "\(c)")
        #expect(try await command.digest() == digest, "\(c)")
        // And the steps did run: at least the engagements' first pages.
        #expect(try await small.driver.outbox().contains { $0.kind == .page })
    }

    @Test func memory() async {
        await propertyCheck(count: 60, input: Gen.int(in: 0...Int.max)) { seed in
            await #expect(throws: Never.self) { try await Self.check(.memory, seed: seed) }
        }
    }

    @Test func sqlite() async {
        await propertyCheck(count: 12, input: Gen.int(in: 0...Int.max)) { seed in
            await #expect(throws: Never.self) { try await Self.check(.sqlite, seed: seed) }
        }
    }
}
