import Backend
import Catalog
import Foundation
import Testing

/// Rough speed figures for the issue's targets. Off by default (set
/// INCIDENTCHAT_SPEED=1 and build in release); the real benchmarks are `make bench`.
@Suite("Speed probe", .enabled(if: ProcessInfo.processInfo.environment["INCIDENTCHAT_SPEED"] == "1"))
struct BackendSpeedProbe {
    /// `tokens`: every write carries a fresh clientToken, as the AWS CLI sends one.
    @Test(arguments: BackendKind.allCases, [false, true])
    func commandMix(kind: BackendKind, tokens: Bool) async throws {
        let h = try kind.make()
        let (_, arn) = try await h.incident()
        let context = h.alice
        let total = 100_000
        let create = Request(.incidents(.createTimelineEvent), input: [
            "eventData": .string("\"step\""), "eventTime": time(1), "eventType": .string("Custom Event"),
            "incidentRecordArn": .string(arn),
        ])
        let updates = (1...5).map { Request(.incidents(.updateIncidentRecord),
                                            input: ["arn": .string(arn), "impact": .integer(Int64($0))]) }
        let get = Request(.incidents(.getIncidentRecord), input: ["arn": .string(arn)])
        let list = Request(.incidents(.listTimelineEvents),
                           input: ["incidentRecordArn": .string(arn), "maxResults": .integer(20)])
        let started = ContinuousClock.now
        try await h.backend.withBatch { batch in
            for i in 0..<total {
                switch i % 10 {
                case 0...5:
                    var r = create
                    if tokens { r.input["clientToken"] = .string("token-\(i)") }
                    _ = try await batch.send(r, context: context)
                case 6, 7:
                    var r = updates[i % 5]
                    if tokens { r.input["clientToken"] = .string("token-\(i)") }
                    _ = try await batch.send(r, context: context)
                case 8: _ = try await batch.send(get, context: context)
                default: _ = try await batch.send(list, context: context)
                }
            }
        }
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        print("\(kind)\(tokens ? " with clientTokens" : ""): \(total) commands in \(seconds) s = \(Int(Double(total) / seconds)) commands/s")
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["INCIDENTCHAT_SPEED_MILLION"] == "1"))
    func listTwentyOfAMillion() async throws {
        let h = try BackendKind.sqlite.make()
        let (_, arn) = try await h.incident()
        let context = h.alice
        try await h.backend.withBatch { batch in
            for i in 0..<1_000_000 {
                _ = try await batch.send(Request(.incidents(.createTimelineEvent), input: [
                    "eventData": .string("e"), "eventTime": time(Double(i % 86_400)), "eventType": .string("Custom Event"),
                    "incidentRecordArn": .string(arn),
                ]), context: context)
            }
        }
        let request = Request(.incidents(.listTimelineEvents),
                              input: ["incidentRecordArn": .string(arn), "maxResults": .integer(20)])
        var token: Value?
        let started = ContinuousClock.now
        for _ in 0..<200 {
            var r = request
            r.input["nextToken"] = token
            token = try await h.backend.send(r, context: context)["nextToken"]
        }
        let each = (ContinuousClock.now - started) / .milliseconds(1) / 200
        print("list 20 of 1,000,000 events: \(each) ms a page")
        #expect(each < 2)
    }
}
