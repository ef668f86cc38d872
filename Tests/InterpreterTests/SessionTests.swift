import Backend
import Channel
import Foundation
import Interpreter
import JMESPath
import MemoryBackend
import Syntax
import Testing

/// A session on a fresh in-memory backend with a fixed clock and seed, whose
/// output is kept in a transcript.
final class Harness {
    let sink = TranscriptSink()
    let session: Session

    init(output: String = "json", channel: ChannelConfiguration = .local) {
        let clock = FixedWallClock(Date(timeIntervalSince1970: 1_795_514_400))  // 2026-11-24T10:00:00Z
        let backend = MemoryBackend(clock: clock, ids: SeededIDGenerator(seed: 1))
        var settings = SessionSettings(user: "tester")
        settings.output = .init(rawValue: output)!
        session = try! Session(backend: backend, settings: settings, channel: channel, clock: clock, sink: sink,
                               environment: ["TEAM": "db"])
    }

    /// Runs runbook text; returns the worst status.
    @discardableResult
    func run(_ text: String) async -> Status {
        let file = SourceFile(name: "test.chat", text: text)
        let (script, diagnostics) = Parser.parseScript(file)
        session.report(diagnostics, in: file)
        var worst = Status.ok
        for statement in script.statements {
            worst = max(worst, await session.run(statement, in: file, origin: .script(baseDirectory: "/tmp")))
        }
        return worst
    }

    /// Runs text and returns only what it printed.
    func output(_ text: String) async -> String {
        let before = sink.transcript.count
        await run(text)
        return String(sink.transcript.dropFirst(before))
    }

    func setUp(plans: Int = 0) async {
        await run("@aws ssm-incidents create-replication-set --regions us-east-1={}")
        for i in 0..<plans {
            await run("@aws ssm-incidents create-response-plan --name plan-\(i) --incident-template title=T\(i),impact=3")
        }
        _ = sink.transcript
    }
}

@Suite("Session: pagination as the AWS CLI does it")
struct PaginationTests {
    func names(_ output: String) -> [String] {
        guard case .object(let o)? = try? JSONValue(parsing: output),
              case .array(let items)? = o["responsePlanSummaries"] else { return [] }
        return items.compactMap { $0["name"]?.string }
    }

    func nextToken(_ output: String) -> String? {
        guard case .object(let o)? = try? JSONValue(parsing: output) else { return nil }
        return o["NextToken"]?.string
    }

    @Test func allPagesAreJoined() async {
        let h = Harness()
        await h.setUp(plans: 5)
        let out = await h.output("@aws ssm-incidents list-response-plans --page-size 2")
        #expect(names(out) == ["plan-0", "plan-1", "plan-2", "plan-3", "plan-4"])
        #expect(nextToken(out) == nil)
    }

    @Test func maxItemsCutsAndStartingTokenGoesOn() async throws {
        let h = Harness()
        await h.setUp(plans: 5)
        // A cut in the middle of a page: the token remembers how far into the page.
        let first = await h.output("@aws ssm-incidents list-response-plans --page-size 2 --max-items 3")
        #expect(names(first) == ["plan-0", "plan-1", "plan-2"])
        let token = try #require(nextToken(first))
        let second = await h.output("@aws ssm-incidents list-response-plans --page-size 2 --max-items 3 --starting-token \(token)")
        #expect(names(second) == ["plan-3", "plan-4"])
        #expect(nextToken(second) == nil)
    }

    @Test func maxItemsOnAPageBoundary() async throws {
        let h = Harness()
        await h.setUp(plans: 4)
        let first = await h.output("@aws ssm-incidents list-response-plans --page-size 2 --max-items 2")
        #expect(names(first) == ["plan-0", "plan-1"])
        let token = try #require(nextToken(first))
        let rest = await h.output("@aws ssm-incidents list-response-plans --starting-token \(token)")
        #expect(names(rest) == ["plan-2", "plan-3"])
    }

    @Test func noPaginateReturnsOnePageWithTheServiceToken() async {
        let h = Harness()
        await h.setUp(plans: 3)
        let out = await h.output("@aws ssm-incidents list-response-plans --max-results 2")
        #expect(names(out) == ["plan-0", "plan-1"])
        #expect(out.contains("\"nextToken\""))
    }

