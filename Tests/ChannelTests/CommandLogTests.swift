import Catalog
import Channel
import Foundation
import Syntax
import Testing

@Suite struct CommandLogTests {
    @Test func entriesAreJSONLinesAppendedAndFlushed() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("log.jsonl").path
        let channel = ChannelConfiguration(workspace: "acme", logging: true, log: path, redact: ["eventData"])
        let log = try #require(try CommandLog.open(for: channel))
        let authorizer = ChannelAuthorizer(channel)

        let create = "@aws ssm-incidents create-timeline-event --incident-record-arn arn:aws:ssm-incidents::111122223333:incident-record/db/6cc4 --event-time 2026-11-24T10:00:00Z --event-type \"Custom Event\" --event-data '\"root password is hunter2\"'"
        let request = Request(.incidents(.createTimelineEvent), input: [
            "incidentRecordArn": .string("arn:aws:ssm-incidents::111122223333:incident-record/db/6cc4")])
        try log.write(LogEntry(time: now, user: "alice", channel: channel.displayName, command: create,
                               decision: authorizer.authorize(request, user: "alice", now: now), outcome: .ok, requestId: "req-1"))
        // Each line is on disk as soon as write returns.
        #expect(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count == 1)

        let delete = "@aws ssm-incidents delete-incident-record --arn arn:aws:ssm-incidents::111122223333:incident-record/db/6cc4"
        let deleteRequest = Request(.incidents(.deleteIncidentRecord), input: [
            "arn": .string("arn:aws:ssm-incidents::111122223333:incident-record/db/6cc4")])
        try log.write(LogEntry(time: now.addingTimeInterval(1.5), user: "bob", channel: channel.displayName, command: delete,
                               decision: authorizer.authorize(deleteRequest, user: "bob", now: now), outcome: .error("AccessDeniedException"), requestId: "req-2"))
        try log.write(LogEntry(time: now.addingTimeInterval(2), user: nil, channel: channel.displayName, command: "@aws ssm-incidents nope",
                               decision: nil, outcome: .error("InvalidCommand"), requestId: "req-3"))

        // A second writer appends to the same file.
        let again = try CommandLog(path: path)
        try again.write(LogEntry(time: now.addingTimeInterval(3), user: "carol", channel: channel.displayName,
                                 command: "@aws ssm-incidents list-incident-records", decision: nil, outcome: .ok, requestId: "req-4"))

        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("hunter2"))
        let lines = text.split(separator: "\n")
        #expect(lines.count == 4)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["requestId"] != nil && object?["time"] != nil && object?["outcome"] != nil)
        }
        if let problem = try Support.checkGolden(text, "command-log.jsonl") { Issue.record("\(problem)") }
    }

    @Test func loggingOffOpensNothing() throws {
        #expect(try CommandLog.open(for: .default) == nil)
    }

    @Test func redactionOfText() {
        let r = Redactor(extraMembers: ["eventData", "Content"])
        #expect(r.redact(command: "@aws ssm-incidents create-timeline-event --event-data 'x y' --event-type t")
            == "@aws ssm-incidents create-timeline-event --event-data **** --event-type t")
        #expect(r.redact(command: "@aws ssm-incidents create-timeline-event --event-data=secret")
            == "@aws ssm-incidents create-timeline-event --event-data=****")
        #expect(r.redact(command: "@aws ssm-contacts start-engagement --contact-id c --content \"page me\" --sender s")
            == "@aws ssm-contacts start-engagement --contact-id c --content **** --sender s")
        // Unknown operations and options pass through as typed.
        #expect(r.redact(command: "@aws ssm-incidents no-such-op --event-data x") == "@aws ssm-incidents no-such-op --event-data x")
        // The models mark nothing sensitive today: no extra names, no change.
        #expect(Redactor().redact(command: "@aws ssm-incidents create-timeline-event --event-data x") == "@aws ssm-incidents create-timeline-event --event-data x")
    }

    @Test func aParsedCommandIsRedactedWhereItStandsInItsFile() throws {
        let r = Redactor(extraMembers: ["eventData"])
        let line = "@aws ssm-incidents create-timeline-event --event-data 'x y' --event-type t"
        let file = SourceFile(name: "runbook.chat", text: "# first\n@aws ssm-incidents list-response-plans\n" + line + "\n")
        let commands = Parser.parseScript(file).script.statements.compactMap { statement -> Command? in
            if case .command(let command) = statement { return command } else { return nil }
        }
        let command = try #require(commands.last)
        #expect(r.redact(command, in: file) == r.redact(command: line))
        #expect(r.redact(command, in: file) == "@aws ssm-incidents create-timeline-event --event-data **** --event-type t")
        #expect(r.secrets(of: command, in: file) == r.secrets(in: line))
        #expect(r.secrets(of: command, in: file).contains("x y"))
        #expect(r.redact(try #require(commands.first), in: file) == "@aws ssm-incidents list-response-plans")
    }

    @Test func redactionOfNestedOptionValues() {
        // A structure that holds a redacted member is hidden whole in the text...
        let r = Redactor(extraMembers: ["value"])
        let text = "@aws ssm-incidents start-incident --response-plan-arn a --related-items '[{\"identifier\": {\"type\": \"OTHER\", \"value\": {\"url\": \"u\"}}}]'"
        #expect(r.redact(command: text) == "@aws ssm-incidents start-incident --response-plan-arn a --related-items ****")
    }

    @Test func redactionOfRequests() {
        let r = Redactor(extraMembers: ["value"])
        let request = Request(.incidents(.startIncident), input: [
            "responsePlanArn": .string("a"),
            "relatedItems": .list([.structure(["identifier": .structure(["type": .string("OTHER"), "value": .structure(["url": .string("u")])])])]),
        ])
        let redacted = r.redact(request)
        #expect(redacted.input["responsePlanArn"] == .string("a"))
        #expect(redacted.input["relatedItems"]?.list?.first?["identifier"]?["value"] == .string(Redactor.mask))
        #expect(redacted.input["relatedItems"]?.list?.first?["identifier"]?["type"] == .string("OTHER"))
    }
}
