import Completion
import Catalog
import Syntax
import Testing
@testable import REPL

struct FakeLive: LiveValues {
    func values(_ kind: LiveResource, given: [String: String]) -> [String] {
        switch kind {
        case .incidentRecordArn: ["arn:aws:ssm-incidents::111122223333:incident-record/db/1", "arn:aws:ssm-incidents::111122223333:incident-record/web/2"]
        case .timelineEventId: given["incident-record-arn"].map { ["event-of-\($0.suffix(1))"] } ?? []
        default: []
        }
    }
}

@Suite("Completion")
struct CompletionTests {
    let completer = Completer(live: FakeLive(), leadingWords: [".help", "help", "let"])

    func complete(_ line: String) -> [String] {
        completer.complete(line, cursor: line.utf8.count).candidates
    }

    @Test func firstWord() {
        #expect(complete("") == ["@aws", "ssm-contacts", "ssm-incidents", ".help", "help", "let"])
        #expect(complete("@") == ["@aws"])
        #expect(complete("ssm-i") == ["ssm-incidents"])
    }

    @Test func servicesAfterMention() {
        #expect(complete("@aws ") == ["ssm-contacts", "ssm-incidents"])
        #expect(complete("@aws ssm-c") == ["ssm-contacts"])
        #expect(complete("let x = @aws ssm-c") == ["ssm-contacts"])
    }

    @Test func operationsByPrefixInitialsAndSubsequence() {
        #expect(complete("@aws ssm-incidents create-t") == ["create-timeline-event"])
        #expect(complete("@aws ssm-incidents cte").first == "create-timeline-event")
        #expect(complete("ssm-incidents lte") == ["list-timeline-events"])
        #expect(complete("ssm-incidents tmln") == ["create-timeline-event", "delete-timeline-event", "get-timeline-event", "list-timeline-events", "update-timeline-event"])
        #expect(complete("@aws ssm-incidents ").count == 31)
    }

    @Test func optionsRequiredFirstAndNotRepeated() {
        let options = complete("@aws ssm-incidents create-timeline-event ")
        #expect(Array(options.prefix(4)).sorted() == ["--event-data", "--event-time", "--event-type", "--incident-record-arn"])
        let after = complete("@aws ssm-incidents create-timeline-event --event-data x ")
        #expect(!after.contains("--event-data"))
        #expect(complete("@aws ssm-incidents update-deletion-protection --no-d") == ["--no-deletion-protected"])
        #expect(complete("@aws ssm-incidents list-incident-records --max-i") == ["--max-items"])
        #expect(complete("@aws ssm-incidents get-incident-record --max-i") == [])
    }

    @Test func enumValues() {
        #expect(complete("@aws ssm-incidents update-incident-record --status ") == ["OPEN", "RESOLVED"])
        #expect(complete("@aws ssm-incidents list-timeline-events --sort-order D") == ["DESCENDING"])
    }

    @Test func shorthandSkeletonForAStructure() {
        let skeleton = complete("@aws ssm-incidents update-incident-record --chat-channel ")
        #expect(skeleton.count == 1)
        #expect(skeleton.first?.contains("chatbotSns=") == true)
    }

    @Test func liveValues() {
        #expect(complete("@aws ssm-incidents get-incident-record --arn ").count == 2)
        #expect(complete("@aws ssm-incidents get-incident-record --arn arn:aws:ssm-incidents::111122223333:incident-record/w")
                == ["arn:aws:ssm-incidents::111122223333:incident-record/web/2"])
        #expect(complete("@aws ssm-incidents get-timeline-event --incident-record-arn a/b/7 --event-id ") == ["event-of-7"])
    }

    @Test func replacesTheWordBeingTyped() {
        let c = completer.complete("@aws ssm-incidents cte", cursor: 22)
        #expect(c.start == 19)
    }
}

@Suite("Continuation")
struct ContinuationTests {
    @Test(arguments: [
        ("@aws ssm-incidents x --title \"open", true),
        ("@aws ssm-incidents x --filters [{\"a\": 1}", true),
        ("@aws ssm-incidents x \\", true),
        ("@aws ssm-incidents x \\\\", false),
        ("@aws ssm-incidents x --title 'done'", false),
        ("@aws ssm-incidents x --filters [{\"a\": 1}]", false),
        ("@aws ssm-incidents x --title 'open\n", true),
        ("@aws ssm-incidents x \\\r\n", true),
        ("@aws ssm-incidents x --filters '[{\"a\": \"]\"}]'", false),
        ("let x = @aws ssm-incidents x --title \"caf\u{e9}", true),
    ])
    func needsMore(text: String, expected: Bool) {
        #expect(StatementReader.needsMore(text) == expected)
    }
}