    @Test func aTokenThatIsNotOneIsRefused() async {
        let h = Harness()
        await h.setUp(plans: 1)
        #expect(await h.run("@aws ssm-incidents list-response-plans --starting-token garbage") == .invalid)
        #expect(h.sink.transcript.contains("Bad value for --starting-token"))
    }
}

@Suite("Session: bindings, query, output")
struct BindingTests {
    @Test func aBindingFeedsALaterCommand() async {
        let h = Harness()
        await h.setUp()
        let status = await h.run("""
            let plan = @aws ssm-incidents create-response-plan --name db --incident-template title=DB,impact=2
            let incident = @aws ssm-incidents start-incident --response-plan-arn $plan.arn --title "From $plan.arn"
            @aws ssm-incidents get-incident-record --arn $incident.incidentRecordArn --query incidentRecord.title --output text
            """)
        #expect(status == .ok)
        #expect(h.sink.transcript.hasSuffix("From arn:aws:ssm-incidents::111122223333:response-plan/db\n"))
    }

    @Test func aBindingTakesAQueryResult() async {
        let h = Harness()
        await h.setUp(plans: 2)
        await h.run("let names = @aws ssm-incidents list-response-plans --query 'responsePlanSummaries[].name'")
        let out = await h.output("@aws ssm-incidents get-response-plan --arn arn:aws:ssm-incidents::111122223333:response-plan/$names[1] --query name --output text")
        #expect(out == "plan-1\n")
    }

    @Test func environmentReferences() async {
        let h = Harness()
        await h.setUp()
        #expect(await h.run("@aws ssm-incidents create-response-plan --name ${TEAM} --incident-template title=x,impact=1") == .ok)
        #expect(await h.output("@aws ssm-incidents list-response-plans --query 'responsePlanSummaries[0].name' --output text") == "db\n")
    }

    @Test(arguments: [
        ("@aws ssm-incidents get-incident-record --arn $nothing", "nothing is bound to $nothing"),
        ("@aws ssm-incidents get-incident-record --arn $plan.missing", "$plan has no field missing"),
        ("@aws ssm-incidents get-incident-record --arn $plan.arn[3]", "$plan.arn is a string, not a list"),
        ("@aws ssm-incidents get-incident-record --arn ${NOT_SET}", "the environment variable NOT_SET is not set"),
    ])
    func unresolvedReferencesNameWhatIsMissing(command: String, message: String) async {
        let h = Harness()
        await h.setUp()
        await h.run("let plan = @aws ssm-incidents create-response-plan --name db --incident-template title=DB,impact=2")
        #expect(await h.run(command) == .invalid)
        #expect(h.sink.transcript.contains(message), "\(h.sink.transcript)")
    }

    @Test func queryAppliesInEveryFormat() async {
        for (format, expected) in [("json", "[\n    \"plan-0\",\n    \"plan-1\"\n]\n"), ("text", "plan-0\tplan-1\n"),
                                   ("yaml", "- plan-0\n- plan-1\n")] {
            let h = Harness(output: format)
            await h.setUp(plans: 2)
            #expect(await h.output("@aws ssm-incidents list-response-plans --query 'responsePlanSummaries[].name'") == expected, "\(format)")
        }
    }

    @Test func aBadQueryIsAnInvalidCommand() async {
        let h = Harness()
        await h.setUp()
        #expect(await h.run("@aws ssm-incidents list-response-plans --query 'responsePlanSummaries[?'") == .invalid)
        // The checker compiles the query, so `check` refuses it too, with a located diagnostic.
        #expect(h.sink.transcript.contains("error: --query:"))
    }

    @Test func serviceErrorsAsTheAWSCLIPrintsThem() async {
        let h = Harness()
        await h.setUp()
        #expect(await h.run("@aws ssm-incidents get-response-plan --arn arn:aws:ssm-incidents::111122223333:response-plan/none") == .serviceError)
        #expect(h.sink.transcript.contains("test.chat:1: An error occurred (ResourceNotFoundException) when calling the GetResponsePlan operation:"))
    }

