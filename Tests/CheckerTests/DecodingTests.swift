import Catalog
@testable import Checker
import Foundation
import Testing

/// One test (or a few) per rule of how the AWS CLI decodes a value.
@Suite struct DecodingTests {
    @Test func stringsAndTheirCharacters() {
        #expect(Support.input("@aws ssm-incidents get-incident-record --arn \(arn)") == #"{"arn":"\#(arn)"}"#)
        #expect(Support.input("@aws ssm-incidents create-timeline-event --incident-record-arn \(arn) --event-time 2026-11-24T10:00:00Z --event-type \"Custom Event\" --event-data '\"Failover started\"'")
                == #"{"eventData":"\"Failover started\"","eventTime":"2026-11-24T10:00:00.000Z","eventType":"Custom Event","incidentRecordArn":"\#(arn)"}"#)
    }

    @Test func apiFormOperationNames() {
        #expect(Support.input("@aws ssm-incidents GetIncidentRecord --arn \(arn)") == #"{"arn":"\#(arn)"}"#)
    }

    @Test(arguments: [("5", 5), (" 7 ", 7), ("1_0", 10), ("+3", 3), ("007", 7)])
    func integersAsPythonIntReadsThem(word: String, value: Int) {
        #expect(Support.input("@aws ssm-incidents list-incident-records --max-results '\(word)'") == #"{"maxResults":\#(value)}"#)
    }

    @Test(arguments: ["5.0", "x", "1__0", "", "1e3"])
    func notIntegers(word: String) {
        #expect(Support.codes("@aws ssm-incidents list-incident-records --max-results '\(word)'") == ["invalid-integer"])
    }

    @Test(arguments: [
        ("2026-11-24T10:00:00Z", "2026-11-24T10:00:00.000Z"),
        ("2026-11-24T10:00:00", "2026-11-24T10:00:00.000Z"),
        ("2026-11-24T10:00:00.987654Z", "2026-11-24T10:00:00.987Z"),
        ("2026-11-24T12:30:00+02:00", "2026-11-24T10:30:00.000Z"),
        ("2026-11-24T05:00:00-0500", "2026-11-24T10:00:00.000Z"),
        ("2026-11-24 10:00:00", "2026-11-24T10:00:00.000Z"),
        ("20261124T100000Z", "2026-11-24T10:00:00.000Z"),
        ("2026-11-24", "2026-11-24T00:00:00.000Z"),
        ("1795000000", "2026-11-18T11:06:40.000Z"),
        ("1795000000.25", "2026-11-18T11:06:40.250Z"),
        ("-86400", "1969-12-31T00:00:00.000Z"),
    ])
    func timestamps(word: String, iso: String) {
        let input = Support.input("@aws ssm-incidents create-timeline-event --incident-record-arn \(arn) --event-time '\(word)' --event-type x --event-data y")
        #expect(input?.contains(#""eventTime":"\#(iso)""#) == true, "\(word) → \(input ?? "nil")")
    }

