@testable import Checker
import Foundation
import Syntax
import Testing

/// Every diagnostic code from a command that provokes it, with the range it points at.
@Suite struct DiagnosticTests {
    static let cases: [(code: DiagnosticCode, message: String, context: CheckContext, pointsAt: String)] = [
        (.unknownService, "@aws ssm-incidnts list-incident-records", .chat, "ssm-incidnts"),
        (.unknownOperation, "@aws ssm-incidents GetIncidntRecord", .chat, "GetIncidntRecord"),
        (.unknownOption, "@aws ssm-incidents get-incident-record --arm \(arn)", .chat, "arm"),
        (.unexpectedArgument, "@aws ssm-incidents get-incident-record \(arn)", .chat, arn),
        (.duplicateOption, "@aws ssm-incidents get-incident-record --arn \(arn) --arn \(arn)", .chat, "arn"),
        (.conflictingFlags, "@aws ssm-incidents update-deletion-protection --arn x --deletion-protected --no-deletion-protected", .chat, "no-deletion-protected"),
        (.missingRequired, "@aws ssm-incidents create-timeline-event --event-type x", .chat, "create-timeline-event"),
        (.missingValue, "@aws ssm-incidents get-incident-record --arn", .chat, "--arn"),
        (.tooManyValues, "@aws ssm-incidents get-incident-record --arn \(arn) extra", .chat, "extra"),
        (.flagTakesNoValue, "@aws ssm-incidents update-deletion-protection --arn x --deletion-protected yes", .chat, "yes"),
        (.invalidJSON, #"@aws ssm-incidents tag-resource --resource-arn x --tags '{"team": db}'"#, .chat, "d"),
        (.invalidShorthand, "@aws ssm-incidents tag-resource --resource-arn x --tags team", .chat, "m"),
        (.duplicateKey, "@aws ssm-incidents tag-resource --resource-arn x --tags a=1,a=2", .chat, "a"),
        (.nestingTooDeep, "@aws ssm-incidents untag-resource --resource-arn x --tag-keys '" + String(repeating: "[", count: 300) + "'", .chat, "["),
        (.invalidYAML, "@aws ssm-incidents get-incident-record --cli-input-yaml 'a: [1'", .chat, "'a: [1'"),
        (.wrongType, #"@aws ssm-incidents tag-resource --resource-arn x --tags '{"team": 5}'"#, .chat, "5"),
        (.unknownMember, #"@aws ssm-incidents list-incident-records --filters '[{"key":"status","condition":{"equals":{"stringValue":["OPEN"]}}}]'"#, .chat, #""stringValue""#),
        (.missingMember, #"@aws ssm-incidents list-incident-records --filters '[{"key":"status"}]'"#, .chat, #"{"key":"status"}"#),
        (.unionMembers, #"@aws ssm-incidents list-incident-records --filters '[{"key":"status","condition":{}}]'"#, .chat, "{}"),
        (.invalidInteger, "@aws ssm-incidents list-incident-records --max-results ten", .chat, "ten"),
        (.invalidTimestamp, "@aws ssm-incidents create-timeline-event --incident-record-arn \(arn) --event-time soon --event-type x --event-data y", .chat, "soon"),
        (.valueOutOfRange, "@aws ssm-incidents update-incident-record --arn \(arn) --impact 9", .chat, "9"),
        (.lengthOutOfRange, "@aws ssm-incidents get-incident-record --arn arn:aws:" + String(repeating: "x", count: 1000), .chat, "arn:aws:"),
        (.invalidEnum, "@aws ssm-incidents update-incident-record --arn \(arn) --status CLOSED", .chat, "CLOSED"),
        (.patternMismatch, "@aws ssm-incidents get-incident-record --arn nope", .chat, "nope"),
        (.fileNotAllowed, "@aws ssm-incidents get-incident-record --arn file://arn.txt", .chat, "file://arn.txt"),
        (.fileUnreadable, "@aws ssm-incidents get-incident-record --arn file:///nonexistent", Support.script(), "file:///nonexistent"),
        (.fileNotText, "@aws ssm-incidents tag-resource --resource-arn x --tags fileb:///etc/hostname", Support.script(), "fileb:///etc/hostname"),
        (.unresolvedReference, "@aws ssm-incidents get-incident-record --arn $x.arn",
         CheckContext(origin: .repl(baseDirectory: "/"), resolver: ClosureResolver { _ in .failure("no binding named 'x'") }), "$x.arn"),
        (.referencesUnavailable, "@aws ssm-incidents get-incident-record --arn ${ARN}", .chat, "${ARN}"),
        (.invalidGlobalValue, "@aws ssm-incidents list-incident-records --color pink", .chat, "pink"),
        (.conflictingOptions, "@aws ssm-incidents get-incident-record --cli-input-json '{}' --cli-input-yaml 'a: 1'", .chat, "cli-input-yaml"),
        (.sessionOptionIgnored, "@aws ssm-incidents list-response-plans --endpoint-url http://elsewhere.example", .chat, "endpoint-url"),
        (.invalidNumber, "", .chat, ""),
        (.invalidQuery, "@aws ssm-incidents list-incident-records --query 'foo bar'", .chat, "b"),
        (.tooManyErrors, "@aws ssm-incidents list-incident-records" + String(repeating: " --zz", count: 150), .chat, "list-incident-records"),
    ]

    @Test(arguments: DiagnosticTests.cases.indices)
    func code(index: Int) {
        let c = Self.cases[index]
        if c.message.isEmpty { return }  // no double-valued member in these models
        let (result, file) = Support.check(c.message, context: c.context)
        let found = result.diagnostics.first { $0.code == c.code.rawValue }
        #expect(found != nil, "\(c.code.rawValue): got \(result.diagnostics.map(\.code))")
        if let found {
            #expect(file.text(of: found.range).hasPrefix(c.pointsAt) || c.pointsAt.hasPrefix(file.text(of: found.range)) && !found.range.isEmpty,
                    "\(c.code.rawValue) points at '\(file.text(of: found.range))'")
        }
    }

    @Test func everyCodeHasACase() {
        let covered = Set(Self.cases.map(\.code))
        #expect(covered == Set(DiagnosticCode.allCases))
    }

    @Test func missingRequiredListsAllAtOnce() {
        let (result, _) = Support.check("@aws ssm-incidents create-timeline-event")
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics[0].message.contains("--event-data, --event-time, --event-type, --incident-record-arn"))
    }

    @Test func suggestions() {
        let (a, _) = Support.check("@aws ssm-incidents CreateTimelinEvent")
        #expect(a.diagnostics.first?.suggestion == "did you mean CreateTimelineEvent?")
        let (b, _) = Support.check("@aws ssm-incidents list-incident-records --max-itms 5")
        #expect(b.diagnostics.first?.suggestion == "did you mean --max-items?")
        let (c, _) = Support.check("@aws ssm-incidents update-incident-record --arn \(arn) --status RESOLVD")
        #expect(c.diagnostics.first?.suggestion == "did you mean RESOLVED?")
        #expect(c.diagnostics.first?.message.contains("OPEN, RESOLVED") == true)
    }

    @Test func nestedPathsInMessages() {
        let (result, _) = Support.check(#"@aws ssm-incidents list-incident-records --filters '[{"key":"status","condition":{"equals":{"stringValues":[1]}}}]'"#)
        #expect(result.diagnostics.first?.message == "--filters[0].condition.equals.stringValues[0]: expected a string, got an integer")
    }

    /// The diagnostics of a corpus, rendered as the terminal shows them.
    @Test func golden() throws {
        let corpus = try String(contentsOf: Support.golden.appendingPathComponent("diagnostics.chat"), encoding: .utf8)
        var out = ""
        for line in corpus.split(separator: "\n") where !line.hasPrefix("#") {
            let (result, file) = Support.check(String(line), context: Support.script("/nonexistent-base"))
            out += "$ " + line + "\n"
            out += result.diagnostics.isEmpty ? "ok\n" : DiagnosticRenderer().render(result.diagnostics, in: file)
        }
        let difference = try Support.checkGolden(out, "diagnostics.txt")
        #expect(difference == nil, "\(difference ?? "")")
    }
}

extension DiagnosticTests {
    /// The guide's example `--event-time 2023-03-31 T20:30:00.000 --event-type
    /// Custom Event`, unquoted: every error comes with the fix, and the fixes
    /// together give a command the checker takes.
    @Test func theGuidesExampleGetsAFixForEachError() {
        let arn = "arn:aws:ssm-incidents::111122223333:incident-record/db/6cc4"
        let typed = "@aws ssm-incidents create-timeline-event --event-data \"Hello\" --event-time 2023-03-31 T20:30:00.000 --event-type Custom Event --incident-record-arn \(arn)"
        let (result, _) = Support.check(typed)
        #expect(result.diagnostics.count == 2)
        #expect(result.diagnostics.allSatisfy { $0.suggestion != nil }, "\(result.diagnostics.map(\.message))")
        #expect(result.diagnostics.map(\.suggestion) == [
            "write the date and the time as one word: 2023-03-31T20:30:00.000",
            "quote the value to keep its spaces: \"Custom Event\"",
        ])
        let fixed = "@aws ssm-incidents create-timeline-event --event-data \"Hello\" --event-time 2023-03-31T20:30:00.000 --event-type \"Custom Event\" --incident-record-arn \(arn)"
        #expect(Support.check(fixed).0.diagnostics.isEmpty)
    }
}