    @Test func aFailedCommandChangesNothing() async {
        let h = Harness()
        await h.setUp(plans: 1)
        let before = await h.output("@aws ssm-incidents list-response-plans")
        #expect(await h.run("@aws ssm-incidents create-response-plan --name plan-0 --incident-template title=x,impact=1") == .serviceError)
        #expect(await h.output("@aws ssm-incidents list-response-plans") == before)
    }
}

@Suite("Session: directives")
struct DirectiveTests {
    @Test func outputUserAndAdvance() async {
        let h = Harness()
        await h.setUp()
        await h.run("""
            .user alice
            .advance 1h30m
            let plan = @aws ssm-incidents create-response-plan --name db --incident-template title=DB,impact=2
            let incident = @aws ssm-incidents start-incident --response-plan-arn $plan.arn
            .output text
            """)
        let out = await h.output("@aws ssm-incidents get-incident-record --arn $incident.incidentRecordArn --query '[incidentRecord.creationTime, incidentRecord.incidentRecordSource.createdBy]'")
        #expect(out == "2026-11-24T11:30:00+00:00\tarn:aws:iam::111122223333:user/alice\n")
    }

    /// A page that a due step sends is told to the incident's chat channel,
    /// as a command's change is.
    @Test func aDueStepsPageIsToldToTheChannel() async {
        let h = Harness()
        await h.setUp()
        await h.run(#"""
            let alice = @aws ssm-contacts create-contact --alias alice --type PERSONAL --plan '{"Stages": []}'
            let bob = @aws ssm-contacts create-contact --alias bob --type PERSONAL --plan '{"Stages": []}'
            let am = @aws ssm-contacts create-contact-channel --contact-id $alice.ContactArn --name mail --type EMAIL --delivery-address SimpleAddress=a@example.com
            let bm = @aws ssm-contacts create-contact-channel --contact-id $bob.ContactArn --name sms --type SMS --delivery-address SimpleAddress=+15555550100
            .outbox
            @aws ssm-contacts activate-contact-channel --contact-channel-id $am.ContactChannelArn --activation-code $outbox[0].code
            @aws ssm-contacts activate-contact-channel --contact-channel-id $bm.ContactChannelArn --activation-code $outbox[1].code
            @aws ssm-contacts update-contact --contact-id $alice.ContactArn --plan "{\"Stages\": [{\"DurationInMinutes\": 0, \"Targets\": [{\"ChannelTargetInfo\": {\"ContactChannelId\": \"$am.ContactChannelArn\"}}]}]}"
            @aws ssm-contacts update-contact --contact-id $bob.ContactArn --plan "{\"Stages\": [{\"DurationInMinutes\": 0, \"Targets\": [{\"ChannelTargetInfo\": {\"ContactChannelId\": \"$bm.ContactChannelArn\"}}]}]}"
            let team = @aws ssm-contacts create-contact --alias team --type ESCALATION --plan "{\"Stages\": [{\"DurationInMinutes\": 5, \"Targets\": [{\"ContactTargetInfo\": {\"ContactId\": \"$alice.ContactArn\", \"IsEssential\": true}}]}, {\"DurationInMinutes\": 5, \"Targets\": [{\"ContactTargetInfo\": {\"ContactId\": \"$bob.ContactArn\", \"IsEssential\": true}}]}]}"
            let plan = @aws ssm-incidents create-response-plan --name db --incident-template title="Orders down",impact=1 --engagements $team.ContactArn --chat-channel chatbotSns=arn:aws:sns:us-east-1:111122223333:incident-chat
            @aws ssm-incidents start-incident --response-plan-arn $plan.arn
            """#)
        #expect(!h.sink.transcript.contains("error"), "\(h.sink.transcript)")
        let quiet = await h.output(".advance 4m")
        #expect(!quiet.contains("Contact paged"), "\(quiet)")
        let out = await h.output(".advance 1m")
        #expect(out.contains("SMS to +15555550100: page"), "\(out)")
        #expect(out.contains("Contact paged: Orders down"), "\(out)")
        #expect(out.contains("Contact: bob") && out.contains("Sent by: SMS"), "\(out)")
    }

    @Test(arguments: [".output xml", ".user", ".advance soon", ".nothing"])
    func badDirectives(text: String) async {
        let h = Harness()
        #expect(await h.run(text) == .invalid)
    }
}
