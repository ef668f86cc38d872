import Backend
import Channel
import Foundation
import Interpreter
import MemoryBackend
import Syntax
import Testing

/// A channel with a log in a fresh folder, and sessions in it for any user,
/// sharing one in-memory backend (aliases live in the session's channel).
final class LoggedChannel {
    let directory: URL
    let channel: ChannelConfiguration
    let backend: MemoryBackend
    let clock = FixedWallClock(Date(timeIntervalSince1970: 1_795_514_400))  // 2026-11-24T10:00:00Z

    /// `members: [alice, bob]`; alice has the template, bob a read-only role of his own.
    init(extra: String = "", log: String = "./commands.log.jsonl") throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("channel-commands-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let yaml = """
            workspace: acme
            channel: db
            logging: true
            log: \(log)
            members: [alice, bob]
            role: {name: IncidentChatRole, template: incident-manager}
            users:
              bob:
                role:
                  name: ReadOnly
                  template: null
                  policies:
                    - {Version: "2012-10-17", Statement: [{Sid: ReadOnly, Effect: Allow, Action: ["ssm-incidents:List*", "ssm-incidents:Get*"], Resource: "*"}]}
            \(extra)
            """
        let file = directory.appendingPathComponent("channel.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        channel = try ChannelConfiguration.load(path: file.path)
        backend = MemoryBackend(clock: clock, ids: SeededIDGenerator(seed: 1))
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func session(_ user: String, sink: TranscriptSink, channel: ChannelConfiguration? = nil,
                 operatorLog: ((String) -> Void)? = nil) throws -> Session {
        let session = try Session(backend: backend, settings: SessionSettings(user: user), channel: channel ?? self.channel,
                                  clock: clock, sink: sink, environment: ["PATH": "/usr/bin", "TEAM": "db"])
        session.operatorLog = operatorLog
        return session
    }

    /// Runs one message from the chat; returns its status and what it printed.
    @discardableResult
    func chat(_ user: String, _ message: String, fromATerminal: Bool = false) async throws -> (Status, String) {
        let sink = TranscriptSink()
        let session = try session(user, sink: sink)
        let status = fromATerminal ? await session.runMessage(message, origin: .repl(baseDirectory: "/tmp"))
            : await session.runMessage(message, origin: .chat)
        return (status, sink.transcript)
    }

    /// The log's entries, in order.
    func entries() throws -> [[String: Any]] {
        let text = (try? String(contentsOf: directory.appendingPathComponent("commands.log.jsonl"), encoding: .utf8)) ?? ""
        return try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }
}

extension [String: Any] {
    var outcome: String? { self["outcome"] as? String }
    var reason: String? { self["reason"] as? String }
    var command: String? { self["command"] as? String }
    var action: String? { (self["permission"] as? [String: Any])?["action"] as? String }
    var decision: String? { (self["permission"] as? [String: Any])?["decision"] as? String }
}

@Suite("Session: aliases are commands of the channel")
struct AliasPermissionTests {
    static let create = "@aws alias create recent @aws ssm-incidents list-incident-records --max-results $Count"

    @Test func aNonMemberCanNeitherChangeNorRunNorListAliases() async throws {
        let c = try LoggedChannel()
        #expect(try await c.chat("alice", Self.create).0 == .ok)
        for message in [Self.create, "@aws alias create x @aws ssm-incidents list-incident-records", "@aws alias delete recent",
                        "@aws run recent Count=1", "@aws alias list", "@aws alias update recent @aws ssm-incidents list-response-plans"] {
            let (status, out) = try await c.chat("mallory", message)
            #expect(status == .serviceError, "\(message)")
            #expect(out.contains("AccessDeniedException") && out.contains("mallory is not a member of channel slack:acme/#db"), "\(out)")
            #expect(!out.contains("saved") && !out.contains("deleted"))
        }
        // Nothing changed: alice still lists the one alias as she saved it.
        let (_, listed) = try await c.chat("alice", "@aws alias list")
        #expect(listed == "recent\t@aws ssm-incidents list-incident-records --max-results $Count\n")

        let entries = try c.entries()
        #expect(entries.count == 8)
        let refused = entries.filter { $0["user"] as? String == "mallory" }
        #expect(refused.map(\.action) == ["chatbot:CreateCustomAction", "chatbot:CreateCustomAction", "chatbot:DeleteCustomAction",
                                          "chatbot:InvokeCustomAction", "chatbot:ListCustomActions", "chatbot:UpdateCustomAction"])
        #expect(refused.allSatisfy { $0.decision == "deny" && $0.outcome == "AccessDeniedException" && $0.reason?.contains("not a member") == true })
        let resource = (refused[0]["permission"] as? [String: Any])?["resource"] as? String
        #expect(resource == "arn:aws:chatbot::111122223333:custom-action/recent")
        #expect((refused[4]["permission"] as? [String: Any])?["resource"] as? String == "*")
        #expect(entries.first?.decision == "allow" && entries.first?.outcome == "ok")
    }

    @Test func aReadOnlyRoleMayNotCreateAnAlias() async throws {
        let c = try LoggedChannel()
        let (status, out) = try await c.chat("bob", Self.create)
        #expect(status == .serviceError)
        #expect(out.contains("chatbot:CreateCustomAction") && out.contains("no statement of role ReadOnly allows it"), "\(out)")
        #expect(try await c.chat("bob", "@aws ssm-incidents list-incident-records").0 == .ok)
        let entries = try c.entries()
        #expect(entries.map(\.outcome) == ["AccessDeniedException", "ok"])
        #expect(entries[0].action == "chatbot:CreateCustomAction" && entries[0].reason?.contains("implicit deny") == true)
    }

    @Test func runningAnAliasAlsoChecksTheCommandItRuns() async throws {
        // Bob may run aliases, but not what this one does.
        let c = try LoggedChannel(extra: """
            guardrails: []
            """)
        #expect(try await c.chat("alice", "@aws alias create wipe @aws ssm-incidents delete-incident-record --arn $Arn").0 == .ok)
        var bobs = c.channel
        bobs.users["bob"]?.role?.policies.append(contentsOf: try ChannelConfiguration.parse(SourceFile(name: "p.yaml", text: """
            role:
              policies:
                - {Version: "2012-10-17", Statement: [{Effect: Allow, Action: "chatbot:InvokeCustomAction", Resource: "*"}]}
            """)).role.policies)
        let sink = TranscriptSink()
        let status = try await c.session("bob", sink: sink, channel: bobs)
            .runMessage("@aws run wipe Arn=arn:aws:ssm-incidents::111122223333:incident-record/db/1", origin: .chat)
        #expect(status == .serviceError)
        #expect(sink.transcript.contains("ssm-incidents:DeleteIncidentRecord"), "\(sink.transcript)")
        let entries = try c.entries()
        #expect(entries.map(\.action) == ["chatbot:CreateCustomAction", "chatbot:InvokeCustomAction", "ssm-incidents:DeleteIncidentRecord"])
        #expect(entries.map(\.outcome) == ["ok", "ok", "AccessDeniedException"])
        #expect(entries[2].command == "@aws ssm-incidents delete-incident-record --arn arn:aws:ssm-incidents::111122223333:incident-record/db/1")
    }

    @Test(arguments: [
        #"@aws alias create lq "@aws ssm-incidents list-incident-records --max-results 2""#,
        #"@aws alias create lq '@aws ssm-incidents list-incident-records --max-results 2'"#,
        #"@aws alias create lq “@aws ssm-incidents list-incident-records --max-results 2”"#,
        "@aws alias create lq @aws ssm-incidents list-incident-records --max-results 2",
    ])
    func quotesAroundTheCommandAreRemoved(create: String) async throws {
        let c = try LoggedChannel()
        let (status, out) = try await c.chat("alice", create)
        #expect(status == .ok, "\(out)")
        #expect(try await c.chat("alice", "@aws alias list").1 == "lq\t@aws ssm-incidents list-incident-records --max-results 2\n")
        let (ran, result) = try await c.chat("alice", "@aws run lq")
        #expect(ran == .ok, "\(result)")
        #expect(result.contains("incidentRecordSummaries"))
    }

    @Test func aQuotedCommandKeepsItsVariablesAndInnerQuotes() async throws {
        let c = try LoggedChannel()
        #expect(try await c.chat("alice", #"@aws alias create plan "@aws ssm-incidents list-response-plans --query \"responsePlanSummaries[?name=='$Name']\"""#).0 == .ok)
        #expect(try await c.chat("alice", "@aws alias list").1
            == "plan\t@aws ssm-incidents list-response-plans --query \"responsePlanSummaries[?name=='$Name']\"\n")
        let (status, out) = try await c.chat("alice", "@aws run plan Name=db")
        #expect(status == .ok, "\(out)")
    }
}

@Suite("Session: every refused message is in the command log")
struct RefusalLogTests {
    @Test(arguments: [
        ("@aws ssm-incidents list-incident-records --filters 'key=status", "unterminated"),
        ("@aws", "expected a service"),
        ("@aws ssm-incidents", "operation"),
        ("@aws ssm-incidents list-incident-recordz", "list-incident-records"),
        ("@aws ssm-incidents create-response-plan --name x --incident-template file://template.json", "file://"),
        ("@aws alias delete", "alias-usage"),
        ("@aws run missing", "alias-not-found"),
        ("@aws alias create bad! @aws ssm-incidents list-incident-records", "invalid-alias-name"),
    ])
    func refusedBeforeRunning(message: String, reason: String) async throws {
        let c = try LoggedChannel()
        let (status, _) = try await c.chat("alice", message)
        #expect(status == .invalid)
        let entries = try c.entries()
        #expect(entries.count == 1)
        #expect(entries.first?.command == message)
        #expect(entries.first?.outcome == "InvalidCommand")
        #expect(entries.first?.reason?.contains(reason) == true, "\(entries.first?.reason ?? "no reason")")
    }

    @Test func refusalsByTheGateAndTheServiceHaveTheirReason() async throws {
        let c = try LoggedChannel()
        try await c.chat("mallory", "@aws ssm-incidents list-incident-records")
        try await c.chat("alice", "@aws ssm-incidents delete-incident-record --arn arn:aws:ssm-incidents::111122223333:incident-record/db/1")
        try await c.chat("alice", "@aws ssm-incidents get-incident-record --arn arn:aws:ssm-incidents::111122223333:incident-record/db/1")
        let entries = try c.entries()
        #expect(entries.map(\.outcome) == ["AccessDeniedException", "AccessDeniedException", "ResourceNotFoundException"])
        #expect(entries[0].reason?.contains("mallory is not a member") == true)
        #expect(entries[1].reason?.contains("implicit deny") == true)
        #expect(entries[2].reason?.isEmpty == false)
    }

    @Test func reasonsHideSensitiveValues() async throws {
        let c = try LoggedChannel(extra: "redact: [eventData]")
        let message = "@aws ssm-incidents create-timeline-event --incident-record-arn nope --event-time 2026-11-24T10:00:00Z --event-type Note --event-data 'hunter2 is the password"
        try await c.chat("alice", message)
        try await c.chat("alice", "@aws alias create note @aws ssm-incidents create-timeline-event --incident-record-arn $Arn --event-time 2026-11-24T10:00:00Z --event-type Note --event-data hunter2")
        try await c.chat("alice", "@aws alias create note2 @aws ssm-incidents create-timeline-event --incident-record-arn $Arn --event-time 2026-11-24T10:00:00Z --event-type Note --event-data $Text")
        try await c.chat("alice", "@aws run note2 Arn=arn:aws:ssm-incidents::111122223333:incident-record/db/1 Text=hunter2")
        let text = try String(contentsOf: c.directory.appendingPathComponent("commands.log.jsonl"), encoding: .utf8)
        #expect(try c.entries().count == 5)
        #expect(!text.contains("hunter2"), "\(text)")
    }

    @Test func chatMayNotReadTheEnvironment() async throws {
        let c = try LoggedChannel()
        let (status, out) = try await c.chat("alice", "@aws ssm-incidents get-incident-record --arn ${PATH}")
        #expect(status == .invalid)
        #expect(out.contains("a message from a chat channel cannot read environment variables"), "\(out)")
        #expect(!out.contains("is not set") && !out.contains("/usr/bin"))
        #expect(try c.entries().first?.reason?.contains("cannot read environment variables") == true)
        // Nor through an alias's arguments.
        #expect(try await c.chat("alice", "@aws alias create get @aws ssm-incidents get-incident-record --arn $Arn").0 == .ok)
        let (ran, text) = try await c.chat("alice", "@aws run get Arn=${PATH}")
        #expect(ran == .invalid)
        #expect(text.contains("cannot read environment variables"), "\(text)")
        // A terminal session may.
        let (_, local) = try await c.chat("alice", "@aws ssm-incidents get-incident-record --arn ${NOT_SET_HERE}", fromATerminal: true)
        #expect(local.contains("the environment variable NOT_SET_HERE is not set"))
    }

    @Test func aLogThatCannotBeWrittenIsNotShownToTheChat() async throws {
        // Every write to /dev/full fails (ENOSPC).
        let c = try LoggedChannel(log: "/dev/full")
        let told = Told()
        let sink = TranscriptSink()
        let status = try await c.session("alice", sink: sink, operatorLog: { told.lines.append($0) })
            .runMessage("@aws ssm-incidents list-incident-records", origin: .chat)
        #expect(status == .ok)
        #expect(sink.transcript.contains("warning: the command could not be written to the channel's command log"), "\(sink.transcript)")
        #expect(!sink.transcript.contains("/dev/full"))
        #expect(told.lines.count == 1 && told.lines[0].contains("/dev/full"), "\(told.lines)")
        // A terminal user is on the machine: they are told where.
        let local = TranscriptSink()
        try await c.session("alice", sink: local).runMessage("@aws ssm-incidents list-incident-records", origin: .repl(baseDirectory: "/tmp"))
        #expect(local.transcript.contains("cannot write the command log /dev/full"), "\(local.transcript)")
    }
}

final class Told: @unchecked Sendable {
    var lines: [String] = []
}
