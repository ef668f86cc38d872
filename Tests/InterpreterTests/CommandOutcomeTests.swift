import Backend
import Channel
import Foundation
import Interpreter
import Syntax
import Testing

@Suite("Session: a command's typed outcome, rendered by its caller")
struct CommandOutcomeTests {
    /// Parses one message and executes its command as `user`; the sink must stay empty.
    func execute(_ text: String, as user: String, in channel: LoggedChannel,
                 bindingTo name: String? = nil) async throws -> (CommandOutcome, Session) {
        let sink = TranscriptSink()
        let session = try channel.session(user, sink: sink)
        let file = SourceFile(name: SourceFile.chatName, text: text)
        let command = try #require(Parser.parseMessage(file).command)
        let outcome = await session.execute(command, in: file, origin: .chat, bindingTo: name)
        #expect(sink.transcript.isEmpty, "execute shows nothing: \(sink.transcript)")
        return (outcome, session)
    }

    /// What `show` prints is what running the message prints.
    func expectShownAsRun(_ text: String, as user: String, in channel: LoggedChannel) async throws {
        let (outcome, _) = try await execute(text, as: user, in: channel)
        let shown = TranscriptSink()
        await (try channel.session(user, sink: shown)).show(outcome)
        let (_, ran) = try await channel.chat(user, text)
        #expect(shown.transcript == ran)
        #expect(!ran.isEmpty)
    }

    @Test func eachWayACommandEndsIsACase() async throws {
        let channel = try LoggedChannel()

        let (listed, _) = try await execute("@aws ssm-incidents list-response-plans", as: "alice", in: channel)
        guard case .response(let document, nil) = listed.result else { Issue.record("\(listed.result)"); return }
        #expect(document["responsePlanSummaries"]?.array?.isEmpty == true)
        #expect(listed.status == .ok && listed.decision?.isAllowed == true)
        #expect(listed.checked?.operation.name == "ListResponsePlans")

        let (denied, _) = try await execute("@aws ssm-incidents create-response-plan --name db --incident-template title=x,impact=3",
                                            as: "bob", in: channel)
        guard case .denied(let code, let message) = denied.result else { Issue.record("\(denied.result)"); return }
        #expect(code == "AccessDeniedException" && !message.isEmpty, "\(message)")
        #expect(denied.status == .serviceError && denied.decision?.isAllowed == false)

        let (missing, _) = try await execute("@aws ssm-incidents get-response-plan --arn arn:aws:ssm-incidents::111122223333:response-plan/none",
                                             as: "alice", in: channel)
        guard case .serviceError(let error) = missing.result else { Issue.record("\(missing.result)"); return }
        #expect(error.name == "ResourceNotFoundException" && missing.status == .serviceError)

        let (invalid, _) = try await execute("@aws ssm-incidents list-response-plans --bogus 1", as: "alice", in: channel)
        guard case .invalid = invalid.result else { Issue.record("\(invalid.result)"); return }
        #expect(invalid.status == .invalid && invalid.checked == nil && invalid.decision == nil)
        #expect(invalid.diagnostics.contains { $0.severity == .error })

        let (query, _) = try await execute("@aws ssm-incidents list-response-plans --query 'abs(@)'", as: "alice", in: channel)
        guard case .badQuery(let text, _) = query.result else { Issue.record("\(query.result)"); return }
        #expect(text == "abs(@)" && query.status == .invalid)

        let (bound, session) = try await execute("@aws ssm-incidents list-response-plans --query responsePlanSummaries",
                                                 as: "alice", in: channel, bindingTo: "plans")
        guard case .response(_, "plans") = bound.result else { Issue.record("\(bound.result)"); return }
        #expect(session.bindings["plans"]?.array?.isEmpty == true)

        // Every command went to the log once, with its decision, though nothing was shown.
        #expect(try channel.entries().map(\.outcome) == ["ok", "AccessDeniedException", "ResourceNotFoundException",
                                                         "InvalidCommand", "ok", "ok"])
    }

    @Test func showPrintsWhatRunningPrints() async throws {
        let channel = try LoggedChannel()
        try await expectShownAsRun("@aws ssm-incidents list-response-plans --output json", as: "alice", in: channel)
        try await expectShownAsRun("@aws ssm-incidents create-response-plan --name db --incident-template title=x,impact=3", as: "bob", in: channel)
        try await expectShownAsRun("@aws ssm-incidents list-response-plans --bogus 1", as: "alice", in: channel)
        try await expectShownAsRun("@aws ssm-incidents get-response-plan --arn arn:aws:ssm-incidents::111122223333:response-plan/none",
                                   as: "alice", in: channel)
    }
}
