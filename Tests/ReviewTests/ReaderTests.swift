import Backend
import Catalog
import Foundation
import Interpreter
import SQLiteBackend
import Syntax
import Testing
@testable import Review

/// The facts as read from a real store (SQLite) through the services'
/// operations, on a timeline written out of order, resolved and reopened,
/// with an escalation nobody accepted; and `.review` in a runbook.
@Suite struct ReaderTests {
    static let start = Date(timeIntervalSince1970: 1_795_514_400) // 2026-11-24T10:00:00Z

    static func store() throws -> (SQLiteBackend, FixedWallClock, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("review-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let clock = FixedWallClock(start)
        let backend = try SQLiteBackend(path: folder.appendingPathComponent("store.sqlite").path, clock: clock, ids: SeededIDGenerator(seed: 8))
        return (backend, clock, folder)
    }

    static func run(_ text: String, in session: Session) async -> Status {
        let file = Syntax.SourceFile(name: "test.chat", text: text)
        let (script, _) = Syntax.Parser.parseScript(file)
        var worst = Status.ok
        for statement in script.statements {
            worst = max(worst, await session.run(statement, in: file, origin: .script(baseDirectory: "/tmp")))
        }
        return worst
    }

    static let runbook = #"""
    @aws ssm-incidents create-replication-set --regions us-east-1={}
    let alice = @aws ssm-contacts create-contact --alias alice --display-name "Alice" --type PERSONAL --plan '{"Stages": []}'
    let mail = @aws ssm-contacts create-contact-channel --contact-id $alice.ContactArn --name mail --type EMAIL --delivery-address SimpleAddress=alice@example.com
    .outbox
    @aws ssm-contacts activate-contact-channel --contact-channel-id $mail.ContactChannelArn --activation-code $outbox[0].code
    @aws ssm-contacts update-contact --contact-id $alice.ContactArn --plan "{\"Stages\": [{\"DurationInMinutes\": 0, \"Targets\": [{\"ChannelTargetInfo\": {\"ContactChannelId\": \"$mail.ContactChannelArn\"}}]}]}"
    let dba = @aws ssm-contacts create-contact --alias dba --display-name "DBA escalation" --type ESCALATION --plan "{\"Stages\": [{\"DurationInMinutes\": 5, \"Targets\": [{\"ContactTargetInfo\": {\"ContactId\": \"$alice.ContactArn\", \"IsEssential\": true}}]}]}"
    let plan = @aws ssm-incidents create-response-plan --name db --incident-template title="DB",impact=2 --engagements $dba.ContactArn
    let incident = @aws ssm-incidents start-incident --response-plan-arn $plan.arn
    @aws ssm-incidents create-timeline-event --incident-record-arn $incident.incidentRecordArn --event-time 2026-11-24T10:40:00Z --event-type Note --event-data '"Mitigated: failed over"'
    @aws ssm-incidents create-timeline-event --incident-record-arn $incident.incidentRecordArn --event-time 2026-11-24T10:07:00Z --event-type "Custom Event" --event-data '"Errors at 40%"'
    .advance 30m
    @aws ssm-incidents update-incident-record --arn $incident.incidentRecordArn --status RESOLVED
    .advance 10m
    @aws ssm-incidents update-incident-record --arn $incident.incidentRecordArn --status OPEN --impact 3
    .advance 20m
    @aws ssm-incidents update-incident-record --arn $incident.incidentRecordArn --status RESOLVED
    """#

    @Test func aTimelineOutOfOrderResolvedReopenedAndNeverAccepted() async throws {
        let (backend, clock, folder) = try Self.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = try Session(backend: backend, settings: SessionSettings(user: "alice"), clock: clock, sink: TranscriptSink(), environment: [:])
        #expect(await Self.run(Self.runbook, in: session) == .ok)
        let arn = try #require(try await Support.incidents(backend).first)
        let facts = try await Support.reader(backend).facts(of: arn)
        let figures = KeyMoments.figures(for: facts, now: clock.now())
        // Written 10:40 then 10:07: listed in time order.
        #expect(figures.timeline.map(\.type) == ["SSM Incident Trigger", "Custom Event", "SSM Incident Record Update", "Note",
                                                  "SSM Incident Record Update", "SSM Incident Record Update"])
        #expect(figures.timeline.map(\.author) == ["alice", nil, "alice", nil, "alice", "alice"])
        // Resolved at 10:30, reopened at 10:40, resolved again at 11:00.
        #expect(figures.reopened == 1)
        #expect(figures.timeToResolve == TimeInterval(60 * 60))
        #expect(figures.timeToMitigate == TimeInterval(40 * 60))
        #expect(figures.impactChanges.map(\.value) == ["2", "3"])
        // Alice was paged at once through stage 1 of the escalation, and never accepted.
        #expect(facts.engagements.map(\.contact) == ["DBA escalation"])
        #expect(facts.pages.map { "\($0.contact) \($0.via ?? "-") \($0.stage.map(String.init) ?? "-")" } == ["Alice DBA escalation 0"])
        #expect(figures.timeToEngage == TimeInterval(0))
        #expect(figures.timeToAcknowledge == nil)
    }

    @Test func theReviewDirectiveReadsABindingAndWritesAFile() async throws {
        let (backend, clock, folder) = try Self.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sink = TranscriptSink()
        let session = try Session(backend: backend, settings: SessionSettings(user: "alice"), clock: clock, sink: sink, environment: [:])
        let file = folder.appendingPathComponent("review.html").path
        #expect(await Self.run(Self.runbook, in: session) == .ok, "\(sink.transcript)")
        // Inside a batch (as a runbook's statements run), the reads go through it.
        let status = try await session.inBatch {
            await Self.run(".review $incident.incidentRecordArn --output-file \(file)\n.review --format json\n", in: session)
        }
        #expect(status == .ok, "\(sink.transcript)")
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.hasPrefix("<!doctype html>") && html.contains("<svg"))
        #expect(sink.transcript.contains("\"timeToResolve\": 3600"))
        #expect(await Self.run(".review arn:aws:ssm-incidents::111122223333:incident-record/db/missing", in: session) == .serviceError)
        #expect(sink.transcript.contains("An error occurred (ResourceNotFoundException) when calling the GetIncidentRecord operation"))
        // As the REPL hands a dot command over: plain words, the reference unresolved.
        #expect(await session.runDirective("review", arguments: ["$incident.incidentRecordArn", "--format", "markdown"]) == .ok)
        #expect(sink.transcript.contains("| Resolved | 2026-11-24T11:00:00Z | 1h 00m |"), "\(sink.transcript.suffix(3000))")
        #expect(await Self.run(".review --format pdf", in: session) == .invalid)
        #expect(await Self.run(".review $nothing", in: session) == .invalid)
    }
}