    @Test(arguments: ["yesterday", "2026-13-01", "2026-02-30T10:00:00Z", "2026-11-24T25:00:00Z", "2026-11-24T10:00:00+2"])
    func notTimestamps(word: String) {
        #expect(Support.codes("@aws ssm-incidents create-timeline-event --incident-record-arn \(arn) --event-time '\(word)' --event-type x --event-data y")
                == ["invalid-timestamp"])
    }

    @Test func booleanFlags() {
        let base = "@aws ssm-incidents update-deletion-protection --arn arn:aws:ssm-incidents::111122223333:replication-set/x"
        #expect(Support.input(base + " --deletion-protected")?.contains(#""deletionProtected":true"#) == true)
        #expect(Support.input(base + " --no-deletion-protected")?.contains(#""deletionProtected":false"#) == true)
        #expect(Support.codes(base + " --deletion-protected true") == ["flag-takes-no-value"])
        #expect(Support.codes(base + " --deletion-protected --no-deletion-protected") == ["conflicting-flags"])
        #expect(Support.codes(base) == ["missing-required"])
    }

    @Test func listsOfScalarsTakeSeveralWordsAndKeepCommas() {
        let base = "@aws ssm-incidents untag-resource --resource-arn x"
        #expect(Support.input(base + " --tag-keys a b c") == #"{"resourceArn":"x","tagKeys":["a","b","c"]}"#)
        // As in the AWS CLI: a comma does not split a list of scalars.
        #expect(Support.input(base + " --tag-keys a,b c") == #"{"resourceArn":"x","tagKeys":["a,b","c"]}"#)
        #expect(Support.input(base + #" --tag-keys '["a","b"]'"#) == #"{"resourceArn":"x","tagKeys":["a","b"]}"#)
        #expect(Support.input(base + " --tag-keys") == nil)
    }

    @Test func jsonForStructuresListsAndMaps() {
        #expect(Support.input(#"@aws ssm-incidents list-incident-records --filters '[{"key":"status","condition":{"equals":{"stringValues":["OPEN"]}}}]'"#)
                == #"{"filters":[{"condition":{"equals":{"stringValues":["OPEN"]}},"key":"status"}]}"#)
        // Typed without quotes: the bracketed word runs to its closing bracket.
        #expect(Support.input(#"@aws ssm-incidents list-incident-records --filters [{"key": "status", "condition": {"equals": {"stringValues": ["OPEN"]}}}]"#)
                == #"{"filters":[{"condition":{"equals":{"stringValues":["OPEN"]}},"key":"status"}]}"#)
        #expect(Support.input(#"@aws ssm-incidents tag-resource --resource-arn x --tags '{"team":"db","team":"ops"}'"#)
                == #"{"resourceArn":"x","tags":{"team":"ops"}}"#)
        // One JSON object per word for a list of structures.
        #expect(Support.input(#"@aws ssm-incidents list-incident-records --filters '{"key":"status","condition":{"equals":{"stringValues":["OPEN"]}}}'"#)
                == #"{"filters":[{"condition":{"equals":{"stringValues":["OPEN"]}},"key":"status"}]}"#)
    }

    @Test func shorthand() {
        let f = "@aws ssm-incidents list-incident-records --filters "
        #expect(Support.input(f + "key=status,condition={equals={stringValues=[OPEN,RESOLVED]}}")
                == #"{"filters":[{"condition":{"equals":{"stringValues":["OPEN","RESOLVED"]}},"key":"status"}]}"#)
        // A bare `k=a,b` list, spaces around the signs, quoted values.
        // Inside braces a comma ends the value, as in the CLI; at the top a bare list works.
        #expect(Support.codes(f + "'key=status,condition={equals={stringValues=OPEN,RESOLVED}}'") == ["invalid-shorthand"])
        #expect(Support.input("@aws ssm-incidents update-incident-record --arn \(arn) --chat-channel chatbotSns=arn:aws:sns:us-east-1:111122223333:a,arn:aws:sns:us-east-1:111122223333:b")?
            .contains(#""chatChannel":{"chatbotSns":["arn:aws:sns:us-east-1:111122223333:a","arn:aws:sns:us-east-1:111122223333:b"]}"#) == true)
        #expect(Support.input(f + "'key = status , condition = { equals = { stringValues = [ OPEN ] } }'")
                == #"{"filters":[{"condition":{"equals":{"stringValues":["OPEN"]}},"key":"status"}]}"#)
        #expect(Support.input(f + #"'key="status",condition={equals={integerValues=[1,2]}}' key=impact,condition={before=2026-11-24T10:00:00Z}"#)
                == #"{"filters":[{"condition":{"equals":{"integerValues":[1,2]}},"key":"status"},{"condition":{"before":"2026-11-24T10:00:00.000Z"},"key":"impact"}]}"#)
        // A single value where a list goes becomes a list of one.
        #expect(Support.input(f + "key=status,condition={equals={stringValues=OPEN}}")
                == #"{"filters":[{"condition":{"equals":{"stringValues":["OPEN"]}},"key":"status"}]}"#)
    }

    @Test func shorthandMapsEscapesAndEmptyValues() {
        let t = "@aws ssm-incidents tag-resource --resource-arn x --tags "
        #expect(Support.input(t + "team=db,owner=alice") == #"{"resourceArn":"x","tags":{"team":"db","owner":"alice"}}"#)
        #expect(Support.input(t + #"'team=db\,ops,empty='"#) == #"{"resourceArn":"x","tags":{"team":"db,ops","empty":""}}"#)
        #expect(Support.input(t + #"'owner="alice, bob"'"#) == #"{"resourceArn":"x","tags":{"owner":"alice, bob"}}"#)
        #expect(Support.input(t + "'team=db   '") == #"{"resourceArn":"x","tags":{"team":"db"}}"#)
        #expect(Support.codes(t + "team=db,team=ops") == ["duplicate-key"])
        #expect(Support.codes(t + "team=db,") == ["invalid-shorthand"])
    }

    @Test func shorthandTypesFollowTheShape() {
        let c = "@aws ssm-contacts create-contact --alias alice --type PERSONAL --plan "
        #expect(Support.input(c + "'Stages=[{DurationInMinutes=5,Targets=[{ContactTargetInfo={ContactId=arn:aws:ssm-contacts:us-east-1:111122223333:contact/bob,IsEssential=TRUE}}]}]'")?
            .contains(#""DurationInMinutes":5,"Targets":[{"ContactTargetInfo":{"ContactId":"arn:aws:ssm-contacts:us-east-1:111122223333:contact/bob","IsEssential":true}}]"#) == true)
        #expect(Support.codes(c + "'Stages=[{DurationInMinutes=five,Targets=[]}]'") == ["invalid-integer"])
        #expect(Support.codes(c + "'Stages=[{DurationInMinutes=5,Targets=[{ContactTargetInfo={IsEssential=maybe}}]}]'") == ["wrong-type"])
    }

    @Test func filesInScriptsAndNotInChat() throws {
        let path = try Support.temporaryFile(Array("\(arn)\r\n".utf8))
        let message = "@aws ssm-incidents get-incident-record --arn file://\(path)"
        // The file's text, with Python's newline translation; the pattern allows the final line break.
        #expect(Support.input(message, context: Support.script()) == #"{"arn":"\#(arn)\n"}"#)
        #expect(Support.codes(message) == ["file-not-allowed"])
        let relative = (path as NSString).lastPathComponent
        #expect(Support.input("@aws ssm-incidents get-incident-record --arn file://\(relative)",
                              context: Support.script((path as NSString).deletingLastPathComponent)) != nil)
        #expect(Support.codes("@aws ssm-incidents get-incident-record --arn file:///no/such/file", context: Support.script())
                == ["file-unreadable"])
        #expect(Support.codes("@aws ssm-incidents get-incident-record --arn fileb://\(path)", context: Support.script())
                == ["file-not-text"])
        let json = try Support.temporaryFile(Array(#"{"team":"db"}"#.utf8))
        #expect(Support.input("@aws ssm-incidents tag-resource --resource-arn x --tags file://\(json)", context: Support.script())
                == #"{"resourceArn":"x","tags":{"team":"db"}}"#)
    }

    @Test func inputDocumentsMergeUnderExplicitOptions() {
        let u = "@aws ssm-incidents update-incident-record"
        #expect(Support.input(u + #" --impact 3 --cli-input-json '{"arn":"\#(arn)","title":"From the document","impact":1}'"#)
                == #"{"arn":"\#(arn)","impact":3,"title":"From the document"}"#)
        #expect(Support.input(u + " --cli-input-yaml 'arn: \(arn)\nimpact: 2\nstatus: RESOLVED'")
                == #"{"arn":"\#(arn)","impact":2,"status":"RESOLVED"}"#)
        #expect(Support.codes(u + #" --cli-input-json '{"status":"RESOLVED"}'"#) == ["missing-required"])
        #expect(Support.codes(u + #" --cli-input-json '{"arn":"\#(arn)","nope":1}'"#) == ["unknown-member"])
        #expect(Support.codes(u + #" --cli-input-json '{"arn":"\#(arn)"}' --cli-input-yaml 'a: 1'"#) == ["conflicting-options"])
    }

    @Test func skeletons() throws {
        let (result, _) = Support.check("@aws ssm-incidents get-incident-record --generate-cli-skeleton")
        let command = try #require(result.command)
        #expect(command.skeleton?.indented() == "{\n    \"arn\": \"\"\n}")
        let output = Support.check("@aws ssm-incidents get-incident-record --arn \(arn) --generate-cli-skeleton output").result.command
        #expect(output?.globals.generateCLISkeleton == .output)
        #expect(Support.codes("@aws ssm-incidents get-incident-record --generate-cli-skeleton output") == ["missing-required"])
    }

    @Test func globalOptions() throws {
        let (result, _) = Support.check("@aws ssm-incidents list-incident-records --output table --query 'incidentRecordSummaries[0]' --region eu-west-1 --profile ops --endpoint-url http://localhost:4566 --max-items 5 --page-size 2 --starting-token t --no-paginate --debug --color off")
        let g = try #require(result.command?.globals)
        #expect(g.output == .table && g.query?.text == "incidentRecordSummaries[0]" && g.region == "eu-west-1" && g.profile == "ops")
        #expect(g.endpointURL == "http://localhost:4566" && g.maxItems == 5 && g.pageSize == 2 && g.startingToken == "t")
        #expect(g.noPaginate && g.debug && g.color == .off)
        // Options of the whole session are read as the CLI reads them, and each is said to be ignored.
        #expect(result.diagnostics.map(\.code) == ["session-option-ignored", "session-option-ignored", "session-option-ignored"])
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning && $0.suggestion != nil })
        #expect(Support.codes("@aws ssm-incidents list-incident-records --endpoint-url http://elsewhere.example") == ["session-option-ignored"])
        #expect(Support.codes("@aws ssm-incidents list-incident-records --output xml") == ["invalid-global-value"])
        #expect(Support.codes("@aws ssm-incidents get-incident-record --arn \(arn) --max-items 5") == ["unknown-option"])
    }

    @Test func referencesNeedAResolver() {
        let message = "@aws ssm-incidents get-incident-record --arn $incident.incidentRecordArn"
        #expect(Support.codes(message) == ["references-unavailable"])
        let resolver = ClosureResolver { reference in
            reference.name == "incident" ? .text(arn) : .failure("no binding named '\(reference.name)'")
        }
        #expect(Support.input(message, context: CheckContext(origin: .repl(baseDirectory: "/"), resolver: resolver)) == #"{"arn":"\#(arn)"}"#)
        #expect(Support.codes("@aws ssm-incidents get-incident-record --arn $other.arn",
                              context: CheckContext(origin: .repl(baseDirectory: "/"), resolver: resolver)) == ["unresolved-reference"])
        let deferred = Support.check(message, context: CheckContext(origin: .script(baseDirectory: "/"), resolver: ClosureResolver { _ in .deferred }))
        #expect(deferred.result.command?.deferred["arn"] == "$incident.incidentRecordArn")
    }
}
