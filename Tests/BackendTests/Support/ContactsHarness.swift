import Backend
import Catalog
import Foundation
import OrderedCollections
import Testing

/// ssm-contacts helpers: calls, set-ups, the clock and the outbox.
extension Harness {
    static let region = "us-east-1"

    /// Runs an ssm-contacts operation as `context` (alice unless told).
    @discardableResult
    func contacts(_ operation: ContactsOperation, _ input: OrderedInput = [:], as context: CallContext? = nil,
                  sourceLocation: SourceLocation = #_sourceLocation) async throws(ServiceError) -> Value {
        let output = try await call(.contacts(operation), input, as: context)
        // Every answer has the model's output shape, members in model order.
        let problems = OutputShapeCheck.problems(output, operation: .contacts(operation))
        #expect(problems.isEmpty, "\(operation): \(problems)", sourceLocation: sourceLocation)
        return output
    }

    /// Runs an ssm-contacts operation that must fail with `code`, changing nothing.
    @discardableResult
    func expectContactsError(_ code: ServiceError.Code, _ operation: ContactsOperation, _ input: OrderedInput = [:],
                             sourceLocation: SourceLocation = #_sourceLocation) async throws -> ServiceError? {
        let error = try await expectError(code, .contacts(operation), input, sourceLocation: sourceLocation)
        if let error {
            #expect(error.service == .contacts, sourceLocation: sourceLocation)
            #expect(error.httpStatus == 400, sourceLocation: sourceLocation)
        }
        return error
    }

    var driver: any TimeDriven { backend as! any TimeDriven }

    /// Moves the clock on and runs what fell due; returns what was sent.
    @discardableResult
    func advance(minutes: Double) async throws -> [OutboxMessage] {
        clock.advance(by: minutes * 60)
        return try await driver.tick()
    }

    /// Minutes since `Harness.start` on the clock.
    var minutesIn: Double { clock.now().timeIntervalSince(Harness.start) / 60 }

    func contactArn(_ alias: String) -> String { "arn:aws:ssm-contacts:us-east-1:111122223333:contact/\(alias)" }

    @discardableResult
    func createContact(_ alias: String, type: String = "PERSONAL", plan: Value = .structure(["Stages": .list([])]),
                       extra: OrderedInput = [:]) async throws -> String {
        var input: OrderedInput = ["Alias": .string(alias), "Type": .string(type), "Plan": plan]
        input.merge(extra) { $1 }
        return try await contacts(.createContact, input)["ContactArn"]!.string!
    }

    /// A channel, activated with the code the outbox received unless told otherwise.
    func createChannel(_ contact: String, _ name: String, type: String = "EMAIL", address: String? = nil,
                       activate: Bool = true) async throws -> String {
        let arn = try await contacts(.createContactChannel, [
            "ContactId": .string(contact), "Name": .string(name), "Type": .string(type),
            "DeliveryAddress": .structure(["SimpleAddress": .string(address ?? "\(name)@example.com")]),
        ])["ContactChannelArn"]!.string!
        if activate {
            let code = try await driver.outbox(contactChannelArn: arn).last!.code
            try await contacts(.activateContactChannel, ["ContactChannelId": .string(arn), "ActivationCode": .string(code)])
        }
        return arn
    }

    /// A PERSONAL contact whose plan sends to one channel a stage.
    func person(_ alias: String, stages: [(channel: String, minutes: Int64)]) async throws -> (contact: String, channels: [String]) {
        let contact = try await createContact(alias)
        var channels: [String] = []
        for stage in stages { channels.append(try await createChannel(contact, "\(alias)-\(stage.channel)")) }
        try await contacts(.updateContact, ["ContactId": .string(contact), "Plan": plan(zip(channels, stages).map { channel, stage in
            (stage.minutes, [channelTarget(channel)])
        })])
        return (contact, channels)
    }

    func startEngagement(_ contact: String, extra: OrderedInput = [:]) async throws -> String {
        var input: OrderedInput = ["ContactId": .string(contact), "Sender": .string("oncall-bot"),
                                   "Subject": .string("Database down"), "Content": .string("Primary unreachable")]
        input.merge(extra) { $1 }
        return try await contacts(.startEngagement, input)["EngagementArn"]!.string!
    }

    func pages(engagement: String) async throws -> [Value] {
        try await contacts(.listPagesByEngagement, ["EngagementId": .string(engagement)])["Pages"]!.list!
    }

    func receipts(page: String) async throws -> [Value] {
        try await contacts(.listPageReceipts, ["PageId": .string(page)])["Receipts"]!.list!
    }
}

func plan(_ stages: [(Int64, [Value])]) -> Value {
    .structure(["Stages": .list(stages.map { minutes, targets in
        .structure(["DurationInMinutes": .integer(minutes), "Targets": .list(targets)])
    })])
}

func channelTarget(_ arn: String) -> Value { .structure(["ChannelTargetInfo": .structure(["ContactChannelId": .string(arn)])]) }

func contactTarget(_ arn: String, essential: Bool = true) -> Value {
    .structure(["ContactTargetInfo": .structure(["ContactId": .string(arn), "IsEssential": .boolean(essential)])])
}

func handOff(_ hour: Int64, _ minute: Int64 = 0) -> Value {
    .structure(["HourOfDay": .integer(hour), "MinuteOfHour": .integer(minute)])
}

/// `RecurrenceSettings` in model order.
func recurrence(daily: [Value]? = nil, weekly: [(String, Value)]? = nil, monthly: [(Int64, Value)]? = nil,
                onCalls: Int64 = 1, coverage: OrderedInput? = nil, multiplier: Int64 = 1) -> Value {
    var m = OrderedInput()
    if let monthly { m["MonthlySettings"] = .list(monthly.map { .structure(["DayOfMonth": .integer($0), "HandOffTime": $1]) }) }
    if let weekly { m["WeeklySettings"] = .list(weekly.map { .structure(["DayOfWeek": .string($0), "HandOffTime": $1]) }) }
    if let daily { m["DailySettings"] = .list(daily) }
    m["NumberOfOnCalls"] = .integer(onCalls)
    if let coverage { m["ShiftCoverages"] = .map(coverage) }
    m["RecurrenceMultiplier"] = .integer(multiplier)
    return .structure(m)
}

/// An instant written as ISO 8601 (`2026-03-08T13:00:00Z`).
func utc(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }

/// A shift as the tests write them: members, start and end, and the members an override replaced.
struct ExpectedShift: Equatable, CustomStringConvertible {
    var ids: [String]
    var start: String
    var end: String
    var overridden: [String]? = nil

    init(_ ids: [String], _ start: String, _ end: String, overridden: [String]? = nil) {
        self.ids = ids
        self.start = start
        self.end = end
        self.overridden = overridden
    }

    init(_ value: Value) {
        ids = value["ContactIds"]!.strings
        start = value["StartTime"]!.timestamp!.formatted(.iso8601)
        end = value["EndTime"]!.timestamp!.formatted(.iso8601)
        overridden = value["ShiftDetails"]?["OverriddenContactIds"]?.strings
        if value["Type"] == .string("OVERRIDDEN") { #expect(overridden != nil) }
    }

    var description: String { "\(ids) \(start)–\(end)\(overridden.map { " over \($0)" } ?? "")" }
}
