import Backend
import Catalog
import Foundation
import OrderedCollections
import Testing

/// A backend under test, with the helpers that keep the tests short.
struct Harness: Sendable {
    static let start = Date(timeIntervalSince1970: 1_795_000_000) // 2026-11-18
    static let account = "111122223333"

    var backend: any IncidentBackend
    var clock: FixedWallClock
    /// The store's file, for backends that have one.
    var path: String?
    /// Opens the same store again (as another process would), when the backend persists.
    var reopen: (@Sendable () throws -> any IncidentBackend)?
    /// The backend behind a remote one, whose digest tells what the calls changed.
    var inner: (any IncidentBackend)?

    init(backend: any IncidentBackend, clock: FixedWallClock, path: String? = nil,
         inner: (any IncidentBackend)? = nil, reopen: (@Sendable () throws -> any IncidentBackend)? = nil) {
        self.backend = backend
        self.clock = clock
        self.path = path
        self.inner = inner
        self.reopen = reopen
    }

    var alice: CallContext { CallContext(accountId: Self.account, region: "us-east-1", user: "alice") }
    var bob: CallContext { CallContext(accountId: Self.account, region: "us-east-1", user: "bob") }

    /// Runs an operation as `context` (alice unless told).
    @discardableResult
    func call(_ operation: OperationName, _ input: OrderedDictionary<String, Value> = [:],
              as context: CallContext? = nil) async throws(ServiceError) -> Value {
        try await backend.send(Request(operation, input: input), context: context ?? alice)
    }

    /// Runs an ssm-incidents operation as `context` (alice unless told).
    @discardableResult
    func call(_ operation: IncidentsOperation, _ input: OrderedDictionary<String, Value> = [:],
              as context: CallContext? = nil) async throws(ServiceError) -> Value {
        try await call(.incidents(operation), input, as: context)
    }

    /// Runs an ssm-incidents operation that must fail with `code`, and checks that it changed nothing.
    @discardableResult
    func expectError(_ code: ServiceError.Code, _ operation: IncidentsOperation, _ input: OrderedDictionary<String, Value> = [:],
                     as context: CallContext? = nil, sourceLocation: SourceLocation = #_sourceLocation) async throws -> ServiceError? {
        try await expectError(code, .incidents(operation), input, as: context, sourceLocation: sourceLocation)
    }

    /// Runs an operation that must fail with `code`, and checks that it changed nothing.
    @discardableResult
    func expectError(_ code: ServiceError.Code, _ operation: OperationName, _ input: OrderedDictionary<String, Value> = [:],
                     as context: CallContext? = nil, sourceLocation: SourceLocation = #_sourceLocation) async throws -> ServiceError? {
        let before = try await digest()
        let output: Value
        do throws(ServiceError) {
            output = try await call(operation, input, as: context)
        } catch {
            #expect(error.code == code, "\(operation): \(error)", sourceLocation: sourceLocation)
            #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
            let after = try await digest()
            #expect(before == after, "\(operation) failed but changed the store", sourceLocation: sourceLocation)
            return error
        }
        Issue.record("\(operation) should fail with \(code.name), answered \(output)", sourceLocation: sourceLocation)
        return nil
    }

    func digest() async throws -> String {
        guard let digestible = (inner ?? backend) as? any StoreDigest else { return "" }
        return try await digestible.digest()
    }

    // MARK: Common set-ups

    func createReplicationSet(_ regions: [String] = ["us-east-1"]) async throws -> String {
        var map = OrderedDictionary<String, Value>()
        for region in regions { map[region] = .structure([:]) }
        return try await call(.createReplicationSet, ["regions": .map(map)])["arn"]!.string!
    }

    @discardableResult
    func createPlan(_ name: String = "db", title: String = "Database down", impact: Int64 = 3,
                    extra: OrderedDictionary<String, Value> = [:],
                    template: OrderedDictionary<String, Value> = [:]) async throws -> String {
        var t: OrderedDictionary<String, Value> = ["impact": .integer(impact), "title": .string(title)]
        t.merge(template) { $1 }
        var input: OrderedDictionary<String, Value> = ["incidentTemplate": .structure(t), "name": .string(name)]
        input.merge(extra) { $1 }
        return try await call(.createResponsePlan, input)["arn"]!.string!
    }

    func startIncident(_ planArn: String, _ extra: OrderedDictionary<String, Value> = [:],
                       as context: CallContext? = nil) async throws -> String {
        var input: OrderedDictionary<String, Value> = ["responsePlanArn": .string(planArn)]
        input.merge(extra) { $1 }
        return try await call(.startIncident, input, as: context)["incidentRecordArn"]!.string!
    }

    /// A replication set, a plan and one open incident.
    func incident() async throws -> (plan: String, incident: String) {
        _ = try await createReplicationSet()
        let plan = try await createPlan()
        return (plan, try await startIncident(plan))
    }

    @discardableResult
    func createEvent(_ incident: String, at seconds: TimeInterval, data: String = "\"note\"",
                     type: String = "Custom Event", extra: OrderedDictionary<String, Value> = [:]) async throws -> String {
        var input: OrderedDictionary<String, Value> = [
            "eventData": .string(data), "eventTime": .timestamp(Self.start + seconds),
            "eventType": .string(type), "incidentRecordArn": .string(incident),
        ]
        input.merge(extra) { $1 }
        return try await call(.createTimelineEvent, input)["eventId"]!.string!
    }
}

/// Reading outputs in tests.
extension Value {
    var strings: [String] { list?.compactMap(\.string) ?? [] }
    var keys: [String] { members.map { Array($0.keys) } ?? [] }
}

func time(_ seconds: TimeInterval) -> Value { .timestamp(Harness.start + seconds) }

func filter(_ key: String, _ condition: String, _ value: Value) -> Value {
    .structure(["condition": .structure([condition: value]), "key": .string(key)])
}

func strings(_ values: String...) -> Value { .structure(["stringValues": .list(values.map(Value.string))]) }
func integers(_ values: Int64...) -> Value { .structure(["integerValues": .list(values.map(Value.integer))]) }
